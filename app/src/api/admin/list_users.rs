use leptos::prelude::*;

use crate::domain::{
    AppError,
    admin::{UserFilter, UserPage},
};

/// One page of the users list, filtered.
#[server(endpoint = "admin/list_users")]
pub async fn list_users(filter: UserFilter) -> Result<UserPage, AppError> {
    use crate::{
        api::respond,
        ssr::{admin, authz, state::app_state},
    };
    let state = app_state()?;
    respond::data(async { admin::list_users(&state, &authz::require_coordinator()?, &filter).await }.await)
}
