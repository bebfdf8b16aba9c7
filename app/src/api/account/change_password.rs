use leptos::prelude::*;

use crate::domain::AppError;

/// Changes the signed-in user's password; every session ends, this one too.
#[server(endpoint = "change_password")]
pub async fn change_password(current_password: String, new_password: String, password_confirm: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{accounts, authz, request::set_cookie, sessions, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        let user = authz::require_user()?;
        accounts::change_password(&state, &user, &current_password, &new_password, &password_confirm).await?;
        set_cookie(&sessions::cleared_cookie(&state.settings));
        Ok(Done::to(paths::LOGIN, Notice::PasswordChanged))
    }
    .await;
    respond::form("change_password", paths::ACCOUNT, &[], result)
}
