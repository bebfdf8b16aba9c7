//! The FAQ's server functions: the public pages read through them, and
//! jurists and coordinators prepare and approve entries.

use leptos::prelude::*;

use crate::domain::{
    AppError,
    faq::{FaqEntryPage, FaqIndex},
};

/// The published questions by topic; for staff, the entries being prepared too.
#[server(endpoint = "faq/index")]
pub async fn load_faq() -> Result<FaqIndex, AppError> {
    use crate::{
        api::respond,
        ssr::{faq, request::request_context, state::app_state},
    };
    let state = app_state()?;
    respond::data(faq::index(&state, request_context().user.as_ref()).await)
}

#[server(endpoint = "faq/entry")]
pub async fn load_faq_entry(id: String) -> Result<FaqEntryPage, AppError> {
    use crate::{
        api::respond,
        ssr::{faq, request::request_context, state::app_state},
    };
    let state = app_state()?;
    respond::data(faq::entry(&state, request_context().user.as_ref(), &id).await)
}

/// Opens the FAQ entry written from request `consultation`, starting it
/// from the request's question and answers if there is none yet.
#[server(endpoint = "faq/start")]
pub async fn start_faq_entry(consultation: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, faq, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        let id = faq::start_from(&state, &authz::require_user()?, &consultation).await?;
        Ok(Done::to(paths::faq_entry(id), Notice::FaqEntryStarted))
    }
    .await;
    respond::action("faq_start", &paths::consultation(&consultation), result)
}

/// Saves an entry being prepared, or with `preview` shows it rendered.
#[server(endpoint = "faq/save")]
pub async fn save_faq_entry(
    id: String,
    title: String,
    topic: String,
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
            faq::{self, Edit},
            state::app_state,
        },
    };
    let state = app_state()?;
    let back = paths::faq_entry(&id);
    let result = async {
        let edit =
            Edit { title: &title, topic: &topic, body: &body, privacy_confirmed: privacy_confirmed.is_some(), preview: preview.is_some() };
        Ok(if faq::save(&state, &authz::require_user()?, &id, &edit).await? {
            Done::to(back.clone(), Notice::FaqEntrySaved)
        } else {
            Done { redirect: format!("{back}#edit"), notice: None }
        })
    }
    .await;
    respond::form("faq_entry", &format!("{back}#edit"), &[("topic", &topic)], result)
}

/// One of an entry's buttons: `submit`, `approve`, `send_back`, `withdraw`
/// or `discard`.
#[server(endpoint = "faq/step")]
pub async fn faq_step(id: String, step: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::{Notice, Problem, faq::FaqStep},
        routes::paths,
        ssr::{authz, error::ServiceError, faq, state::app_state},
    };
    let state = app_state()?;
    let back = paths::faq_entry(&id);
    let result = async {
        let step = FaqStep::from_code(&step).ok_or_else(|| ServiceError::field("step", Problem::ChoiceInvalid))?;
        faq::step(&state, &authz::require_user()?, &id, step).await?;
        Ok(match step {
            FaqStep::Submit => Done::to(back.clone(), Notice::FaqEntrySubmitted),
            FaqStep::Approve => Done::to(back.clone(), Notice::FaqEntryPublished),
            FaqStep::SendBack => Done::to(back.clone(), Notice::FaqEntrySentBack),
            FaqStep::Withdraw => Done::to(back.clone(), Notice::FaqEntryWithdrawn),
            FaqStep::Discard => Done::to(paths::FAQ, Notice::FaqEntryDiscarded),
        })
    }
    .await;
    respond::action("faq_step", &back, result)
}
