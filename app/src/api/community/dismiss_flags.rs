use leptos::prelude::*;

use crate::domain::AppError;

/// A moderator leaves a flagged post as it is and takes it off the queue.
#[server(endpoint = "community/dismiss_flags")]
pub async fn dismiss_flags(post: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, community::moderation, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        moderation::dismiss_flags(&state, &authz::require_user()?, &post).await?;
        Ok(Done::to(paths::COMMUNITY_MODERATION, Notice::FlagsDismissed))
    }
    .await;
    respond::form(&crate::components::form::form_key("dismiss_flags", Some(&post)), paths::COMMUNITY_MODERATION, &[], result)
}
