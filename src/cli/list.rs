//! `reflect list`: the loaded content as plain text, one item a line, so it
//! can be searched with grep or read in a pager.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use crate::content::{Layer, Library, Pack, Theme};

#[derive(Debug, Default)]
pub struct Filter {
    pub pack: Option<String>,
    pub theme: Option<String>,
}

pub fn run(
    layers: &[Layer],
    filter: &Filter,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<ExitCode> {
    let library = Library::load(layers);
    // A folder named with --content that cannot be read is said, as check
    // says it, and the exit code tells a script (what did load is listed).
    for problem in &library.unreadable {
        let (path, reason) = (problem.path.display(), &problem.reason);
        writeln!(err, "{path}: error: cannot read: {reason}")?;
    }
    for diagnostic in library.diagnostics.iter().filter(|d| d.is_error()) {
        writeln!(err, "{diagnostic}")?;
    }
    if let Some(message) = unknown_filter(&library, filter) {
        writeln!(err, "reflect: {message}")?;
        return Ok(ExitCode::from(1));
    }
    let width = terminal_width();
    for line in lines(&library, filter) {
        writeln!(out, "{}", fit(&line, width))?;
    }
    Ok(if library.unreadable.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

fn unknown_filter(library: &Library, filter: &Filter) -> Option<String> {
    if let Some(pack) = &filter.pack
        && library.pack(pack).is_none()
    {
        let known: Vec<&str> = library.packs.iter().map(|p| p.id.as_str()).collect();
        return Some(format!("no pack `{pack}`; packs: {}", known.join(", ")));
    }
    if let Some(theme) = &filter.theme
        && library.find_theme(theme).is_none()
    {
        let known: Vec<&str> = library.themes().map(|(_, t)| t.id.as_str()).collect();
        return Some(format!("no theme `{theme}`; themes: {}", known.join(", ")));
    }
    None
}

/// Every item as `kind  id  text`, text on one line.
pub fn lines(library: &Library, filter: &Filter) -> Vec<String> {
    let mut lines = Vec::new();
    let packs = library
        .packs
        .iter()
        .filter(|p| filter.pack.as_ref().is_none_or(|id| *id == p.id));
    for pack in packs {
        if filter.theme.is_none() {
            pack_lines(pack, &mut lines);
        }
        // --theme takes PACK/THEME too, as start and group do.
        let names = |t: &Theme| [t.id.clone(), format!("{}/{}", pack.id, t.id)];
        let themes = pack
            .themes
            .iter()
            .filter(|t| filter.theme.as_ref().is_none_or(|id| names(t).contains(id)));
        for theme in themes {
            theme_lines(pack, theme, &mut lines);
        }
        if filter.theme.is_none()
            && let Some(conclusion) = &pack.conclusion
        {
            let text = format!("{}: {}", conclusion.title, conclusion.text);
            push(&mut lines, "conclusion", &pack.id, &text);
        }
    }
    lines
}

fn pack_lines(pack: &Pack, lines: &mut Vec<String>) {
    push(lines, "pack", &pack.id, &pack.title);
    let fields = [
        ("source", &pack.source),
        ("published", &pack.published),
        ("url", &pack.url),
        ("link", &pack.link_text),
        ("licence", &pack.licence),
        ("copyright", &pack.copyright),
        ("summary", &pack.summary),
        ("period", &pack.overview.period),
        ("statement", &pack.overview.statement),
        ("overview", &pack.overview.text),
        ("questions-intro", &pack.overview.questions_intro),
    ];
    for (kind, value) in fields {
        if let Some(value) = value {
            push(lines, kind, &pack.id, value);
        }
    }
    for figure in &pack.overview.figures {
        let text = format!("{} {}", figure.value, figure.label);
        push(lines, "figure", &pack.id, &text);
    }
}

fn theme_lines(pack: &Pack, theme: &Theme, lines: &mut Vec<String>) {
    let id = format!("{}/{}", pack.id, theme.id);
    push(lines, "theme", &id, &theme.title);
    for (kind, value) in [
        ("summary", &theme.summary),
        ("statement-heading", &theme.statement_heading),
        ("statement", &theme.statement),
        ("calls-on", &theme.calls_on),
    ] {
        if let Some(value) = value {
            push(lines, kind, &id, value);
        }
    }
    for (kind, items) in [("key-data", &theme.key_data), ("learning", &theme.learning)] {
        for (n, text) in items.iter().enumerate() {
            push(lines, kind, &format!("{id}#{}", n + 1), text);
        }
    }
    for q in &theme.questions {
        let question = format!("{id}/{}", q.id);
        push(
            lines,
            &format!("question:{}", q.audience),
            &question,
            &q.text,
        );
        for prompt in &q.prompts {
            push(lines, "prompt", &question, prompt);
        }
    }
}

fn push(lines: &mut Vec<String>, kind: &str, id: &str, text: &str) {
    let text: Vec<&str> = text.split_whitespace().collect();
    lines.push(format!("{kind:<21} {id}  {}", text.join(" ")));
}

fn terminal_width() -> Option<usize> {
    if !io::stdout().is_terminal() {
        return None;
    }
    crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w))
}

/// On a terminal, one screen line per item (cut with `…`); elsewhere whole.
fn fit(line: &str, width: Option<usize>) -> String {
    match width {
        Some(w) if w > 1 && line.chars().count() > w => {
            let cut: String = line.chars().take(w - 1).collect();
            format!("{cut}…")
        }
        _ => line.to_owned(),
    }
}
