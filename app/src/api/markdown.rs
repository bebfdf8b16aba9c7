//! What a member's Markdown will look like once saved, for the editors'
//! preview: rendered by the same code that renders it when it is saved.

use leptos::prelude::*;

use crate::domain::AppError;

/// The HTML `body` renders to, sanitised as a saved post is; with
/// `course` (not empty), as a lesson of that course renders (for its authors).
#[server(endpoint = "markdown/preview")]
pub async fn preview_markdown(body: String, course: Option<String>) -> Result<String, AppError> {
    use crate::{
        api::respond,
        domain::Problem,
        ssr::{authz, error::ServiceError, state::app_state, training::authoring, user_markdown},
    };
    let state = app_state()?;
    let result = async {
        let reader = authz::require_user()?;
        if let Some(course) = course.filter(|c| !c.is_empty()) {
            return authoring::lessons::preview(&state, &reader, &course, &body).await;
        }
        if body.chars().count() > user_markdown::MAX_CHARS {
            return Err(ServiceError::field("body", Problem::PostTooLong));
        }
        Ok(user_markdown::render(&body))
    }
    .await;
    respond::data(result)
}
