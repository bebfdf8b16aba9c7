use leptos::prelude::*;

use crate::domain::{AppError, community::CategorySummary};

/// The categories the reader may take part in.
#[server(endpoint = "community/categories")]
pub async fn categories() -> Result<Vec<CategorySummary>, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, community::read, state::app_state},
    };
    let state = app_state()?;
    respond::data(async { read::categories(&state, &authz::require_user()?).await }.await)
}
