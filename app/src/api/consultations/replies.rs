use leptos::prelude::*;

use crate::domain::{AppError, consultations::CannedReply};

/// The canned replies, for the jurists and coordinators who keep them.
#[server(endpoint = "consultations/replies")]
pub async fn load_canned_replies() -> Result<Vec<CannedReply>, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, consultations::canned, state::app_state},
    };
    let state = app_state()?;
    respond::data(async { canned::list(&state, &authz::require_user()?).await }.await)
}

/// Creates a canned reply (no `id`) or changes one.
#[server(endpoint = "consultations/save_reply")]
pub async fn save_canned_reply(id: String, title: String, body: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, consultations::canned, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        canned::save(&state, &authz::require_user()?, &id, &title, &body).await?;
        Ok(Done::to(paths::CONSULTATIONS_REPLIES, Notice::CannedReplySaved))
    }
    .await;
    let form = if id.is_empty() { "canned_reply".to_owned() } else { format!("canned_reply:{id}") };
    respond::form(&form, paths::CONSULTATIONS_REPLIES, &[("title", &title)], result)
}

#[server(endpoint = "consultations/delete_reply")]
pub async fn delete_canned_reply(id: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, consultations::canned, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        canned::delete(&state, &authz::require_user()?, &id).await?;
        Ok(Done::to(paths::CONSULTATIONS_REPLIES, Notice::CannedReplyDeleted))
    }
    .await;
    respond::action("canned_reply_delete", paths::CONSULTATIONS_REPLIES, result)
}
