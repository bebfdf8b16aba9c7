//! The binary's subcommands, one per file.

pub mod admin;
pub mod consultations;
pub mod content;
pub mod mail;
pub mod migrate;
pub mod search;
pub mod seed;
pub mod serve;
