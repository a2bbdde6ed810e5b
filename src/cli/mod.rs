//! Subcommands that print and exit, never touching the terminal's modes.
//!
//! Not here: the interactive app (`runtime`), the content loader (`content`),
//! storage (`store`); these files only parse arguments' meaning and print.

pub mod check;
pub mod export;
pub mod export_check;
pub mod export_group;
pub mod history;
pub mod history_group;
pub mod list;
pub mod new;
pub mod paths;
