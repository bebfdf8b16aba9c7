use leptos::prelude::*;

use crate::domain::AppError;

/// A coordinator of a post's author's district stops the author writing in
/// the community for `days` (1, 7 or 30), saying why, or lets them write
/// again (`days` 0).
#[server(endpoint = "community/silence_author")]
pub async fn silence_author(post: String, back: String, days: String, reason: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::{Notice, Problem},
        ssr::{authz, community::moderation, error::ServiceError, state::app_state},
    };
    let state = app_state()?;
    let back = super::local_path(&back);
    let result = async {
        let days: u32 = days.parse().map_err(|_| ServiceError::field("days", Problem::ChoiceInvalid))?;
        moderation::silence_author(&state, &authz::require_user()?, &post, days, &reason).await?;
        Ok(Done::to(back.clone(), if days == 0 { Notice::MemberUnsilenced } else { Notice::MemberSilenced }))
    }
    .await;
    respond::form(&crate::components::form::form_key("silence_author", Some(&post)), &back, &[("reason", &reason)], result)
}
