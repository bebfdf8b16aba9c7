use leptos::prelude::*;

use crate::domain::AppError;

/// Turns the training's reminders (enrolment closing, a course left aside)
/// on (`on` ticked) or off. Meetings are announced either way.
#[server(endpoint = "notifications/set_training_reminders")]
pub async fn set_training_reminders(on: Option<String>) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, notifications, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        let reader = authz::require_user()?;
        notifications::set_training_reminders(&state.db, authz::account_id(&reader)?, on.is_some()).await?;
        Ok(Done::to(paths::ACCOUNT_NOTIFICATIONS, Notice::MailPreferenceSaved))
    }
    .await;
    respond::form("set_training_reminders", paths::ACCOUNT_NOTIFICATIONS, &[], result)
}
