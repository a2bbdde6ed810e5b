//! Every style the screens use, in one place, so `NO_COLOR` and the colour
//! themes are honoured everywhere at once.

use ratatui::style::{Color, Modifier, Style};

use crate::config::{ColourMode, ColourTheme};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub colour: bool,
    pub theme: ColourTheme,
}

impl Palette {
    /// A dark-terminal palette with or without colour (tests use this).
    pub fn new(colour: bool) -> Self {
        Palette {
            colour,
            theme: ColourTheme::Dark,
        }
    }

    pub fn for_mode(mode: ColourMode) -> Self {
        match mode {
            ColourMode::Colour(theme) => Palette {
                colour: true,
                theme,
            },
            ColourMode::NoColour => Palette::new(false),
        }
    }

    /// Colours chosen to stay readable on the terminal's own background:
    /// darker hues on light terminals, the brightest on high contrast.
    fn fg(self, colour: Color) -> Style {
        if !self.colour {
            return Style::default();
        }
        let colour = match (self.theme, colour) {
            (ColourTheme::Light, Color::Cyan) => Color::Blue,
            (ColourTheme::Light, Color::Yellow) => Color::Magenta,
            (ColourTheme::Light, Color::Green) => Color::Green,
            (ColourTheme::Light, Color::Gray | Color::DarkGray) => Color::Black,
            (ColourTheme::HighContrast, Color::Cyan) => Color::LightCyan,
            (ColourTheme::HighContrast, Color::Yellow) => Color::LightYellow,
            (ColourTheme::HighContrast, Color::Red) => Color::LightRed,
            (ColourTheme::HighContrast, Color::Green) => Color::LightGreen,
            (ColourTheme::HighContrast, Color::Gray | Color::DarkGray) => Color::White,
            (_, other) => other,
        };
        Style::default().fg(colour)
    }

    /// The whole screen: white on black on high contrast, whatever the
    /// terminal's own colours (its bright hues would vanish on a light
    /// terminal), as the group view paints it; else the terminal's own.
    pub fn screen(self) -> Style {
        match (self.colour, self.theme) {
            (true, ColourTheme::HighContrast) => Style::new().fg(Color::White).bg(Color::Black),
            _ => Style::default(),
        }
    }

    pub fn text(self) -> Style {
        self.screen()
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn heading(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    /// Secondary text; on high contrast it is plain, never dimmed.
    pub fn muted(self) -> Style {
        match (self.colour, self.theme) {
            (true, ColourTheme::HighContrast) => Style::default(),
            (true, _) => Style::default().fg(Color::DarkGray),
            (false, _) => Style::default().add_modifier(Modifier::DIM),
        }
    }

    /// Our own labels beside the Panel's words ("Key data", "From the
    /// briefing"): set apart in italics, never in the Panel's heading style.
    pub fn label(self) -> Style {
        self.muted().add_modifier(Modifier::ITALIC)
    }

    pub fn selected(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn warning(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn good(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn figure(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    /// A possible identifying detail in the text: underlined (all that is
    /// left without colour), in the warning hue, never bold or blinking.
    pub fn mark(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::UNDERLINED)
    }

    /// The mark the cursor is on: the same, in reverse video.
    pub fn mark_current(self) -> Style {
        self.mark().add_modifier(Modifier::REVERSED)
    }

    /// The line under the answer that names what is marked.
    pub fn mark_note(self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn border(self) -> Style {
        self.fg(Color::Gray)
    }

    pub fn focused_border(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
}

/// The styles of the shared screen in a room: the same palette (its theme
/// and `NO_COLOR`), set for a projector. Both colours are painted, so it
/// reads the same whatever the terminal's own colours; nothing is dimmed,
/// as dim text vanishes on many projectors.
#[derive(Debug, Clone, Copy)]
pub struct Room(Palette);

impl Palette {
    pub fn room(self) -> Room {
        Room(self)
    }
}

impl Room {
    /// Foreground and background for text, then the background alone.
    fn ink(self) -> Option<(Color, Color)> {
        let palette = self.0;
        match (palette.colour, palette.theme) {
            (false, _) => None,
            (true, ColourTheme::Light) => Some((Color::Black, Color::White)),
            (true, _) => Some((Color::White, Color::Black)),
        }
    }

    /// The screen: white on black (black on white with the light theme).
    pub fn base(self) -> Style {
        self.ink()
            .map_or_else(Style::new, |(fg, bg)| Style::new().fg(fg).bg(bg))
    }

    pub fn bold(self) -> Style {
        self.base().add_modifier(Modifier::BOLD)
    }

    /// Less important text (credits, hints).
    pub fn muted(self) -> Style {
        match (self.ink(), self.0.theme) {
            (None, _) => Style::new(),
            (Some(_), ColourTheme::HighContrast) => self.base(),
            (Some((_, bg)), ColourTheme::Light) => Style::new().fg(Color::DarkGray).bg(bg),
            (Some((_, bg)), _) => Style::new().fg(Color::Gray).bg(bg),
        }
    }

    pub fn tone(self, tone: crate::group::Tone) -> Style {
        use crate::group::Tone;
        match tone {
            Tone::Title | Tone::Heading | Tone::Question => self.bold(),
            Tone::Body | Tone::Prompt => self.base(),
            Tone::Muted => self.muted(),
        }
    }

    /// Figures and the running timer.
    pub fn accent(self) -> Style {
        match self.ink() {
            None => Style::new().add_modifier(Modifier::BOLD),
            Some((_, bg)) => {
                let fg = if self.0.theme == ColourTheme::Light {
                    Color::Blue
                } else {
                    Color::LightYellow
                };
                Style::new().fg(fg).bg(bg).add_modifier(Modifier::BOLD)
            }
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
        self.ink()
            .map_or_else(Style::new, |(_, bg)| Style::new().bg(bg))
    }
}
