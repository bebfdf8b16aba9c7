use leptos::prelude::*;

use crate::domain::AppError;

/// Signs out: the session ends on the server and the cookie is cleared.
#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{
            accounts,
            request::{request_context, set_cookie},
            sessions,
            state::app_state,
        },
    };
    let state = app_state()?;
    let result = async {
        accounts::sign_out(&state, &request_context()).await?;
        set_cookie(&sessions::cleared_cookie(&state.settings));
        Ok(Done::to(paths::HOME, Notice::SignedOut))
    }
    .await;
    respond::form("logout", paths::LOGOUT, &[], result)
}
