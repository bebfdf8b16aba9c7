//! Round-robin, for the districts configured so (`round_robin_districts`):
//! a new request goes straight to the district's jurist whose last one in
//! turn is the oldest (one never given any first), among those who take
//! requests in turn; a jurist away says so on the queue page.

use sea_orm::{
    ActiveValue::Set,
    ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QuerySelect as _, RelationTrait as _,
    prelude::Uuid,
    sea_query::{JoinType, OnConflict},
};

use crate::{
    domain::{District, Role, SessionUser, UserStatus},
    ssr::{
        authz::account_id,
        clock,
        entities::{jurist_availability, user, user_role},
        error::{ServiceError, ServiceResult},
        state::AppState,
    },
};

/// The jurist whose turn it is in `district`: (id, name), or none when no
/// jurist takes requests in turn.
pub async fn next_jurist(db: &impl ConnectionTrait, district: District) -> ServiceResult<Option<(Uuid, String)>> {
    let jurists: Vec<(Uuid, String)> = user::Entity::find()
        .select_only()
        .columns([user::Column::Id, user::Column::Name])
        .join(JoinType::InnerJoin, user::Relation::UserRole.def())
        .filter(user_role::Column::Role.eq(Role::Jurist.code()))
        .filter(user_role::Column::District.eq(district.code()))
        .filter(user::Column::Status.eq(UserStatus::Active.code()))
        .into_tuple()
        .all(db)
        .await?;
    let turns = jurist_availability::Entity::find()
        .filter(jurist_availability::Column::District.eq(district.code()))
        .filter(jurist_availability::Column::UserId.is_in(jurists.iter().map(|(id, _)| *id)))
        .all(db)
        .await?;
    let turn_of = |id: Uuid| turns.iter().find(|turn| turn.user_id == id);
    Ok(jurists
        .into_iter()
        .filter(|(id, _)| turn_of(*id).is_none_or(|turn| turn.available))
        .min_by_key(|(id, _)| (turn_of(*id).and_then(|turn| turn.last_assigned_at).unwrap_or(i64::MIN), *id)))
}

/// Records that `jurist` was just given a request of `district` in turn.
/// The mark is the time, or one past the district's latest mark when two
/// requests come within the same second: turns never tie.
pub async fn given(db: &impl ConnectionTrait, jurist: Uuid, district: District) -> ServiceResult<()> {
    let latest: Option<Option<i64>> = jurist_availability::Entity::find()
        .select_only()
        .column_as(jurist_availability::Column::LastAssignedAt.max(), "latest")
        .filter(jurist_availability::Column::District.eq(district.code()))
        .into_tuple()
        .one(db)
        .await?;
    let mark = latest.flatten().map_or(clock::now(), |latest| clock::now().max(latest + 1));
    jurist_availability::Entity::insert(jurist_availability::ActiveModel {
        user_id: Set(jurist),
        district: Set(district.code().to_owned()),
        available: Set(true),
        last_assigned_at: Set(Some(mark)),
    })
    .on_conflict(
        OnConflict::columns([jurist_availability::Column::UserId, jurist_availability::Column::District])
            .update_column(jurist_availability::Column::LastAssignedAt)
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The districts the reader takes requests in turn in, and whether they do now.
pub async fn turns(state: &AppState, reader: &SessionUser) -> ServiceResult<Vec<(District, bool)>> {
    let districts: Vec<District> = state.settings.round_robin.iter().copied().filter(|&d| reader.has_role_in(Role::Jurist, d)).collect();
    if districts.is_empty() {
        return Ok(Vec::new());
    }
    let rows =
        jurist_availability::Entity::find().filter(jurist_availability::Column::UserId.eq(account_id(reader)?)).all(&state.db).await?;
    Ok(districts
        .into_iter()
        .map(|district| (district, rows.iter().find(|row| row.district == district.code()).is_none_or(|row| row.available)))
        .collect())
}

/// A jurist says whether they take `district`'s new requests in turn.
pub async fn set_available(state: &AppState, reader: &SessionUser, district: &str, available: bool) -> ServiceResult<()> {
    let district = District::from_code(district).filter(|&d| reader.has_role_in(Role::Jurist, d)).ok_or(ServiceError::Forbidden)?;
    jurist_availability::Entity::insert(jurist_availability::ActiveModel {
        user_id: Set(account_id(reader)?),
        district: Set(district.code().to_owned()),
        available: Set(available),
        last_assigned_at: Set(None),
    })
    .on_conflict(
        OnConflict::columns([jurist_availability::Column::UserId, jurist_availability::Column::District])
            .update_column(jurist_availability::Column::Available)
            .to_owned(),
    )
    .exec_without_returning(&state.db)
    .await?;
    Ok(())
}
