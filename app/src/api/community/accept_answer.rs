use leptos::prelude::*;

use crate::domain::AppError;

/// Marks a reply as its topic's answer (`accepted` = `true`), or unmarks it.
#[server(endpoint = "community/accept_answer")]
pub async fn accept_answer(topic: String, post: String, accepted: String, back: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        ssr::{authz, community::reactions, state::app_state},
    };
    let state = app_state()?;
    let back = super::local_path(&back);
    let accepted = accepted == "true";
    let result = async {
        reactions::set_accepted(&state, &authz::require_user()?, &topic, &post, accepted).await?;
        Ok(Done::to(back.clone(), if accepted { Notice::AnswerAccepted } else { Notice::AnswerCleared }))
    }
    .await;
    respond::form(&crate::components::form::form_key("accept_answer", Some(&post)), &back, &[], result)
}
