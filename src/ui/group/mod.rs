//! Drawing the group view. Every function reads a [`GroupSession`] and
//! draws into a buffer, changing nothing; the session holds public
//! content and the group's record only, so nothing private can be drawn.
//!
//! [`GroupSession`]: crate::group::GroupSession

mod overlay;
mod title;
mod view;
mod widgets;

pub use view::{CONTINUES, render};
