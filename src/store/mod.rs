//! Storage of private reflections and group records.
//!
//! Each record is one TOML file named `ID.toml` in a private folder (0700,
//! with a `.gitignore` of `*`). Saves are atomic; damaged files are moved
//! aside, never rewritten or deleted; error messages never quote notes.
//!
//! Not here: when to save (`autosave`, `app`), the content (`content`): a
//! record names its pack, theme and questions by id only.

mod aside;
mod decode;
pub mod disk;
pub mod error;
pub mod files;
pub mod group;
pub mod handin;
mod history;
pub mod index;
pub mod lock;
pub mod peek;
pub mod record;
pub mod record_dir;
pub mod reflection;
pub mod scan;
pub mod summary;
mod temp;

pub use error::StoreError;
pub use group::{GroupNote, GroupRecord};
pub use handin::{CodeTheme, Handin, Nature};
pub use history::FirstScreen;
pub use lock::RecordLock;
pub use record::{Access, Record};
pub use record_dir::RecordDir;
pub use reflection::{Action, Answer, Fine, Reflection, new_reflection_id};
pub use scan::LoadReport;
pub use summary::{Stamp, Summary};
