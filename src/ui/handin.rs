//! The review's parts for handing in: the open actions of earlier
//! reflections (at the top), the hand-in details and any field too long
//! for its form (at the end), and the boxes opened over the review: what
//! to export as, the details, the earlier actions to mark done.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::split::{self, Size};
use super::style::Palette;
use super::text;
use crate::app::{App, Detail, LinePurpose, Popup};
use crate::carry::Carried;
use crate::export::Input;
use crate::keys::{self, Mode};
use crate::store::Handin;

/// "Actions from earlier reflections", when there are any.
pub fn carried_lines(app: &App, palette: Palette) -> Vec<Line<'static>> {
    let carried = app.carried_actions();
    if carried.is_empty() {
        return Vec::new();
    }
    let mut lines = text::heading("Actions from earlier reflections", palette.heading());
    lines.push(Line::styled(
        "From your earlier reflections, until you mark them done (m).",
        palette.label(),
    ));
    lines.extend(carried.iter().map(|c| Line::raw(carried_line(app, c))));
    lines
}

/// "[ ] Call the school  (by 01 Dec 2026) · from 13 Nov 2026, Theme".
fn carried_line(app: &App, carried: &Carried<'_>) -> String {
    let from = carried.from;
    let title = crate::sheet::theme_title(&app.library, &from.pack, &from.theme);
    format!(
        "{} · from {}, {title}",
        super::actions::action_line(carried.action),
        carried.date().format("%d %b %Y")
    )
}

/// The details the forms need, the prompts chosen, and fields too long.
pub fn handin_lines(app: &App, palette: Palette) -> Vec<Line<'static>> {
    let Some(session) = &app.session else {
        return Vec::new();
    };
    let handin = session.reflection.handin();
    let mut lines = text::heading("For handing in", palette.heading());
    let key = |command| keys::key_name(Mode::Review, command);
    // Read-only here, the keys that would change it are not offered.
    let (fill_in, change) = if session.read_only {
        (String::new(), String::new())
    } else {
        (
            format!(
                "; {} fills in what they ask beyond your answers (all optional)",
                key(keys::Command::OpenDetails)
            ),
            format!(" ({} to change)", key(keys::Command::CyclePrompts)),
        )
    };
    lines.push(Line::styled(
        format!(
            "{} exports a CPD record or NMC account too{fill_in}.",
            key(keys::Command::Export)
        ),
        palette.label(),
    ));
    lines.push(Line::raw(format!(
        "Reflective prompts: {}{change}",
        crate::prompts::name_of(app.prompt_set())
    )));
    lines.push(Line::raw(format!("CPD record: {}", cpd_summary(handin))));
    lines.push(Line::raw(format!("NMC account: {}", nmc_summary(handin))));
    let carried = app.carried_actions();
    let input = Input {
        reflection: &session.reflection,
        earlier: &carried,
        library: &app.library,
        forms: app.forms(),
    };
    for warning in crate::export::limit_warnings(&input) {
        lines.push(Line::styled(format!("⚠ {warning}"), palette.warning()));
    }
    lines
}

fn cpd_summary(handin: &Handin) -> String {
    let activity = handin
        .activity
        .as_deref()
        .map_or("type not given".to_owned(), |a| format!("type: {a}"));
    let peer = match (handin.with_peer(), handin.peer_role.as_deref()) {
        (Some(true), Some(role)) => format!("peer reflection: yes, with {role}"),
        (Some(true), None) => "peer reflection: yes".to_owned(),
        (Some(false), _) => "peer reflection: no".to_owned(),
        (None, _) => "peer reflection not said".to_owned(),
    };
    format!("{activity}; {peer}")
}

fn nmc_summary(handin: &Handin) -> String {
    let nature = handin
        .nature
        .map_or("what it is about not said".to_owned(), |n| {
            format!("about {}", n.label())
        });
    let themes: Vec<&str> = handin.code_themes.iter().map(|t| t.label()).collect();
    let code = match themes.is_empty() {
        true => "the Code's themes not chosen".to_owned(),
        false => format!("the Code: {}", themes.join(", ")),
    };
    format!("{nature}; {code}")
}

/// The box open over the review, if any.
pub fn draw_popup(buf: &mut Buffer, area: Rect, app: &App, palette: Palette) {
    let (title, lines) = match app.popup {
        None | Some(Popup::EarlierAnswers | Popup::ConfirmDelete { .. }) => return,
        Some(Popup::Export) => (" Export as ", export_lines(palette)),
        Some(Popup::Details { selected }) => (
            " Details for handing in ",
            detail_lines(app, selected, palette),
        ),
        Some(Popup::EarlierActions { selected }) => (
            " Actions from earlier reflections ",
            earlier_lines(app, selected, palette),
        ),
    };
    // On a narrow screen the box takes the whole width, so no cut-off
    // words of the review show at its sides.
    let width = if area.width <= 90 { area.width } else { 76 };
    let input_rows = if app.line_input.is_some() { 3 } else { 0 };
    let height =
        (text::wrapped_height(&lines, width.saturating_sub(2)) + 2 + input_rows).min(area.height);
    let [_, middle, _] = split::rows(area, [Size::Fill, Size::Len(height), Size::Fill]);
    let [_, boxed, _] = split::columns(middle, [Size::Fill, Size::Len(width), Size::Fill]);
    let [list, input] = split::rows(boxed, [Size::Fill, Size::Len(input_rows)]);
    super::chrome::popup(buf, list, title, lines, palette);
    draw_input(buf, input, app, palette);
}

/// The line being written for a detail, under the list.
fn draw_input(buf: &mut Buffer, area: Rect, app: &App, palette: Palette) {
    let Some(input) = app
        .line_input
        .as_ref()
        .filter(|i| matches!(i.purpose, LinePurpose::Detail(_)))
    else {
        return;
    };
    super::help::clear(area, buf, palette.text());
    super::actions::draw_line_input(buf, area, input, palette);
}

/// One line per format, from the key table, so it says what the keys do.
fn export_lines(palette: Palette) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        "Saved in the exports folder (reflect paths shows where).",
        palette.label(),
    )];
    for binding in keys::bindings(Mode::ExportChoice).iter().take(4) {
        lines.push(Line::from(vec![
            Span::styled(format!("{:<4}", binding.label), palette.key()),
            Span::raw(binding.help),
        ]));
    }
    lines
}

fn detail_lines(app: &App, selected: usize, palette: Palette) -> Vec<Line<'static>> {
    let Some(session) = &app.session else {
        return Vec::new();
    };
    let handin = session.reflection.handin();
    let mut lines = vec![Line::styled(
        "All optional. Name a role, never a person.",
        palette.label(),
    )];
    let mut form = "";
    for (n, detail) in Detail::ALL.iter().enumerate() {
        if detail.form() != form {
            form = detail.form();
            let heading = match form {
                "CPD" => "For a Social Work England CPD record",
                _ => "For an NMC reflective account",
            };
            lines.push(Line::styled(heading, palette.heading()));
        }
        let (mark, style) = marked(n == selected, palette);
        let line = format!("{mark}{}: {}", detail.label(), detail.value(handin));
        lines.push(Line::styled(line, style));
    }
    lines
}

fn earlier_lines(app: &App, selected: usize, palette: Palette) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        "Marked done in the reflection it comes from.",
        palette.label(),
    )];
    for (n, carried) in app.carried_actions().iter().enumerate() {
        let (mark, style) = marked(n == selected, palette);
        lines.push(Line::styled(
            format!("{mark}{}", carried_line(app, carried)),
            style,
        ));
    }
    lines
}

/// The selected line is marked with `›` as well as reversed, so it shows
/// without colour and to a screen reader.
fn marked(selected: bool, palette: Palette) -> (&'static str, ratatui::style::Style) {
    match selected {
        true => ("› ", palette.selected()),
        false => ("  ", palette.text()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tester gave the peer's role and left "with a peer" unsaid: the
    /// review said "not said" while the CPD record said "Discussed with".
    #[test]
    fn a_peers_role_given_reads_as_a_peer_in_the_review_as_in_the_record() {
        let handin = Handin {
            peer_role: Some("Team manager".into()),
            ..Handin::default()
        };
        assert_eq!(
            cpd_summary(&handin),
            "type not given; peer reflection: yes, with Team manager"
        );
    }
}
