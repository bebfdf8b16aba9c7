//! The search page's one server function.

use leptos::prelude::*;

use crate::domain::{
    AppError,
    search::{SearchPage, SearchRequest},
};

/// One page of results for `request`, within what the reader may see.
#[server(endpoint = "search")]
pub async fn search_results(request: SearchRequest, page: u64) -> Result<SearchPage, AppError> {
    use crate::{
        api::respond,
        ssr::{request::request_context, search, state::app_state},
    };
    let state = app_state()?;
    let asking = request_context();
    respond::data(search::page::search_page(&state, asking.user.as_ref(), asking.locale, request, page).await)
}
