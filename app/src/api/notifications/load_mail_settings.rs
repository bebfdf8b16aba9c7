use leptos::prelude::*;

use crate::domain::{AppError, notifications::MailSettings};

/// What mail the reader gets: how notifications reach the inbox, and
/// whether the training may remind them.
#[server(endpoint = "notifications/load_mail_settings")]
pub async fn load_mail_settings() -> Result<MailSettings, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, notifications, state::app_state},
    };
    let state = app_state()?;
    respond::data(async { notifications::mail_settings(&state, &authz::require_user()?).await }.await)
}
