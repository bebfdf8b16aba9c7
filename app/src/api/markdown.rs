//! What a member's Markdown will look like once saved, for the editors'
//! preview: rendered by the same code that renders it when it is saved.

use leptos::prelude::*;

use crate::domain::AppError;

/// The HTML `body` renders to, sanitised as a saved post is.
#[server(endpoint = "markdown/preview")]
#[allow(clippy::unused_async)]
pub async fn preview_markdown(body: String) -> Result<String, AppError> {
    use crate::{
        api::respond,
        domain::Problem,
        ssr::{authz, error::ServiceError, user_markdown},
    };
    respond::data(authz::require_user().and_then(|_| {
        if body.chars().count() > user_markdown::MAX_CHARS {
            return Err(ServiceError::field("body", Problem::PostTooLong));
        }
        Ok(user_markdown::render(&body))
    }))
}
