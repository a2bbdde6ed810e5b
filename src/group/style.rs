//! Every style of the group screen, in one place.
//!
//! High contrast for a projector: white on black, bold for what matters.
//! Painting both colours keeps it readable whatever the terminal's own
//! theme is. With `NO_COLOR`, only bold and reverse video are used.

use ratatui::style::{Color, Modifier, Style};

use super::paginate::Tone;

#[derive(Debug, Clone, Copy)]
pub struct Palette {
    no_color: bool,
}

impl Palette {
    pub fn new(no_color: bool) -> Self {
        Palette { no_color }
    }

    /// The screen: white on black.
    pub fn base(self) -> Style {
        if self.no_color {
            Style::new()
        } else {
            Style::new().fg(Color::White).bg(Color::Black)
        }
    }

    pub fn bold(self) -> Style {
        self.base().add_modifier(Modifier::BOLD)
    }

    /// Less important text (credits, hints). Never dimmed: dim text is
    /// unreadable on many projectors.
    pub fn muted(self) -> Style {
        if self.no_color {
            Style::new()
        } else {
            Style::new().fg(Color::Gray).bg(Color::Black)
        }
    }

    pub fn tone(self, tone: Tone) -> Style {
        match tone {
            Tone::Title | Tone::Heading | Tone::Question => self.bold(),
            Tone::Body | Tone::Prompt => self.base(),
            Tone::Muted => self.muted(),
        }
    }

    /// Figures and the running timer.
    pub fn accent(self) -> Style {
        if self.no_color {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
                .fg(Color::LightYellow)
                .bg(Color::Black)
                .add_modifier(Modifier::BOLD)
        }
    }

    /// Time is up: impossible to miss, in reverse video.
    pub fn alarm(self) -> Style {
        self.bold().add_modifier(Modifier::REVERSED)
    }

    /// The footer and the selected line of a list.
    pub fn bar(self) -> Style {
        self.base().add_modifier(Modifier::REVERSED)
    }

    /// Blank screen: nothing at all to see.
    pub fn blank(self) -> Style {
        if self.no_color {
            Style::new()
        } else {
            Style::new().bg(Color::Black)
        }
    }
}
