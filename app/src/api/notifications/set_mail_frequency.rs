use leptos::prelude::*;

use crate::domain::AppError;

/// Chooses how notifications reach the reader's inbox: at once, in a daily
/// or weekly digest, or never.
#[server(endpoint = "notifications/set_mail_frequency")]
pub async fn set_mail_frequency(frequency: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::{Notice, Problem, notifications::MailFrequency},
        routes::paths,
        ssr::{authz, error::ServiceError, notifications, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        let reader = authz::require_user()?;
        let frequency = MailFrequency::from_code(&frequency).ok_or(ServiceError::field("frequency", Problem::ChoiceInvalid))?;
        notifications::set_mail_frequency(&state.db, authz::account_id(&reader)?, frequency).await?;
        Ok(Done::to(paths::ACCOUNT_NOTIFICATIONS, Notice::MailPreferenceSaved))
    }
    .await;
    respond::form("set_mail_frequency", paths::ACCOUNT_NOTIFICATIONS, &[], result)
}
