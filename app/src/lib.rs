//! The Tutela web application: one Leptos app rendered on the server and
//! hydrated in the browser.
//!
//! `domain`, `i18n`, `routes`, `components`, `pages` and the `#[server]`
//! functions under `api` compile for both sides; `ssr` holds what only the
//! server may touch (database, secrets, mail).

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod i18n;
pub mod pages;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod ssr;

/// The browser entry point: attaches the app to the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
