use leptos::prelude::*;

use crate::domain::AppError;

/// A moderator approves a post held for approval: it is published.
#[server(endpoint = "community/approve_post")]
pub async fn approve_post(held: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, community::approval, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        approval::approve(&state, &authz::require_user()?, &held).await?;
        Ok(Done::to(paths::COMMUNITY_MODERATION, Notice::PostApproved))
    }
    .await;
    respond::form(&crate::components::form::form_key("approve_post", Some(&held)), paths::COMMUNITY_MODERATION, &[], result)
}
