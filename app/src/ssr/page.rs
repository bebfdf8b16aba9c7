//! Builds the page context of the request being rendered.

use leptos::prelude::use_context;

use super::{flash, request::request_context, state::AppState};
use crate::domain::PageContext;

pub fn current() -> PageContext {
    let request = request_context();
    // Outside a request (route discovery at start-up) there is no state and no flash.
    let flash = use_context::<AppState>().and_then(|state| flash::take(&state));
    PageContext { user: request.user, locale: request.locale, flash }
}
