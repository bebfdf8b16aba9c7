use leptos::prelude::*;

use crate::domain::{AppError, consultations::ConsultationPage};

/// A request's page, as the reader may see it.
#[server(endpoint = "consultations/load")]
pub async fn load_consultation(id: String) -> Result<ConsultationPage, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, consultations::thread, state::app_state},
    };
    let state = app_state()?;
    respond::data(async { thread::page(&state, &authz::require_user()?, &id).await }.await)
}
