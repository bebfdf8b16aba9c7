use leptos::prelude::*;

use crate::domain::AppError;

/// A moderator closes a topic to replies (`locked` "true") or reopens it.
#[server(endpoint = "community/set_topic_locked")]
pub async fn set_topic_locked(topic: String, locked: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::{Notice, Problem},
        routes::paths,
        ssr::{authz, community::moderation, error::ServiceError, state::app_state},
    };
    let state = app_state()?;
    let back = paths::community_topic(&topic);
    let result = async {
        let locked = match locked.as_str() {
            "true" => true,
            "false" => false,
            _ => return Err(ServiceError::field("locked", Problem::ChoiceInvalid)),
        };
        moderation::set_locked(&state, &authz::require_user()?, &topic, locked).await?;
        Ok(Done::to(back.clone(), if locked { Notice::TopicLocked } else { Notice::TopicReopened }))
    }
    .await;
    respond::form("set_topic_locked", &back, &[], result)
}
