//! A form filled from a reflection, as plain text to copy field by field:
//! no Markdown, since it is pasted into a web form or a document.

use super::form::{Field, Form};
use super::{Input, Rendered, fill};

/// The form, each field numbered, with its text and how long it is.
pub fn render(form: &Form, input: &Input<'_>) -> Rendered {
    let mut out = header(form, input);
    for (n, field) in form.fields.iter().enumerate() {
        let (text, count) = field_text(field, input);
        out.push_str(&format!("[{}] {}\n", n + 1, field.label));
        if let Some(help) = &field.help {
            out.push_str(&format!("({help})\n"));
        }
        out.push_str(&format!("{text}\n{}\n\n", length(count, field.limit)));
    }
    Rendered {
        text: out.trim_end().to_owned() + "\n",
        warnings: warnings(form, input),
    }
}

/// One warning per field longer than the form takes. It names the field
/// and the numbers, never the text.
pub fn warnings(form: &Form, input: &Input<'_>) -> Vec<String> {
    form.fields
        .iter()
        .filter_map(|field| {
            let limit = field.limit?;
            let (_, count) = field_text(field, input);
            (count > limit).then(|| {
                format!(
                    "{}: \u{201c}{}\u{201d} is {} characters; the form takes {} ({} too many)",
                    form.name,
                    field.label,
                    thousands(count),
                    thousands(limit),
                    thousands(count - limit)
                )
            })
        })
        .collect()
}

fn header(form: &Form, input: &Input<'_>) -> String {
    let r = input.reflection;
    let theme = crate::sheet::theme_title(input.library, &r.pack, &r.theme);
    let mut out = format!(
        "{}\n\nA draft from reflect, to copy into the form field by field. Read it through, and put it in your own words where it needs them.\n\nReflection: {theme}, started {}.\nThe form's wording as reflect last checked it ({}): {}\n\n",
        form.name,
        r.started.format("%-d %B %Y"),
        day(&form.checked),
        form.source
    );
    for rule in &form.rules {
        out.push_str(&format!("- {rule}\n"));
    }
    if !form.rules.is_empty() {
        out.push('\n');
    }
    if let Some(limits) = form.limits.as_ref().filter(|_| !form.has_limits()) {
        out.push_str(&format!("{limits}\n\n"));
    }
    out
}

/// "4 December 2026" for "2026-12-04".
fn day(date: &str) -> String {
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map_or_else(|_| date.to_owned(), |d| d.format("%-d %B %Y").to_string())
}

/// The field's text, and how many characters of it are the reflection's
/// (a reminder of what is missing counts as none).
fn field_text(field: &Field, input: &Input<'_>) -> (String, usize) {
    let parts: Vec<String> = field
        .from
        .iter()
        .filter_map(|source| fill::text(*source, input))
        .collect();
    if parts.is_empty() {
        let mut missing: Vec<&str> = field
            .from
            .iter()
            .map(|s| fill::missing(*s))
            .filter(|m| !m.is_empty())
            .collect();
        // Two sources may miss with the same words (actions and notes).
        missing.dedup();
        return (missing.join("\n"), 0);
    }
    let text = parts.join("\n\n");
    let count = text.chars().count();
    (text, count)
}

/// "(312 characters)", "(312 of 2,000 characters)" or, over the limit,
/// "(2,312 characters: 312 more than the form takes)".
fn length(count: usize, limit: Option<usize>) -> String {
    match limit {
        Some(limit) if count > limit => format!(
            "({} characters: {} more than the form takes, which is {})",
            thousands(count),
            thousands(count - limit),
            thousands(limit)
        ),
        Some(limit) => format!("({} of {} characters)", thousands(count), thousands(limit)),
        None => format!("({} characters)", thousands(count)),
    }
}

/// 12345 as "12,345".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_with_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(2000), "2,000");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(length(12, None), "(12 characters)");
        assert_eq!(length(12, Some(2000)), "(12 of 2,000 characters)");
        assert_eq!(
            length(2312, Some(2000)),
            "(2,312 characters: 312 more than the form takes, which is 2,000)"
        );
    }
}
