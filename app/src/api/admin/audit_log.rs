use leptos::prelude::*;

use crate::domain::{AppError, admin::AuditPage};

/// One page of the audit log.
#[server(endpoint = "admin/audit_log")]
pub async fn audit_log(page: u64) -> Result<AuditPage, AppError> {
    use crate::{
        api::respond,
        ssr::{admin, authz, state::app_state},
    };
    let state = app_state()?;
    respond::data(
        async {
            let actor = authz::require_coordinator()?;
            admin::audit_log(&state, &actor, page).await
        }
        .await,
    )
}
