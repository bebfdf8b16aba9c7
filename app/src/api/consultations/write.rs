use leptos::prelude::*;

use crate::domain::AppError;

/// A message in a request's thread. A requester sends no `step`; a jurist
/// sends `ask`, `answer` or `note` (the button they pressed); `preview`
/// shows the text rendered instead.
#[server(endpoint = "consultations/write")]
pub async fn write_consultation(
    id: String,
    body: String,
    step: Option<String>,
    privacy_confirmed: Option<String>,
    preview: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::{Notice, Problem, consultations::Step},
        routes::paths,
        ssr::{
            authz,
            consultations::steps::{self, Writing, Written},
            error::ServiceError,
            state::app_state,
        },
    };
    let state = app_state()?;
    let back = paths::consultation(&id);
    let result = async {
        let reader = authz::require_user()?;
        let step = match step.as_deref() {
            None | Some("") => None,
            Some("ask") => Some(Step::Ask),
            Some("answer") => Some(Step::Answer),
            Some("note") => Some(Step::Note),
            Some(_) => return Err(ServiceError::field("step", Problem::ChoiceInvalid)),
        };
        let writing = Writing { body: &body, privacy_confirmed: privacy_confirmed.is_some(), preview: preview.is_some() };
        Ok(match steps::write(&state, &reader, &id, step, &writing).await? {
            Written::Sent => Done::to(format!("{back}#reply"), Notice::ConsultationMessageSent),
            Written::Previewed => Done { redirect: format!("{back}#reply"), notice: None },
        })
    }
    .await;
    respond::form_unless_gone("consultation_reply", &back, Problem::NotNow, result)
}
