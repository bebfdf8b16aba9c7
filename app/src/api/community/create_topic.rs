use leptos::prelude::*;

use crate::domain::AppError;

/// Opens a topic in a category. `privacy_confirmed` is the checkbox the
/// privacy guard's warning adds; absent until then. `preview` is the
/// "Preview" button: the text is kept and shown rendered, not published.
#[server(endpoint = "community/create_topic")]
pub async fn create_topic(
    slug: String,
    title: String,
    body: String,
    privacy_confirmed: Option<String>,
    preview: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        api::respond,
        domain::Notice,
        routes::paths,
        ssr::{
            authz,
            community::write::{self, Submission},
            state::app_state,
        },
    };
    let state = app_state()?;
    let back = paths::community_category(&slug);
    let result = async {
        let reader = authz::require_user()?;
        let submission =
            Submission { title: &title, body: &body, privacy_confirmed: privacy_confirmed.is_some(), preview: preview.is_some() };
        let outcome = write::create_topic(&state, &reader, &slug, &submission).await?;
        Ok(super::after_post(outcome, Notice::TopicCreated, &back, "new-topic-title"))
    }
    .await;
    respond::form("new_topic", &back, &[], result)
}
