use leptos::prelude::*;

use crate::domain::AppError;

/// Saves the signed-in user's name and language.
#[server(endpoint = "update_profile")]
pub async fn update_profile(name: String, locale: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        i18n::Locale,
        routes::paths,
        ssr::{accounts, authz, request::set_cookie, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        let user = authz::require_user()?;
        accounts::update_profile(&state, &user, &name, &locale).await?;
        if let Some(chosen) = Locale::from_code(&locale) {
            set_cookie(&accounts::locale_cookie(&state.settings, chosen));
        }
        Ok(Done::to(paths::ACCOUNT, Notice::ProfileSaved))
    }
    .await;
    respond::form("profile", paths::ACCOUNT, &[("name", &name), ("locale", &locale)], result)
}
