//! `cargo xtask`: jobs for the people working on reflect, not for its users.
//! For now one: the README's pictures, drawn by the app's own code.

pub mod scenes;
pub mod svg;

use std::path::{Path, PathBuf};

use reflect::app::App;

/// Where the pictures live, from the repository's root.
pub const PICTURES_DIR: &str = "docs/pictures";

/// The command that makes them again.
pub const REGENERATE: &str = "cargo xtask pictures";

/// A picture: its file name, what it shows (its title), and the screen.
pub type Picture = (&'static str, &'static str, fn() -> App);

/// Every picture the README shows.
pub const PICTURES: [Picture; 3] = [
    ("home.svg", "reflect: the home screen", scenes::home),
    (
        "walkthrough.svg",
        "reflect: writing an answer to a question",
        scenes::walkthrough,
    ),
    (
        "group.svg",
        "reflect group: a question on the shared screen, its timer running",
        scenes::group_question,
    ),
];

/// Every picture as (file name, SVG text), as the code draws them now.
pub fn pictures() -> Vec<(&'static str, String)> {
    PICTURES
        .iter()
        .map(|(name, title, build)| {
            let drawn = scenes::draw(&build());
            (*name, svg::render(&drawn.buffer, drawn.cursor, title))
        })
        .collect()
}

/// Writes every picture into `dir`; returns the files written.
pub fn write_pictures(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for (name, svg) in pictures() {
        let path = dir.join(name);
        std::fs::write(&path, svg)?;
        written.push(path);
    }
    Ok(written)
}

/// The pictures in `dir` that are missing or differ from what the code
/// draws now.
pub fn stale_pictures(dir: &Path) -> Vec<&'static str> {
    pictures()
        .into_iter()
        .filter(|(name, svg)| std::fs::read_to_string(dir.join(name)).ok().as_ref() != Some(svg))
        .map(|(name, _)| name)
        .collect()
}
