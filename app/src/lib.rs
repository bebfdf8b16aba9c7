//! The Tutela web application, in Leptos' islands mode: every page renders
//! on the server only; the few parts that need the browser are islands,
//! hydrated alone.
//!
//! `domain`, `i18n`, `api` (the `#[server]` functions) and `islands`
//! compile for both sides. The pages, their components and `ssr` (database,
//! secrets, mail) compile for the server only, so nothing but the islands
//! reaches the browser bundle.

pub mod api;
pub mod domain;
pub mod i18n;
pub mod islands;
pub mod routes;

#[cfg(feature = "ssr")]
pub mod app;
#[cfg(feature = "ssr")]
pub mod components;
#[cfg(feature = "ssr")]
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ssr;

/// The browser entry point: starts the reactive system for the islands; the
/// loader Leptos puts in the page then hydrates each island it finds.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Readable panics while developing; a release build aborts on a panic
    // either way, and the hook's formatting would weigh on the bundle.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // Lets styles and tests tell that the islands are live: the loader
    // hydrates each of them right after this returns.
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-islands", "hydrated");
    }
}
