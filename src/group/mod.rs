//! The group view: a theme presented on a shared screen, slide by slide,
//! with a discussion timer per question and the group's agreed points
//! written down without leaving the view.
//!
//! Elm-style and pure: [`GroupSession`] is the state, `handle_key` /
//! `handle_paste` / `tick` / `resize` update it and return
//! [`GroupEffect`]s (save the group record, quit) for the runtime to carry
//! out. No clock, disk or terminal is touched here, and nothing is drawn:
//! `ui::group` draws a session, reading it only.
//!
//! Privacy by construction: a session is built from a [`Pack`], a
//! [`Theme`] and a [`GroupRecord`] only. Nothing in this module takes
//! `Paths` or a reflection, so private answers cannot reach the screen.
//!
//! [`Pack`]: crate::content::Pack
//! [`Theme`]: crate::content::Theme
//! [`GroupRecord`]: crate::store::GroupRecord
//!
//! Not here: its keys (`keys`), its drawing (`ui::group`), its files
//! (`runtime::groups`).

pub mod deck;
pub mod export;
pub mod layout;
pub mod paginate;
pub mod slides;
mod start;
pub mod state;
pub mod timer;
mod timers;
mod update;

pub use deck::GroupAudience;
pub use paginate::Tone;
pub use slides::{Slide, SlideKind};
pub use start::{UnknownTheme, find_theme, new_record};
pub use state::{GroupEffect, GroupSession, Mode, NoteDraft};
