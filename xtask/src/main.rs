//! `cargo xtask pictures`: draws the README's pictures into docs/pictures/.
//! `cargo xtask pictures --check`: exits 1 if the checked-in ones are stale.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask pictures [--check]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let dir = root().join(xtask::PICTURES_DIR);
    match args.as_slice() {
        ["pictures"] => match xtask::write_pictures(&dir) {
            Ok(written) => {
                for path in written {
                    println!("wrote {}", path.display());
                }
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("xtask: cannot write {}: {error}", dir.display());
                ExitCode::from(2)
            }
        },
        ["pictures", "--check"] => {
            let stale = xtask::stale_pictures(&dir);
            if stale.is_empty() {
                println!("the pictures in {} are up to date", dir.display());
                return ExitCode::SUCCESS;
            }
            eprintln!(
                "stale in {}: {}; run `{}`",
                dir.display(),
                stale.join(", "),
                xtask::REGENERATE
            );
            ExitCode::from(1)
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// The repository's root: the folder above this package's.
fn root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}
