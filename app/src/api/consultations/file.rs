// One argument per field of the form, as every server function takes them;
// the macro's browser half cannot carry an attribute of its own.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::domain::AppError;

/// Files a request. `preview` shows the text rendered instead; the form's
/// choices come back in the address so nothing is lost.
#[server(endpoint = "consultations/file")]
pub async fn file_consultation(
    topic: String,
    district: String,
    urgency: String,
    deadline: String,
    subject: String,
    body: String,
    privacy_confirmed: Option<String>,
    preview: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{
            authz,
            consultations::file::{self, Filed, NewRequest},
            state::app_state,
        },
    };
    let state = app_state()?;
    let choices =
        [("topic", topic.as_str()), ("district", district.as_str()), ("urgency", urgency.as_str()), ("deadline", deadline.as_str())];
    let back = paths::with_query(paths::CONSULTATIONS_NEW, &choices);
    let result = async {
        let reader = authz::require_user()?;
        let request = NewRequest {
            topic: &topic,
            district: &district,
            urgency: &urgency,
            deadline: &deadline,
            subject: &subject,
            body: &body,
            privacy_confirmed: privacy_confirmed.is_some(),
            preview: preview.is_some(),
        };
        Ok(match file::file(&state, &reader, &request).await? {
            Filed::Filed(id) => Done::to(paths::consultation(&id.to_string()), Notice::ConsultationFiled),
            Filed::Previewed => Done { redirect: format!("{back}#body"), notice: None },
        })
    }
    .await;
    respond::form("new_consultation", &back, &choices, result)
}
