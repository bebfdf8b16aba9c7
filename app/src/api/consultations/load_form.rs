use leptos::prelude::*;

use crate::domain::{AppError, consultations::NewConsultationForm};

/// What the filing form offers the reader, what they left unsent, and the
/// FAQ's questions like it.
#[server(endpoint = "consultations/load_form")]
pub async fn load_consultation_form() -> Result<NewConsultationForm, AppError> {
    use crate::{
        api::respond,
        ssr::{
            authz,
            consultations::{access, draft_target},
            drafts, faq,
            state::app_state,
        },
    };
    let state = app_state()?;
    respond::data(
        async {
            let reader = authz::require_user()?;
            let districts = access::filing_districts(&reader)?;
            let draft = drafts::load(&state.db, authz::account_id(&reader)?, &draft_target(None)).await?;
            // What they wrote so far finds the questions the FAQ already answers.
            let similar = match &draft {
                Some(draft) => faq::findable::similar(&state.db, &format!("{} {}", draft.title, draft.body)).await?,
                None => Vec::new(),
            };
            Ok(NewConsultationForm { districts, home_district: reader.home_district, draft, similar })
        }
        .await,
    )
}
