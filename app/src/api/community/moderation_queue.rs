use leptos::prelude::*;

use crate::domain::{AppError, community::ModeratorsQueue};

/// The flagged and the held posts of the categories the reader moderates.
#[server(endpoint = "community/moderation_queue")]
pub async fn moderation_queue() -> Result<ModeratorsQueue, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, community::moderation, state::app_state},
    };
    let state = app_state()?;
    respond::data(async { moderation::queue(&state, &authz::require_user()?).await }.await)
}
