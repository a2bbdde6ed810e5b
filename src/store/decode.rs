//! Bytes to records and back. Error messages say where a file is damaged and
//! roughly how, but never quote it: toml's own messages include the offending
//! line or value, which for notes would be private text.

use std::path::Path;

use super::error::StoreError;
use super::record::Record;
use crate::text::line_column;

/// Parse one record file, rejecting files from a newer app version before
/// any field could be silently dropped.
pub(crate) fn decode<T: Record>(path: &Path, bytes: &[u8]) -> Result<T, StoreError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(&String::from_utf8_lossy(bytes), e.valid_up_to());
        parse_error(path, line, column, "not valid UTF-8 text")
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // One parse in the usual case; the format is looked at separately only
    // when the record does not fit, so a newer file is named as such.
    match toml::from_str::<T>(text) {
        Ok(record) if record.format() > T::FORMAT => Err(StoreError::NewerFormat {
            path: path.to_path_buf(),
            found: record.format(),
            supported: T::FORMAT,
        }),
        Ok(record) => Ok(record),
        Err(e) => {
            let table: toml::Table =
                toml::from_str(text).map_err(|e| toml_error(path, text, &e, "not valid TOML"))?;
            check_format(path, &table, T::FORMAT)?;
            Err(toml_error(path, text, &e, &describe(e.message())))
        }
    }
}

/// Serialize a record as human-readable TOML.
/// Larger than any reflection could be (a 5,000-line answer is about
/// 0.3 MB): such a file is not read at all, and left where it is; nor is
/// a record this large written.
pub(crate) const MAX_RECORD_BYTES: u64 = 16 * 1024 * 1024;

pub(crate) fn encode<T: Record>(path: &Path, record: &T) -> Result<String, StoreError> {
    let text = toml::to_string_pretty(record).map_err(|e| StoreError::Encode {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    // Never write what reading would refuse: the record would vanish.
    if text.len() as u64 > MAX_RECORD_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            size: crate::text::megabytes(text.len()),
        });
    }
    Ok(text)
}

/// The record's own id must match the file name it was read from.
pub(crate) fn check_id<T: Record>(path: &Path, id: &str, record: T) -> Result<T, StoreError> {
    if record.id() == id {
        Ok(record)
    } else {
        Err(StoreError::IdMismatch {
            path: path.to_path_buf(),
        })
    }
}

fn check_format(path: &Path, table: &toml::Table, supported: u32) -> Result<(), StoreError> {
    match table.get("format").and_then(toml::Value::as_integer) {
        Some(found) if found > i64::from(supported) => Err(StoreError::NewerFormat {
            path: path.to_path_buf(),
            found: u32::try_from(found).unwrap_or(u32::MAX),
            supported,
        }),
        _ => Ok(()),
    }
}

fn toml_error(path: &Path, text: &str, err: &toml::de::Error, what: &str) -> StoreError {
    let start = err.span().map_or(0, |s| s.start);
    let (line, column) = line_column(text, start);
    parse_error(path, line, column, what)
}

fn parse_error(path: &Path, line: usize, column: usize, message: &str) -> StoreError {
    StoreError::Parse {
        path: path.to_path_buf(),
        line,
        column,
        message: message.to_string(),
    }
}

/// A generic description of a serde error. Only field names from our own
/// schema are kept; values quoted by serde (which come from the file) are not.
fn describe(message: &str) -> String {
    if let Some(field) = quoted_name(message, "missing field `") {
        return format!("missing field `{field}`");
    }
    if let Some(field) = quoted_name(message, "duplicate field `") {
        return format!("field `{field}` appears twice");
    }
    let generic = if message.starts_with("invalid type") {
        "a value has the wrong type"
    } else if message.starts_with("unknown variant") {
        "a value is not one of the allowed choices"
    } else if message.starts_with("invalid value") || message.starts_with("invalid length") {
        "a value is not valid"
    } else {
        "the contents are not laid out as expected"
    };
    generic.to_string()
}

/// The name in `PREFIX name` followed by a backtick, if it looks like a
/// schema field name (so cannot be free text).
fn quoted_name<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    let name = message.strip_prefix(prefix)?.split('`').next()?;
    let schema_like = |c: char| c.is_ascii_lowercase() || c == '_';
    (!name.is_empty() && name.len() <= 32 && name.chars().all(schema_like)).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_keeps_only_schema_names() {
        assert_eq!(describe("missing field `id`"), "missing field `id`");
        assert_eq!(
            describe("invalid type: string \"SECRET\", expected u32"),
            "a value has the wrong type"
        );
        assert_eq!(
            describe("unknown variant `SECRET`, expected `leader`"),
            "a value is not one of the allowed choices"
        );
        assert!(!describe("missing field `SECRET words`").contains("SECRET"));
        assert!(!describe("duplicate field `Secret`").contains("Secret"));
        assert!(!describe("custom SECRET").contains("SECRET"));
    }
}
