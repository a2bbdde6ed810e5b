//! `reflect`: a terminal companion for reflective practice in child
//! safeguarding. `main` parses the command line and dispatches; every
//! subcommand returns an exit code, and errors go to stderr.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use reflect::content::{Audience, Layer, Library};
use reflect::runtime::{self, Launch};
use reflect::ui::Palette;

use reflect::cli;
use reflect::config::{ColourMode, Config};
use reflect::group::GroupAudience;
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
    /// Go straight into a walkthrough of a theme's questions
    Start {
        /// The theme's id (see `reflect list`)
        #[arg(long, value_name = "ID")]
        theme: String,
        /// Default: `audience` in config.toml, else practitioner
        #[arg(long, value_enum)]
        audience: Option<AudienceArg>,
    },
    /// Present a theme to a group on a shared screen, with a discussion timer
    Group {
        /// The theme's id (see `reflect list`)
        #[arg(long, value_name = "ID")]
        theme: String,
        #[arg(long, value_enum, default_value_t = GroupAudienceArg::Practitioner)]
        audience: GroupAudienceArg,
        /// Discussion minutes per question (default: config.toml, else 5)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=120))]
        minutes: Option<u32>,
    },
    /// List your reflections and group records: date, theme, counts, id
    History,
    /// Check content files or folders (default: all configured content)
    Check {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Check again after every save, until Ctrl-C
        #[arg(long)]
        watch: bool,
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
        /// Write a copy of the built-in pack's files instead, to adapt
        #[arg(long)]
        from_builtin: bool,
    },
    /// Show every folder and file reflect reads or writes
    Paths,
    /// A supervision preparation sheet (Markdown) for a reflection; with
    /// --group, a group session record
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

#[derive(Debug, Clone, Copy, ValueEnum)]
enum AudienceArg {
    Practitioner,
    Leader,
}

impl From<AudienceArg> for Audience {
    fn from(arg: AudienceArg) -> Audience {
        match arg {
            AudienceArg::Practitioner => Audience::Practitioner,
            AudienceArg::Leader => Audience::Leader,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum GroupAudienceArg {
    Practitioner,
    Leader,
    Both,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // The reader went away (`reflect list | head`): nothing is wrong.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("reflect: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|cause| cause.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let paths = Paths::from_env()?;
    let (config, config_problems) = Config::load(&paths);
    let layers = config.content_layers(&paths, &cli.content);
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    // `check` reports them in full; the app shows them on screen.
    let plain = !matches!(cli.command, Some(Command::Check { .. }) | None);
    if plain && config_problems.iter().any(|d| d.is_error()) {
        eprintln!(
            "reflect: {} has problems, so some settings are the defaults; see `reflect check`",
            paths.config_file().display()
        );
    }
    match cli.command {
        Some(Command::Check {
            paths: targets,
            watch,
        }) => {
            let request = cli::check::Request {
                paths: &paths,
                cli_dirs: &cli.content,
                targets: &targets,
            };
            if watch {
                cli::check::watch(&request, &mut out, &mut err)
            } else {
                Ok(cli::check::run(&request, &mut out, &mut err)?)
            }
        }
        Some(Command::List { pack, theme }) => {
            let filter = cli::list::Filter { pack, theme };
            Ok(cli::list::run(&layers, &filter, &mut out, &mut err)?)
        }
        Some(Command::New { dir, from_builtin }) => {
            let dir = dir.unwrap_or_else(|| paths.content_dir());
            if from_builtin {
                cli::new::from_builtin(&dir, &mut out, &mut err)
            } else {
                cli::new::run(&dir, &mut out)
            }
        }
        Some(Command::Export {
            group,
            latest: _,
            id,
            output,
        }) => {
            if !group {
                let library = Library::load(&layers);
                return cli::export::run(
                    &paths,
                    &library,
                    id.as_deref(),
                    output.as_deref(),
                    &mut out,
                );
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
            cli::paths::run(&paths, &config, &cli.content, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Start { theme, audience }) => {
            let audience = audience.map_or(config.audience, Audience::from);
            app(
                &paths,
                &config,
                &cli.content,
                &layers,
                Some((theme, audience)),
            )
        }
        Some(Command::Group {
            theme,
            audience,
            minutes,
        }) => {
            let library = Library::load(&layers);
            let (pack, theme) = reflect::group::find_theme(&library, &theme)?;
            let (pack, theme) = (pack.id.clone(), theme.id.clone());
            let audience = match audience {
                GroupAudienceArg::Practitioner => GroupAudience::Practitioner,
                GroupAudienceArg::Leader => GroupAudience::Leader,
                GroupAudienceArg::Both => GroupAudience::Both,
            };
            let launch = runtime::GroupLaunch {
                library,
                pack,
                theme,
                audience,
                minutes: minutes.unwrap_or(config.group_minutes),
                no_color: ColourMode::from_env(&config) == ColourMode::NoColour,
                cli_dirs: cli.content.clone(),
            };
            runtime::run_group(&paths, launch)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::History) => cli::history::run(&paths, &Library::load(&layers), &mut out),
        None => app(&paths, &config, &cli.content, &layers, None),
    }
}

/// The interactive app, optionally straight into a theme's walkthrough.
fn app(
    paths: &Paths,
    config: &Config,
    cli_dirs: &[PathBuf],
    layers: &[Layer],
    start: Option<(String, Audience)>,
) -> anyhow::Result<ExitCode> {
    let (library, history, store) = runtime::load_startup(paths, layers)?;
    let start = match start {
        Some((theme, audience)) => Some(cli::start::request(&library, &theme, audience)?),
        None => None,
    };
    let launch = Launch {
        library,
        history,
        store,
        audience: start.as_ref().map_or(config.audience, |s| s.audience),
        start,
        palette: Palette::for_mode(ColourMode::from_env(config)),
        cli_dirs: cli_dirs.to_vec(),
        group_minutes: config.group_minutes,
    };
    runtime::run(paths, launch)?;
    Ok(ExitCode::SUCCESS)
}
