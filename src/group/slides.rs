//! The slide deck: pure functions from content, the group's notes and the
//! screen size to a list of slides.
//!
//! Pagination depends on the screen, so the deck is rebuilt on every resize
//! (and when a note is added, for the summary). A slide is found again
//! after a rebuild by its stable `key` (see [`Slide::key`]), never by its
//! position in the list.

use ratatui::layout::Rect;

use super::deck::DeckContent;
use super::layout::{areas, question_areas, text_column};
use super::paginate::{Mark, TextLine, Tone, paginate};
use crate::content::{Audience, Question};
use crate::keys;
use crate::store::GroupNote;
use crate::text::{clean, truncate, wrap};

/// At most this many key data or learning points share a slide, so each
/// slide stays something a room can read and talk about.
pub const ITEMS_PER_SLIDE: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlideKind {
    Title,
    /// Paragraphs of the Panel's text: the statement's opening, the theme
    /// as introduced, the conclusion.
    Passage,
    KeyData,
    Learning,
    Question,
    Summary,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slide {
    pub kind: SlideKind,
    /// What notes are filed under: `title`, `key-data`, `learning`,
    /// `question:ID` or `summary`. All pages of a section share it, so a
    /// note's place does not depend on the size of the screen it was
    /// typed on.
    pub section: String,
    /// Stable position: the section, then (after `:`) the 1-based item the
    /// page starts with, and `.N` when it starts at line N of that item,
    /// e.g. `learning`, `learning:4`, `learning:4.3`.
    pub key: String,
    pub start: Mark,
    /// The header line, e.g. "Question 2 of 8 · for practitioners".
    pub heading: String,
    /// The name notes and the slide index use (a question's full text).
    pub title: String,
    /// 1-based page within the section, and the section's page count.
    pub page: usize,
    pub pages: usize,
    pub lines: Vec<TextLine>,
    /// The question id, on question slides: its timer is kept under it.
    pub question: Option<String>,
}

impl Slide {
    /// True when the section goes on onto the next slide.
    pub fn continues(&self) -> bool {
        self.page < self.pages
    }

    /// The heading with "(2 of 3)" when the section has several pages.
    pub fn header(&self) -> String {
        match self.pages {
            0 | 1 => self.heading.clone(),
            n => format!("{} ({} of {n})", self.heading, self.page),
        }
    }
}

/// One section before pagination.
struct Section {
    kind: SlideKind,
    id: String,
    heading: String,
    title: String,
    items: Vec<Vec<TextLine>>,
    question: Option<String>,
}

impl Section {
    /// A section of anything but a question (which has a timer).
    fn new(
        kind: SlideKind,
        id: &str,
        heading: &str,
        title: &str,
        items: Vec<Vec<TextLine>>,
    ) -> Self {
        Section {
            kind,
            id: id.to_owned(),
            heading: heading.to_owned(),
            title: title.to_owned(),
            items,
            question: None,
        }
    }
}

/// The ids of the deck's slides in the order `build` puts them, for
/// questions `questions`: the order notes are listed in after a session.
pub fn order_of_slides<'a>(questions: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let before = ["title", "overview", "theme", "key-data", "learning"];
    let questions = questions.into_iter().map(|id| format!("question:{id}"));
    before
        .into_iter()
        .map(String::from)
        .chain(questions)
        .chain(["conclusion", "summary"].map(String::from))
        .collect()
}

/// The whole deck for a screen of `size` (width, height).
pub fn build(content: &DeckContent, notes: &[GroupNote], size: (u16, u16)) -> Vec<Slide> {
    let fit = Fit::for_screen(size);
    let mut sections = vec![title_section(content, fit.width)];
    sections.extend(opening_sections(content, fit.width));
    sections.extend(list_section(
        SlideKind::KeyData,
        "key-data",
        "Key data",
        &content.key_data,
        fit.width,
    ));
    sections.extend(list_section(
        SlideKind::Learning,
        "learning",
        "Learning for direct practice",
        &content.learning,
        fit.width,
    ));
    let total = content.questions.len();
    for (n, q) in content.questions.iter().enumerate() {
        sections.push(question_section(q, n + 1, total, fit.width));
    }
    sections.extend(conclusion_section(content, fit.width));
    let summary = summary_section(&sections, notes, fit.width);
    sections.push(summary);
    sections
        .iter()
        .flat_map(|s| paginate_section(s, &fit))
        .collect()
}

/// How much text a slide can hold on this screen.
struct Fit {
    width: usize,
    rows: usize,
    question_rows: usize,
}

impl Fit {
    fn for_screen((width, height): (u16, u16)) -> Fit {
        let body = areas(Rect::new(0, 0, width, height)).body;
        let column = text_column(body);
        let (question, _) = question_areas(column);
        // One row is kept back for the "continues on next slide" sign.
        Fit {
            width: usize::from(column.width),
            rows: usize::from(column.height.saturating_sub(1)),
            question_rows: usize::from(question.height.saturating_sub(1)),
        }
    }
}

fn paginate_section(section: &Section, fit: &Fit) -> Vec<Slide> {
    let (rows, per_slide) = match section.kind {
        SlideKind::KeyData | SlideKind::Learning => (fit.rows, ITEMS_PER_SLIDE),
        SlideKind::Question => (fit.question_rows, usize::MAX),
        SlideKind::Title | SlideKind::Summary | SlideKind::Passage => (fit.rows, usize::MAX),
    };
    let pages = paginate(&section.items, rows, per_slide);
    let count = pages.len();
    pages
        .into_iter()
        .enumerate()
        .map(|(i, page)| Slide {
            kind: section.kind,
            section: section.id.clone(),
            key: position_key(&section.id, page.start),
            start: page.start,
            heading: section.heading.clone(),
            title: section.title.clone(),
            page: i + 1,
            pages: count,
            lines: page.lines,
            question: section.question.clone(),
        })
        .collect()
}

fn position_key(section: &str, start: Mark) -> String {
    match start {
        Mark { item: 0, line: 0 } => section.to_string(),
        Mark { item, line: 0 } => format!("{section}:{}", item + 1),
        Mark { item, line } => format!("{section}:{}.{}", item + 1, line + 1),
    }
}

/// `text` wrapped to `width`, each line with `tone`.
fn lines(text: &str, width: usize, tone: Tone, centred: bool) -> Vec<TextLine> {
    wrap(&clean(text, true), width)
        .into_iter()
        .map(|l| TextLine::new(l, tone, centred))
        .collect()
}

/// `text` as a bullet with a hanging indent, so wrapped lines line up.
fn bullet(text: &str, mark: &str, width: usize, tone: Tone, centred: bool) -> Vec<TextLine> {
    let wrapped = wrap(&clean(text, false), width.saturating_sub(2).max(1));
    wrapped
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let lead = if i == 0 { mark } else { " " };
            TextLine::new(format!("{lead} {l}"), tone, centred)
        })
        .collect()
}

/// A note as a bullet: its own lines kept (a note may hold an agreed
/// point and then its action), each wrapped under the first.
fn note_bullet(text: &str, width: usize) -> Vec<TextLine> {
    let text = clean(text, true);
    let mut rows = Vec::new();
    for line in text.trim().lines() {
        let mark = if rows.is_empty() { "•" } else { " " };
        rows.extend(bullet(line, mark, width, Tone::Body, false));
    }
    rows
}

fn title_section(content: &DeckContent, width: usize) -> Section {
    let mut items = vec![lines(&content.theme_title, width, Tone::Title, true)];
    let mut about = lines(&content.pack_title, width, Tone::Body, true);
    if let Some(period) = &content.period {
        about.extend(lines(period, width, Tone::Body, true));
    }
    items.push(about);
    for figure in &content.figures {
        let text = format!("{}  {}", figure.value, figure.label);
        items.push(lines(&text, width, Tone::Heading, true));
    }
    if let Some(credit) = &content.credit {
        items.push(lines(credit, width, Tone::Muted, true));
    }
    let (heading, title) = (&content.pack_title, &content.theme_title);
    Section::new(SlideKind::Title, "title", heading, title, items)
}

/// The statement's opening, then the theme as the Panel introduced it;
/// each names the document it is from.
fn opening_sections(content: &DeckContent, width: usize) -> Vec<Section> {
    let statement = content
        .statement_from
        .as_deref()
        .unwrap_or("the Panel's statement");
    let overview = content.statement_opening.as_deref().map(|text| {
        let heading = format!("From {statement}");
        passage_section("overview", &heading, &heading, &[text], None, width)
    });
    let passages: Vec<&str> = [&content.theme_summary, &content.theme_statement]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let theme = (!passages.is_empty()).then(|| {
        let title = content.theme_title.clone();
        let mut section = passage_section("theme", &title, &title, &passages, None, width);
        if let (Some(heading), Some(_)) =
            (&content.theme_statement_heading, &content.theme_statement)
        {
            let label = format!("From {statement}: {heading}");
            let at = usize::from(content.theme_summary.is_some());
            section
                .items
                .insert(at, lines(&label, width, Tone::Muted, false));
        }
        section
    });
    overview.into_iter().chain(theme).collect()
}

/// The conclusion, with the source line on its last page.
fn conclusion_section(content: &DeckContent, width: usize) -> Option<Section> {
    let conclusion = content.conclusion.as_ref()?;
    let texts = [conclusion.text.as_str()];
    let credit = content.credit.as_deref();
    let mut section = passage_section(
        "conclusion",
        "Conclusion",
        &conclusion.title,
        &texts,
        credit,
        width,
    );
    section
        .items
        .insert(0, lines(&conclusion.title, width, Tone::Heading, false));
    Some(section)
}

/// Paragraphs, each an item (so pages break between them when they can),
/// and a quiet last line if `credit` is given.
fn passage_section(
    id: &str,
    heading: &str,
    title: &str,
    texts: &[&str],
    credit: Option<&str>,
    width: usize,
) -> Section {
    let mut items: Vec<Vec<TextLine>> = texts
        .iter()
        .flat_map(|t| t.split("\n\n"))
        .filter(|p| !p.trim().is_empty())
        .map(|p| lines(p.trim(), width, Tone::Body, false))
        .collect();
    items.extend(credit.map(|c| lines(c, width, Tone::Muted, false)));
    Section::new(SlideKind::Passage, id, heading, &clean(title, false), items)
}

fn list_section(
    kind: SlideKind,
    id: &str,
    heading: &str,
    points: &[String],
    width: usize,
) -> Option<Section> {
    let items: Vec<_> = points
        .iter()
        .map(|p| bullet(p, "•", width, Tone::Body, false))
        .collect();
    (!items.is_empty()).then(|| Section::new(kind, id, heading, heading, items))
}

fn question_section(question: &Question, n: usize, total: usize, width: usize) -> Section {
    let who = match question.audience {
        Audience::Practitioner => "for practitioners",
        Audience::Leader => "for leaders and managers",
    };
    let mut items = vec![lines(&question.text, width, Tone::Question, true)];
    for prompt in &question.prompts {
        items.push(bullet(prompt, "›", width, Tone::Prompt, true));
    }
    let id = format!("question:{}", question.id);
    let heading = format!("Question {n} of {total} · {who}");
    let title = clean(&question.text, false);
    Section {
        question: Some(question.id.clone()),
        ..Section::new(SlideKind::Question, &id, &heading, &title, items)
    }
}

/// The group's notes, under the title of the slide they were made on, in
/// the order of the deck; notes from slides no longer in the deck (content
/// changed) come last, under the title saved with them.
fn summary_section(sections: &[Section], notes: &[GroupNote], width: usize) -> Section {
    let mut items = Vec::new();
    let order = sections.iter().map(|s| s.id.as_str());
    let mut seen: Vec<&str> = Vec::new();
    for id in order.chain(notes.iter().map(|n| n.slide.as_str())) {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let group: Vec<&GroupNote> = notes.iter().filter(|n| n.slide == id).collect();
        for (i, note) in group.iter().enumerate() {
            let mut item = Vec::new();
            if i == 0 {
                // One line: the summary is about the notes, and a question
                // in full would crowd them out.
                let heading = truncate(&clean(&note.slide_title, false), width);
                item.push(TextLine::new(heading, Tone::Heading, false));
            }
            item.extend(note_bullet(&note.text, width));
            items.push(item);
        }
    }
    if items.is_empty() {
        let hint = format!(
            "No notes yet. Press {} on any slide to write down what the group agrees.",
            keys::key_name(keys::Mode::Slides, keys::Command::WriteNote)
        );
        items.push(lines(&hint, width, Tone::Muted, true));
    }
    let heading = "What the group agreed";
    Section::new(SlideKind::Summary, "summary", heading, heading, items)
}
