//! A form people hand in (Social Work England's CPD record, the NMC's
//! reflective account), as data: its name, where its wording comes from
//! and when that was checked, and its fields with what fills each.
//!
//! Read with the same spanned reader as content, so a copy someone edits
//! gets the same `path:line:col` messages from `reflect check`.

use std::path::Path;

use crate::content::diagnostic::{self, Diagnostic};
use crate::content::reader::{FileContext, TableReader, parse_document};
use crate::content::suggest;

const ROOT_KEYS: &[&str] = &["form", "field"];
const FORM_KEYS: &[&str] = &["id", "name", "source", "also", "checked", "rules", "limits"];
const FIELD_KEYS: &[&str] = &["label", "help", "limit", "from"];
/// The largest limit a field may state, in characters.
const MOST: i64 = 1_000_000;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Form {
    pub id: String,
    pub name: String,
    /// The page its wording comes from.
    pub source: String,
    /// Further pages it was checked against.
    pub also: Vec<String>,
    /// The day the wording was last compared with its sources.
    pub checked: String,
    /// What the body asks for beyond the fields (how many, how often).
    pub rules: Vec<String>,
    /// What is known of the form's character limits.
    pub limits: Option<String>,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: String,
    /// reflect's own help, if any.
    pub help: Option<String>,
    /// The most characters the form takes, where that is known.
    pub limit: Option<usize>,
    /// What fills the field, in order.
    pub from: Vec<Source>,
}

/// A part of a reflection that can fill a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The type of CPD (a hand-in detail).
    Activity,
    /// What the reflection was: the pack, the theme, the questions' audience.
    Description,
    /// The day it was started.
    Date,
    /// Each answered question and its answer.
    Answers,
    Actions,
    Notes,
    /// Peer reflection: with whom (a role), and what was learnt.
    Peer,
    /// What an NMC account is about.
    Nature,
    /// The themes of the NMC Code.
    CodeThemes,
}

impl Source {
    const ALL: [(&'static str, Source); 9] = [
        ("activity", Source::Activity),
        ("description", Source::Description),
        ("date", Source::Date),
        ("answers", Source::Answers),
        ("actions", Source::Actions),
        ("notes", Source::Notes),
        ("peer", Source::Peer),
        ("nature", Source::Nature),
        ("code_themes", Source::CodeThemes),
    ];

    fn from_key(key: &str) -> Option<Source> {
        Source::ALL.iter().find(|(k, _)| *k == key).map(|(_, s)| *s)
    }
}

impl Form {
    /// A form with nothing known about it: what is used when a file
    /// compiled into reflect could not be read (a test guards that).
    pub fn unknown(id: &str) -> Form {
        Form {
            id: id.to_owned(),
            name: id.to_owned(),
            ..Form::default()
        }
    }

    /// Whether any field states a limit.
    pub fn has_limits(&self) -> bool {
        self.fields.iter().any(|f| f.limit.is_some())
    }
}

/// Reads a form file; `None` (with every problem) when it has errors.
pub fn parse(path: &Path, text: &str) -> (Option<Form>, Vec<Diagnostic>) {
    let mut cx = FileContext::new(path, text);
    let Some(root) = parse_document(&mut cx, text) else {
        return (None, cx.diagnostics);
    };
    let reader = TableReader::new(&mut cx, &root, 0..0, "the file", ROOT_KEYS);
    let form = read_form(&mut cx, &reader);
    let fields: Vec<Field> = reader
        .tables(&mut cx, "field")
        .into_iter()
        .filter_map(|(table, span)| {
            let field = TableReader::new(&mut cx, table, span, "[[field]]", FIELD_KEYS);
            read_field(&mut cx, &field)
        })
        .collect();
    if fields.is_empty() && !reader.has("field") {
        cx.error(&(0..0), "a form needs at least one `[[field]]`");
    }
    diagnostic::sort(&mut cx.diagnostics);
    let ok = !cx.diagnostics.iter().any(Diagnostic::is_error);
    let form = form.filter(|_| ok).map(|form| Form { fields, ..form });
    (form, cx.diagnostics)
}

fn read_form(cx: &mut FileContext<'_>, root: &TableReader<'_, '_>) -> Option<Form> {
    let Some((table, span)) = root.table(cx, "form") else {
        cx.error(&(0..0), "missing the `[form]` table")
            .push_hint("start the file with `[form]`, its `id`, `name`, `source` and `checked`");
        return None;
    };
    let form = TableReader::new(cx, table, span, "[form]", FORM_KEYS);
    let id = form.required_text(cx, "id");
    let name = form.required_text(cx, "name");
    let source = form.required_text(cx, "source");
    let checked = form.optional_date(cx, "checked");
    if !form.has("checked") {
        cx.error(&form.span(), "missing `checked` in [form]")
            .push_hint(
                "add the day the wording was compared with its source: `checked = 2026-12-04`",
            );
    }
    Some(Form {
        also: form.text_list(cx, "also"),
        rules: form.text_list(cx, "rules"),
        limits: form.optional_text(cx, "limits"),
        fields: Vec::new(),
        id: id?,
        name: name?,
        source: source?,
        checked: checked?,
    })
}

fn read_field(cx: &mut FileContext<'_>, field: &TableReader<'_, '_>) -> Option<Field> {
    let label = field.required_text(cx, "label");
    let limit = field.optional_integer(cx, "limit", 1..=MOST);
    let mut from = Vec::new();
    for (key, span) in field.spanned_text_list(cx, "from") {
        match Source::from_key(&key) {
            Some(source) => from.push(source),
            None => {
                let keys: Vec<&str> = Source::ALL.iter().map(|(k, _)| *k).collect();
                let diagnostic = cx.error(&span, format!("unknown source `{key}` in `from`"));
                if let Some(close) = suggest::closest(&key, &keys) {
                    diagnostic.push_hint(format!("did you mean `{close}`?"));
                }
                diagnostic.push_hint(format!("use one of: {}", keys.join(", ")));
            }
        }
    }
    if !field.has("from") {
        cx.error(&field.span(), "missing `from` in [[field]]")
            .push_hint("say what fills it, e.g. `from = [\"answers\"]`");
    }
    Some(Field {
        label: label?,
        help: field.optional_text(cx, "help"),
        limit: limit.and_then(|n| usize::try_from(n).ok()),
        from,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        let (_, diagnostics) = parse(Path::new("f.toml"), text);
        diagnostics
            .iter()
            .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
            .collect()
    }

    const GOOD: &str = "[form]\nid = \"f\"\nname = \"A form\"\nsource = \"https://example.org\"\n\
                        checked = 2026-12-04\n\n[[field]]\nlabel = \"What?\"\nlimit = 500\n\
                        from = [\"answers\", \"notes\"]\n";

    #[test]
    fn a_good_form_is_read_whole() {
        let (form, diagnostics) = parse(Path::new("f.toml"), GOOD);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let form = form.expect("form");
        assert_eq!(
            (form.id.as_str(), form.checked.as_str()),
            ("f", "2026-12-04")
        );
        assert_eq!(form.fields[0].limit, Some(500));
        assert_eq!(form.fields[0].from, [Source::Answers, Source::Notes]);
        assert!(form.has_limits());
    }

    #[test]
    fn mistakes_are_located_with_suggestions() {
        let text = GOOD
            .replace("from = [\"answers\"", "from = [\"answer\"")
            .replace("limit = 500", "limit = 0\nlable = \"x\"");
        assert_eq!(
            problems(&text),
            [
                "9:9: `limit` should be a whole number from 1 to 1000000, found 0",
                "10:1: unknown key `lable` in [[field]]",
                "11:9: unknown source `answer` in `from`",
            ]
        );
        let (form, diagnostics) = parse(Path::new("f.toml"), &text);
        assert!(form.is_none());
        let hints: Vec<&String> = diagnostics.iter().flat_map(|d| &d.hints).collect();
        assert!(
            hints.iter().any(|h| *h == "did you mean `answers`?"),
            "{hints:?}"
        );
        assert!(
            hints.iter().any(|h| *h == "did you mean `label`?"),
            "{hints:?}"
        );
    }

    #[test]
    fn a_form_needs_its_table_its_date_and_a_field() {
        assert_eq!(
            problems("[[field]]\nlabel = \"x\"\nfrom = [\"date\"]\n"),
            ["1:1: missing the `[form]` table"]
        );
        let undated = GOOD.replace("checked = 2026-12-04\n", "");
        assert_eq!(problems(&undated), ["1:1: missing `checked` in [form]"]);
        let fieldless = &GOOD[..GOOD.find("[[field]]").unwrap_or(0)];
        assert_eq!(
            problems(fieldless),
            ["1:1: a form needs at least one `[[field]]`"]
        );
    }
}
