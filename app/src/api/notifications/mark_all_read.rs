use leptos::prelude::*;

use crate::domain::AppError;

/// Marks every notification of the reader as read.
#[server(endpoint = "notifications/mark_all_read")]
pub async fn mark_all_read() -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, notifications, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        notifications::read_all(&state, &authz::require_user()?).await?;
        Ok(Done::to(paths::NOTIFICATIONS, Notice::NotificationsRead))
    }
    .await;
    respond::form("mark_all_read", paths::NOTIFICATIONS, &[], result)
}
