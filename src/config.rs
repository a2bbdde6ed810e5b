//! Settings from `config.toml` in the config folder.
//!
//! The file is read with the same spanned reader as content files, so a
//! team lead who mistypes a key gets the same `path:line:col` message with a
//! suggestion as in a question pack. Settings never stop the app: a missing
//! file means the defaults, a broken one means the defaults for whatever
//! could not be read, plus the diagnostics to show.

use std::ffi::OsStr;
use std::fs;
use std::io::Read;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

use crate::content::diagnostic::{self, Diagnostic};
use crate::content::reader::{FileContext, TableReader, parse_document};
use crate::content::source::{self, MAX_FILE_BYTES};
use crate::content::{Audience, Layer};
use crate::paths::Paths;

const KEYS: &[&str] = &[
    "content",
    "audience",
    "group_minutes",
    "theme",
    "reflective_prompts",
    "identifying_check",
];

/// Minutes a group discussion timer may be set to by default.
pub const GROUP_MINUTES: RangeInclusive<u32> = 1..=120;
pub const DEFAULT_GROUP_MINUTES: u32 = 5;
/// The environment variable that turns colour off (<https://no-color.org>).
pub const NO_COLOR_VAR: &str = "NO_COLOR";

/// Everything `config.toml` can set, already checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Extra content folders (a team's shared folder), in the order written;
    /// relative ones already resolved against the config folder.
    pub content: Vec<PathBuf>,
    /// The audience the walkthrough starts with.
    pub audience: Audience,
    /// The discussion timer's starting length in the group view.
    pub group_minutes: u32,
    pub theme: ColourTheme,
    /// The reflective prompts under the answer box (an id of
    /// [`crate::prompts`], or "none"); absent: the pack's, else none.
    pub prompts: Option<String>,
    /// Mark what could identify someone in answers and notes, and ask
    /// before exporting a file that has marks (on unless turned off).
    pub identifying_check: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            content: Vec::new(),
            audience: Audience::Practitioner,
            group_minutes: DEFAULT_GROUP_MINUTES,
            theme: ColourTheme::default(),
            prompts: None,
            identifying_check: true,
        }
    }
}

/// The colour theme a user picks for their terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ColourTheme {
    #[default]
    Dark,
    Light,
    HighContrast,
}

impl ColourTheme {
    pub const ALL: [ColourTheme; 3] = [
        ColourTheme::Dark,
        ColourTheme::Light,
        ColourTheme::HighContrast,
    ];

    /// The spelling used in `config.toml`.
    pub fn key(self) -> &'static str {
        match self {
            ColourTheme::Dark => "dark",
            ColourTheme::Light => "light",
            ColourTheme::HighContrast => "high-contrast",
        }
    }

    pub fn from_key(key: &str) -> Option<ColourTheme> {
        ColourTheme::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// How the interface may use colour: a theme, or none at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColourMode {
    Colour(ColourTheme),
    /// `NO_COLOR` is set: no colours, only bold, underline and reverse.
    NoColour,
}

/// `NO_COLOR` (set and not empty) always wins over the configured theme.
pub fn colour_mode(config: &Config, no_color_env: Option<&OsStr>) -> ColourMode {
    match no_color_env {
        Some(value) if !value.is_empty() => ColourMode::NoColour,
        _ => ColourMode::Colour(config.theme),
    }
}

impl ColourMode {
    /// [`colour_mode`] with this process's `NO_COLOR`.
    pub fn from_env(config: &Config) -> ColourMode {
        colour_mode(config, std::env::var_os(NO_COLOR_VAR).as_deref())
    }
}

impl Config {
    /// Reads `config.toml`; never fails. A missing or empty file gives the
    /// defaults with no diagnostics.
    pub fn load(paths: &Paths) -> (Config, Vec<Diagnostic>) {
        let path = paths.config_file();
        match read(&path) {
            Ok(None) => (Config::default(), Vec::new()),
            Ok(Some(text)) => Config::parse(&path, &text, paths),
            Err(diagnostic) => (Config::default(), vec![diagnostic]),
        }
    }

    /// Reads settings from `text` (the file at `path`). Every key that is
    /// right is used even when others are wrong.
    pub fn parse(path: &Path, text: &str, paths: &Paths) -> (Config, Vec<Diagnostic>) {
        let mut cx = FileContext::new(path, text);
        let mut config = Config::default();
        let Some(root) = parse_document(&mut cx, text) else {
            return (config, cx.diagnostics);
        };
        let reader = TableReader::new(&mut cx, &root, 0..0, "config.toml", KEYS);
        config.content = content_folders(&mut cx, &reader, paths);
        let audiences = Audience::ALL.map(Audience::key);
        if let Some(word) = reader.optional_choice(&mut cx, "audience", "audience", &audiences) {
            config.audience = Audience::from_key(word).unwrap_or(config.audience);
        }
        let (low, high) = (*GROUP_MINUTES.start(), *GROUP_MINUTES.end());
        if let Some(n) = reader.optional_integer(&mut cx, "group_minutes", low.into()..=high.into())
        {
            config.group_minutes = u32::try_from(n).unwrap_or(DEFAULT_GROUP_MINUTES);
        }
        let themes = ColourTheme::ALL.map(ColourTheme::key);
        if let Some(word) = reader.optional_choice(&mut cx, "theme", "colour theme", &themes) {
            config.theme = ColourTheme::from_key(word).unwrap_or(config.theme);
        }
        let prompts = crate::prompts::ids();
        config.prompts = reader
            .optional_choice(&mut cx, "reflective_prompts", "set of prompts", &prompts)
            .map(str::to_owned);
        if let Some(on) = reader.optional_bool(&mut cx, "identifying_check") {
            config.identifying_check = on;
        }
        diagnostic::sort(&mut cx.diagnostics);
        (config, cx.diagnostics)
    }

    /// What the app says on screen when `config.toml` has errors (it never
    /// stops for them): the first, where it is, and where to see them all.
    pub fn notice(problems: &[Diagnostic]) -> Option<String> {
        let errors: Vec<&Diagnostic> = problems.iter().filter(|d| d.is_error()).collect();
        let first = errors.first()?;
        let more = match errors.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        Some(format!(
            "Settings problem: {}: {}{more}. Settings not read are the defaults; see reflect check.",
            first.location(),
            first.message
        ))
    }

    /// The content layers, later ones overriding earlier: built-in, your
    /// content folder, this file's `content` folders, `REFLECT_CONTENT`, then
    /// `--content` folders.
    pub fn content_layers(&self, paths: &Paths, cli_dirs: &[PathBuf]) -> Vec<Layer> {
        let mut layers = vec![
            Layer::builtin(),
            Layer::folder("your content folder", paths.content_dir(), false),
        ];
        for dir in &self.content {
            let label = format!("{} (config.toml)", dir.display());
            layers.push(Layer::folder(label, dir.clone(), false));
        }
        for dir in Paths::env_content_dirs() {
            let label = format!("{} (REFLECT_CONTENT)", dir.display());
            layers.push(Layer::folder(label, dir, true));
        }
        for dir in cli_dirs {
            let label = format!("{} (--content)", dir.display());
            layers.push(Layer::folder(label, dir.clone(), true));
        }
        layers
    }
}

/// The file's text; `None` when there is no file or nothing in it.
fn read(path: &Path) -> Result<Option<String>, Diagnostic> {
    let fail = |message: String| Diagnostic::error(path, message);
    // Opening a pipe waits for a writer that may never come. No file is
    // the usual case, known from this look alone.
    // A file where the config folder should be is no settings file; the
    // folders' own errors say what is wrong.
    let absent = |e: &std::io::Error| {
        matches!(
            e.kind(),
            std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
        )
    };
    match fs::metadata(path) {
        Err(e) if absent(&e) => return Ok(None),
        Ok(meta) if !meta.is_file() => {
            return Err(fail(
                "the settings file is not a plain file (a pipe or a device?); it was ignored"
                    .into(),
            ));
        }
        _ => {}
    }
    let file = match fs::File::open(path) {
        Ok(file) => file,
        Err(e) if absent(&e) => return Ok(None),
        Err(e) => return Err(fail(format!("cannot open the settings file: {e}"))),
    };
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read the settings file: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(
            "this file is larger than 1 MiB; it was ignored".into(),
        ));
    }
    if String::from_utf8_lossy(&bytes).trim().is_empty() {
        return Ok(None);
    }
    source::from_bytes(path, bytes).map(|file| Some(file.text))
}

/// `content = [...]`: resolved, with a warning for each folder that cannot
/// be found (a shared drive not mounted is not an error, but a typo is worth
/// knowing about).
fn content_folders(
    cx: &mut FileContext<'_>,
    reader: &TableReader<'_, '_>,
    paths: &Paths,
) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = Vec::new();
    for (written, span) in reader.spanned_text_list(cx, "content") {
        let folder = resolve(&written, &paths.config_dir);
        let warn = |message: String| Diagnostic::warning(cx.path, message).at(cx.text, &span);
        let warning = if folder == paths.content_dir() {
            Some(
                warn(format!(
                    "`{written}` is your content folder, which is always read"
                ))
                .hint("remove it from `content`"),
            )
        } else if folders.contains(&folder) {
            Some(warn(format!("`{written}` is listed twice")))
        } else if !folder.is_dir() {
            let message = format!("content folder `{}` does not exist", folder.display());
            let hint = if Path::new(&written).is_relative() && !written.starts_with("~/") {
                format!(
                    "check the spelling; a relative path is read from {}",
                    paths.config_dir.display()
                )
            } else {
                "check the spelling, or that the shared drive is connected".to_owned()
            };
            folders.push(folder);
            Some(warn(message).hint(hint))
        } else {
            folders.push(folder);
            None
        };
        cx.diagnostics.extend(warning);
    }
    folders
}

/// `~/x` is in the home folder, `x` in the config folder, `/x` is itself.
fn resolve(written: &str, config_dir: &Path) -> PathBuf {
    if let Some(rest) = written.strip_prefix("~/")
        && let Some(base) = directories::BaseDirs::new()
    {
        return base.home_dir().join(rest);
    }
    config_dir.join(written)
}

#[cfg(test)]
mod tests;
