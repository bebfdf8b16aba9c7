use leptos::prelude::*;

use crate::domain::AppError;

/// Turns two-factor sign-in off, for someone whose roles do not require it.
#[server(endpoint = "disable_second_factor")]
pub async fn disable_second_factor(current_password: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, second_factor, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        let user = authz::require_user()?;
        second_factor::disable(&state, &user, &current_password).await?;
        Ok(Done::to(paths::ACCOUNT_SECOND_FACTOR, Notice::SecondFactorOff))
    }
    .await;
    respond::form("disable_second_factor", paths::ACCOUNT_SECOND_FACTOR, &[], result)
}
