//! Builds the page context of the request being rendered.

use leptos::prelude::use_context;

use super::{flash, request::request_context, state::AppState};
use crate::domain::{Flash, PageContext, Problem};

pub fn current() -> PageContext {
    let request = request_context();
    // Outside a request (route discovery at start-up) there is no state and no flash.
    let flash = use_context::<AppState>().and_then(|state| flash::take(&state)).or_else(unreadable_request);
    let path = use_context::<http::request::Parts>().map(|parts| parts.uri.path().to_owned()).unwrap_or_default();
    PageContext { user: request.user, locale: request.locale, flash, path }
}

/// A server function that could not even read its arguments sends the
/// browser back with `__err` in the address: say so rather than nothing.
fn unreadable_request() -> Option<Flash> {
    let parts = use_context::<http::request::Parts>()?;
    let query = parts.uri.query()?;
    query.split('&').any(|pair| pair.starts_with("__err=")).then_some(Flash::Problem(Problem::RequestUnreadable))
}
