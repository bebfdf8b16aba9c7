use leptos::prelude::*;

use crate::domain::{AppError, community::CategoryPage};

/// One page of a category's topics.
#[server(endpoint = "community/load_category")]
pub async fn load_category(slug: String, page: u64) -> Result<CategoryPage, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, community::read, state::app_state},
    };
    let state = app_state()?;
    respond::data(async { read::category_page(&state, &authz::require_user()?, &slug, page).await }.await)
}
