//! One line of text as tokens: runs of letters and digits, runs of white
//! space, and single other characters, each with its byte range. Built from
//! `char_indices`, so every range starts and ends on a character boundary
//! whatever the text holds.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// Letters only (an apostrophe between letters is part of the word:
    /// "O'Brien", "Sarah's").
    Word,
    /// ASCII digits only.
    Number,
    /// Letters and digits together: "SW1A", "12a", "3rd".
    Mixed,
    Space,
    /// Any other single character.
    Punct(char),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: Tok,
}

/// A line and its tokens, with the questions every detector asks of them.
pub struct Line<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_alnum(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (accents typed as a separate character) stay in their word.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

impl<'a> Line<'a> {
    pub fn new(text: &'a str) -> Line<'a> {
        let mut tokens = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            let (end, kind) = if is_alnum(c) {
                alnum_run(text, start, c, &mut chars)
            } else if c.is_whitespace() {
                let mut end = start + c.len_utf8();
                while let Some(&(i, next)) = chars.peek().filter(|(_, n)| n.is_whitespace()) {
                    end = i + next.len_utf8();
                    chars.next();
                }
                (end, Tok::Space)
            } else {
                (start + c.len_utf8(), Tok::Punct(c))
            };
            tokens.push(Token {
                range: start..end,
                kind,
            });
        }
        Line { text, tokens }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn kind(&self, i: usize) -> Option<Tok> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// The token's text ("" past the end).
    pub fn str(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.range.clone()))
            .unwrap_or("")
    }

    pub fn range(&self, i: usize) -> Range<usize> {
        self.tokens.get(i).map_or(0..0, |t| t.range.clone())
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Tok::Word)
    }

    pub fn is_number(&self, i: usize) -> bool {
        self.kind(i) == Some(Tok::Number)
    }

    pub fn is_space(&self, i: usize) -> bool {
        self.kind(i) == Some(Tok::Space)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Tok::Punct(c))
    }

    /// The next token that is not white space, after `i`.
    pub fn next_solid(&self, i: usize) -> Option<usize> {
        (i + 1..self.len()).find(|&j| !self.is_space(j))
    }

    /// The nearest token before `i` that is not white space.
    pub fn prev_solid(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| !self.is_space(j))
    }

    /// The word after `i`, past white space only (not past punctuation).
    pub fn next_word(&self, i: usize) -> Option<usize> {
        self.next_solid(i).filter(|&j| self.is_word(j))
    }

    /// The word before `i`, past white space only.
    pub fn prev_word(&self, i: usize) -> Option<usize> {
        self.prev_solid(i).filter(|&j| self.is_word(j))
    }

    /// The token is `word` (ASCII letters in any case; a possessive `'s`
    /// aside). No allocation: this is asked of every token.
    pub fn is(&self, i: usize, word: &str) -> bool {
        base(self.str(i)).eq_ignore_ascii_case(word)
    }

    /// The token is one of `words` (see [`Line::is`]).
    pub fn is_one_of(&self, i: usize, words: &[&str]) -> bool {
        let token = base(self.str(i));
        words.iter().any(|w| token.eq_ignore_ascii_case(w))
    }

    /// The word's text in lower case, without a possessive `'s`.
    pub fn lower(&self, i: usize) -> String {
        base(self.str(i)).to_lowercase()
    }

    /// A capital first letter and at least one small letter after it
    /// ("Sarah", "McDonald", "O'Brien"; not "NHS", "I" or "sarah").
    pub fn is_capitalised(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let mut chars = self.str(i).chars();
        chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
    }

    /// Whether the word at `i` begins a sentence: the line's start, or after
    /// `.`, `!`, `?`, `:` or `;`, past white space, quotes, brackets and
    /// bullets.
    pub fn starts_sentence(&self, i: usize) -> bool {
        let mut j = i;
        while let Some(p) = self.prev_solid(j) {
            match self.kind(p) {
                Some(Tok::Punct('.' | '!' | '?' | ':' | ';' | '…')) => return true,
                Some(Tok::Punct(
                    '"' | '\'' | '“' | '‘' | '(' | '[' | '-' | '*' | '•' | '–' | '—' | '>',
                )) => j = p,
                _ => return false,
            }
        }
        true
    }
}

/// A run of letters and digits from `c` at `start` (an apostrophe between
/// letters stays in it): where it ends and what it is.
fn alnum_run(
    text: &str,
    start: usize,
    c: char,
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
) -> (usize, Tok) {
    let mut end = start + c.len_utf8();
    let (mut digits, mut letters) = (c.is_ascii_digit(), !c.is_ascii_digit());
    while let Some(&(i, next)) = chars.peek() {
        let after = &text[i + next.len_utf8()..];
        let apostrophe = is_apostrophe(next)
            && after.chars().next().is_some_and(char::is_alphabetic)
            && text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic);
        if !(is_alnum(next) || apostrophe) {
            break;
        }
        digits |= next.is_ascii_digit();
        letters |= !next.is_ascii_digit();
        end = i + next.len_utf8();
        chars.next();
    }
    let kind = match (digits, letters) {
        (true, false) => Tok::Number,
        (false, _) => Tok::Word,
        (true, true) => Tok::Mixed,
    };
    (end, kind)
}

/// A word without a trailing possessive `'s` (or `’s`).
pub fn base(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .or_else(|| word.strip_suffix("'S"))
        .unwrap_or(word)
}

/// Whether the word has a possessive `'s`.
pub fn is_possessive(word: &str) -> bool {
    base(word).len() != word.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, Tok)> {
        let line = Line::new(text);
        (0..line.len())
            .map(|i| (line.str(i).to_owned(), line.kind(i).unwrap()))
            .collect()
    }

    #[test]
    fn words_numbers_and_mixed_runs_keep_their_boundaries() {
        let got = kinds("Sarah's SW1A 1AA, 07700-900");
        let want = [
            ("Sarah's", Tok::Word),
            (" ", Tok::Space),
            ("SW1A", Tok::Mixed),
            (" ", Tok::Space),
            ("1AA", Tok::Mixed),
            (",", Tok::Punct(',')),
            (" ", Tok::Space),
            ("07700", Tok::Number),
            ("-", Tok::Punct('-')),
            ("900", Tok::Number),
        ];
        let want: Vec<(String, Tok)> = want.iter().map(|(s, k)| ((*s).to_owned(), *k)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn odd_unicode_stays_on_character_boundaries() {
        for text in [
            "Zoë  Łukasz \u{202e}Ahmed\u{202c} 👩\u{200d}👧 e\u{301}mile ١٢٣ 'quoted'",
            "\u{feff}\u{200d}",
            "’s'",
        ] {
            let line = Line::new(text);
            for token in &line.tokens {
                assert!(text.is_char_boundary(token.range.start));
                assert!(text.is_char_boundary(token.range.end));
            }
            let joined: String = (0..line.len()).map(|i| line.str(i)).collect();
            assert_eq!(joined, text);
        }
    }

    #[test]
    fn sentence_starts_and_capitals() {
        let line = Line::new("Grace said: \"Will is here.\" Then Mark");
        let at = |word: &str| (0..line.len()).find(|&i| line.str(i) == word).unwrap();
        assert!(line.starts_sentence(at("Grace")));
        assert!(line.starts_sentence(at("Will")));
        assert!(line.starts_sentence(at("Then")));
        assert!(!line.starts_sentence(at("Mark")));
        assert!(!line.starts_sentence(at("said")));
        assert!(line.is_capitalised(at("Mark")));
        assert!(!Line::new("NHS").is_capitalised(0));
        assert_eq!(base("Sarah's"), "Sarah");
        assert!(is_possessive("Sarah’s"));
    }
}
