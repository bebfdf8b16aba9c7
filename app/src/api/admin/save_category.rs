// One argument per field of the category form, here and in the browser's stub.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::domain::AppError;

/// Creates a community category (`existing` empty, with its `slug`) or
/// changes the category `existing`.
#[server(endpoint = "admin/save_category")]
pub async fn save_category(
    existing: String,
    slug: Option<String>,
    name_it: String,
    name_en: String,
    description_it: String,
    description_en: String,
    district: String,
    role: String,
    position: String,
    approve_first_posts: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        components::form::form_key,
        domain::Notice,
        routes::paths,
        ssr::{
            authz,
            community::categories::{self, CategoryInput},
            state::app_state,
        },
    };
    let state = app_state()?;
    let slug = slug.unwrap_or_default();
    let approve_first_posts = approve_first_posts.unwrap_or_default();
    let input = CategoryInput {
        slug: &slug,
        name_it: &name_it,
        name_en: &name_en,
        description_it: &description_it,
        description_en: &description_en,
        district: &district,
        role: &role,
        position: &position,
        approve_first_posts: &approve_first_posts,
    };
    let existing = (!existing.is_empty()).then_some(existing.as_str());
    let result = async {
        categories::save(&state, &authz::require_coordinator()?, existing, &input).await?;
        Ok(Done::to(paths::ADMIN_CATEGORIES, Notice::CategorySaved))
    }
    .await;
    let values = [
        ("slug", slug.as_str()),
        ("name_it", name_it.as_str()),
        ("name_en", name_en.as_str()),
        ("description_it", description_it.as_str()),
        ("description_en", description_en.as_str()),
        ("district", district.as_str()),
        ("role", role.as_str()),
        ("position", position.as_str()),
        ("approve_first_posts", approve_first_posts.as_str()),
    ];
    respond::form(&form_key("save_category", existing), paths::ADMIN_CATEGORIES, &values, result)
}
