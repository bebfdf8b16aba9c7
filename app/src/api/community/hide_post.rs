use leptos::prelude::*;

use crate::domain::AppError;

/// A moderator hides a post, saying why; its author is told.
#[server(endpoint = "community/hide_post")]
pub async fn hide_post(post: String, back: String, reason: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        ssr::{authz, community::moderation, state::app_state},
    };
    let state = app_state()?;
    let back = super::local_path(&back);
    let result = async {
        moderation::hide(&state, &authz::require_user()?, &post, &reason).await?;
        Ok(Done::to(back.clone(), Notice::PostHidden))
    }
    .await;
    respond::form(&crate::components::form::form_key("hide_post", Some(&post)), &back, &[], result)
}
