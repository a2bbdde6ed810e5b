//! What can happen to the app (actions in) and what it asks the runtime to
//! do (effects out). `update` turns one into the other without any I/O.

use chrono::{DateTime, FixedOffset};
use crossterm::event::KeyEvent;

use crate::content::{Audience, Library};
use crate::export::Format;
use crate::group::GroupAudience;
use crate::store::{GroupRecord, Reflection};

#[derive(Debug, Clone)]
pub enum Action {
    Key(KeyEvent),
    Paste(String),
    /// The clock, passed in so `update` never reads it.
    Tick(DateTime<FixedOffset>),
    /// The runtime opened (or created) a reflection for a walkthrough.
    SessionOpened(Box<OpenedSession>),
    SessionFailed(String),
    Saved {
        id: String,
        edits: u64,
    },
    SaveFailed {
        id: String,
        error: String,
    },
    Exported(Exported),
    ExportFailed(String),
    /// An earlier reflection, written with one of its actions done.
    EarlierMarkedDone(Box<Reflection>),
    /// Why an earlier action could not be marked done.
    EarlierMarkFailed(String),
    /// The reflection open read-only here, as another copy has since
    /// saved it.
    ReadOnlyChanged(Box<Reflection>),
    /// The copy that wrote the reflection open read-only here has let it
    /// go: this copy holds its lock now, and this is its file.
    NowWritable(Box<Reflection>),
    /// Fresh content from disk (already merged with the last good content).
    ContentReloaded(Box<Library>),
    /// The content in full, read after the first frame drew its preview
    /// from the content index. Keys wait for it, so nothing was opened
    /// from the preview.
    ContentLoaded(Box<Library>),
    HistoryLoaded(Vec<Reflection>),
    /// The forms the CPD and NMC exports fill, with any copies in the
    /// forms folder (read after the first frame).
    FormsLoaded(Box<crate::export::Forms>),
    /// Every save asked for before [`Effect::Quit`] has finished (their
    /// outcomes came first).
    SavesFinished,
    /// The window is closing or the session ends (SIGHUP, SIGTERM,
    /// SIGINT): save everything and end, asking nothing.
    Terminate,
    /// The screen's size: at start and whenever it changes.
    Resize(u16, u16),
    /// How far the text on screen, and help over it, can scroll, as last
    /// drawn.
    ScrollLimit(ScrollLimits),
    /// Something to tell once, on the status line (a problem starting up
    /// a part of the app that it works without).
    Notice(String),
    /// The runtime found (a draft left in) or started a group record.
    GroupOpened(Box<OpenedGroup>),
    GroupOpenFailed(String),
    GroupSaved {
        id: String,
        edits: u64,
    },
    GroupSaveFailed {
        id: String,
        error: String,
    },
}

/// An export the runtime wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub path: std::path::PathBuf,
    pub format: Format,
    /// Fields longer than the form takes.
    pub warnings: usize,
}

#[derive(Debug, Clone)]
pub struct OpenedSession {
    pub reflection: Reflection,
    pub access: SessionAccess,
    pub resumed: bool,
    /// Opened from the list of earlier reflections: show it whole first.
    pub show_review: bool,
}

/// Whether the opened reflection can be written here, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionAccess {
    Editable,
    /// Another copy of reflect holds this reflection's lock.
    OpenElsewhere,
    /// The reflections folder cannot be written (a read-only file system,
    /// say): the reason, to show.
    Unwritable(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Find the latest unfinished reflection on this theme (or start one),
    /// lock it, and answer with `SessionOpened`.
    OpenSession(SessionRequest),
    Save {
        reflection: Box<Reflection>,
        edits: u64,
    },
    /// Render the reflection in `format` and write it to the exports folder.
    Export {
        reflection: Box<Reflection>,
        format: Format,
    },
    /// Mark `action` done in earlier reflection `id`, in its own file, if no
    /// other copy of reflect has it open; answered with `EarlierMarkedDone`
    /// or `EarlierMarkFailed`.
    MarkEarlierDone {
        id: String,
        action: crate::store::Action,
    },
    /// Present this theme to a group (the private session stays as it is):
    /// find the group record a draft was left in, or start one, lock it,
    /// and answer with `GroupOpened`.
    OpenGroup(GroupRequest),
    SaveGroup {
        record: Box<GroupRecord>,
        edits: u64,
    },
    /// Release the group record's lock (the group view was closed).
    CloseGroup { id: String },
    /// Release the reflection's lock (the session was closed).
    CloseSession { id: String },
    /// Finish every save in flight, then answer with
    /// [`Action::SavesFinished`]; `update` then decides whether to end.
    Quit,
    /// End the program now.
    Exit,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRequest {
    pub pack: String,
    pub theme: String,
    pub audience: Audience,
    /// Resume the latest unfinished reflection, or always start a new one.
    pub resume: bool,
    /// Open this exact reflection (from the home screen's list).
    pub id: Option<String>,
}

impl SessionRequest {
    /// Carry on with (or start) a reflection on the theme `theme_id`; an
    /// unknown id is an error naming the nearest one.
    pub fn for_theme(
        library: &Library,
        theme_id: &str,
        audience: Audience,
    ) -> Result<SessionRequest, crate::group::UnknownTheme> {
        let (pack, theme) = crate::group::find_theme(library, theme_id)?;
        Ok(SessionRequest {
            pack: pack.id.clone(),
            theme: theme.id.clone(),
            audience,
            resume: true,
            id: None,
        })
    }
}

/// A theme to present to a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRequest {
    pub pack: String,
    pub theme: String,
    pub audience: GroupAudience,
}

#[derive(Debug, Clone)]
pub struct OpenedGroup {
    pub request: GroupRequest,
    pub record: GroupRecord,
    /// What was wrong in the groups folder (a damaged record moved aside).
    pub notices: Vec<String>,
}

/// What drawing learned that the update needs: how far the screen's text,
/// and the help over it, can scroll at this size (the view knows the
/// rows that footers and status lines take; the update does not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScrollLimits {
    pub text: u16,
    pub help: u16,
    /// The rows the screen's text is shown in: what a page key turns.
    pub page: u16,
    /// A text box grew taller than the lines of a long text it holds (see
    /// `text_box::window`): it is fitted before the next frame.
    pub fit_editors: bool,
}

impl Default for ScrollLimits {
    /// Before anything is drawn, nothing is held back.
    fn default() -> Self {
        ScrollLimits {
            text: u16::MAX,
            help: u16::MAX,
            page: 10,
            fit_editors: false,
        }
    }
}
