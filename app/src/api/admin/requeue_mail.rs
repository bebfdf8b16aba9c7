use leptos::prelude::*;

use crate::domain::AppError;

/// Queues again a mail that failed for good.
#[server(endpoint = "admin/requeue_mail")]
pub async fn requeue_mail(id: i64) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{admin, authz, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        let actor = authz::require_coordinator()?;
        admin::requeue_mail(&state, &actor, id).await?;
        Ok(Done::to(paths::ADMIN_OUTBOX, Notice::MailRequeued))
    }
    .await;
    respond::form("requeue_mail", paths::ADMIN_OUTBOX, &[], result)
}
