use leptos::prelude::*;

use crate::domain::AppError;

/// A moderator rejects a post held for approval, saying why; its author is
/// told and gets the text back.
#[server(endpoint = "community/reject_post")]
pub async fn reject_post(held: String, reason: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, community::approval, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        approval::reject(&state, &authz::require_user()?, &held, &reason).await?;
        Ok(Done::to(paths::COMMUNITY_MODERATION, Notice::PostRejected))
    }
    .await;
    respond::form(&crate::components::form::form_key("reject_post", Some(&held)), paths::COMMUNITY_MODERATION, &[], result)
}
