use leptos::prelude::*;

use crate::domain::AppError;

/// Turns off a user's two-factor sign-in (a lost phone) and signs them out
/// everywhere; they set it up again when they next sign in.
#[server(endpoint = "admin/reset_second_factor")]
pub async fn reset_second_factor(id: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, second_factor, state::app_state},
    };
    let state = app_state()?;
    let back = paths::admin_user(&id);
    let result = async {
        let actor = authz::require_coordinator()?;
        second_factor::reset_by_coordinator(&state, &actor, &id).await?;
        Ok(Done::to(back.clone(), Notice::SecondFactorReset))
    }
    .await;
    respond::form("reset_second_factor", &back, &[], result)
}
