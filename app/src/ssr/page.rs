//! What every page knows before it renders: who is reading, in which
//! language, and what the previous request left for them.

use leptos::prelude::use_context;

use super::{flash, request::request_context, state::AppState};
use crate::{
    domain::{Flash, Problem, SessionUser},
    i18n::Locale,
};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageContext {
    pub user: Option<SessionUser>,
    pub locale: Locale,
    pub flash: Option<Flash>,
}

/// The page context of the request being rendered.
pub fn current() -> PageContext {
    let request = request_context();
    // Outside a request (route discovery at start-up) there is no state and no flash.
    let flash = use_context::<AppState>().and_then(|state| flash::take(&state)).or_else(unreadable_request);
    PageContext { user: request.user, locale: request.locale, flash }
}

/// A server function that could not even read its arguments sends the
/// browser back with `__err` in the address: say so rather than nothing.
fn unreadable_request() -> Option<Flash> {
    let parts = use_context::<http::request::Parts>()?;
    let query = parts.uri.query()?;
    query.split('&').any(|pair| pair.starts_with("__err=")).then_some(Flash::Problem(Problem::RequestUnreadable))
}
