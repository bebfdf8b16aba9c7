use leptos::prelude::*;

use crate::domain::AppError;

/// Appoints the member with address `email` to moderate category `slug`.
#[server(endpoint = "admin/appoint_moderator")]
pub async fn appoint_moderator(slug: String, email: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        components::form::form_key,
        domain::Notice,
        routes::paths,
        ssr::{authz, community::categories, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        categories::appoint(&state, &authz::require_coordinator()?, &slug, &email).await?;
        Ok(Done::to(paths::ADMIN_CATEGORIES, Notice::ModeratorAppointed))
    }
    .await;
    respond::form(&form_key("appoint_moderator", Some(&slug)), paths::ADMIN_CATEGORIES, &[("email", &email)], result)
}
