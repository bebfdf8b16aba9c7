use leptos::prelude::*;

use crate::domain::AppError;

/// Invites a trainer, jurist or coordinator by e-mail.
#[server(endpoint = "admin/invite_user")]
pub async fn invite_user(name: String, email: String, role: String, district: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{admin, authz, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        let actor = authz::require_coordinator()?;
        admin::invite(&state, &actor, admin::InvitationInput { name: &name, email: &email, role: &role, district: &district }).await?;
        Ok(Done::to(paths::ADMIN_USERS, Notice::InvitationSent))
    }
    .await;
    respond::form(
        "invite_user",
        paths::ADMIN_INVITE,
        &[("name", &name), ("email", &email), ("role", &role), ("district", &district)],
        result,
    )
}
