//! The command line: its shape (`args`, with `examples` for the help and
//! man pages, and `generate` for man pages and completions) and the
//! subcommands that print and exit, never touching the terminal's modes.
//!
//! Not here: the interactive app (`runtime`), the content loader (`content`),
//! storage (`store`); these files only parse arguments' meaning and print.

pub mod args;
pub mod check;
pub mod examples;
pub mod export;
pub mod export_check;
pub mod export_group;
pub mod generate;
pub mod history;
pub mod list;
pub mod new;
pub mod paths;
