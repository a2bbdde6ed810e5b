//! The words that never count as a name: every word of the loaded content
//! (the Panel's own text, a team's packs, the questions and prompts), so
//! that quoting or echoing the content is never marked.

use std::collections::HashSet;

use super::tokens::Line;
use crate::content::{Library, Pack, Theme};

/// Words in lower case, without a possessive `'s`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words(HashSet<String>);

impl Words {
    /// No words at all.
    pub fn none() -> Words {
        Words::default()
    }

    /// Every word of every pack in the library.
    pub fn of_library(library: &Library) -> Words {
        let mut words = Words::none();
        for pack in &library.packs {
            words.add_pack(pack);
        }
        words
    }

    /// The words of `text` (a question's wording, say), added.
    pub fn add(&mut self, text: &str) {
        for line in text.split('\n') {
            let line = Line::new(line);
            for i in 0..line.len() {
                if line.is_word(i) {
                    self.0.insert(line.lower(i));
                }
            }
        }
    }

    /// A word (any case, possessive or not) is one of these.
    pub fn contains(&self, lower: &str) -> bool {
        self.0.contains(lower)
    }

    /// Every word of `text` is already here.
    pub fn has_all_of(&self, text: &str) -> bool {
        let mut extra = Words::none();
        extra.add(text);
        extra.0.iter().all(|w| self.0.contains(w))
    }

    fn add_pack(&mut self, pack: &Pack) {
        let overview = &pack.overview;
        let texts = [
            Some(&pack.title),
            pack.summary.as_ref(),
            pack.source.as_ref(),
            pack.short_source.as_ref(),
            pack.published.as_ref(),
            pack.licence.as_ref(),
            pack.copyright.as_ref(),
            pack.link_text.as_ref(),
            overview.period.as_ref(),
            overview.statement.as_ref(),
            overview.statement_from.as_ref(),
            overview.text.as_ref(),
            overview.text_from.as_ref(),
            overview.questions_intro.as_ref(),
        ];
        for text in texts.into_iter().flatten() {
            self.add(text);
        }
        for figure in &overview.figures {
            self.add(&figure.label);
        }
        for theme in &pack.themes {
            self.add_theme(theme);
        }
        if let Some(conclusion) = &pack.conclusion {
            self.add(&conclusion.title);
            self.add(&conclusion.text);
        }
    }

    fn add_theme(&mut self, theme: &Theme) {
        self.add(&theme.title);
        for text in [
            &theme.summary,
            &theme.statement,
            &theme.statement_heading,
            &theme.calls_on,
        ]
        .into_iter()
        .flatten()
        {
            self.add(text);
        }
        for text in theme.key_data.iter().chain(&theme.learning) {
            self.add(text);
        }
        for question in &theme.questions {
            self.add(&question.text);
            for prompt in &question.prompts {
                self.add(prompt);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Layer;

    #[test]
    fn the_builtin_content_gives_its_words_in_lower_case() {
        let words = Words::of_library(&Library::load(&[Layer::builtin()]));
        assert!(words.0.len() > 500, "{}", words.0.len());
        for word in ["safeguarding", "panel", "practitioners", "jill", "powell"] {
            assert!(words.contains(word), "{word}");
        }
        assert!(!words.contains("sarah"));
        assert!(words.has_all_of("The Panel's practitioners"));
        assert!(!words.has_all_of("Panel Sarah"));
    }
}
