use leptos::prelude::*;

use crate::domain::AppError;

/// Starts a change of address; the new address must be confirmed by mail.
#[server(endpoint = "change_email")]
pub async fn change_email(new_email: String, current_password: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{accounts, authz, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        let user = authz::require_user()?;
        accounts::request_email_change(&state, &user, &new_email, &current_password).await?;
        Ok(Done::to(paths::ACCOUNT, Notice::EmailChangeSent))
    }
    .await;
    respond::form("change_email", paths::ACCOUNT, &[("new_email", &new_email)], result)
}
