use leptos::{
    prelude::*,
    server_fn::codec::{MultipartData, MultipartFormData},
};

use crate::domain::AppError;

/// A message in a request's thread, with its attachments (the form is
/// multipart). A requester sends no `step`; a jurist sends `ask`, `answer`
/// or `note` (the button they pressed); `preview` shows the text rendered
/// instead.
#[server(input = MultipartFormData, endpoint = "consultations/write")]
pub async fn write_consultation(data: MultipartData) -> Result<(), AppError> {
    use crate::{
        api::{
            form_data,
            respond::{self, Done},
        },
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
    let form = form_data::read(data).await?;
    let id = form.text("id");
    let back = paths::consultation(id);
    let result = async {
        let reader = authz::require_user()?;
        let step = match form.text("step") {
            "" => None,
            "ask" => Some(Step::Ask),
            "answer" => Some(Step::Answer),
            "note" => Some(Step::Note),
            _ => return Err(ServiceError::field("step", Problem::ChoiceInvalid)),
        };
        let writing = Writing {
            body: form.text("body"),
            files: &form.files,
            privacy_confirmed: form.has("privacy_confirmed"),
            preview: form.has("preview"),
        };
        Ok(match steps::write(&state, &reader, id, step, &writing).await? {
            Written::Sent => Done::to(format!("{back}#reply"), Notice::ConsultationMessageSent),
            Written::Previewed => Done { redirect: format!("{back}#reply"), notice: None },
        })
    }
    .await;
    respond::form_unless_gone("consultation_reply", &back, Problem::NotNow, result)
}
