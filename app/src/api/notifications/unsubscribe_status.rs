use leptos::prelude::*;

use crate::domain::{AppError, notifications::UnsubscribeLink};

/// What the unsubscribe link `token` would do now. No sign-in: the link
/// signed by the server is the proof.
#[server(endpoint = "notifications/unsubscribe_status")]
pub async fn unsubscribe_status(token: String) -> Result<UnsubscribeLink, AppError> {
    use crate::{
        api::respond,
        ssr::{notifications::unsubscribe, state::app_state},
    };
    let state = app_state()?;
    respond::data(unsubscribe::status(&state, &token).await)
}
