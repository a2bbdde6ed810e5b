//! `reflect`: a terminal companion for reflective practice in child
//! safeguarding. `main` parses the command line and dispatches; every
//! subcommand returns an exit code, and errors go to stderr.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use reflect::cli;
use reflect::paths::Paths;

#[derive(Debug, Parser)]
#[command(
    name = "reflect",
    version,
    about = "Reflective practice in child safeguarding, in your terminal"
)]
struct Cli {
    /// Also read content packs from this folder (repeatable; later ones win)
    #[arg(long = "content", value_name = "DIR", global = true)]
    content: Vec<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check content files or folders (default: all configured content)
    Check {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print the loaded content as plain text, one item a line
    List {
        /// Only this pack
        #[arg(long, value_name = "ID")]
        pack: Option<String>,
        /// Only this theme
        #[arg(long, value_name = "ID")]
        theme: Option<String>,
    },
    /// Write a commented template pack to start from
    New {
        /// Folder to write it in (default: your content folder)
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Show every folder and file reflect reads or writes
    Paths,
    /// Export a record as Markdown (with --group: a group session record)
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
        /// Write to this file instead of standard output
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("reflect: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let paths = Paths::from_env()?;
    let layers = paths.content_layers(&cli.content);
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    match cli.command {
        Some(Command::Check { paths: targets }) => {
            Ok(cli::check::run(&layers, &targets, &mut out, &mut err)?)
        }
        Some(Command::List { pack, theme }) => {
            let filter = cli::list::Filter { pack, theme };
            Ok(cli::list::run(&layers, &filter, &mut out, &mut err)?)
        }
        Some(Command::New { dir }) => {
            cli::new::run(&dir.unwrap_or_else(|| paths.content_dir()), &mut out)
        }
        Some(Command::Export {
            group,
            latest: _,
            id,
            output,
        }) => {
            if !group {
                eprintln!("reflect: exporting reflections arrives with the walkthrough");
                return Ok(ExitCode::from(2));
            }
            cli::export_group::run(
                &paths,
                &layers,
                id.as_deref(),
                output.as_deref(),
                &mut out,
                &mut err,
            )
        }
        Some(Command::Paths) => {
            cli::paths::run(&paths, &cli.content, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            eprintln!(
                "reflect: the interactive app is not part of this build yet; try `reflect list`"
            );
            Ok(ExitCode::from(2))
        }
    }
}
