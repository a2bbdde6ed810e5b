//! Reads values out of a spanned TOML table, reporting every problem.
//!
//! serde's derive stops at the first unknown key; a team lead fixing a file
//! wants all of them at once, each with its line and column. So content is
//! read by hand from `toml::de::DeTable`, which keeps the span of every key
//! and value, and each problem becomes a
//! [`Diagnostic`](super::diagnostic::Diagnostic).

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::suggest;

mod controls;
mod file;
pub use file::{FileContext, Position, parse_document};

/// One TOML table and the keys it may contain.
pub struct TableReader<'a, 'i> {
    table: &'a DeTable<'i>,
    span: Range<usize>,
    name: &'static str,
}

impl<'a, 'i> TableReader<'a, 'i> {
    /// Reports every key not in `allowed`, with a suggestion when one is close.
    pub fn new(
        cx: &mut FileContext<'_>,
        table: &'a DeTable<'i>,
        span: Range<usize>,
        name: &'static str,
        allowed: &[&'static str],
    ) -> Self {
        for key in table.keys() {
            if !allowed.contains(&key.get_ref().as_ref()) {
                report_unknown_key(cx, key, name, allowed);
            }
        }
        TableReader { table, span, name }
    }

    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    fn get(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    /// The items of a list of `kind`; `None` when the key is missing, or
    /// (reported, with `hint`) holds something else.
    fn list(
        &self,
        cx: &mut FileContext<'_>,
        key: &str,
        kind: &str,
        hint: impl FnOnce() -> String,
    ) -> Option<&'a [Spanned<DeValue<'i>>]> {
        let value = self.get(key)?;
        let DeValue::Array(items) = value.get_ref() else {
            let found = describe(value.get_ref());
            cx.error(
                &value.span(),
                format!("`{key}` should be a list of {kind}, found {found}"),
            )
            .push_hint(hint());
            return None;
        };
        Some(items)
    }

    /// The span of a key's value, or of the table when it is missing.
    pub fn span_of(&self, key: &str) -> Range<usize> {
        self.get(key).map_or(self.span.clone(), Spanned::span)
    }

    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn required_text(&self, cx: &mut FileContext<'_>, key: &str) -> Option<String> {
        if self.get(key).is_none() {
            cx.error(&self.span, format!("missing `{key}` in {}", self.name))
                .push_hint(format!("add a line like `{key} = \"...\"`"));
            return None;
        }
        self.optional_text(cx, key)
    }

    /// Text that may be absent; present but empty is a mistake.
    pub fn optional_text(&self, cx: &mut FileContext<'_>, key: &str) -> Option<String> {
        let value = self.get(key)?;
        text_value(cx, value, &format!("`{key}` in {}", self.name))
    }

    /// A list of non-empty strings (missing means empty).
    pub fn text_list(&self, cx: &mut FileContext<'_>, key: &str) -> Vec<String> {
        self.spanned_text_list(cx, key)
            .into_iter()
            .map(|(text, _)| text)
            .collect()
    }

    /// Like [`TableReader::text_list`], with where each item was written, for
    /// checks made after reading (a folder that does not exist).
    pub fn spanned_text_list(
        &self,
        cx: &mut FileContext<'_>,
        key: &str,
    ) -> Vec<(String, Range<usize>)> {
        let hint = || format!("write `{key} = [\"first\", \"second\"]`");
        let Some(items) = self.list(cx, key, "text", hint) else {
            return Vec::new();
        };
        let what = format!("an item of `{key}`");
        items
            .iter()
            .filter_map(|item| text_value(cx, item, &what).map(|text| (text, item.span())))
            .collect()
    }

    /// A list of whole numbers, each with where it was written (missing
    /// means empty); anything else is reported and left out.
    pub fn integer_list(&self, cx: &mut FileContext<'_>, key: &str) -> Vec<(i64, Range<usize>)> {
        let hint = || format!("write `{key} = [1, 3]`");
        let Some(items) = self.list(cx, key, "numbers", hint) else {
            return Vec::new();
        };
        let mut numbers = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::Integer(n) => match i64::from_str_radix(n.as_str(), n.radix()) {
                    Ok(n) => numbers.push((n, item.span())),
                    Err(_) => {
                        cx.error(&item.span(), "this number is far too large");
                    }
                },
                other => {
                    let found = describe(other);
                    cx.error(
                        &item.span(),
                        format!("an item of `{key}` should be a number, found {found}"),
                    );
                }
            }
        }
        numbers
    }

    /// A whole number in `range`; anything else is reported and ignored.
    pub fn optional_integer(
        &self,
        cx: &mut FileContext<'_>,
        key: &str,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<i64> {
        let value = self.get(key)?;
        let (low, high) = (range.start(), range.end());
        let (found, wrong_type) = match value.get_ref() {
            DeValue::Integer(n) => match i64::from_str_radix(n.as_str(), n.radix()) {
                Ok(n) if range.contains(&n) => return Some(n),
                Ok(n) => (n.to_string(), false),
                Err(_) => ("a number far too large".to_owned(), false),
            },
            DeValue::Float(f) => (f.as_str().to_owned(), false),
            other => (describe(other).to_owned(), true),
        };
        let message =
            format!("`{key}` should be a whole number from {low} to {high}, found {found}");
        let diagnostic = cx.error(&value.span(), message);
        if wrong_type {
            diagnostic.push_hint(format!(
                "write a number without quotes, like `{key} = {low}`"
            ));
        }
        None
    }

    /// `true` or `false`; anything else is reported and ignored.
    pub fn optional_bool(&self, cx: &mut FileContext<'_>, key: &str) -> Option<bool> {
        let value = self.get(key)?;
        if let DeValue::Boolean(b) = value.get_ref() {
            return Some(*b);
        }
        let found = describe(value.get_ref());
        let message = format!("`{key}` should be true or false, found {found}");
        cx.error(&value.span(), message).push_hint(format!(
            "write `{key} = true` or `{key} = false`, without quotes"
        ));
        None
    }

    /// One of a few fixed words (`"dark"`, `"light"`, ...), with a suggestion
    /// when the word is a near miss.
    pub fn optional_choice(
        &self,
        cx: &mut FileContext<'_>,
        key: &str,
        what: &str,
        choices: &[&'static str],
    ) -> Option<&'static str> {
        let value = self.get(key)?;
        let word = text_value(cx, value, &format!("`{key}` in {}", self.name))?;
        if let Some(choice) = choices.iter().find(|c| **c == word) {
            return Some(choice);
        }
        let diagnostic = cx.error(&value.span(), format!("unknown {what} `{word}`"));
        if let Some(close) = suggest::closest(&word.to_lowercase(), choices) {
            diagnostic.push_hint(format!("did you mean `{close}`?"));
        }
        let quoted: Vec<String> = choices.iter().map(|c| format!("\"{c}\"")).collect();
        diagnostic.push_hint(format!("use one of: {}", quoted.join(", ")));
        None
    }

    /// A single sub-table such as `[overview]`.
    pub fn table(
        &self,
        cx: &mut FileContext<'_>,
        key: &str,
    ) -> Option<(&'a DeTable<'i>, Range<usize>)> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Table(table) => Some((table, value.span())),
            other => {
                let found = describe(other);
                cx.error(
                    &value.span(),
                    format!("`{key}` should be a table, found {found}"),
                )
                .push_hint(format!("write it as a `[{key}]` section"));
                None
            }
        }
    }

    /// An array of tables such as `[[theme]]`.
    pub fn tables(
        &self,
        cx: &mut FileContext<'_>,
        key: &str,
    ) -> Vec<(&'a DeTable<'i>, Range<usize>)> {
        let hint = || format!("write each one as a `[[{key}]]` section");
        let Some(items) = self.list(cx, key, "tables", hint) else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| match item.get_ref() {
                DeValue::Table(table) => Some((table, item.span())),
                other => {
                    let found = describe(other);
                    cx.error(
                        &item.span(),
                        format!("each `{key}` should be a table, found {found}"),
                    );
                    None
                }
            })
            .collect()
    }

    /// A date written as `2024-12-12` or `"2024-12-12"`, kept as text.
    pub fn optional_date(&self, cx: &mut FileContext<'_>, key: &str) -> Option<String> {
        let value = self.get(key)?;
        let text = match value.get_ref() {
            DeValue::Datetime(date) => date.to_string(),
            _ => text_value(cx, value, &format!("`{key}` in {}", self.name))?,
        };
        if chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").is_err() {
            cx.error(
                &value.span(),
                format!("`{key}` should be a date like 2024-12-12, found `{text}`"),
            );
            return None;
        }
        Some(text)
    }
}

fn report_unknown_key(
    cx: &mut FileContext<'_>,
    key: &Spanned<toml::de::DeString<'_>>,
    table: &str,
    allowed: &[&'static str],
) {
    let name = key.get_ref().as_ref();
    let diagnostic = cx.error(&key.span(), format!("unknown key `{name}` in {table}"));
    match suggest::closest(name, allowed) {
        Some(close) => diagnostic.push_hint(format!("did you mean `{close}`?")),
        None => diagnostic.push_hint(format!("expected one of: {}", allowed.join(", "))),
    };
}

/// A string value, trimmed; reports wrong types and empty text.
fn text_value(
    cx: &mut FileContext<'_>,
    value: &Spanned<DeValue<'_>>,
    what: &str,
) -> Option<String> {
    let DeValue::String(text) = value.get_ref() else {
        let found = describe(value.get_ref());
        cx.error(
            &value.span(),
            format!("{what} should be text, found {found}"),
        )
        .push_hint("put text in quotes: \"...\", or \"\"\"...\"\"\" for several lines");
        return None;
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        cx.error(&value.span(), format!("{what} is empty"))
            .push_hint("write some text, or remove the line if it is optional");
        return None;
    }
    Some(controls::without_controls(cx, value, what, trimmed))
}

fn describe(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "text",
        DeValue::Integer(_) | DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}
