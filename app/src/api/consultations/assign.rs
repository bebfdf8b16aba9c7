use leptos::prelude::*;

use crate::domain::AppError;

/// A coordinator gives the request to one of its district's jurists.
#[server(endpoint = "consultations/assign")]
pub async fn assign_consultation(id: String, jurist: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, consultations::steps, state::app_state},
    };
    let state = app_state()?;
    let back = paths::consultation(&id);
    let result = async {
        steps::assign(&state, &authz::require_user()?, &id, &jurist).await?;
        Ok(Done::to(back.clone(), Notice::ConsultationAssigned))
    }
    .await;
    respond::form("consultation_assign", &back, &[], result)
}
