//! The walkthrough: one question at a time, a learning point or two in
//! view, and the answer (or notes) editor below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::chrome;
use super::style::Palette;
use super::text;
use crate::app::{App, Focus, Session};
use crate::content::{Question, Theme};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, palette: Palette) {
    let Some(session) = &app.session else { return };
    let Some(theme) = session.theme(&app.library) else {
        let message = "This theme is no longer in the loaded content. Your answers are kept: press r to review them.";
        frame.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), area);
        return;
    };
    let questions = session.questions(&app.library);
    let question_lines = questions
        .get(session.question)
        .map(|q| question_lines(app, session, q, palette))
        .unwrap_or_default();
    let learning = learning_lines(theme, session.question, palette);
    let question_height = text::wrapped_height(&question_lines, area.width).min(area.height / 2);
    let learning = fit_learning(learning, area.width);
    let learning_height = if learning.is_empty() || area.height < 20 {
        0
    } else {
        (text::wrapped_height(&learning, area.width) + 1).min(LEARNING_ROWS)
    };
    let [header, question_area, learning_area, editor_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(question_height),
        Constraint::Length(learning_height),
        Constraint::Min(3),
    ])
    .areas(area);
    draw_header(frame, header, app, session, theme, questions.len(), palette);
    frame.render_widget(
        Paragraph::new(question_lines).wrap(Wrap { trim: true }),
        question_area,
    );
    let block = Block::default()
        .borders(Borders::TOP)
        .title(" From the learning ")
        .border_style(palette.border());
    frame.render_widget(
        Paragraph::new(learning)
            .block(block)
            .wrap(Wrap { trim: true }),
        learning_area,
    );
    draw_editor(frame, editor_area, session, palette);
}

fn draw_header(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    session: &Session,
    theme: &Theme,
    count: usize,
    palette: Palette,
) {
    let (saved, failed) = chrome::save_label(&session.autosave.state, app);
    let position = format!(
        "Question {} of {}",
        (session.question + 1).min(count),
        count
    );
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
    spans.push(Span::styled(
        format!(
            "  ·  {}  ·  {}",
            session.reflection.audience.label(),
            theme.title
        ),
        palette.muted(),
    ));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
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
    if let Some(answer) = answer.filter(|a| a.question_text != question.text && a.is_answered()) {
        lines.push(Line::styled(
            "The question has changed since you answered it. When you answered, it read:",
            palette.warning(),
        ));
        lines.push(Line::styled(
            answer.question_text.replace('\n', " "),
            palette.muted(),
        ));
    }
    let earlier = app.earlier_answers(&key).len();
    if earlier > 0 {
        let hint = format!(
            "{earlier} earlier answer{} to this question: press e (after Esc)",
            if earlier == 1 { "" } else { "s" }
        );
        lines.push(Line::styled(hint, palette.muted()));
    }
    lines
}

/// Drops the second learning point when both would not fit the pane whole.
fn fit_learning(mut lines: Vec<Line<'static>>, width: u16) -> Vec<Line<'static>> {
    if lines.len() > 1 && text::wrapped_height(&lines, width) + 1 > LEARNING_ROWS {
        lines.truncate(1);
    }
    lines
}

const LEARNING_ROWS: u16 = 7;

/// One or two learning points, chosen by question so they vary as you go.
fn learning_lines(theme: &Theme, question: usize, palette: Palette) -> Vec<Line<'static>> {
    if theme.learning.is_empty() {
        return Vec::new();
    }
    let first = question % theme.learning.len();
    let mut lines = vec![text::bullet(&theme.learning[first], palette.muted())];
    if theme.learning.len() > 1 {
        lines.push(text::bullet(
            &theme.learning[(first + 1) % theme.learning.len()],
            palette.muted(),
        ));
    }
    lines
}

fn draw_editor(frame: &mut Frame, area: Rect, session: &Session, palette: Palette) {
    let (editor, title) = match session.focus {
        Focus::Notes => (&session.notes_editor, " Notes (Esc when done) "),
        Focus::Answer => (
            &session.answer_editor,
            " Your answer (Esc when done, Tab next) ",
        ),
        Focus::Browse if session.read_only => {
            (&session.answer_editor, " Your answer (read-only here) ")
        }
        Focus::Browse => (&session.answer_editor, " Your answer (Enter to write) "),
    };
    let focused = session.focus != Focus::Browse;
    let border = if focused {
        palette.focused_border()
    } else {
        palette.border()
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title)
        .border_style(border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(editor, inner);
}

/// Earlier answers to the current question, with their dates.
pub fn draw_earlier(frame: &mut Frame, area: Rect, app: &App, palette: Palette) {
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
        if answer.question_text != question.text {
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
    let popup = chrome::centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    chrome::popup(
        frame,
        popup,
        " Earlier answers (Esc to close) ",
        lines,
        palette,
    );
}
