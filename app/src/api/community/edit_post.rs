use leptos::prelude::*;

use crate::domain::AppError;

/// Replaces a post's text: its author within the edit window, or a moderator.
#[server(endpoint = "community/edit_post")]
pub async fn edit_post(post: String, back: String, body: String, privacy_confirmed: Option<String>) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        components::form::form_key,
        domain::{Flash, Notice, Problem},
        ssr::{
            authz,
            community::write::{self, Submission},
            error::ServiceError,
            flash,
            request::is_plain_form_post,
            state::app_state,
        },
    };
    let state = app_state()?;
    let back = super::local_path(&back);
    let result = async {
        let submission = Submission { title: "", body: &body, privacy_confirmed: privacy_confirmed.is_some() };
        write::edit(&state, &authz::require_user()?, &post, &submission).await?;
        Ok(Done::to(format!("{back}#post-{post}"), Notice::PostEdited))
    }
    .await;
    let at_post = format!("{back}#post-{post}");
    // Past the window the edit form is gone: the page says why instead.
    if matches!(result, Err(ServiceError::Refused(Problem::EditWindowOver))) && is_plain_form_post() {
        flash::put(&state, &Flash::Problem(Problem::EditWindowOver));
        leptos_axum::redirect(&at_post);
        return Ok(());
    }
    respond::form(&form_key("edit_post", Some(&post)), &at_post, &[], result)
}
