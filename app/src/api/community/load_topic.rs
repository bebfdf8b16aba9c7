use leptos::prelude::*;

use crate::domain::{AppError, community::TopicPage};

/// One page of a topic's posts; with `quote`, the reply starts by quoting that post.
#[server(endpoint = "community/load_topic")]
pub async fn load_topic(id: String, page: u64, quote: Option<String>) -> Result<TopicPage, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, community::read, state::app_state},
    };
    let state = app_state()?;
    respond::data(async { read::topic_page(&state, &authz::require_user()?, &id, page, quote.as_deref()).await }.await)
}
