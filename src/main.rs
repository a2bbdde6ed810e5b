//! `reflect`: a terminal companion for reflective practice in child
//! safeguarding. `main` parses the command line and dispatches; every
//! subcommand returns an exit code, and errors go to stderr.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use reflect::app::GroupRequest;
use reflect::content::{Audience, Layer, Library};
use reflect::runtime::{self, Launch, Loading, Start};
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
    #[command(flatten)]
    Print(PrintCommand),
}

/// The commands that print and exit; they never touch the terminal's modes.
#[derive(Debug, Subcommand)]
enum PrintCommand {
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
        /// Write the file even if possible identifying details are still
        /// marked, without asking
        #[arg(long)]
        force: bool,
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

impl From<GroupAudienceArg> for GroupAudience {
    fn from(arg: GroupAudienceArg) -> GroupAudience {
        match arg {
            GroupAudienceArg::Practitioner => GroupAudience::Practitioner,
            GroupAudienceArg::Leader => GroupAudience::Leader,
            GroupAudienceArg::Both => GroupAudience::Both,
        }
    }
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

/// What every command starts from: where files are, the settings, and the
/// content folders in the order they are layered.
struct Setup {
    paths: Paths,
    config: Config,
    layers: Vec<Layer>,
    cli_dirs: Vec<PathBuf>,
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let setup = setup(&cli)?;
    match cli.command {
        None => app(&setup, None),
        Some(Command::Start { theme, audience }) => {
            let audience = audience.map_or(setup.config.audience, Audience::from);
            app(&setup, Some((theme, audience)))
        }
        Some(Command::Group {
            theme,
            audience,
            minutes,
        }) => group(&setup, &theme, audience, minutes),
        Some(Command::Print(command)) => print(&setup, command),
    }
}

fn setup(cli: &Cli) -> anyhow::Result<Setup> {
    let paths = Paths::from_env()?;
    let (config, config_problems) = Config::load(&paths);
    // `check` reports them in full; the app shows them on screen.
    let plain = !matches!(
        cli.command,
        Some(Command::Print(PrintCommand::Check { .. })) | None
    );
    if plain && config_problems.iter().any(|d| d.is_error()) {
        eprintln!(
            "reflect: {} has problems, so some settings are the defaults; see `reflect check`",
            paths.config_file().display()
        );
    }
    let layers = config.content_layers(&paths, &cli.content);
    Ok(Setup {
        paths,
        config,
        layers,
        cli_dirs: cli.content.clone(),
    })
}

/// The commands that print and exit. Standard output and error are locked
/// here only, never around the app: a panic message from another thread
/// would wait for the lock forever.
fn print(setup: &Setup, command: PrintCommand) -> anyhow::Result<ExitCode> {
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let mut stdin = None;
    let Setup { paths, layers, .. } = setup;
    match command {
        PrintCommand::Check {
            paths: targets,
            watch,
        } => check(setup, &targets, watch, &mut out, &mut err),
        PrintCommand::List { pack, theme } => {
            let filter = cli::list::Filter { pack, theme };
            Ok(cli::list::run(layers, &filter, &mut out, &mut err)?)
        }
        PrintCommand::New { dir, from_builtin } => {
            let dir = dir.unwrap_or_else(|| paths.content_dir());
            if from_builtin {
                cli::new::from_builtin(&dir, &mut out, &mut err)
            } else {
                cli::new::run(&dir, &mut out)
            }
        }
        PrintCommand::Export {
            group,
            id,
            output,
            force,
            ..
        } => {
            let (id, output) = (id.as_deref(), output.as_deref());
            if group {
                cli::export_group::run(paths, layers, id, output, &mut out, &mut err)
            } else {
                let guard = export_guard(&setup.config, force, &mut stdin);
                let library = Library::load(layers);
                cli::export::run(paths, &library, id, output, (&mut out, &mut err), guard)
            }
        }
        PrintCommand::Paths => {
            cli::paths::run(paths, &setup.config, &setup.cli_dirs, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        PrintCommand::History => cli::history::run(paths, &Library::load(layers), &mut out),
    }
}

/// How `reflect export` treats what the identifying-details check marks:
/// it asks on the terminal, when standard input is one.
fn export_guard<'a>(
    config: &Config,
    force: bool,
    stdin: &'a mut Option<std::io::StdinLock<'static>>,
) -> cli::export_check::Guard<'a> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        *stdin = Some(std::io::stdin().lock());
    }
    cli::export_check::Guard {
        enabled: config.identifying_check,
        force,
        year: chrono::Datelike::year(&chrono::Local::now()),
        ask: stdin.as_mut().map(|s| s as &mut dyn std::io::BufRead),
    }
}

fn check(
    setup: &Setup,
    targets: &[PathBuf],
    watch: bool,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> anyhow::Result<ExitCode> {
    let request = cli::check::Request {
        paths: &setup.paths,
        cli_dirs: &setup.cli_dirs,
        targets,
    };
    if watch {
        cli::check::watch(&request, out, err)
    } else {
        Ok(cli::check::run(&request, out, err)?)
    }
}

/// The interactive app, optionally straight into a theme's walkthrough.
fn app(setup: &Setup, start: Option<(String, Audience)>) -> anyhow::Result<ExitCode> {
    let start = match start {
        Some((theme, audience)) => Start::Walkthrough { theme, audience },
        None => Start::Home,
    };
    let launch = Launch {
        loading: Loading::private(&setup.paths, setup.layers.clone()),
        start,
        audience: setup.config.audience,
        palette: Palette::for_mode(ColourMode::from_env(&setup.config)),
        group_minutes: setup.config.group_minutes,
        identifying_check: setup.config.identifying_check,
        cli_dirs: setup.cli_dirs.clone(),
    };
    runtime::run(&setup.paths, launch)?;
    Ok(ExitCode::SUCCESS)
}

/// `reflect group`: the presentation view on its own. The private
/// reflections are not read at all.
fn group(
    setup: &Setup,
    theme: &str,
    audience: GroupAudienceArg,
    minutes: Option<u32>,
) -> anyhow::Result<ExitCode> {
    let library = Library::load(&setup.layers);
    let (pack, theme) = reflect::group::find_theme(&library, theme)?;
    let request = GroupRequest {
        pack: pack.id.clone(),
        theme: theme.id.clone(),
        audience: audience.into(),
    };
    let launch = Launch {
        loading: Loading::content(library),
        start: Start::Group(request),
        audience: setup.config.audience,
        palette: Palette::for_mode(ColourMode::from_env(&setup.config)),
        group_minutes: minutes.unwrap_or(setup.config.group_minutes),
        identifying_check: false,
        cli_dirs: setup.cli_dirs.clone(),
    };
    runtime::run(&setup.paths, launch)?;
    Ok(ExitCode::SUCCESS)
}
