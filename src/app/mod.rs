//! The app's state and its pure `update`: no terminal, no disk, no clock.
//!
//! The runtime feeds [`Action`]s in and carries out the [`Effect`]s that
//! come back; screens in `ui` only read an `&App`.
//!
//! Not here: drawing (`ui`), files and the terminal (`runtime`), which key
//! means what (`keys`), the rules of a group session (`group`).

mod action;
mod actions;
mod browse;
mod carried;
mod details;
mod group;
mod history;
mod list;
mod marks;
pub mod privacy;
mod quit;
mod reload;
mod resume;
mod review;
mod saving;
mod screens;
mod session;
mod update;
mod walk;

use chrono::{DateTime, FixedOffset};

pub use crate::autosave::SaveState;
pub use crate::keys::{Command, Mode};
pub use action::{
    Action, Effect, Exported, GroupRequest, OpenedGroup, OpenedSession, ScrollLimits,
    SessionAccess, SessionRequest,
};
pub use details::Detail;
pub use resume::reflection_to_open;
pub use screens::{Back, ConclusionFrom, HomeFocus, Popup, Screen};
pub use session::{Focus, Session};
pub use update::update;

use crate::content::{Audience, Library};
use crate::group::GroupSession;
use crate::store::{Reflection, Summary};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

/// A one-line text field (an action's text or due date, or a hand-in
/// detail): the same text box as everywhere, with Enter taken to mean
/// "keep".
#[derive(Debug, Clone)]
pub struct LineInput {
    pub prompt: String,
    pub field: crate::text_box::TextBox,
    pub purpose: LinePurpose,
}

/// What the one-line field is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinePurpose {
    /// A new action's words. The action joins the list (at this index)
    /// with the first letter, so it is saved as it is typed, as an answer is.
    NewAction(Option<usize>),
    /// The due date of the action at this index.
    DueDate(usize),
    /// A hand-in detail.
    Detail(Detail),
}

impl LineInput {
    pub fn new(prompt: &str, purpose: LinePurpose) -> LineInput {
        let mut field = crate::text_box::TextBox::one_line("");
        field.set_focused(true);
        LineInput {
            prompt: prompt.to_owned(),
            field,
            purpose,
        }
    }

    /// A hand-in detail's line, holding what it says now.
    pub fn for_detail(detail: Detail, current: &str) -> LineInput {
        let mut field = crate::text_box::TextBox::one_line(current);
        field.set_focused(true);
        LineInput {
            prompt: format!(
                "{}: {} ({} keeps, {} cancels)",
                detail.form(),
                detail.label(),
                crate::keys::key_name(Mode::LineInput, Command::Confirm),
                crate::keys::key_name(Mode::LineInput, Command::Back)
            ),
            field,
            purpose: LinePurpose::Detail(detail),
        }
    }

    pub fn text(&self) -> String {
        self.field.text()
    }
}

/// Where the app stands on ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quit {
    Staying,
    /// The last quit was refused because the text could not be saved; a
    /// quit asked for straight after ends anyway. Any other key, or a save
    /// that works, ends this.
    Refused,
    /// Asked to quit: saves are finishing; refused if they fail.
    Asked,
    /// Ending whatever happens (a second quit after a refusal, or the
    /// window closed): everything that can be saved is saved first.
    Anyway,
}

pub struct App {
    pub library: Library,
    /// What the home screen needs of every earlier reflection, newest
    /// first; there from the first frame (see `history`).
    pub summaries: Vec<Summary>,
    /// Earlier reflections in full, newest first, for their answers: read
    /// after the first frame, so empty until `Action::HistoryLoaded`.
    pub history: Vec<Reflection>,
    /// How many earlier reflections there are, while `summaries` holds
    /// only what the first screen shows (read from the index alone).
    pub history_count: Option<usize>,
    pub screen: Screen,
    pub home_focus: HomeFocus,
    pub selected_theme: usize,
    pub selected_reflection: usize,
    /// Audience shown on the theme screen before a reflection is open.
    pub audience: Audience,
    pub session: Option<Session>,
    /// The help overlay, when open: how many rows it is scrolled down.
    pub help: Option<u16>,
    pub scroll: u16,
    /// How far the current screen's text and help can scroll (from the
    /// view; until it has drawn, any distance).
    pub scroll_limits: ScrollLimits,
    pub selected_action: usize,
    pub line_input: Option<LineInput>,
    pub status: Option<Status>,
    /// Things to tell at start-up: files moved aside, content problems.
    pub notices: Vec<String>,
    pub now: DateTime<FixedOffset>,
    pub quit: Quit,
    /// The group view, when it is on screen. It holds the theme's public
    /// content and the group's record, nothing else: while it is open
    /// nothing private is drawn at all.
    pub group: Option<GroupSession>,
    /// Started as `reflect group`: ending the session ends the app.
    pub group_only: bool,
    /// Discussion minutes per question in a new group session.
    pub group_minutes: u32,
    /// The screen (width, height), for laying out slides.
    pub size: (u16, u16),
    /// `reflective_prompts` from config.toml.
    pub prompts_default: Option<String>,
    /// The forms the CPD and NMC exports fill (for the review's warnings),
    /// once read after the first frame; see [`App::forms`].
    pub forms: Option<crate::export::Forms>,
    /// A box open over the screen.
    pub popup: Option<Popup>,
    /// The identifying-details check: on or off, and what it keeps.
    pub identifying: privacy::Identifying,
}

/// Below this size no screen can say anything useful.
const MIN_WIDTH: u16 = 30;
const MIN_HEIGHT: u16 = 8;

pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

impl App {
    /// The app as it starts: the earlier reflections known by their
    /// summaries; the full records come with `Action::HistoryLoaded`.
    pub fn new(
        library: Library,
        summaries: Vec<Summary>,
        audience: Audience,
        now: DateTime<FixedOffset>,
    ) -> Self {
        App {
            library,
            summaries,
            history: Vec::new(),
            history_count: None,
            screen: Screen::Home,
            home_focus: HomeFocus::Themes,
            selected_theme: 0,
            selected_reflection: 0,
            audience,
            session: None,
            help: None,
            scroll: 0,
            scroll_limits: ScrollLimits::default(),
            selected_action: 0,
            line_input: None,
            status: None,
            notices: Vec::new(),
            now,
            quit: Quit::Staying,
            group: None,
            group_only: false,
            group_minutes: 5,
            size: (80, 24),
            prompts_default: None,
            forms: None,
            popup: None,
            identifying: privacy::Identifying::default(),
        }
    }

    /// When the next save (of an answer or of the group's notes) should
    /// start, if one is waiting.
    pub fn next_save_due(&self) -> Option<DateTime<FixedOffset>> {
        let group = self.group.as_ref().and_then(GroupSession::save_due);
        saving::save_due(self).into_iter().chain(group).min()
    }

    /// Whether a tick at `now` can change what is on screen: the group
    /// view shows its clock, and a save or a run of the identifying-details
    /// check may fall due. The private screens never show the time, so a
    /// tick with none of these would draw the same frame again: the loop
    /// skips it, and a key never waits behind it.
    pub fn tick_changes_screen(&self, now: DateTime<FixedOffset>) -> bool {
        let due = |at: Option<DateTime<FixedOffset>>| at.is_some_and(|at| now >= at);
        self.group.is_some() || due(self.next_save_due()) || due(self.next_check_due())
    }

    /// The forms in use: those read from the forms folder, else (before
    /// they are read, or in a test) the built-in ones.
    pub fn forms(&self) -> &crate::export::Forms {
        self.forms
            .as_ref()
            .unwrap_or_else(|| crate::export::Forms::builtin())
    }

    /// When the identifying-details check should next run (after a pause
    /// in typing), if it is waiting.
    pub fn next_check_due(&self) -> Option<DateTime<FixedOffset>> {
        let session = self.session.as_ref().filter(|_| self.identifying.enabled)?;
        session.marks.due()
    }

    /// A quit has been asked for and is under way.
    #[cfg(test)]
    pub fn quitting(&self) -> bool {
        matches!(self.quit, Quit::Asked | Quit::Anyway)
    }

    /// Whether the window is too small to show any screen (the view then
    /// says so, and keys but quitting wait: a key acting unseen could
    /// type into an answer or delete an action).
    pub fn window_too_small(&self) -> bool {
        too_small(self.size.0, self.size.1)
    }

    /// The key mode for the screen and focus the user is in now.
    pub fn mode(&self) -> Mode {
        if self.help.is_some() {
            return Mode::Help;
        }
        self.mode_beneath_help()
    }

    /// The mode of the screen under the help overlay (what help describes).
    pub fn mode_beneath_help(&self) -> Mode {
        if let Some(group) = &self.group {
            return group.mode().key_mode();
        }
        match self.line_input.as_ref().map(|input| input.purpose) {
            // Typed, a new action is in the list already: Esc keeps it,
            // with no date, as at the date.
            Some(LinePurpose::DueDate(_) | LinePurpose::NewAction(_)) => return Mode::DueDate,
            Some(_) => return Mode::LineInput,
            None => {}
        }
        match self.popup {
            Some(Popup::EarlierAnswers) => return Mode::Earlier,
            Some(Popup::Export) => return Mode::ExportChoice,
            Some(Popup::Details { .. }) => return Mode::Details,
            Some(Popup::EarlierActions { .. }) => return Mode::EarlierActions,
            Some(Popup::ConfirmDelete { .. }) => return Mode::ConfirmDelete,
            None => {}
        }
        match self.screen {
            Screen::Home => Mode::Home,
            Screen::Overview => Mode::Overview,
            Screen::Conclusion { .. } => Mode::Conclusion,
            Screen::Theme => Mode::Theme,
            Screen::Actions { .. } => Mode::Actions,
            Screen::Review => Mode::Review,
            Screen::Walkthrough => match self.session.as_ref().map(|s| s.focus) {
                Some(Focus::Answer | Focus::Notes) => Mode::Editor,
                _ => Mode::Walkthrough,
            },
        }
    }

    /// The theme selected on the home screen, with its pack.
    pub fn selected(&self) -> Option<(&crate::content::Pack, &crate::content::Theme)> {
        self.library.themes().nth(self.selected_theme)
    }

    /// Earlier answers to a question from other reflections, newest first.
    pub fn earlier_answers(&self, key: &str) -> Vec<(&Reflection, &crate::store::Answer)> {
        let current = self.session.as_ref().map(|s| s.reflection.id.as_str());
        self.history
            .iter()
            .filter(|r| Some(r.id.as_str()) != current)
            .filter_map(|r| r.answer(key).filter(|a| a.is_answered()).map(|a| (r, a)))
            .collect()
    }

    /// The reflective prompts under the open reflection's answer box: its
    /// own choice, else config.toml's, else its pack's (see `prompts`).
    pub fn prompt_set(&self) -> Option<&'static crate::prompts::PromptSet> {
        let reflection = &self.session.as_ref()?.reflection;
        let pack = self.library.pack(&reflection.pack);
        crate::prompts::resolve([
            reflection.prompts(),
            self.prompts_default.as_deref(),
            pack.and_then(|p| p.prompts.as_deref()),
        ])
    }

    pub fn set_status(&mut self, text: impl Into<String>, is_error: bool) {
        self.status = Some(Status {
            text: text.into(),
            is_error,
        });
    }

    /// Goes to `screen`, scrolled to its top.
    pub(super) fn show(&mut self, screen: Screen) {
        self.screen = screen;
        self.scroll = 0;
    }

    /// Back to the review, where it was scrolled to when it was left.
    pub(super) fn back_to_review(&mut self, scroll: u16) {
        self.screen = Screen::Review;
        self.scroll = scroll;
    }
}

#[cfg(test)]
mod tests;
