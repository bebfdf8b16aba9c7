use leptos::prelude::*;

use crate::domain::AppError;

/// Signs in with e-mail and password, rotating the session cookie.
#[server(endpoint = "login")]
pub async fn login(email: String, password: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        routes::paths,
        ssr::{
            accounts::{self, SignInStep},
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
    let result =
        accounts::login(&state, &email, &password, &request.client, &user_agent(), device.as_deref()).await.map(|step| match step {
            SignInStep::Done(signed_in) => signed_in_at_home(&signed_in),
            SignInStep::CodeNeeded(challenge) => {
                set_cookie(&challenge);
                Done { redirect: paths::LOGIN_CODE.to_owned(), notice: None }
            }
        });
    respond::form("login", paths::LOGIN, &[("email", &email)], result)
}

/// Sets the cookies of a completed sign-in and says where it leads: home,
/// or first the two-factor set-up when a role requires it.
#[cfg(feature = "ssr")]
pub(crate) fn signed_in_at_home(signed_in: &crate::ssr::accounts::SignedIn) -> crate::api::respond::Done {
    use crate::{api::respond::Done, domain::Notice, routes::paths, ssr::request::set_cookie};
    set_cookie(&signed_in.session);
    set_cookie(&signed_in.device);
    if signed_in.needs_second_factor {
        Done::to(paths::ACCOUNT_SECOND_FACTOR, Notice::SetUpSecondFactor)
    } else {
        Done::to(paths::HOME, Notice::SignedIn)
    }
}
