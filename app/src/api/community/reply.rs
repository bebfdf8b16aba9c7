use leptos::prelude::*;

use crate::domain::AppError;

/// Replies in a topic, and shows the reply where it landed.
#[server(endpoint = "community/reply")]
pub async fn reply(id: String, body: String, privacy_confirmed: Option<String>) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
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
        let submission = Submission { title: "", body: &body, privacy_confirmed: privacy_confirmed.is_some() };
        Ok(Done::to(write::reply(&state, &reader, &id, &submission).await?, Notice::ReplyPosted))
    }
    .await;
    respond::form("reply", &back, &[], result)
}
