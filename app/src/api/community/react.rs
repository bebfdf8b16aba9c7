use leptos::prelude::*;

use crate::domain::AppError;

/// Adds or takes back a reaction to someone else's post. The post's one
/// form has a button per reaction; the pressed one sends `change`, as
/// `helpful:on` or `helpful:off`.
#[server(endpoint = "community/react")]
pub async fn react(post: String, back: String, change: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Problem,
        ssr::{authz, community::reactions, error::ServiceError, state::app_state},
    };
    let state = app_state()?;
    let back = super::local_path(&back);
    let result = async {
        let (reaction, on) = match change.split_once(':') {
            Some((reaction, "on")) => (reaction, true),
            Some((reaction, "off")) => (reaction, false),
            _ => return Err(ServiceError::field("change", Problem::ChoiceInvalid)),
        };
        reactions::react(&state, &authz::require_user()?, &post, reaction, on).await?;
        // Back to the post itself: the pressed button says it worked.
        Ok(Done { redirect: format!("{back}#post-{post}"), notice: None })
    }
    .await;
    // One's own post has no reaction buttons: the page says why instead.
    respond::form_unless_gone(&crate::components::form::form_key("react", Some(&post)), &back, Problem::OwnPost, result)
}
