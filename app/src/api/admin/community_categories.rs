use leptos::prelude::*;

use crate::domain::{AppError, community::ManagedCategory};

/// Every community category with its moderators, for coordinators.
#[server(endpoint = "admin/community_categories")]
pub async fn community_categories() -> Result<Vec<ManagedCategory>, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, community::categories, state::app_state},
    };
    let state = app_state()?;
    respond::data(async { categories::list(&state, &authz::require_coordinator()?).await }.await)
}
