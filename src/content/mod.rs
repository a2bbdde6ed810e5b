//! Content: question packs loaded from TOML, validated, and layered.
//!
//! Text flows one way: files (`source`) are parsed into drafts (`parse`,
//! through `reader`), put together into packs per folder (`assemble`), and
//! layered into a [`Library`] (`library`). Only `model` types leave.
//!
//! Not here: private answers (`store`), the domain's shared words (`words`).

mod assemble;
pub mod attribution;
mod builtin;
pub mod diagnostic;
pub mod index;
mod library;
pub mod model;
pub mod orphans;
mod parse;
pub(crate) mod reader;
pub mod reload;
pub mod source;
pub(crate) mod suggest;

pub use builtin::{BUILTIN_PREFIX, named_files as builtin_files};
pub use diagnostic::{Diagnostic, Severity};
pub use library::{Layer, LayerSource, Library};
pub use model::{Audience, Conclusion, Figure, Origin, Pack, Question, QuestionKey, Theme};
pub use reload::reload;

#[cfg(test)]
mod tests;
