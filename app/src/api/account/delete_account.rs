use leptos::prelude::*;

use crate::domain::AppError;

/// Deletes the signed-in user's account, after password and confirmation.
#[server(endpoint = "delete_account")]
pub async fn delete_account(current_password: String, confirm: Option<String>) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{accounts, authz, request::set_cookie, sessions, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        let user = authz::require_user()?;
        accounts::delete_account(&state, &user, &current_password, confirm.is_some()).await?;
        set_cookie(&sessions::cleared_cookie(&state.settings));
        Ok(Done::to(paths::HOME, Notice::AccountDeleted))
    }
    .await;
    respond::form("delete_account", paths::ACCOUNT_DATA, &[], result)
}
