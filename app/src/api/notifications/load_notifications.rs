use leptos::prelude::*;

use crate::domain::{AppError, notifications::NotificationsPage};

/// One page of the reader's notifications, newest first.
#[server(endpoint = "notifications/load")]
pub async fn load_notifications(page: u64) -> Result<NotificationsPage, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, notifications, state::app_state},
    };
    let state = app_state()?;
    respond::data(async { notifications::list(&state, &authz::require_user()?, page).await }.await)
}
