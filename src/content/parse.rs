//! One content file: TOML text to themes, questions and pack metadata.
//!
//! Problems are collected, not returned early, so a file with five mistakes
//! shows all five. Duplicates across files are found later, in `assemble`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use toml::de::DeTable;

use super::diagnostic::Diagnostic;
use super::model::{Audience, Conclusion, Figure, Overview, Pack, Question, Theme};
use super::reader::{FileContext, Position, TableReader, parse_document};

const ROOT_KEYS: &[&str] = &["pack", "overview", "theme", "conclusion", "part_of"];
const PACK_KEYS: &[&str] = &[
    "id",
    "title",
    "summary",
    "source",
    "short_source",
    "published",
    "url",
    "link_text",
    "licence",
    "copyright",
    "reflective_prompts",
];
const OVERVIEW_KEYS: &[&str] = &[
    "period",
    "statement",
    "statement_from",
    "text",
    "text_from",
    "figure",
    "questions_intro",
];
const FIGURE_KEYS: &[&str] = &["value", "label"];
const CONCLUSION_KEYS: &[&str] = &["title", "text"];
const THEME_KEYS: &[&str] = &[
    "id",
    "title",
    "summary",
    "statement",
    "statement_heading",
    "calls_on",
    "key_data",
    "learning",
    "question",
];
const QUESTION_KEYS: &[&str] = &["id", "audience", "text", "prompts", "learning"];

/// Pack metadata from a main file (the one with `[pack]`): a pack with no
/// themes yet, and where its id was written.
#[derive(Debug, Clone, Default)]
pub struct PackHeader {
    pub pack: Pack,
    pub id_at: Position,
}

#[derive(Debug, Clone)]
pub enum FileRole {
    Main(Box<PackHeader>),
    PartOf { pack: String, at: Position },
}

#[derive(Debug, Clone)]
pub struct ParsedTheme {
    pub theme: Theme,
    pub id_at: Position,
}

#[derive(Debug, Clone)]
pub struct ParsedFile {
    pub path: PathBuf,
    pub role: FileRole,
    pub themes: Vec<ParsedTheme>,
}

/// Parses a file; `None` when it is too broken to contribute anything.
pub fn parse_file(path: &Path, text: &str) -> (Option<ParsedFile>, Vec<Diagnostic>) {
    let mut cx = FileContext::new(path, text);
    let Some(root_table) = parse_document(&mut cx, text) else {
        return (None, cx.diagnostics);
    };
    let reader = TableReader::new(&mut cx, &root_table, 0..0, "the file", ROOT_KEYS);
    let role = read_role(&mut cx, &reader);
    let themes = reader
        .tables(&mut cx, "theme")
        .into_iter()
        .filter_map(|(table, span)| read_theme(&mut cx, table, span))
        .collect();
    let parsed = role.map(|role| ParsedFile {
        path: path.to_path_buf(),
        role,
        themes,
    });
    (parsed, cx.diagnostics)
}

fn read_role(cx: &mut FileContext<'_>, root: &TableReader<'_, '_>) -> Option<FileRole> {
    match (root.has("pack"), root.has("part_of")) {
        (true, true) => {
            cx.error(
                &root.span_of("part_of"),
                "a file has either `[pack]` or `part_of`, not both",
            )
            .push_hint("remove `part_of` from the pack's main file");
            None
        }
        (true, false) => read_header(cx, root).map(|h| FileRole::Main(Box::new(h))),
        (false, true) => {
            let at = cx.position(&root.span_of("part_of"));
            let pack = root.required_text(cx, "part_of")?;
            check_id(cx, &root.span_of("part_of"), &pack, "pack id");
            for key in ["overview", "conclusion"] {
                if root.has(key) {
                    cx.error(
                        &root.span_of(key),
                        format!("`[{key}]` belongs in the pack's main file"),
                    );
                }
            }
            Some(FileRole::PartOf { pack, at })
        }
        (false, false) => {
            let diagnostic = Diagnostic::error(
                cx.path,
                "this file has no `[pack]` table and no `part_of` key",
            )
            .hint("start a new pack with a `[pack]` table (see `reflect new`)")
            .hint("or add themes to a pack with `part_of = \"PACK-ID\"` on the first line");
            cx.diagnostics.push(diagnostic);
            None
        }
    }
}

fn read_header(cx: &mut FileContext<'_>, root: &TableReader<'_, '_>) -> Option<PackHeader> {
    let (table, span) = root.table(cx, "pack")?;
    let pack = TableReader::new(cx, table, span, "[pack]", PACK_KEYS);
    let id = pack.required_text(cx, "id");
    let title = pack.required_text(cx, "title");
    let header = Pack {
        summary: pack.optional_text(cx, "summary"),
        source: pack.optional_text(cx, "source"),
        short_source: pack.optional_text(cx, "short_source"),
        published: pack.optional_date(cx, "published"),
        url: pack.optional_text(cx, "url"),
        link_text: pack.optional_text(cx, "link_text"),
        licence: pack.optional_text(cx, "licence"),
        copyright: pack.optional_text(cx, "copyright"),
        prompts: pack
            .optional_choice(
                cx,
                "reflective_prompts",
                "set of prompts",
                &crate::prompts::ids(),
            )
            .map(str::to_owned),
        overview: read_overview(cx, root),
        conclusion: read_conclusion(cx, root),
        ..Pack::default()
    };
    let id = id?;
    check_id(cx, &pack.span_of("id"), &id, "pack id").then_some(())?;
    Some(PackHeader {
        pack: Pack {
            id,
            title: title?,
            ..header
        },
        id_at: cx.position(&pack.span_of("id")),
    })
}

fn read_overview(cx: &mut FileContext<'_>, root: &TableReader<'_, '_>) -> Overview {
    let Some((table, span)) = root.table(cx, "overview") else {
        return Overview::default();
    };
    let overview = TableReader::new(cx, table, span, "[overview]", OVERVIEW_KEYS);
    let figures = overview
        .tables(cx, "figure")
        .into_iter()
        .filter_map(|(table, span)| {
            let figure = TableReader::new(cx, table, span, "[[overview.figure]]", FIGURE_KEYS);
            let value = figure.required_text(cx, "value");
            let label = figure.required_text(cx, "label");
            Some(Figure {
                value: value?,
                label: label?,
            })
        })
        .collect();
    Overview {
        period: overview.optional_text(cx, "period"),
        statement: overview.optional_text(cx, "statement"),
        statement_from: overview.optional_text(cx, "statement_from"),
        text: overview.optional_text(cx, "text"),
        text_from: overview.optional_text(cx, "text_from"),
        questions_intro: overview.optional_text(cx, "questions_intro"),
        figures,
    }
}

fn read_conclusion(cx: &mut FileContext<'_>, root: &TableReader<'_, '_>) -> Option<Conclusion> {
    let (table, span) = root.table(cx, "conclusion")?;
    let conclusion = TableReader::new(cx, table, span, "[conclusion]", CONCLUSION_KEYS);
    let title = conclusion.required_text(cx, "title");
    let text = conclusion.required_text(cx, "text");
    Some(Conclusion {
        title: title?,
        text: text?,
    })
}

fn read_theme(
    cx: &mut FileContext<'_>,
    table: &DeTable<'_>,
    span: std::ops::Range<usize>,
) -> Option<ParsedTheme> {
    let theme = TableReader::new(cx, table, span, "[[theme]]", THEME_KEYS);
    let id = theme.required_text(cx, "id");
    let id_ok = id
        .as_deref()
        .is_some_and(|id| check_id(cx, &theme.span_of("id"), id, "theme id"));
    let title = theme.required_text(cx, "title");
    let learning = theme.text_list(cx, "learning");
    let questions = read_questions(cx, &theme, learning.len());
    let parsed = Theme {
        id: id.filter(|_| id_ok)?,
        title: title.unwrap_or_default(),
        summary: theme.optional_text(cx, "summary"),
        statement: theme.optional_text(cx, "statement"),
        statement_heading: theme.optional_text(cx, "statement_heading"),
        calls_on: theme.optional_text(cx, "calls_on"),
        key_data: theme.text_list(cx, "key_data"),
        learning,
        questions,
    };
    if parsed.questions.is_empty() && !theme.has("question") {
        cx.error(
            &theme.span(),
            format!("theme `{}` has no questions", parsed.id),
        )
        .push_hint("add a `[[theme.question]]` section after it");
    }
    Some(ParsedTheme {
        theme: parsed,
        id_at: cx.position(&theme.span_of("id")),
    })
}

fn read_questions(
    cx: &mut FileContext<'_>,
    theme: &TableReader<'_, '_>,
    learning_points: usize,
) -> Vec<Question> {
    let mut seen: HashMap<String, Position> = HashMap::new();
    let mut questions = Vec::new();
    for (table, span) in theme.tables(cx, "question") {
        let reader = TableReader::new(cx, table, span, "[[theme.question]]", QUESTION_KEYS);
        let Some(question) = read_question(cx, &reader, learning_points) else {
            continue;
        };
        let id_span = reader.span_of("id");
        if let Some(first) = seen.get(&question.id) {
            let message = format!("duplicate question id `{}` in this theme", question.id);
            let hint = format!(
                "the first is at line {}, column {}; ids must be unique",
                first.line, first.column
            );
            cx.error(&id_span, message).push_hint(hint);
            continue;
        }
        seen.insert(question.id.clone(), cx.position(&id_span));
        questions.push(question);
    }
    questions
}

fn read_question(
    cx: &mut FileContext<'_>,
    question: &TableReader<'_, '_>,
    learning_points: usize,
) -> Option<Question> {
    let id = question.required_text(cx, "id");
    let id_ok = id
        .as_deref()
        .is_some_and(|id| check_id(cx, &question.span_of("id"), id, "question id"));
    let audience = read_audience(cx, question);
    let text = question.required_text(cx, "text");
    let prompts = question.text_list(cx, "prompts");
    let learning = read_learning_links(cx, question, learning_points);
    Some(Question {
        id: id.filter(|_| id_ok)?,
        audience: audience?,
        text: text?,
        prompts,
        learning,
    })
}

/// `learning = [1, 3]`: the theme's learning points (numbered from 1, in
/// the order the theme lists them) a question relates to.
fn read_learning_links(
    cx: &mut FileContext<'_>,
    question: &TableReader<'_, '_>,
    learning_points: usize,
) -> Vec<usize> {
    let mut links = Vec::new();
    for (n, span) in question.integer_list(cx, "learning") {
        match usize::try_from(n)
            .ok()
            .filter(|&n| (1..=learning_points).contains(&n))
        {
            Some(n) if !links.contains(&(n - 1)) => links.push(n - 1),
            Some(_) => {
                cx.error(&span, format!("learning point {n} is named twice"));
            }
            None => {
                let hint = match learning_points {
                    0 => "this theme has no `learning` list to point to".to_owned(),
                    count => format!("this theme lists {count} learning points: use 1 to {count}"),
                };
                cx.error(&span, format!("there is no learning point {n}"))
                    .push_hint(hint);
            }
        }
    }
    links
}

fn read_audience(cx: &mut FileContext<'_>, question: &TableReader<'_, '_>) -> Option<Audience> {
    let word = question.required_text(cx, "audience")?;
    if let Some(audience) = Audience::from_key(&word) {
        return Some(audience);
    }
    let keys = Audience::ALL.map(Audience::key);
    let diagnostic = cx.error(
        &question.span_of("audience"),
        format!("unknown audience `{word}`"),
    );
    if let Some(close) = super::suggest::closest(&word.to_lowercase(), &keys) {
        diagnostic.push_hint(format!("did you mean `{close}`?"));
    }
    diagnostic.push_hint("use \"practitioner\", or \"leader\" for strategic leaders and managers");
    None
}

/// Ids are slugs: lower-case letters, digits and single dashes.
fn check_id(cx: &mut FileContext<'_>, span: &std::ops::Range<usize>, id: &str, what: &str) -> bool {
    if is_slug(id) {
        return true;
    }
    let shown = crate::text::truncate(id, 40);
    let diagnostic = cx.error(span, format!("`{shown}` is not a valid {what}"));
    diagnostic.push_hint(format!(
        "use lower-case letters, digits and single `-`, at most {MAX_CONTENT_ID_LEN} characters"
    ));
    let suggestion = crate::words::id::slug(id);
    if !suggestion.is_empty() {
        diagnostic.push_hint(format!("for example `{suggestion}`"));
    }
    false
}

/// Longest pack, theme or question id.
const MAX_CONTENT_ID_LEN: usize = 64;

pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_CONTENT_ID_LEN
        && id.split('-').all(|part| !part.is_empty())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
