//! People as pages name them.

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait as _, ConnectionTrait, EntityTrait as _, JoinType, QueryFilter as _, QueryOrder as _, QuerySelect as _, RelationTrait as _,
    prelude::Uuid,
};

use super::{
    entities::{user, user_role},
    error::ServiceResult,
};
use crate::domain::{District, Role};

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

/// The holders of `role` in `districts` by name, once per district they
/// hold it in: (id, name, district).
pub async fn holders(db: &impl ConnectionTrait, role: Role, districts: &[District]) -> ServiceResult<Vec<(Uuid, String, District)>> {
    let rows: Vec<(Uuid, String, String)> = user::Entity::find()
        .select_only()
        .columns([user::Column::Id, user::Column::Name])
        .column(user_role::Column::District)
        .join(JoinType::InnerJoin, user::Relation::UserRole.def())
        .filter(user_role::Column::Role.eq(role.code()))
        .filter(user_role::Column::District.is_in(districts.iter().map(|d| d.code())))
        .order_by_asc(user::Column::Name)
        .order_by_asc(user::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(|(id, name, district)| Some((id, name, District::from_code(&district)?))).collect())
}
