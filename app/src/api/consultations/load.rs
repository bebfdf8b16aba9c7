use leptos::prelude::*;

use crate::domain::{AppError, consultations::ConsultationPage};

/// A request's page, as the reader may see it; `canned` is a canned reply
/// to start the answer from.
#[server(endpoint = "consultations/load")]
pub async fn load_consultation(id: String, canned: Option<String>) -> Result<ConsultationPage, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, consultations::thread, state::app_state},
    };
    let state = app_state()?;
    respond::data(async { thread::page(&state, &authz::require_user()?, &id, canned.as_deref().unwrap_or_default()).await }.await)
}
