use leptos::prelude::*;

use crate::domain::AppError;

/// One of a request's buttons: `claim` (a jurist of its district takes
/// it), `close` (once answered) or `reopen` (its requester, within the
/// window).
#[server(endpoint = "consultations/step")]
pub async fn consultation_step(id: String, step: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::{Notice, Problem},
        routes::paths,
        ssr::{authz, consultations::steps, error::ServiceError, state::app_state},
    };
    let state = app_state()?;
    let back = paths::consultation(&id);
    let result = async {
        let reader = authz::require_user()?;
        let notice = match step.as_str() {
            "claim" => {
                steps::claim(&state, &reader, &id).await?;
                Notice::ConsultationClaimed
            }
            "close" => {
                steps::close(&state, &reader, &id).await?;
                Notice::ConsultationClosed
            }
            "reopen" => {
                steps::reopen(&state, &reader, &id).await?;
                Notice::ConsultationReopened
            }
            _ => return Err(ServiceError::field("step", Problem::ChoiceInvalid)),
        };
        Ok(Done::to(back.clone(), notice))
    }
    .await;
    respond::action("consultation_step", &back, result)
}
