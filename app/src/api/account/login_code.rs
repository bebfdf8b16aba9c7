use leptos::prelude::*;

use crate::domain::AppError;

/// The second step of signing in: the code from the authenticator app, or
/// a recovery code.
#[server(endpoint = "login_code")]
pub async fn login_code(code: String) -> Result<(), AppError> {
    use crate::{
        api::{account::login::signed_in_at_home, respond},
        routes::paths,
        ssr::{
            error::ServiceError,
            known_devices::DEVICE_COOKIE,
            request::{cookie, set_cookie, user_agent},
            second_factor::{self, CHALLENGE_COOKIE},
            state::app_state,
        },
    };
    let state = app_state()?;
    let challenge = cookie(CHALLENGE_COOKIE.on(&state.settings)).unwrap_or_default();
    let device = cookie(DEVICE_COOKIE.on(&state.settings));
    let result = second_factor::complete_sign_in(&state, &challenge, &code, &user_agent(), device.as_deref()).await.map(|signed_in| {
        set_cookie(&second_factor::cleared_challenge(&state.settings));
        signed_in_at_home(&signed_in)
    });
    // A challenge that is gone sends the browser back to the password.
    let back =
        if matches!(result, Err(ServiceError::Refused(crate::domain::Problem::TokenInvalid))) { paths::LOGIN } else { paths::LOGIN_CODE };
    respond::form(if back == paths::LOGIN { "login" } else { "login_code" }, back, &[], result)
}
