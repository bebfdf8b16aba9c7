use leptos::prelude::*;

use crate::domain::{AppError, admin::UserRow};

/// One user, for the coordinator's edit page.
#[server(endpoint = "admin/user_detail")]
pub async fn user_detail(id: String) -> Result<UserRow, AppError> {
    use crate::{
        api::respond,
        ssr::{admin, authz, state::app_state},
    };
    let state = app_state()?;
    respond::data(async { admin::get_user(&state, &authz::require_coordinator()?, &id).await }.await)
}
