//! The Tutela server: configuration, the HTTP application, background jobs
//! and the command-line tools. `main.rs` only parses arguments.

pub mod assets;
pub mod commands;
pub mod config;
pub mod error;
pub mod jobs;
pub mod launch;
pub mod middleware;
pub mod router;
pub mod state;
pub mod telemetry;
