use leptos::prelude::*;

use crate::domain::AppError;

/// Replies in a topic, and shows the reply where it landed (or, with
/// `preview`, shows it rendered in the form).
#[server(endpoint = "community/reply")]
pub async fn reply(id: String, body: String, privacy_confirmed: Option<String>, preview: Option<String>) -> Result<(), AppError> {
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
    let back = paths::community_topic(&id);
    let result = async {
        let reader = authz::require_user()?;
        let submission = Submission { title: "", body: &body, privacy_confirmed: privacy_confirmed.is_some(), preview: preview.is_some() };
        let outcome = write::reply(&state, &reader, &id, &submission).await?;
        Ok(super::after_post(outcome, Notice::ReplyPosted, &back, "reply-title"))
    }
    .await;
    respond::form("reply", &back, &[], result)
}
