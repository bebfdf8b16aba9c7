use leptos::prelude::*;

use crate::domain::{AppError, admin::OutboxRow};

/// Mails waiting or failed in the outbox.
#[server(endpoint = "admin/undelivered_mail")]
pub async fn undelivered_mail() -> Result<Vec<OutboxRow>, AppError> {
    use crate::{
        api::respond,
        ssr::{admin, authz, state::app_state},
    };
    let state = app_state()?;
    respond::data(
        async {
            let actor = authz::require_coordinator()?;
            admin::undelivered_mail(&state, &actor).await
        }
        .await,
    )
}
