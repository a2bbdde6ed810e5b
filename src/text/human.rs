//! Sizes and paths as a person reads them, in messages and in commands
//! suggested to be pasted.

/// `path` as a shell takes it: as it is when plain, else in single quotes
/// (a suggested command must work when pasted).
pub fn shell_quoted(path: &std::path::Path) -> String {
    let path = path.display().to_string();
    let plain = !path.is_empty()
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-~+,:@".contains(c));
    if plain {
        path
    } else {
        format!("'{}'", path.replace('\'', "'\\''"))
    }
}

/// A size in bytes as people read it: "1.05 MB", "17.2 MB".
pub fn megabytes(bytes: usize) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    // Two decimals near a limit of 1 MB: "1.0 MB, more than 1 MB" reads
    // as a contradiction.
    if mb < 10.0 {
        format!("{mb:.2} MB")
    } else {
        format!("{mb:.1} MB")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_quoting_leaves_plain_paths_and_quotes_the_rest() {
        use std::path::Path;
        assert_eq!(shell_quoted(Path::new("/tmp/team-pack")), "/tmp/team-pack");
        assert_eq!(
            shell_quoted(Path::new("dir with spaces/ünï")),
            "'dir with spaces/ünï'"
        );
        assert_eq!(shell_quoted(Path::new("it's")), "'it'\\''s'");
    }
}
