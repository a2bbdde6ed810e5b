//! `reflect`: a terminal companion for reflective practice in child
//! safeguarding. `main` parses the command line and dispatches; every
//! subcommand returns an exit code, and errors go to stderr.

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod no_libm;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use reflect::app::GroupRequest;
use reflect::cli::args::{Cli, Command, Generate, PrintCommand};
use reflect::cli::{self, generate};
use reflect::config::{ColourMode, Config};
use reflect::content::{Audience, Layer, Library};
use reflect::group::{GroupAudience, UnknownTheme};
use reflect::paths::Paths;
use reflect::runtime::{self, Launch, Loading, Start};
use reflect::ui::Palette;

fn main() -> ExitCode {
    let cli = Cli::from_args();
    match run(cli) {
        Ok(code) => code,
        // The reader went away (`reflect list | head`): nothing is wrong.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        // Asked for something that is not there, like `reflect list --theme`.
        Err(error) if error.downcast_ref::<UnknownTheme>().is_some() => {
            eprintln!("reflect: {error:#}");
            ExitCode::from(1)
        }
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
    /// `config.toml`'s errors, told on screen by the app.
    config_notice: Option<String>,
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // For installers: needs no home folder or settings.
    if let Some(Command::Generate { what }) = cli.command {
        return generated(what);
    }
    let setup = setup(&cli)?;
    match cli.command {
        None => app(&setup, None),
        Some(Command::Start { theme, audience }) => {
            let audience = audience.unwrap_or(setup.config.audience);
            app(&setup, Some((theme, audience)))
        }
        Some(Command::Group {
            theme,
            audience,
            minutes,
        }) => group(&setup, &theme, audience, minutes),
        Some(Command::Print(command)) => print(&setup, command),
        Some(Command::Generate { what }) => generated(what),
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
        config_notice: Config::notice(&config_problems),
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
        PrintCommand::New {
            dir,
            from_builtin,
            forms,
        } => new(paths, dir, from_builtin, forms, (&mut out, &mut err)),
        PrintCommand::Export {
            group,
            id,
            output,
            format,
            force,
            ..
        } => {
            // `-o -` is standard output, as elsewhere on the command line.
            let output = output
                .as_deref()
                .filter(|p| *p != std::path::Path::new("-"));
            let id = id.as_deref();
            if group {
                cli::export_group::run(paths, layers, id, (output, force), &mut out, &mut err)
            } else {
                let request = cli::export::Request { id, format, output };
                let guard = export_guard(&setup.config, force, &mut stdin);
                let library = Library::load(layers);
                cli::export::run(paths, &library, request, (&mut out, &mut err), guard)
            }
        }
        PrintCommand::Paths => {
            cli::paths::run(paths, &setup.config, &setup.cli_dirs, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        PrintCommand::History => cli::history::run(paths, &Library::load(layers), &mut out),
    }
}

/// `reflect new`: a template pack, a copy of the built-in one, or copies
/// of the forms.
fn new(
    paths: &Paths,
    dir: Option<PathBuf>,
    from_builtin: bool,
    forms: bool,
    (out, err): (&mut dyn std::io::Write, &mut dyn std::io::Write),
) -> anyhow::Result<ExitCode> {
    if forms {
        let dir = dir.unwrap_or_else(|| paths.forms_dir());
        return cli::new::forms(&dir, out, err);
    }
    let dir = dir.unwrap_or_else(|| paths.content_dir());
    if from_builtin {
        cli::new::from_builtin(&dir, out, err)
    } else {
        cli::new::run(&dir, out)
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

/// `reflect generate`: the man pages or a completion script.
fn generated(what: Generate) -> anyhow::Result<ExitCode> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match what {
        Generate::Man { dir: None } => out
            .write_all(&generate::main_page()?)
            .context("cannot write to standard output")?,
        Generate::Man { dir: Some(dir) } => {
            let written = generate::write_man_pages(&dir)
                .with_context(|| format!("cannot write the man pages to {}", dir.display()))?;
            eprintln!(
                "reflect: wrote {} man pages to {}",
                written.len(),
                dir.display()
            );
        }
        Generate::Completions { shell } => out
            .write_all(&generate::completions(shell))
            .context("cannot write to standard output")?,
    }
    out.flush().context("cannot write to standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// The interactive app, optionally straight into a theme's walkthrough.
fn app(setup: &Setup, start: Option<(String, Audience)>) -> anyhow::Result<ExitCode> {
    let start = match start {
        Some((theme, audience)) => Start::Walkthrough { theme, audience },
        None => Start::Home,
    };
    let launch = Launch {
        loading: Loading::private(&setup.paths, setup.layers.clone(), &start),
        start,
        audience: setup.config.audience,
        palette: Palette::for_mode(ColourMode::from_env(&setup.config)),
        group_minutes: setup.config.group_minutes,
        prompts: setup.config.prompts.clone(),
        identifying_check: setup.config.identifying_check,
        cli_dirs: setup.cli_dirs.clone(),
        notices: setup.config_notice.iter().cloned().collect(),
    };
    runtime::run(&setup.paths, launch)?;
    Ok(ExitCode::SUCCESS)
}

/// `reflect group`: the presentation view on its own. The private
/// reflections are not read at all.
fn group(
    setup: &Setup,
    theme: &str,
    audience: GroupAudience,
    minutes: Option<u32>,
) -> anyhow::Result<ExitCode> {
    let library = Library::load(&setup.layers);
    let (pack, theme) = reflect::group::find_theme(&library, theme)?;
    let request = GroupRequest {
        pack: pack.id.clone(),
        theme: theme.id.clone(),
        audience,
    };
    let launch = Launch {
        loading: Loading::content(library),
        start: Start::Group(request),
        audience: setup.config.audience,
        palette: Palette::for_mode(ColourMode::from_env(&setup.config)),
        group_minutes: minutes.unwrap_or(setup.config.group_minutes),
        prompts: None,
        identifying_check: false,
        cli_dirs: setup.cli_dirs.clone(),
        notices: setup.config_notice.iter().cloned().collect(),
    };
    runtime::run(&setup.paths, launch)?;
    Ok(ExitCode::SUCCESS)
}
