//! Review: the whole reflection on one screen, with its hand-in (`handin`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::actions::action_line;
use super::style::Palette;
use super::text;
use crate::app::App;
use crate::keys::Mode;
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
            // A wording written over several lines is one sentence here.
            format!(
                "(You answered when it read: {})",
                wording.replace('\n', " ")
            ),
            palette.muted(),
        ));
    }
    if !entry.answer.is_empty() {
        lines.extend(text::paragraphs(&entry.answer, palette.text()));
    }
    lines
}

/// Draws the whole reflection; returns how far it can scroll.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, palette: Palette) -> u16 {
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
    if let Some(missing) = session.content_missing(&app.library) {
        lines.push(Line::styled(missing, palette.warning()));
    }
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
    let at = (app.scroll, Mode::Review);
    let limit = super::chrome::scrolled(buf, area, lines, at, palette);
    super::handin::draw_popup(buf, area, app, palette);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A tester reworded a question written over several lines (as the
    /// template's first is): the review showed "several linesinside".
    #[test]
    fn a_wording_over_several_lines_reads_as_one_sentence() {
        let entry = sheet::Entry {
            question: "The new wording".into(),
            answered_wording: Some("Text can run over several lines\ninside triple quotes.".into()),
            answer: "My answer".into(),
            flagged: false,
            standing: Standing::Answered,
        };
        let lines = entry_lines(1, &entry, Palette::new(false));
        let shown: Vec<String> = lines.iter().map(ToString::to_string).collect();
        let wording =
            "(You answered when it read: Text can run over several lines inside triple quotes.)";
        assert!(shown.iter().any(|l| l == wording), "{shown:#?}");
    }
}
