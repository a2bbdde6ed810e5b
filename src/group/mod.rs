//! The group view: a theme presented on a shared screen, slide by slide,
//! with a discussion timer per question and the group's agreed points
//! written down without leaving the view.

mod deck;
pub mod layout;
mod paginate;
pub mod slides;
pub mod text;
pub mod timer;

pub use deck::{DeckContent, GroupAudience};
pub use paginate::{Mark, TextLine, Tone};
pub use slides::{Slide, SlideKind};
pub use timer::Timer;
