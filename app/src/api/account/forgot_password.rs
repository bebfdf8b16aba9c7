use leptos::prelude::*;

use crate::domain::AppError;

/// Mails a reset link if the address has an active account; the answer is
/// the same either way.
#[server(endpoint = "forgot_password")]
pub async fn forgot_password(email: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{accounts, request::request_context, state::app_state},
    };
    let state = app_state()?;
    let result = accounts::request_password_reset(&state, &email, &request_context().client)
        .await
        .map(|()| Done::to(paths::LOGIN, Notice::ResetMailSent));
    respond::form("forgot_password", paths::PASSWORD_FORGOT, &[("email", &email)], result)
}
