//! The parts of pages that need the browser, as Leptos islands. This is the
//! only view code compiled into the WebAssembly bundle.
//!
//! An island renders on the server like any component, inside a
//! `<leptos-island>` element, and is hydrated alone once the bundle has
//! loaded. Its props are serialised into the page as JSON, so they carry
//! only what the island shows, already translated (the locale tables stay
//! on the server), and never a secret. The page must read and work without
//! it: an island adds comfort to a plain form or link, never the only way.

pub mod password_input;

pub use password_input::PasswordInput;
