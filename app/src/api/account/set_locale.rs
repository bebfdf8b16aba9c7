use leptos::prelude::*;

use crate::domain::AppError;

/// Switches the interface language: a cookie for everyone, and the profile
/// of a signed-in user. The browser returns to the page it was on.
#[server(endpoint = "set_locale")]
pub async fn set_locale(locale: String) -> Result<(), AppError> {
    use crate::{
        api::respond,
        i18n::Locale,
        ssr::{accounts, request::request_context, state::app_state},
    };
    let state = app_state()?;
    let Some(chosen) = Locale::from_code(&locale) else {
        return respond::fail(AppError::field("locale", crate::domain::Problem::ChoiceInvalid));
    };
    crate::ssr::request::set_cookie(&accounts::locale_cookie(&state.settings, chosen));
    if let Some(user) = request_context().user {
        respond::data(accounts::update_profile(&state, &user, &user.name, chosen.code()).await)?;
    }
    Ok(())
}
