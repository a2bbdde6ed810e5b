//! Review (the whole reflection on one screen) and the actions list.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::Borders;

use super::listed::Listed;
use super::outline::Outline;
use super::split::{self, Size};
use super::style::Palette;
use super::text;
use super::wrap::Wrapped;
use crate::app::{App, LineInput};
use crate::sheet::{self, Standing};
use crate::store::Reflection;

/// One question of the review: its wording, how it stands, the answer.
fn entry_lines(n: usize, entry: &sheet::Entry, palette: Palette) -> Vec<Line<'static>> {
    let (label, style) = match entry.standing {
        Standing::Answered => ("answered", palette.good()),
        Standing::Skipped => ("skipped", palette.muted()),
        Standing::NoLongerInPack => ("from a question no longer in this pack", palette.warning()),
    };
    let mut head = text::numbered(n, &entry.question, palette.heading());
    head.spans.push(Span::styled(format!("  [{label}]"), style));
    if entry.flagged {
        head.spans.push(Span::styled(
            "  ⚑ to discuss in supervision",
            palette.warning(),
        ));
    }
    let mut lines = vec![head];
    if let Some(wording) = &entry.answered_wording {
        lines.push(Line::styled(
            format!("(You answered when it read: {wording})"),
            palette.muted(),
        ));
    }
    if !entry.answer.is_empty() {
        lines.extend(text::paragraphs(&entry.answer, palette.text()));
    }
    lines
}

/// Draws the whole reflection; returns how far it can scroll.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, palette: Palette) -> u16 {
    let Some(session) = &app.session else {
        return 0;
    };
    let reflection = &session.reflection;
    let title = session
        .theme(&app.library)
        .map_or(reflection.theme.clone(), |t| t.title.clone());
    let mut lines = vec![
        Line::styled(format!("Your reflection: {title}"), palette.title()),
        Line::styled(
            format!(
                "Started {}, last changed {}, {}",
                reflection.started.format("%d %b %Y %H:%M"),
                reflection.updated.format("%d %b %Y %H:%M"),
                reflection.audience.label()
            ),
            palette.muted(),
        ),
    ];
    lines.extend(super::marks::review_lines(app, session, palette));
    let carried = super::handin::carried_lines(app, palette);
    if !carried.is_empty() {
        lines.extend(carried);
        lines.extend(text::heading("Your answers", palette.heading()));
    }
    for (n, entry) in sheet::entries(reflection, &app.library).iter().enumerate() {
        lines.push(Line::default());
        lines.extend(entry_lines(n + 1, entry, palette));
    }
    lines.extend(actions_and_notes(reflection, palette));
    lines.extend(super::handin::handin_lines(app, palette));
    let limit = super::chrome::scrolled(frame, area, lines, app.scroll, palette);
    super::handin::draw_popup(frame, area, app, palette);
    limit
}

/// The reflection's own actions, then its notes.
fn actions_and_notes(reflection: &Reflection, palette: Palette) -> Vec<Line<'static>> {
    let mut lines = text::heading("Actions", palette.heading());
    lines.extend(reflection.actions.iter().map(|a| Line::raw(action_line(a))));
    if reflection.actions.is_empty() {
        lines.push(Line::styled("None yet (a to add).", palette.muted()));
    }
    lines.extend(text::heading("Notes", palette.heading()));
    lines.extend(text::paragraphs(
        if reflection.notes.trim().is_empty() {
            "None yet (n to write)."
        } else {
            &reflection.notes
        },
        palette.text(),
    ));
    lines
}

pub fn action_line(action: &crate::store::Action) -> String {
    let done = if action.done { "[x]" } else { "[ ]" };
    let due = action
        .due
        .map(|d| format!("  (by {})", d.format("%d %b %Y")))
        .unwrap_or_default();
    format!("{done} {}{due}", action.text)
}

pub fn draw_actions(frame: &mut Frame, area: Rect, app: &App, palette: Palette) {
    let Some(session) = &app.session else { return };
    let input_height = if app.line_input.is_some() { 3 } else { 0 };
    let [list_area, input_area] = split::rows(area, [Size::Fill, Size::Len(input_height)]);
    let outline = Outline::new(Borders::ALL)
        .title(" Actions ")
        .border_style(palette.border());
    let actions = &session.reflection.actions;
    if actions.is_empty() {
        let hint =
            "No actions yet. Press a to add one: something you will do, with a date if it has one.";
        frame.render_widget(
            Wrapped::new(hint, true)
                .style(palette.muted())
                .outline(outline),
            list_area,
        );
    } else {
        let items: Vec<Text> = actions.iter().map(|a| Text::from(action_line(a))).collect();
        let selected = app.selected_action.min(actions.len() - 1);
        frame.render_widget(&outline, list_area);
        let list = Listed::new(items, Some(selected), palette.selected());
        frame.render_widget(list, outline.inner(list_area));
    }
    if let Some(input) = &app.line_input {
        draw_line_input(frame, input_area, input, palette);
    }
}

/// The one-line box an action's text or date, or a detail, is typed into.
pub(super) fn draw_line_input(frame: &mut Frame, area: Rect, input: &LineInput, palette: Palette) {
    let outline = Outline::new(Borders::ALL)
        .title(format!(" {} ", input.prompt))
        .border_style(palette.focused_border());
    let inner = outline.inner(area);
    frame.render_widget(&outline, area);
    super::editor::draw(&input.field, inner, frame.buffer_mut());
}
