use leptos::prelude::*;

use crate::domain::AppError;

/// Ends member `member`'s appointment to moderate category `slug`.
#[server(endpoint = "admin/remove_moderator")]
pub async fn remove_moderator(slug: String, member: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, community::categories, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        categories::remove(&state, &authz::require_coordinator()?, &slug, &member).await?;
        Ok(Done::to(paths::ADMIN_CATEGORIES, Notice::ModeratorRemoved))
    }
    .await;
    respond::form("remove_moderator", paths::ADMIN_CATEGORIES, &[], result)
}
