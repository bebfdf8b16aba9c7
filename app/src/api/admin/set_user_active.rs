use leptos::prelude::*;

use crate::domain::AppError;

/// Deactivates or reactivates an account (`active` is "true" or "false").
#[server(endpoint = "admin/set_user_active")]
pub async fn set_user_active(id: String, active: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::{Notice, Problem},
        routes::paths,
        ssr::{admin, authz, error::ServiceError, state::app_state},
    };
    let state = app_state()?;
    let back = paths::admin_user(&id);
    let result = async {
        let actor = authz::require_coordinator()?;
        let active = match active.as_str() {
            "true" => true,
            "false" => false,
            _ => return Err(ServiceError::field("active", Problem::ChoiceInvalid)),
        };
        admin::set_active(&state, &actor, &id, active).await?;
        Ok(Done::to(back.clone(), Notice::UserUpdated))
    }
    .await;
    respond::form("set_user_active", &back, &[], result)
}
