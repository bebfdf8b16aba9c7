use leptos::prelude::*;

use crate::domain::AppError;

/// Its author deletes a post; its place in the topic stays, marked as removed.
#[server(endpoint = "community/delete_post")]
pub async fn delete_post(post: String, back: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        components::form::form_key,
        domain::Notice,
        ssr::{authz, community::write, state::app_state},
    };
    let state = app_state()?;
    let back = super::local_path(&back);
    let result = async {
        write::delete_own(&state, &authz::require_user()?, &post).await?;
        Ok(Done::to(back.clone(), Notice::PostDeleted))
    }
    .await;
    respond::form(&form_key("delete_post", Some(&post)), &back, &[], result)
}
