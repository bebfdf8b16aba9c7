use leptos::prelude::*;

use crate::domain::AppError;

/// Ends the signed-in user's sessions on every other device.
#[server(endpoint = "sign_out_elsewhere")]
pub async fn sign_out_elsewhere() -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{accounts, authz, error::ServiceError, request::request_context, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        let user = authz::require_user()?;
        let current = request_context().session_digest.ok_or(ServiceError::Unauthenticated)?;
        accounts::sign_out_elsewhere(&state, &user, &current).await?;
        Ok(Done::to(paths::ACCOUNT, Notice::SignedOutElsewhere))
    }
    .await;
    respond::form("sign_out_elsewhere", paths::ACCOUNT, &[], result)
}
