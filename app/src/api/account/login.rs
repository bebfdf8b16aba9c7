use leptos::prelude::*;

use crate::domain::AppError;

/// Signs in with e-mail and password, rotating the session cookie.
#[server(endpoint = "login")]
pub async fn login(email: String, password: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{
            accounts,
            known_devices::DEVICE_COOKIE,
            request::{cookie, request_context, set_cookie, user_agent},
            sessions,
            state::app_state,
        },
    };
    let state = app_state()?;
    let request = request_context();
    // A session already open in this browser ends: a sign-in always gets a fresh id.
    if let Some(previous) = &request.session_digest {
        sessions::end(&state, previous).await.map_err(AppError::from)?;
    }
    let device = cookie(DEVICE_COOKIE.on(&state.settings));
    let result = accounts::login(&state, &email, &password, &request.client, &user_agent(), device.as_deref()).await.map(|signed_in| {
        set_cookie(&signed_in.session);
        set_cookie(&signed_in.device);
        Done::to(paths::HOME, Notice::SignedIn)
    });
    respond::form("login", paths::LOGIN, &[("email", &email)], result)
}
