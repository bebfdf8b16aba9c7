//! The parts of pages that need the browser, as Leptos islands. This is the
//! only view code compiled into the WebAssembly bundle.
//!
//! An island renders on the server like any component, inside a
//! `<leptos-island>` element, and is hydrated alone once the bundle has
//! loaded. Its props are serialised into the page as JSON, so they carry
//! only what the island shows, already translated (the locale tables stay
//! on the server), and never a secret. The page must read and work without
//! it: an island adds comfort to a plain form or link, never the only way.
//!
//! Every island calls [`on_page`] first: the shell adds the island loader,
//! and the browser fetches the bundle, only on pages that hold an island.

#[cfg(feature = "hydrate")]
mod browser;
pub mod markdown_editor;
pub mod notification_bell;
pub mod password_input;

pub use markdown_editor::MarkdownEditor;
pub use notification_bell::NotificationBell;
pub use password_input::PasswordInput;

/// Records, while the server renders a page, that the page holds an island.
/// In the browser it does nothing.
pub fn on_page() {
    #[cfg(feature = "ssr")]
    if let Some(islands) = leptos::prelude::use_context::<IslandsOnPage>() {
        islands.0.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Whether an island has rendered on the page being rendered.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, Default)]
pub struct IslandsOnPage(std::sync::Arc<std::sync::atomic::AtomicBool>);

#[cfg(feature = "ssr")]
impl IslandsOnPage {
    pub fn any(&self) -> bool {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }
}
