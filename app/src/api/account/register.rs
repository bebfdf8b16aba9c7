use leptos::prelude::*;

use crate::domain::AppError;

/// Registers a guardian or operator; always answers as if it worked, so
/// nobody learns whether an address is taken.
#[server(endpoint = "register")]
pub async fn register(
    name: String,
    email: String,
    password: String,
    password_confirm: String,
    district: String,
    // A radio group: absent when nothing was chosen.
    kind: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{accounts, request::request_context, state::app_state},
    };
    let state = app_state()?;
    let request = request_context();
    let kind = kind.unwrap_or_default();
    let input = accounts::RegistrationInput {
        name: &name,
        email: &email,
        password: &password,
        password_confirm: &password_confirm,
        district: &district,
        kind: &kind,
        locale: request.locale,
    };
    let result = accounts::register(&state, input, &request.client).await.map(|()| Done::to(paths::LOGIN, Notice::Registered));
    respond::form("register", paths::REGISTER, &[("name", &name), ("email", &email), ("district", &district), ("kind", &kind)], result)
}
