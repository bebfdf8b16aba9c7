use leptos::prelude::*;

use crate::domain::AppError;

/// Sets how closely the reader follows a category (`place` "category:<slug>")
/// or a topic ("topic:<id>"): watching, following (categories), normal or muted.
#[server(endpoint = "community/set_watch")]
pub async fn set_watch(place: String, level: String, back: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        ssr::{authz, community::notify, state::app_state},
    };
    let state = app_state()?;
    let back = super::local_path(&back);
    let result = async {
        notify::set_watch(&state, &authz::require_user()?, &place, &level).await?;
        Ok(Done::to(back.clone(), Notice::WatchSaved))
    }
    .await;
    respond::form("set_watch", &back, &[], result)
}
