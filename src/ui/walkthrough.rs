//! The walkthrough: one question at a time, a learning point in view (the
//! theme's, or those the pack links to the question), and the answer (or
//! notes) editor below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Borders, Widget};

use super::chrome;
use super::outline::Outline;
use super::split::{self, Size};
use super::style::Palette;
use super::text;
use super::wrap::Wrapped;
use crate::app::privacy::Shown;
use crate::app::{App, Focus, Session};
use crate::content::{Question, Theme};
use crate::keys::{Command, Mode, key_name};
use crate::text::same_words;
use crate::text_box::TextBox;

/// Said in place of a walkthrough whose theme the content no longer has.
fn theme_gone() -> String {
    format!(
        "This theme is no longer in the loaded content. Your answers are kept. {}",
        review_them()
    )
}

fn review_them() -> String {
    format!(
        "Press {} to review them.",
        key_name(Mode::Walkthrough, Command::OpenReview)
    )
}

/// The answer box's rows when the window is short: one to type in, and
/// its borders.
const EDITOR_ROWS_AT_LEAST: u16 = 3;

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, palette: Palette) {
    let Some(session) = &app.session else { return };
    let gone = Theme::default();
    // A question being answered as its whole theme went stays on screen:
    // what is typed must be seen where it lands.
    let Some(theme) = session
        .theme(&app.library)
        .or(session.taken_out.as_ref().map(|_| &gone))
    else {
        let said = match session.content_missing(&app.library) {
            Some(missing) => format!("{missing} {}", review_them()),
            None => theme_gone(),
        };
        return draw_without_question(buf, area, said, session, palette);
    };
    let Some(question) = session.current_question(&app.library) else {
        let [header, rest] = split::rows(area, [Size::Len(1), Size::Fill]);
        draw_header(buf, header, app, session, theme, 0, palette);
        let said = session.no_question_here(&app.library);
        return draw_without_question(buf, rest, said, session, palette);
    };
    let question_lines = question_lines(app, session, question, palette);
    let (learning_title, learning) = learning(theme, question, session.learning_shown, palette);
    // The answer box keeps a row to type in (with its borders) before the
    // question takes more: typing into a box with no rows shows nothing.
    let question_most = (area.height / 2).min(area.height.saturating_sub(1 + EDITOR_ROWS_AT_LEAST));
    let question_height = text::wrapped_height_at_most(&question_lines, area.width, question_most);
    let learning_height = if learning.is_empty() || area.height < 16 {
        0
    } else {
        text::wrapped_height_at_most(&learning, area.width, LEARNING_ROWS - 1) + 1
    };
    let [header, question_area, learning_area, editor_area] = split::rows(
        area,
        [
            Size::Len(1),
            Size::Len(question_height),
            Size::Len(learning_height),
            Size::Fill,
        ],
    );
    let count = session.questions(&app.library).len();
    draw_header(buf, header, app, session, theme, count, palette);
    Wrapped::new(question_lines, true).render(question_area, buf);
    draw_learning(buf, learning_area, learning_title, learning, palette);
    let editor_area = match app.prompt_set().filter(|_| session.focus != Focus::Notes) {
        Some(set) => super::prompts::draw_under(buf, editor_area, set, palette),
        None => editor_area,
    };
    draw_editor(buf, editor_area, session, palette);
}

/// Why there is no question, and the notes below it when they are being
/// written (the notes belong to the reflection, not to a question: what
/// is typed in them must show).
fn draw_without_question(
    buf: &mut Buffer,
    area: Rect,
    said: String,
    session: &Session,
    palette: Palette,
) {
    if session.focus != Focus::Notes {
        return Wrapped::new(said, true).render(area, buf);
    }
    let said = vec![Line::from(said)];
    let most = area.height.saturating_sub(1 + EDITOR_ROWS_AT_LEAST);
    let height = text::wrapped_height_at_most(&said, area.width, most);
    let [message, notes] = split::rows(area, [Size::Len(height), Size::Fill]);
    Wrapped::new(said, true).render(message, buf);
    draw_editor(buf, notes, session, palette);
}

/// The learning for direct practice, under a label saying whose it is.
fn draw_learning(
    buf: &mut Buffer,
    area: Rect,
    title: String,
    learning: Vec<Line<'static>>,
    palette: Palette,
) {
    let outline = Outline::new(Borders::TOP)
        .title(Span::styled(title, palette.label()))
        .border_style(palette.border());
    Wrapped::new(learning, true)
        .outline(outline)
        .render(area, buf);
}

/// "Question 2 of 4", or why there is no number.
fn position(session: &Session, count: usize) -> String {
    if session.taken_out.is_some() {
        "Question taken out of the pack".to_owned()
    } else if count == 0 {
        "No questions".to_owned()
    } else {
        let n = (session.question + 1).min(count);
        format!("Question {n} of {count}")
    }
}

fn draw_header(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    session: &Session,
    theme: &Theme,
    count: usize,
    palette: Palette,
) {
    let (saved, failed) = chrome::save_label(&session.autosave.state, app);
    let position = position(session, count);
    // What must never be missed comes first: the title is cut, not these.
    let mut spans = vec![
        Span::styled(position, palette.heading()),
        Span::styled("  ·  ", palette.muted()),
        Span::styled(
            saved,
            if failed {
                palette.error()
            } else {
                palette.muted()
            },
        ),
    ];
    if session.read_only {
        spans.push(Span::styled("  ·  READ-ONLY", palette.warning()));
    }
    let mut about = format!("  ·  {}", session.reflection.audience.label());
    // A theme taken out of the pack has no title left to show.
    if !theme.title.is_empty() {
        about.push_str(&format!("  ·  {}", theme.title));
    }
    spans.push(Span::styled(about, palette.muted()));
    Wrapped::cut(Line::from(spans)).render(area, buf);
}

fn question_lines(
    app: &App,
    session: &Session,
    question: &Question,
    palette: Palette,
) -> Vec<Line<'static>> {
    let key = session.key(question).to_string();
    let answer = session.reflection.answer(&key);
    let mut lines = text::paragraphs(&question.text, palette.heading());
    lines.extend(
        question
            .prompts
            .iter()
            .map(|p| text::bullet(p, palette.muted())),
    );
    if answer.is_some_and(|a| a.flagged) {
        lines.push(Line::styled(
            "⚑ Flagged to discuss in supervision",
            palette.warning(),
        ));
    }
    if let Some(answer) =
        answer.filter(|a| !same_words(&a.question_text, &question.text) && a.is_answered())
    {
        lines.push(Line::styled(
            "The question has changed since you answered it. When you answered, it read:",
            palette.warning(),
        ));
        lines.push(Line::styled(
            answer.question_text.replace('\n', " "),
            palette.muted(),
        ));
    }
    lines.extend(earlier_hint(app.earlier_count(&key), palette));
    lines
}

/// That other reflections answered this question, and how to see them.
fn earlier_hint(earlier: usize, palette: Palette) -> Option<Line<'static>> {
    if earlier == 0 {
        return None;
    }
    let hint = format!(
        "{earlier} earlier answer{} to this question: press {} (after {})",
        if earlier == 1 { "" } else { "s" },
        key_name(Mode::Walkthrough, Command::EarlierAnswers),
        key_name(Mode::Editor, Command::LeaveEditor)
    );
    Some(Line::styled(hint, palette.muted()))
}

const LEARNING_ROWS: u16 = 7;

/// The learning shown beside a question, under a label saying whose
/// choice it is: the points this pack links to the question, or else the
/// theme's learning (the Panel pairs none with any question), one point at
/// a time; `l` shows the next.
fn learning(
    theme: &Theme,
    question: &Question,
    shown: usize,
    palette: Palette,
) -> (String, Vec<Line<'static>>) {
    let (points, whose): (Vec<&String>, &str) = if question.learning.is_empty() {
        (
            theme.learning.iter().collect(),
            "The theme's learning for direct practice",
        )
    } else {
        let linked = question
            .learning
            .iter()
            .filter_map(|&i| theme.learning.get(i));
        (linked.collect(), "Learning this pack links to the question")
    };
    if points.is_empty() {
        return (String::new(), Vec::new());
    }
    let index = shown % points.len();
    let title = match points.len() {
        1 => format!(" {whose} "),
        n => format!(
            " {whose} · {} of {n} · {}: next ",
            index + 1,
            key_name(Mode::Walkthrough, Command::NextLearning)
        ),
    };
    (title, vec![text::bullet(points[index], palette.muted())])
}

/// The box on screen, and its title saying how to leave or start it.
fn editor_and_title(session: &Session) -> (&TextBox, String) {
    let done = key_name(Mode::Editor, Command::LeaveEditor);
    match session.focus {
        Focus::Notes => (&session.notes_editor, format!(" Notes ({done} when done) ")),
        Focus::Answer => (
            &session.answer_editor,
            format!(
                " Your answer ({done} when done, {} next) ",
                key_name(Mode::Editor, Command::NextQuestion)
            ),
        ),
        Focus::Browse if session.read_only => (
            &session.answer_editor,
            " Your answer (read-only here) ".to_string(),
        ),
        Focus::Browse => (
            &session.answer_editor,
            format!(
                " Your answer ({} to write) ",
                key_name(Mode::Walkthrough, Command::EditAnswer)
            ),
        ),
    }
}

fn draw_editor(buf: &mut Buffer, area: Rect, session: &Session, palette: Palette) {
    let shown = if session.focus == Focus::Notes {
        Shown::Notes
    } else {
        Shown::Answer
    };
    let area = draw_note(buf, area, session, shown, palette);
    let (editor, title) = editor_and_title(session);
    let focused = session.focus != Focus::Browse;
    let border = if focused {
        palette.focused_border()
    } else {
        palette.border()
    };
    let outline = Outline::new(Borders::ALL).title(title).border_style(border);
    let inner = outline.inner(area);
    (&outline).render(area, buf);
    super::editor::draw_in(editor, inner, buf, palette);
    super::marks::style(buf, inner, session, (editor, shown), palette);
}

/// The line (or two) under the answer naming what is marked, if anything
/// is and there is room; returns the room left for the box.
fn draw_note(
    buf: &mut Buffer,
    area: Rect,
    session: &Session,
    shown: Shown,
    palette: Palette,
) -> Rect {
    let Some(note) = super::marks::note(session, shown, palette).filter(|_| area.height >= 4)
    else {
        return area;
    };
    let most = if area.height >= 6 { 2 } else { 1 };
    let height = text::wrapped_height_at_most(std::slice::from_ref(&note), area.width, most);
    let [rest, note_area] = split::rows(area, [Size::Fill, Size::Len(height)]);
    Wrapped::new(note, true).render(note_area, buf);
    rest
}

/// Earlier answers to the current question, with their dates.
pub fn draw_earlier(buf: &mut Buffer, area: Rect, app: &App, palette: Palette) {
    let Some(session) = &app.session else { return };
    let Some(question) = session.current_question(&app.library) else {
        return;
    };
    let answers = app.earlier_answers(&session.key(question).to_string());
    let mut lines = Vec::new();
    for (reflection, answer) in &answers {
        lines.push(Line::styled(
            answer.updated.format("%A %d %B %Y, %H:%M").to_string(),
            palette.heading(),
        ));
        if !same_words(&answer.question_text, &question.text) {
            lines.push(Line::styled(
                "(the question was worded differently then)",
                palette.muted(),
            ));
        }
        lines.extend(text::paragraphs(&answer.text, palette.text()));
        lines.push(Line::styled(
            format!("from reflection {}", reflection.id),
            palette.muted(),
        ));
        lines.push(Line::default());
    }
    if answers.is_empty() {
        lines.push(Line::styled(
            "You have not answered this question in an earlier reflection.",
            palette.muted(),
        ));
    }
    let close = key_name(Mode::Earlier, Command::Back);
    let title = format!(" Earlier answers ({close} to close) ");
    chrome::popup(buf, area, &title, lines, palette);
}
