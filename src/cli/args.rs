//! The command line's shape (clap): every command, argument and help text.
//! `main.rs` parses with it and dispatches; `generate` turns it into the
//! man pages and completion scripts; `examples` holds what every help ends
//! with.
//!
//! Not here: what the commands do (`main.rs` and the other `cli/` files).

use std::ffi::OsString;
use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Parser, Subcommand, ValueEnum};

use super::examples::after_help;
use crate::content::Audience;
use crate::export::Format;
use crate::group::GroupAudience;

#[derive(Debug, Parser)]
#[command(
    name = "reflect",
    version,
    about = "Reflective practice in child safeguarding, in your terminal",
    long_about = "Reflective practice in child safeguarding, in your terminal.\n\n\
        Without a command, the app: choose a theme, read what the Child Safeguarding \
        Practice Review Panel learned, and answer its reflective questions. What you \
        write stays on this machine, readable by your user account alone.",
    after_help = after_help("")
)]
pub struct Cli {
    /// Also read content packs from this folder (repeatable; later ones win)
    #[arg(long = "content", value_name = "DIR", global = true)]
    pub content: Vec<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The command line. The app's own starts (`reflect`, and a team's
    /// `reflect --content DIR`) need no clap: building its whole tree of
    /// commands, help and examples was a sixth of the time to the first
    /// frame. Anything else, including anything clap would refuse, goes
    /// to clap.
    pub fn from_args() -> Cli {
        let args: Vec<OsString> = std::env::args_os().skip(1).collect();
        match content_folders_only(&args) {
            Some(content) => Cli {
                content,
                command: None,
            },
            None => <Cli as clap::Parser>::parse(),
        }
    }
}

/// The folders when `args` are only `--content DIR` pairs (DIR neither
/// empty nor looking like an option, which clap would refuse).
fn content_folders_only(args: &[OsString]) -> Option<Vec<PathBuf>> {
    let mut folders = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let folder = match arg.to_str()?.strip_prefix("--content") {
            Some("") => args.next()?.clone(),
            Some(joined) => OsString::from(joined.strip_prefix('=')?),
            None => return None,
        };
        let plain = folder
            .to_str()
            .is_some_and(|f| !f.is_empty() && !f.starts_with('-'));
        if !plain {
            return None;
        }
        folders.push(PathBuf::from(folder));
    }
    Some(folders)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_clap(args: &[&str]) -> Vec<PathBuf> {
        let argv = std::iter::once("reflect").chain(args.iter().copied());
        let cli = <Cli as clap::Parser>::try_parse_from(argv).expect("clap takes it");
        assert!(cli.command.is_none());
        cli.content
    }

    fn fast(args: &[&str]) -> Option<Vec<PathBuf>> {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        content_folders_only(&args)
    }

    #[test]
    fn the_apps_own_starts_read_as_clap_reads_them() {
        for args in [
            &[][..],
            &["--content", "team"],
            &["--content=team"],
            &[
                "--content",
                "a",
                "--content=b",
                "--content",
                "dir with spaces",
            ],
        ] {
            assert_eq!(fast(args), Some(by_clap(args)), "{args:?}");
        }
    }

    #[test]
    fn everything_else_goes_to_clap() {
        for args in [
            &["start", "--theme", "x"][..],
            &["--content"],
            &["--content", ""],
            &["--content", "--help"],
            &["--content", "-x"],
            &["--contents", "x"],
            &["--content", "a", "list"],
            &["--help"],
            &["-V"],
        ] {
            assert_eq!(fast(args), None, "{args:?}");
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Go straight into a walkthrough of a theme's questions
    #[command(after_help = after_help("start"))]
    Start {
        /// The theme's id (see `reflect list`), or PACK/THEME when two packs have it
        #[arg(long, value_name = "ID")]
        theme: String,
        /// Default: `audience` in config.toml, else practitioner
        #[arg(long, value_enum)]
        audience: Option<Audience>,
    },
    /// Present a theme to a group on a shared screen, with a discussion timer
    #[command(after_help = after_help("group"))]
    Group {
        /// The theme's id (see `reflect list`), or PACK/THEME when two packs have it
        #[arg(long, value_name = "ID")]
        theme: String,
        #[arg(long, value_enum, default_value_t = GroupAudience::Practitioner)]
        audience: GroupAudience,
        /// Discussion minutes per question (default: config.toml, else 5)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=120))]
        minutes: Option<u32>,
    },
    #[command(flatten)]
    Print(PrintCommand),
    /// Write the man pages or a shell's completion script (for installing)
    #[command(hide = true, after_help = after_help("generate"))]
    Generate {
        #[command(subcommand)]
        what: Generate,
    },
}

/// The commands that print and exit; they never touch the terminal's modes.
#[derive(Debug, Subcommand)]
pub enum PrintCommand {
    /// List your reflections and group records: date, theme, counts, id
    #[command(after_help = after_help("history"))]
    History,
    /// Print the loaded content as plain text, one item a line
    #[command(after_help = after_help("list"))]
    List {
        /// Only this pack
        #[arg(long, value_name = "ID")]
        pack: Option<String>,
        /// Only this theme
        #[arg(long, value_name = "ID")]
        theme: Option<String>,
    },
    /// Write a commented template pack to start from
    #[command(after_help = after_help("new"))]
    New {
        /// Folder to write it in (default: your content folder)
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Write a copy of the built-in pack's files instead, to adapt
        #[arg(long)]
        from_builtin: bool,
        /// Write copies of the CPD and NMC forms instead (default: the forms
        /// folder, where reflect reads them), to follow a change to a form
        #[arg(long, conflicts_with = "from_builtin")]
        forms: bool,
    },
    /// Check content files or folders (default: all configured content)
    #[command(after_help = after_help("check"))]
    Check {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Check again after every save, until Ctrl-C
        #[arg(long)]
        watch: bool,
    },
    /// A reflection as a supervision sheet (Markdown), a CPD record, an NMC
    /// reflective account or plain text; with --group, a group session record
    #[command(after_help = after_help("export"))]
    Export {
        /// Export a group session record (agreed points, not private notes)
        #[arg(long)]
        group: bool,
        /// The most recent record (the default when no ID is given)
        #[arg(long, conflicts_with = "id")]
        latest: bool,
        /// The record's id (see `reflect history`)
        #[arg(value_name = "ID")]
        id: Option<String>,
        /// Write to this file instead of standard output (`-` is standard
        /// output)
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// What to export: the supervision sheet (Markdown), a Social Work
        /// England CPD record, an NMC reflective account, or the sheet as
        /// plain text for pasting into a web form
        #[arg(long, value_enum, default_value_t = Format::Supervision, conflicts_with = "group")]
        format: Format,
        /// Write the file without asking, even if possible identifying
        /// details are still marked, and replace a file already there
        #[arg(long)]
        force: bool,
    },
    /// Show every folder and file reflect reads or writes
    #[command(after_help = after_help("paths"))]
    Paths,
}

/// What `reflect generate` writes.
#[derive(Debug, Subcommand)]
pub enum Generate {
    /// The man pages: reflect(1) to standard output, or all of them into DIR
    #[command(after_help = after_help("generate man"))]
    Man {
        /// Write reflect.1 and a page for each command (reflect-start.1, ...) here
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// A completion script for SHELL, to standard output
    #[command(after_help = after_help("generate completions"))]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

// The domain's own choices, spelled on the command line by their keys.
// Implemented here rather than derived, so the domain keeps no clap and its
// doc comments do not become help text.

impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &[Format::Supervision, Format::Cpd, Format::Nmc, Format::Text]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let key = match self {
            Format::Supervision => "supervision",
            Format::Cpd => "cpd",
            Format::Nmc => "nmc",
            Format::Text => "text",
        };
        Some(PossibleValue::new(key))
    }
}

impl ValueEnum for Audience {
    fn value_variants<'a>() -> &'a [Self] {
        &Audience::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.key()))
    }
}

impl ValueEnum for GroupAudience {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            GroupAudience::Practitioner,
            GroupAudience::Leader,
            GroupAudience::Both,
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.key()))
    }
}
