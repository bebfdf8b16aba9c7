use leptos::prelude::*;

use crate::domain::{AppError, community::CommunityIndex};

/// The categories the reader may take part in, and whether they moderate any.
#[server(endpoint = "community/categories")]
pub async fn categories() -> Result<CommunityIndex, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, community::read, state::app_state},
    };
    let state = app_state()?;
    respond::data(async { read::categories(&state, &authz::require_user()?).await }.await)
}
