//! The reflective prompts under the answer box: reflect's own words, in
//! the palette's style for reflect's own labels (never the Panel's), and
//! said to be reflect's on their first line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::split::{self, Size};
use super::style::Palette;
use super::text;
use super::wrap::Wrapped;
use crate::prompts::PromptSet;

/// Rows the answer box keeps before the prompts shrink to one line.
const EDITOR_ROWS: u16 = 6;

/// Draws the prompts at the bottom of `area`, whole if the answer box
/// keeps [`EDITOR_ROWS`], else as one line of their headings, else not at
/// all; returns what is left for the answer box.
pub fn draw_under(buf: &mut Buffer, area: Rect, set: &PromptSet, palette: Palette) -> Rect {
    let whole = lines(set, palette);
    let short = vec![short_line(set, palette)];
    let fits = |lines: &[Line<'_>]| {
        let height = text::wrapped_height(lines, area.width);
        (area.height >= height + EDITOR_ROWS).then_some(height)
    };
    let (lines, height) = match (fits(&whole), fits(&short)) {
        (Some(height), _) => (whole, height),
        (None, Some(height)) => (short, height),
        (None, None) => return area,
    };
    let [editor, prompts] = split::rows(area, [Size::Fill, Size::Len(height)]);
    Wrapped::new(lines, true).render(prompts, buf);
    editor
}

fn label(set: &PromptSet) -> String {
    format!(
        "Prompts from reflect, not the Panel: {} ({})",
        set.name, set.after
    )
}

fn lines(set: &PromptSet, palette: Palette) -> Vec<Line<'static>> {
    std::iter::once(Line::styled(label(set), palette.label()))
        .chain(set.prompts.iter().map(|p| text::bullet(p, palette.label())))
        .collect()
}

/// "Prompts from reflect: Description · Feelings · …", for a short screen.
fn short_line(set: &PromptSet, palette: Palette) -> Line<'static> {
    let heads: Vec<&str> = set.prompts.iter().map(|p| head(p)).collect();
    Line::styled(
        format!("Prompts from reflect: {}", heads.join(" · ")),
        palette.label(),
    )
}

/// A prompt's heading: up to its colon ("Feelings"), else its first
/// question ("So what?").
pub fn head(prompt: &str) -> &str {
    let colon = prompt.find(':');
    let question = prompt.find('?').map(|i| i + 1);
    let end = colon.into_iter().chain(question).min();
    &prompt[..end.unwrap_or(prompt.len())]
}

#[cfg(test)]
mod tests {
    use super::head;

    #[test]
    fn a_prompt_is_headed_by_its_stage_or_its_first_question() {
        assert_eq!(head("Feelings: what were you thinking?"), "Feelings");
        assert_eq!(head("So what? What does it mean: for whom?"), "So what?");
        assert_eq!(head("Plain words"), "Plain words");
    }
}
