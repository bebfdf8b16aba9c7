use leptos::prelude::*;

use crate::domain::AppError;

/// A moderator shows a hidden post again.
#[server(endpoint = "community/restore_post")]
pub async fn restore_post(post: String, back: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        ssr::{authz, community::moderation, state::app_state},
    };
    let state = app_state()?;
    let back = super::local_path(&back);
    let result = async {
        moderation::restore(&state, &authz::require_user()?, &post).await?;
        Ok(Done::to(back.clone(), Notice::PostRestored))
    }
    .await;
    respond::form(&crate::components::form::form_key("restore_post", Some(&post)), &back, &[], result)
}
