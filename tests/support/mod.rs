//! Shared helpers for the integration tests.
#![allow(dead_code)]

pub mod cli;
pub mod files;
pub mod pty;
pub mod shell;
pub mod sources;
pub mod tmux;
