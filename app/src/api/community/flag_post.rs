use leptos::prelude::*;

use crate::domain::AppError;

/// Flags a post for the moderators, with a reason.
#[server(endpoint = "community/flag_post")]
pub async fn flag_post(post: String, topic: String, reason: String, note: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, community::moderation, state::app_state},
    };
    let state = app_state()?;
    let back = paths::community_topic(&topic);
    let result = async {
        moderation::flag(&state, &authz::require_user()?, &post, &reason, &note).await?;
        Ok(Done::to(back.clone(), Notice::PostFlagged))
    }
    .await;
    respond::form(&crate::components::form::form_key("flag_post", Some(&post)), &back, &[], result)
}
