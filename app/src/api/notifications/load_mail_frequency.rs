use leptos::prelude::*;

use crate::domain::{AppError, notifications::MailFrequency};

/// How notifications reach the reader's inbox.
#[server(endpoint = "notifications/load_mail_frequency")]
pub async fn load_mail_frequency() -> Result<MailFrequency, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, notifications, state::app_state},
    };
    let state = app_state()?;
    respond::data(async { notifications::mail_frequency(&state, &authz::require_user()?).await }.await)
}
