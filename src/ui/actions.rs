//! The actions screen: the open reflection's actions, and the one-line
//! box an action's text or date (or a hand-in detail) is typed into. The
//! review and the hand-in popups draw their lines and that box from here.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Borders, Widget};

use super::listed::Listed;
use super::outline::Outline;
use super::split::{self, Size};
use super::style::Palette;
use super::wrap::Wrapped;
use crate::app::{App, LineInput, Popup};
use crate::keys::{Command, Mode, key_name};
use crate::store::Action as ActionItem;

pub fn action_line(action: &crate::store::Action) -> String {
    let done = if action.done { "[x]" } else { "[ ]" };
    let due = action
        .due
        .map(|d| format!("  (by {})", d.format("%d %b %Y")))
        .unwrap_or_default();
    let text = crate::text_box::tabs_as_spaces(&action.text);
    format!("{done} {text}{due}")
}

/// An action wrapped to `width` cells, its later lines under its words: a
/// long action, or a narrow window, still shows it whole, due date too.
fn wrapped_action(action: &ActionItem, width: usize) -> Text<'static> {
    const INDENT: &str = "    ";
    let line = action_line(action);
    if width <= INDENT.len() + 8 {
        return Text::from(line);
    }
    let mut lines = crate::text::wrap(&line, width).into_iter();
    let first = lines.next().unwrap_or_default();
    let rest = lines.collect::<Vec<_>>().join(" ");
    let rest = if rest.is_empty() {
        Vec::new()
    } else {
        crate::text::wrap(&rest, width - INDENT.len())
    };
    let rest = rest.into_iter().map(|l| Line::from(format!("{INDENT}{l}")));
    Text::from_iter(std::iter::once(Line::from(first)).chain(rest))
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, palette: Palette) {
    let Some(session) = &app.session else { return };
    let input_height = if app.line_input.is_some() { 3 } else { 0 };
    let [list_area, input_area] = split::rows(area, [Size::Fill, Size::Len(input_height)]);
    let outline = Outline::new(Borders::ALL)
        .title(" Actions ")
        .border_style(palette.border());
    let actions = &session.reflection.actions;
    if actions.is_empty() {
        let hint = format!(
            "No actions yet. Press {} to add one: something you will do, with a date if it has one.",
            key_name(Mode::Actions, Command::AddAction)
        );
        Wrapped::new(hint, true)
            .style(palette.muted())
            .outline(outline)
            .render(list_area, buf);
    } else {
        let width = usize::from(outline.inner(list_area).width);
        let items: Vec<Text> = actions.iter().map(|a| wrapped_action(a, width)).collect();
        let selected = app.selected_action.min(actions.len() - 1);
        (&outline).render(list_area, buf);
        let list = Listed::new(items, Some(selected), palette.selected());
        list.render(outline.inner(list_area), buf);
    }
    if let Some(input) = &app.line_input {
        draw_line_input(buf, input_area, input, palette);
    }
    if let Some(Popup::ConfirmDelete { index }) = app.popup
        && let Some(action) = actions.get(index)
    {
        draw_confirm_delete(buf, list_area, action, palette);
    }
}

/// Asked over the list before an action is deleted.
fn draw_confirm_delete(buf: &mut Buffer, list: Rect, action: &ActionItem, palette: Palette) {
    let keys = format!(
        "{} deletes it; any other key keeps it.",
        key_name(Mode::ConfirmDelete, Command::Confirm)
    );
    let lines = vec![
        Line::from(action_line(action)),
        Line::from(""),
        Line::from(keys),
    ];
    let width = list.width.min(70);
    let area = Rect {
        x: list.x + (list.width - width) / 2,
        y: list.y + list.height.saturating_sub(6) / 2,
        width,
        height: list.height.min(6),
    };
    super::chrome::popup(buf, area, " Delete this action? ", lines, palette);
}

/// The one-line box an action's text or date, or a detail, is typed into.
pub(super) fn draw_line_input(buf: &mut Buffer, area: Rect, input: &LineInput, palette: Palette) {
    let outline = Outline::new(Borders::ALL)
        .title(format!(" {} ", input.prompt))
        .border_style(palette.focused_border());
    let inner = outline.inner(area);
    (&outline).render(area, buf);
    super::editor::draw_in(&input.field, inner, buf, palette);
}
