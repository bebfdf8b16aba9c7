use leptos::prelude::*;

use crate::domain::AppError;

/// The requester rates the answer, 1 to 5, with an optional comment.
#[server(endpoint = "consultations/rate")]
pub async fn rate_consultation(id: String, rating: Option<String>, comment: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, consultations::steps, state::app_state},
    };
    let state = app_state()?;
    let back = paths::consultation(&id);
    let result = async {
        steps::rate(&state, &authz::require_user()?, &id, rating.as_deref().unwrap_or_default(), &comment).await?;
        Ok(Done::to(back.clone(), Notice::ConsultationRated))
    }
    .await;
    respond::form("consultation_rate", &format!("{back}#rate"), &[("comment", &comment)], result)
}
