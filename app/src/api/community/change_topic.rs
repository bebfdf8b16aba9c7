use leptos::prelude::*;

use crate::domain::AppError;

/// A moderator closes a topic to replies or reopens it (`change` "lock",
/// "unlock"), pins it to the top of its category or unpins it ("pin",
/// "unpin"), or moves it to another `category` ("move").
#[server(endpoint = "community/change_topic")]
pub async fn change_topic(topic: String, change: String, category: Option<String>) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::{Notice, Problem},
        routes::paths,
        ssr::{
            authz,
            community::moderation::{self, TopicChange},
            error::ServiceError,
            state::app_state,
        },
    };
    let state = app_state()?;
    let back = paths::community_topic(&topic);
    let result = async {
        let (change, notice) = match (change.as_str(), category) {
            ("lock", _) => (TopicChange::Locked(true), Notice::TopicLocked),
            ("unlock", _) => (TopicChange::Locked(false), Notice::TopicReopened),
            ("pin", _) => (TopicChange::Pinned(true), Notice::TopicPinned),
            ("unpin", _) => (TopicChange::Pinned(false), Notice::TopicUnpinned),
            ("move", Some(slug)) => (TopicChange::Moved(slug), Notice::TopicMoved),
            ("move", None) => return Err(ServiceError::field("category", Problem::Required)),
            _ => return Err(ServiceError::field("change", Problem::ChoiceInvalid)),
        };
        moderation::change_topic(&state, &authz::require_user()?, &topic, change).await?;
        Ok(Done::to(back.clone(), notice))
    }
    .await;
    respond::form("change_topic", &back, &[], result)
}
