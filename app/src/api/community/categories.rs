use leptos::prelude::*;

use crate::domain::{AppError, community::CommunityIndex};

/// The categories the reader may take part in, and whether they moderate any.
#[server(endpoint = "community/categories")]
pub async fn categories() -> Result<CommunityIndex, AppError> {
    use crate::{
        api::respond,
        ssr::{
            authz,
            community::{moderation, read},
            state::app_state,
        },
    };
    let state = app_state()?;
    respond::data(
        async {
            let reader = authz::require_user()?;
            let categories = read::categories(&state, &reader).await?;
            Ok(CommunityIndex { categories, moderates: moderation::moderates_anything(&state, &reader).await? })
        }
        .await,
    )
}
