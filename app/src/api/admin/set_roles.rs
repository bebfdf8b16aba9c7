use leptos::prelude::*;

use crate::domain::AppError;

/// Replaces a user's roles in the coordinator's districts. `grants` holds
/// codes such as `trainer:milano`; none ticked removes them all.
#[server(endpoint = "admin/set_roles")]
pub async fn set_roles(id: String, grants: Option<Vec<String>>) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{admin, authz, error::ServiceError, state::app_state},
    };
    let state = app_state()?;
    let back = paths::admin_user(&id);
    let result = async {
        let actor = authz::require_coordinator()?;
        let wanted = admin::parse_grants(&grants.unwrap_or_default()).map_err(|p| ServiceError::field("grants", p))?;
        admin::set_roles(&state, &actor, &id, &wanted).await?;
        Ok(Done::to(back.clone(), Notice::UserUpdated))
    }
    .await;
    respond::form("set_roles", &back, &[], result)
}
