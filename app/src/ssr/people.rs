//! People as pages name them.

use std::collections::HashMap;

use sea_orm::{ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QuerySelect as _, prelude::Uuid};

use super::{entities::user, error::ServiceResult};

/// The names of the accounts `ids`; a deleted account has none.
pub async fn names(db: &impl ConnectionTrait, ids: impl Iterator<Item = Option<Uuid>>) -> ServiceResult<HashMap<Uuid, String>> {
    let mut ids: Vec<Uuid> = ids.flatten().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(Uuid, String)> = user::Entity::find()
        .select_only()
        .columns([user::Column::Id, user::Column::Name])
        .filter(user::Column::Id.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}
