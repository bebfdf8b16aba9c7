use leptos::prelude::*;

use crate::domain::AppError;

/// Sets a new password from a reset or invitation link.
#[server(endpoint = "reset_password")]
pub async fn reset_password(token: String, password: String, password_confirm: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{accounts, request::request_context, state::app_state},
    };
    let state = app_state()?;
    let back = paths::password_reset(&token);
    let result = accounts::set_password_from_link(&state, &token, &password, &password_confirm, &request_context().client)
        .await
        .map(|()| Done::to(paths::LOGIN, Notice::PasswordChanged));
    respond::form("reset_password", &back, &[], result)
}
