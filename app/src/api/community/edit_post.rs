use leptos::prelude::*;

use crate::domain::AppError;

/// Replaces a post's text: its author within the edit window, or a
/// moderator. With `preview`, shows the new text rendered instead.
#[server(endpoint = "community/edit_post")]
pub async fn edit_post(
    post: String,
    back: String,
    body: String,
    privacy_confirmed: Option<String>,
    preview: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        api::respond,
        components::form::form_key,
        domain::{Notice, Problem},
        ssr::{
            authz,
            community::write::{self, Submission},
            state::app_state,
        },
    };
    let state = app_state()?;
    let back = super::local_path(&back);
    let result = async {
        let submission = Submission { title: "", body: &body, privacy_confirmed: privacy_confirmed.is_some(), preview: preview.is_some() };
        let outcome = write::edit(&state, &authz::require_user()?, &post, &submission).await?;
        Ok(super::after_post(outcome, Notice::PostEdited, &back, &format!("post-{post}")))
    }
    .await;
    respond::form_unless_gone(&form_key("edit_post", Some(&post)), &format!("{back}#post-{post}"), Problem::EditWindowOver, result)
}
