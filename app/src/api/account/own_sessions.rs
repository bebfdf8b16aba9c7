use leptos::prelude::*;

use crate::domain::{AppError, OwnSession};

/// The signed-in user's live sessions, this one marked.
#[server(endpoint = "own_sessions")]
pub async fn own_sessions() -> Result<Vec<OwnSession>, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, request::request_context, sessions, state::app_state},
    };
    let state = app_state()?;
    respond::data(
        async {
            let user = authz::require_user()?;
            sessions::list_own(&state, authz::account_id(&user)?, request_context().session_digest.as_deref()).await
        }
        .await,
    )
}
