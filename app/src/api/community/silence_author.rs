use leptos::prelude::*;

use crate::domain::AppError;

/// A coordinator of a post's author's district stops the author writing in
/// the community for `days` (1, 7 or 30), saying why, or lets them write
/// again (`days` 0).
#[server(endpoint = "community/silence_author")]
pub async fn silence_author(post: String, back: String, days: String, reason: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::{Notice, Problem, community::SilencePeriod},
        ssr::{authz, community::moderation, error::ServiceError, state::app_state},
    };
    let state = app_state()?;
    let back = super::local_path(&back);
    let result = async {
        // 0 lets the author write again.
        let period = match days.parse::<u32>() {
            Ok(0) => None,
            parsed => Some(parsed.ok().and_then(SilencePeriod::from_days).ok_or(ServiceError::field("days", Problem::ChoiceInvalid))?),
        };
        moderation::silence_author(&state, &authz::require_user()?, &post, period, &reason).await?;
        Ok(Done::to(back.clone(), if period.is_some() { Notice::MemberSilenced } else { Notice::MemberUnsilenced }))
    }
    .await;
    respond::form(&crate::components::form::form_key("silence_author", Some(&post)), &back, &[("reason", &reason)], result)
}
