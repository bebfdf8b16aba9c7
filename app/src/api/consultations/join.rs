use leptos::prelude::*;

use crate::domain::{AppError, consultations::Invitation};

/// The invitation behind a link, for its page.
#[server(endpoint = "consultations/invitation")]
pub async fn load_invitation(token: String) -> Result<Invitation, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, consultations::members, state::app_state},
    };
    let state = app_state()?;
    respond::data(async { members::invitation(&state, &authz::require_user()?, &token).await }.await)
}

/// The signed-in reader accepts the invitation and joins the request.
#[server(endpoint = "consultations/join")]
pub async fn join_consultation(token: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, consultations::members, state::app_state},
    };
    let state = app_state()?;
    let back = paths::consultation_invitation(&token);
    let result = async {
        let id = members::accept(&state, &authz::require_user()?, &token).await?;
        Ok(Done::to(paths::consultation(&id.to_string()), Notice::ConsultationJoined))
    }
    .await;
    respond::action("consultation_join", &back, result)
}
