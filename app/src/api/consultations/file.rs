use leptos::{
    prelude::*,
    server_fn::codec::{MultipartData, MultipartFormData},
};

use crate::domain::AppError;

/// Files a request, with its attachments (the form is multipart). `preview`
/// shows the text rendered instead; the form's choices come back in the
/// address so nothing typed is lost.
#[server(input = MultipartFormData, endpoint = "consultations/file")]
pub async fn file_consultation(data: MultipartData) -> Result<(), AppError> {
    use crate::{
        api::{
            form_data,
            respond::{self, Done},
        },
        domain::Notice,
        routes::paths,
        ssr::{
            authz,
            consultations::file::{self, Filed, NewRequest},
            state::app_state,
        },
    };
    let state = app_state()?;
    let form = form_data::read(data).await?;
    let choices = [
        ("topic", form.text("topic")),
        ("district", form.text("district")),
        ("urgency", form.text("urgency")),
        ("deadline", form.text("deadline")),
    ];
    let back = paths::with_query(paths::CONSULTATIONS_NEW, &choices);
    let result = async {
        let reader = authz::require_user()?;
        let request = NewRequest {
            topic: form.text("topic"),
            district: form.text("district"),
            urgency: form.text("urgency"),
            deadline: form.text("deadline"),
            subject: form.text("subject"),
            body: form.text("body"),
            files: &form.files,
            privacy_confirmed: form.has("privacy_confirmed"),
            preview: form.has("preview"),
        };
        Ok(match file::file(&state, &reader, &request).await? {
            Filed::Filed(id) => Done::to(paths::consultation(&id.to_string()), Notice::ConsultationFiled),
            Filed::Previewed => Done { redirect: format!("{back}#body"), notice: None },
        })
    }
    .await;
    respond::form("new_consultation", &back, &choices, result)
}
