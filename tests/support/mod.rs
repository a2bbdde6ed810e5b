//! Shared helpers for the integration tests.
#![allow(dead_code)]

pub mod pty;
pub mod tmux;
