use leptos::prelude::*;

use crate::domain::AppError;

/// Queues a test mail to the coordinator's own address.
#[server(endpoint = "admin/send_test_mail")]
pub async fn send_test_mail() -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, mail, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        let actor = authz::require_coordinator()?;
        mail::enqueue(&state.db, &actor.email, actor.locale, &mail::MailKind::Test).await?;
        Ok(Done::to(paths::ADMIN_OUTBOX, Notice::TestMailQueued))
    }
    .await;
    respond::form("send_test_mail", paths::ADMIN_OUTBOX, &[], result)
}
