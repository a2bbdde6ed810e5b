//! Record ids: the only thing a record file name is ever built from, and
//! the one rule for them, used for reflections, group records and their
//! locks alike.

/// Longest id accepted, keeping file names well under file system limits.
pub const MAX_ID_LEN: usize = 120;

/// Longest slug taken from a theme when making an id.
const MAX_SLUG_LEN: usize = 60;

/// Check that `id` is non-empty, at most [`MAX_ID_LEN`] bytes and uses only
/// `[a-z0-9-]`, so it can never name a path outside its folder.
pub fn validate_id(id: &str) -> Result<(), BadId> {
    let allowed = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-';
    if !id.is_empty() && id.len() <= MAX_ID_LEN && id.bytes().all(allowed) {
        Ok(())
    } else {
        Err(BadId { id: id.to_string() })
    }
}

/// A record id that cannot safely be used as a file name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{id:?} is not a valid record id: ids use only lowercase letters a-z, digits and '-', and are at most {MAX_ID_LEN} characters"
)]
pub struct BadId {
    pub id: String,
}

/// Lowercase ASCII slug of `text`: runs of anything else become one '-'.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= MAX_SLUG_LEN {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_ids_pass() {
        for id in ["a", "2026-11-22-143012-child-mental-health", "x-1"] {
            assert!(validate_id(id).is_ok(), "{id}");
        }
    }

    #[test]
    fn bad_ids_rejected() {
        let long = "a".repeat(MAX_ID_LEN + 1);
        let bad = [
            "", ".", "..", "../x", "a/b", "a\\b", "A", "a.b", "a b", "é", "a\0", "a.toml", "/etc",
            "-\n", &long,
        ];
        for id in bad {
            assert!(validate_id(id).is_err(), "{id:?}");
        }
    }

    #[test]
    fn slug_is_safe() {
        assert_eq!(slug("Child mental health"), "child-mental-health");
        assert_eq!(slug("  Santé / Ünïcode!! "), "sant-n-code");
        assert_eq!(slug("../../etc"), "etc");
        assert_eq!(slug("✨"), "");
        assert!(slug(&"ab ".repeat(100)).len() <= MAX_SLUG_LEN);
        assert!(validate_id(&slug("Hello World 2")).is_ok());
    }
}
