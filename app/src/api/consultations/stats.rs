use leptos::prelude::*;

use crate::domain::{AppError, consultation_stats::ConsultationStats};

/// The statistics of the districts the reader coordinates (`district`
/// narrows them to one; empty for all).
#[server(endpoint = "consultations/stats")]
pub async fn load_consultation_stats(district: String) -> Result<ConsultationStats, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, consultations::stats, state::app_state},
    };
    let state = app_state()?;
    respond::data(async { stats::stats(&state, &authz::require_user()?, &district).await }.await)
}
