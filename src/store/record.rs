//! What every stored record is: one TOML file named after its id, with a
//! format version; and whether a handle on a folder may change it.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A record stored as one TOML file named after its id.
pub trait Record: Serialize + DeserializeOwned {
    /// Newest file format this version understands; files with a larger
    /// `format` are refused rather than read with fields dropped.
    const FORMAT: u32;
    /// What one is called in messages ("reflection").
    const NOUN: &'static str;
    /// When the app moves a damaged one aside, and says so.
    const SET_ASIDE_WHEN: &'static str;
    /// The format this record was written in.
    fn format(&self) -> u32;
    fn id(&self) -> &str;
    fn updated(&self) -> DateTime<FixedOffset>;
}

/// Whether this handle may change the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The app, which owns the records: it creates the folder, removes
    /// leftovers of cut-short saves and moves damaged files aside.
    Write,
    /// Commands that only read (`history`, `export`): nothing is created,
    /// moved or changed.
    Read,
}
