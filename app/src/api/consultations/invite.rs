use leptos::prelude::*;

use crate::domain::AppError;

/// The requester invites the minor's social worker by e-mail.
#[server(endpoint = "consultations/invite")]
pub async fn invite_to_consultation(id: String, email: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, consultations::members, state::app_state},
    };
    let state = app_state()?;
    let back = paths::consultation(&id);
    let result = async {
        members::invite(&state, &authz::require_user()?, &id, &email).await?;
        Ok(Done::to(back.clone(), Notice::ConsultationInvitationSent))
    }
    .await;
    respond::form("consultation_invite", &format!("{back}#invite"), &[("email", &email)], result)
}
