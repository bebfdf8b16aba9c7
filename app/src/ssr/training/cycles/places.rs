//! Places in a cycle. A guardian enrols within the window and gets a place
//! while one is free, or a place on the waiting list; a place freed (a
//! withdrawal, a removal, more places) goes to the first who waits, who is
//! told by mail. Trainers and coordinators add and remove learners, audited.
//!
//! Every change first writes the cycle's row: on PostgreSQL that holds the
//! row until the transaction ends, on SQLite it takes the database's write
//! lock, so two enrolments at once are counted one after the other and the
//! capacity holds.

use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseTransaction, EntityTrait as _, QueryFilter as _, QueryOrder as _,
    QuerySelect as _, TransactionTrait as _, prelude::Uuid, sea_query::Expr,
};

use super::{count_in, district_of, enrolling_now, load_for_staff, may_enrol, news, status_of};
use crate::{
    domain::{
        Email, Problem, SessionUser,
        cycles::{CycleStatus, EnrolmentStatus},
    },
    ssr::{
        audit::{self, AuditRecord},
        authz::account_id,
        clock,
        entities::{enrolment, training_cycle, user},
        error::{ServiceError, ServiceResult},
        state::AppState,
        training::parse_id,
    },
};

/// Holds the cycle against other changes to its places (see the module's
/// comment) and reads it as it now is.
async fn hold(txn: &DatabaseTransaction, cycle: Uuid) -> ServiceResult<training_cycle::Model> {
    training_cycle::Entity::update_many()
        .col_expr(training_cycle::Column::UpdatedAt, Expr::col(training_cycle::Column::UpdatedAt))
        .filter(training_cycle::Column::Id.eq(cycle))
        .exec(txn)
        .await?;
    training_cycle::Entity::find_by_id(cycle).one(txn).await?.ok_or(ServiceError::NotFound)
}

async fn enrolment_of(db: &impl ConnectionTrait, cycle: Uuid, learner: Uuid) -> ServiceResult<Option<enrolment::Model>> {
    Ok(enrolment::Entity::find().filter(enrolment::Column::CycleId.eq(cycle)).filter(enrolment::Column::UserId.eq(learner)).one(db).await?)
}

/// Gives `learner` a place in the held `cycle`, or one on its waiting list.
async fn place(txn: &DatabaseTransaction, cycle: &training_cycle::Model, learner: Uuid) -> ServiceResult<EnrolmentStatus> {
    let existing = enrolment_of(txn, cycle.id, learner).await?;
    if existing.as_ref().and_then(|e| EnrolmentStatus::from_code(&e.status)).is_some_and(EnrolmentStatus::is_active) {
        return Err(ServiceError::Refused(Problem::AlreadyEnrolled));
    }
    let enrolled = count_in(txn, cycle.id, EnrolmentStatus::Enrolled).await?;
    let status = if enrolled < u64::try_from(cycle.capacity).unwrap_or(0) { EnrolmentStatus::Enrolled } else { EnrolmentStatus::Waiting };
    let now = clock::now();
    let row = enrolment::ActiveModel {
        id: Set(existing.as_ref().map_or_else(Uuid::new_v4, |e| e.id)),
        cycle_id: Set(cycle.id),
        user_id: Set(learner),
        status: Set(status.code().to_owned()),
        queued_at: Set(now),
        updated_at: Set(now),
        nudged_at: Set(None),
    };
    if existing.is_some() {
        enrolment::Entity::update(row).exec(txn).await?;
    } else {
        enrolment::Entity::insert(row).exec_without_returning(txn).await?;
    }
    Ok(status)
}

/// Moves the first who wait into the places free in `cycle` (of
/// `capacity`); returns who moved up.
pub(super) async fn fill_places(txn: &DatabaseTransaction, cycle: Uuid, capacity: i32) -> ServiceResult<Vec<Uuid>> {
    let enrolled = count_in(txn, cycle, EnrolmentStatus::Enrolled).await?;
    let free = u64::try_from(capacity).unwrap_or(0).saturating_sub(enrolled);
    if free == 0 {
        return Ok(Vec::new());
    }
    let first: Vec<(Uuid, Uuid)> = enrolment::Entity::find()
        .select_only()
        .columns([enrolment::Column::Id, enrolment::Column::UserId])
        .filter(enrolment::Column::CycleId.eq(cycle))
        .filter(enrolment::Column::Status.eq(EnrolmentStatus::Waiting.code()))
        .order_by_asc(enrolment::Column::QueuedAt)
        .order_by_asc(enrolment::Column::Id)
        .limit(free)
        .into_tuple()
        .all(txn)
        .await?;
    let now = clock::now();
    enrolment::Entity::update_many()
        .col_expr(enrolment::Column::Status, Expr::value(EnrolmentStatus::Enrolled.code()))
        .col_expr(enrolment::Column::QueuedAt, Expr::value(now))
        .col_expr(enrolment::Column::UpdatedAt, Expr::value(now))
        .filter(enrolment::Column::Id.is_in(first.iter().map(|(id, _)| *id)))
        .exec(txn)
        .await?;
    Ok(first.into_iter().map(|(_, learner)| learner).collect())
}

/// Takes `learner` out of the held `cycle` as `to` (withdrawn or removed)
/// and gives a place freed to the first who waits.
async fn take_out(
    txn: &DatabaseTransaction,
    state: &AppState,
    cycle: &training_cycle::Model,
    learner: Uuid,
    to: EnrolmentStatus,
) -> ServiceResult<()> {
    let existing = enrolment_of(txn, cycle.id, learner).await?;
    let Some(existing) = existing.filter(|e| EnrolmentStatus::from_code(&e.status).is_some_and(EnrolmentStatus::is_active)) else {
        return Err(ServiceError::Refused(Problem::NotNow));
    };
    enrolment::Entity::update_many()
        .col_expr(enrolment::Column::Status, Expr::value(to.code()))
        .col_expr(enrolment::Column::UpdatedAt, Expr::value(clock::now()))
        .filter(enrolment::Column::Id.eq(existing.id))
        .exec(txn)
        .await?;
    let promoted = fill_places(txn, cycle.id, cycle.capacity).await?;
    news::promoted(txn, state, cycle, &promoted).await
}

/// The reader enrols in the cycle `id`, or joins its waiting list.
pub async fn enrol(state: &AppState, reader: &SessionUser, id: &str) -> ServiceResult<EnrolmentStatus> {
    let learner = account_id(reader)?;
    let txn = state.db.begin().await?;
    let cycle = hold(&txn, parse_id(id)?).await?;
    if !may_enrol(reader, &cycle) || status_of(&cycle) == CycleStatus::Draft {
        return Err(ServiceError::NotFound);
    }
    if !enrolling_now(&cycle) {
        return Err(ServiceError::Refused(Problem::NotNow));
    }
    let status = place(&txn, &cycle, learner).await?;
    news::placed(&txn, state, &cycle, learner, status).await?;
    txn.commit().await?;
    Ok(status)
}

/// The reader leaves the cycle `id`, or its waiting list.
pub async fn withdraw(state: &AppState, reader: &SessionUser, id: &str) -> ServiceResult<()> {
    let learner = account_id(reader)?;
    let txn = state.db.begin().await?;
    let cycle = hold(&txn, parse_id(id)?).await?;
    if !status_of(&cycle).is_live() {
        return Err(ServiceError::Refused(Problem::NotNow));
    }
    take_out(&txn, state, &cycle, learner, EnrolmentStatus::Withdrawn).await?;
    txn.commit().await?;
    Ok(())
}

fn audit_entry<'a>(actor: Uuid, action: &'a str, cycle: &training_cycle::Model, learner: Uuid, detail: String) -> AuditRecord<'a> {
    AuditRecord {
        actor: Some(actor),
        action,
        subject_kind: "training_cycle",
        subject_id: cycle.id.to_string(),
        detail: format!("{learner}: {detail}"),
        district: Some(district_of(cycle)),
    }
}

/// A trainer or coordinator enrols the account with address `email`,
/// whatever the window and their district; the capacity still holds.
pub async fn add(state: &AppState, reader: &SessionUser, id: &str, email: &str) -> ServiceResult<EnrolmentStatus> {
    let actor = account_id(reader)?;
    let cycle = load_for_staff(&state.db, reader, id).await?;
    let email = Email::parse(email).map_err(|problem| ServiceError::field("email", problem))?;
    let learner = user::Entity::find()
        .filter(user::Column::Email.eq(email.as_str()))
        .one(&state.db)
        .await?
        .ok_or(ServiceError::field("email", Problem::MemberUnknown))?;
    let txn = state.db.begin().await?;
    let cycle = hold(&txn, cycle.id).await?;
    if !status_of(&cycle).is_live() {
        return Err(ServiceError::Refused(Problem::NotNow));
    }
    let status = place(&txn, &cycle, learner.id).await?;
    news::placed(&txn, state, &cycle, learner.id, status).await?;
    audit::record(&txn, audit_entry(actor, "cycle.learner_add", &cycle, learner.id, status.code().to_owned())).await?;
    txn.commit().await?;
    Ok(status)
}

/// A trainer or coordinator takes a learner off the cycle or its waiting
/// list; the learner is told.
pub async fn remove(state: &AppState, reader: &SessionUser, id: &str, learner: &str) -> ServiceResult<()> {
    let actor = account_id(reader)?;
    let cycle = load_for_staff(&state.db, reader, id).await?;
    let learner = parse_id(learner)?;
    let txn = state.db.begin().await?;
    let cycle = hold(&txn, cycle.id).await?;
    if !status_of(&cycle).is_live() {
        return Err(ServiceError::Refused(Problem::NotNow));
    }
    take_out(&txn, state, &cycle, learner, EnrolmentStatus::Removed).await?;
    news::removed(&txn, state, &cycle, learner).await?;
    audit::record(&txn, audit_entry(actor, "cycle.learner_remove", &cycle, learner, EnrolmentStatus::Removed.code().to_owned())).await?;
    txn.commit().await?;
    Ok(())
}
