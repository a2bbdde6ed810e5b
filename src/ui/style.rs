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

    pub fn text(self) -> Style {
        Style::default()
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

    pub fn border(self) -> Style {
        self.fg(Color::Gray)
    }

    pub fn focused_border(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
}
