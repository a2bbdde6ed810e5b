//! The index file: a header, the key, one line per notice, pack, figure,
//! theme, summary and key-data point, then one line of questions for each
//! theme in turn, fields split by tabs, and `end`. Tabs, newlines and backslashes in the text are escaped, so each
//! record is one line. A file that does not end with `end`, or has a line
//! this version does not know, is not used at all.

use super::Key;
use crate::content::library::Library;
use std::fmt::Write;

use crate::content::model::{Figure, Pack, Question};
use crate::words::Audience;

const HEADER: &str = "reflect content index 1";
const END: &str = "end";

/// The index of `library`, read from `key`: what home's first frame
/// draws of it (see the module's documentation), no more.
pub fn encode(key: &Key, library: &Library) -> String {
    let mut out = Lines(format!("{HEADER}\nkey\t{}\n", escape(key.as_str())));
    for notice in &library.notices {
        out.line(&["N", notice]);
    }
    // Only the first theme's summary and key data: home draws no other.
    let mut first_theme = true;
    for pack in &library.packs {
        out.pack(pack, &mut first_theme);
    }
    for (_, theme) in library.themes() {
        out.line(&["Q", &questions_field(&theme.questions)]);
    }
    out.0.push_str(END);
    out.0.push('\n');
    out.0
}

/// The index's text as it is written, a line of tab-separated fields at a
/// time.
struct Lines(String);

impl Lines {
    fn line(&mut self, fields: &[&str]) {
        let escaped: Vec<String> = fields.iter().map(|f| escape(f)).collect();
        self.0.push_str(&escaped.join("\t"));
        self.0.push('\n');
    }

    /// A pack, its figures and its themes' titles.
    fn pack(&mut self, pack: &Pack, first_theme: &mut bool) {
        let optional = [
            &pack.overview.period,
            &pack.short_source,
            &pack.source,
            &pack.copyright,
            &pack.licence,
        ]
        .map(|o| optional_field(o.as_deref()));
        let mut fields = vec!["P", &pack.id, &pack.title, &pack.origin.layer];
        fields.extend(optional.iter().map(String::as_str));
        self.line(&fields);
        for figure in &pack.overview.figures {
            self.line(&["F", &figure.value, &figure.label]);
        }
        for theme in &pack.themes {
            self.line(&["T", &theme.id, &theme.title]);
            if !std::mem::take(first_theme) {
                continue;
            }
            if let Some(summary) = &theme.summary {
                self.line(&["S", summary]);
            }
            for point in &theme.key_data {
                self.line(&["K", point]);
            }
        }
    }
}

/// The preview in `text`, when it was read from `key` and is whole. Only
/// the first `themes_counted` themes get their questions (each theme
/// takes two rows at least, so a screen of that many rows shows no more):
/// 10,000 questions take longer to make than the rest of the first frame,
/// so they come last, a line a theme, and the rest is not read.
pub fn decode(text: &str, key: &Key, themes_counted: usize) -> Option<Library> {
    if !text.ends_with(&format!("\n{END}\n")) {
        return None;
    }
    let mut lines = split_bytes(text, b'\n');
    if lines.next()? != HEADER {
        return None;
    }
    let stored = lines.next()?.strip_prefix("key\t")?;
    if unescape(stored) != key.as_str() {
        return None;
    }
    let mut library = Library::default();
    let mut first_questions = None;
    for line in lines.by_ref() {
        if let Some(questions) = line.strip_prefix("Q\t") {
            first_questions = Some(questions);
            break;
        }
        add(&mut library, line)?;
    }
    let questions = first_questions
        .into_iter()
        .chain(lines.map_while(|l| l.strip_prefix("Q\t")));
    let mut themes = library.packs.iter_mut().flat_map(|p| p.themes.iter_mut());
    for questions in questions.take(themes_counted) {
        themes.next()?.questions = read_questions(questions)?;
    }
    Some(library)
}

/// One line into `library`; `None` when it cannot be read.
fn add(library: &mut Library, line: &str) -> Option<()> {
    let (kind, rest) = split_once_byte(line, b'\t')?;
    if kind == "N" {
        library.notices.push(unescape(rest));
        return Some(());
    }
    if kind == "P" {
        let [id, title, layer, optional @ ..] = fields::<8>(rest)?;
        let [period, short_source, source, copyright, licence] = optional.map(read_optional);
        let mut pack = super::bare_pack(unescape(id), unescape(title), unescape(layer));
        pack.overview.period = period?;
        pack.short_source = short_source?;
        pack.source = source?;
        pack.copyright = copyright?;
        pack.licence = licence?;
        library.packs.push(pack);
        return Some(());
    }
    let pack = library.packs.last_mut()?;
    if kind == "F" {
        let [value, label] = fields(rest)?;
        let (value, label) = (unescape(value), unescape(label));
        pack.overview.figures.push(Figure { value, label });
        return Some(());
    }
    if kind == "T" {
        let [id, title] = fields(rest)?;
        pack.themes
            .push(super::bare_theme(unescape(id), unescape(title)));
        return Some(());
    }
    let theme = pack.themes.last_mut()?;
    match kind {
        "S" => theme.summary = Some(unescape(rest)),
        "K" => theme.key_data.push(unescape(rest)),
        _ => return None,
    }
    Some(())
}

/// A theme's questions in one field, in their order: each is its
/// audience (its place in `Audience::ALL`), `:` and its id, split by
/// commas. Ids are slugs, so they hold neither.
fn questions_field(questions: &[Question]) -> String {
    let mut field = String::with_capacity(questions.len() * 8);
    for (i, q) in questions.iter().enumerate() {
        if i > 0 {
            field.push(',');
        }
        let audience = Audience::ALL
            .iter()
            .position(|a| *a == q.audience)
            .unwrap_or(0);
        let _ = write!(field, "{audience}:{}", q.id);
    }
    field
}

fn read_questions(field: &str) -> Option<Vec<Question>> {
    let mut questions = Vec::new();
    for item in split_bytes(field, b',').filter(|item| !item.is_empty()) {
        let audience = match item.as_bytes().first()? {
            digit @ b'0'..=b'9' => Audience::ALL.get(usize::from(digit - b'0'))?,
            _ => return None,
        };
        let id = item.get(1..)?.strip_prefix(':')?;
        questions.push(super::bare_question(id.to_owned(), *audience));
    }
    Some(questions)
}

/// Exactly `N` tab-separated fields, still escaped.
fn fields<const N: usize>(text: &str) -> Option<[&str; N]> {
    let mut out = [""; N];
    let mut parts = split_bytes(text, b'\t');
    for slot in &mut out {
        *slot = parts.next()?;
    }
    parts.next().is_none().then_some(out)
}

/// `-` for none, else `+` and the text: an empty text is a text too.
fn optional_field(text: Option<&str>) -> String {
    text.map_or_else(|| "-".to_owned(), |t| format!("+{t}"))
}

/// `None` when the field is neither; `Some(None)` for none.
fn read_optional(field: &str) -> Option<Option<String>> {
    match field.split_at_checked(1)? {
        ("-", "") => Some(None),
        ("+", text) => Some(Some(unescape(text))),
        _ => None,
    }
}

/// `text` split at every `separator`, an ASCII byte (so every cut falls
/// between characters): the index is read in a few hundred microseconds
/// or not worth having, and this costs a third of `str::split`.
fn split_bytes(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let text = rest?;
        match split_once_byte(text, separator) {
            Some((part, after)) => {
                rest = Some(after);
                Some(part)
            }
            None => rest.take(),
        }
    })
}

fn split_once_byte(text: &str, separator: u8) -> Option<(&str, &str)> {
    let at = text.bytes().position(|b| b == separator)?;
    Some((text.get(..at)?, text.get(at + 1..)?))
}

fn escape(text: &str) -> String {
    if !text.contains(['\\', '\t', '\n', '\r']) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(text: &str) -> String {
    if !text.as_bytes().contains(&b'\\') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}
