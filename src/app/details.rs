//! The hand-in details asked in the review: what Social Work England's
//! CPD record and the NMC's reflective account need that the questions do
//! not ask. All optional; each can be changed or cleared at any time.

use super::saving::save_if_dirty;
use super::{App, Effect, LineInput, Popup};
use crate::keys::Command;
use crate::store::{CodeTheme, Handin, Nature};

/// One detail, in the order the review lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    Activity,
    Peer,
    PeerRole,
    PeerLearning,
    Nature,
    Theme(CodeTheme),
}

impl Detail {
    pub const ALL: [Detail; 9] = [
        Detail::Activity,
        Detail::Peer,
        Detail::PeerRole,
        Detail::PeerLearning,
        Detail::Nature,
        Detail::Theme(CodeTheme::PrioritisePeople),
        Detail::Theme(CodeTheme::PractiseEffectively),
        Detail::Theme(CodeTheme::PreserveSafety),
        Detail::Theme(CodeTheme::PromoteProfessionalismAndTrust),
    ];

    /// "CPD" or "NMC": which form asks for it.
    pub fn form(self) -> &'static str {
        match self {
            Detail::Activity | Detail::Peer | Detail::PeerRole | Detail::PeerLearning => "CPD",
            Detail::Nature | Detail::Theme(_) => "NMC",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Detail::Activity => "Type of CPD",
            Detail::Peer => "Reflected on with a peer",
            Detail::PeerRole => "The peer's role (never a name)",
            Detail::PeerLearning => "What you learnt from the peer",
            Detail::Nature => "What the account is about",
            Detail::Theme(theme) => theme.label(),
        }
    }

    /// How it stands, in a few words.
    pub fn value(self, handin: &Handin) -> String {
        let said = |text: &Option<String>| text.clone().unwrap_or_else(|| "not given".into());
        match self {
            Detail::Activity => said(&handin.activity),
            Detail::PeerRole => said(&handin.peer_role),
            Detail::PeerLearning => said(&handin.peer_learning),
            Detail::Peer => match handin.peer {
                Some(true) => "yes".into(),
                Some(false) => "no".into(),
                None => "not said".into(),
            },
            Detail::Nature => handin.nature.map_or("not said", Nature::label).into(),
            Detail::Theme(theme) if handin.code_themes.contains(&theme) => "[x]".into(),
            Detail::Theme(_) => "[ ]".into(),
        }
    }

    /// Written in a line of text (rather than chosen).
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Detail::Activity | Detail::PeerRole | Detail::PeerLearning
        )
    }

    fn text_mut(self, handin: &mut Handin) -> Option<&mut Option<String>> {
        match self {
            Detail::Activity => Some(&mut handin.activity),
            Detail::PeerRole => Some(&mut handin.peer_role),
            Detail::PeerLearning => Some(&mut handin.peer_learning),
            _ => None,
        }
    }

    /// The next choice: not said, yes, no; each nature in turn; a tick.
    fn change(self, handin: &mut Handin) {
        match self {
            Detail::Peer => {
                handin.peer = match handin.peer {
                    None => Some(true),
                    Some(true) => Some(false),
                    Some(false) => None,
                }
            }
            Detail::Nature => {
                let at = Nature::ALL.iter().position(|n| Some(*n) == handin.nature);
                handin.nature = match at {
                    None => Some(Nature::ALL[0]),
                    Some(i) => Nature::ALL.get(i + 1).copied(),
                };
            }
            Detail::Theme(theme) => handin.toggle_theme(theme),
            _ => {}
        }
    }

    fn clear(self, handin: &mut Handin) {
        match self {
            Detail::Peer => handin.peer = None,
            Detail::Nature => handin.nature = None,
            Detail::Theme(theme) => handin.code_themes.retain(|t| *t != theme),
            text => {
                if let Some(slot) = text.text_mut(handin) {
                    *slot = None;
                }
            }
        }
    }
}

/// A key in the details list.
pub(super) fn command(app: &mut App, command: Command, selected: usize) -> Vec<Effect> {
    let count = Detail::ALL.len();
    let detail = Detail::ALL[selected.min(count - 1)];
    let moved = |delta: isize| super::list::step(selected, delta, count);
    match command {
        Command::Down => app.popup = Some(Popup::Details { selected: moved(1) }),
        Command::Up => {
            app.popup = Some(Popup::Details {
                selected: moved(-1),
            })
        }
        Command::Back => app.popup = None,
        Command::Change | Command::Clear if app.session.as_ref().is_none_or(|s| s.read_only) => {
            app.set_status("This reflection is read-only here.", true);
        }
        Command::Change if detail.is_text() => {
            let current = app
                .session
                .as_ref()
                .and_then(|s| detail_text(s.reflection.handin(), detail));
            app.line_input = Some(LineInput::for_detail(detail, &current.unwrap_or_default()));
        }
        Command::Change => return edit(app, |h| detail.change(h)),
        Command::Clear => return edit(app, |h| detail.clear(h)),
        _ => {}
    }
    Vec::new()
}

fn detail_text(handin: &Handin, detail: Detail) -> Option<String> {
    let mut copy = handin.clone();
    detail.text_mut(&mut copy).and_then(|t| t.take())
}

/// Enter in the line written for a detail: kept (blank clears it).
pub(super) fn set_text(app: &mut App, detail: Detail, text: &str) -> Vec<Effect> {
    let text = text.trim();
    let value = (!text.is_empty()).then(|| text.to_owned());
    edit(app, |h| {
        if let Some(slot) = detail.text_mut(h) {
            *slot = value;
        }
    })
}

fn edit(app: &mut App, change: impl FnOnce(&mut Handin)) -> Vec<Effect> {
    let now = app.now;
    let Some(session) = app.session.as_mut().filter(|s| !s.read_only) else {
        return Vec::new();
    };
    change(session.reflection.handin_mut());
    session.mark_edited(now);
    save_if_dirty(app)
}
