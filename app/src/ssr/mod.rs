//! Server-only code: state, persistence, services and the rules they enforce.
//! Nothing here compiles into the browser bundle.

pub mod accounts;
pub mod admin;
pub mod assets;
pub mod audit;
pub mod authz;
pub mod clock;
pub mod community;
pub mod consultations;
pub mod content;
pub mod content_policy;
pub mod coordinators;
pub mod db;
pub mod drafts;
pub mod entities;
pub mod error;
pub mod files;
pub mod flash;
pub mod handles;
pub mod known_devices;
pub mod mail;
pub mod notifications;
pub mod page;
pub mod password;
pub mod people;
pub mod privacy_guard;
pub mod request;
pub mod search;
pub mod second_factor;
pub mod secrets;
pub mod session_cache;
pub mod sessions;
pub mod sign_in_guard;
pub mod state;
pub mod throttle;
pub mod user_markdown;
