use leptos::prelude::*;

use crate::domain::AppError;

/// Confirms an e-mail address from the link in a mail.
#[server(endpoint = "verify_email")]
pub async fn verify_email(token: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{accounts, request::request_context, state::app_state},
    };
    let state = app_state()?;
    let back = paths::verify_email(&token);
    let result = accounts::verify_email(&state, &token, request_context().session_digest.as_deref())
        .await
        .map(|()| Done::to(paths::LOGIN, Notice::EmailVerified));
    respond::form("verify_email", &back, &[], result)
}
