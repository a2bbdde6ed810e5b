//! `reflect`: a terminal companion for reflective practice in child
//! safeguarding. The binary (`main.rs`) is a thin command-line layer over
//! these modules, so tests can reach everything without a terminal.

pub mod app;
pub mod autosave;
pub mod carry;
pub mod cli;
pub mod config;
pub mod content;
pub mod export;
pub mod group;
pub mod keys;
pub mod paths;
pub mod privacy;
pub mod prompts;
pub mod runtime;
pub mod sheet;
pub mod store;
pub mod text;
pub mod text_box;
pub mod ui;
pub mod watch;
pub mod words;
