//! The training's reminders, sent by a background job:
//! - the day before a meeting, its cycle's enrolled learners: when, and
//!   where or the link to join (always: it is part of the cycle);
//! - a few days before an open cycle's enrolment closes with places left,
//!   the guardians who could still enrol and have not completed its course;
//! - a learner of a cycle under way who has read nothing and taken no quiz
//!   for fourteen days, at most once a fortnight.
//!
//! The last two only to members who keep the training's reminders on (their
//! profile's mail page). Each reminder is claimed by writing its mark first
//! (`reminded_at`, `closing_announced_at`, `nudged_at`), so two instances
//! never send it twice.

use std::collections::HashSet;

use sea_orm::{
    ColumnTrait as _, Condition, ConnectionTrait, EntityTrait as _, JoinType, QueryFilter as _, QuerySelect as _, RelationTrait as _,
    TransactionTrait as _, prelude::Uuid, sea_query::Expr,
};

use super::{district_of, news, progress, status_of};
use crate::{
    domain::{
        Role, UserStatus,
        cycles::{CycleStatus, EnrolmentStatus},
        rome_date,
    },
    ssr::{
        clock,
        entities::{certificate, cycle_session, enrolment, training_cycle, user, user_role},
        error::ServiceResult,
        state::AppState,
    },
};

/// How long before a meeting its learners are reminded.
pub const REMIND_BEFORE_SECONDS: i64 = clock::DAY;
/// How many days before enrolment closes the guardians who could enrol are told.
pub const CLOSING_NOTICE_DAYS: i64 = 3;
/// How long without reading or a quiz before a learner is reminded.
pub const IDLE_SECONDS: i64 = 14 * clock::DAY;

/// What one run sent: reminders about this many meetings, cycles closing
/// enrolment, and learners who left their course aside.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Sent {
    pub meetings: usize,
    pub closing: usize,
    pub idle: usize,
}

/// Sends every reminder due now.
pub async fn send_due(state: &AppState) -> ServiceResult<Sent> {
    Ok(Sent { meetings: meetings_due(state).await?, closing: closing_due(state).await?, idle: idle_due(state).await? })
}

/// The day-before reminders of the meetings starting within a day.
async fn meetings_due(state: &AppState) -> ServiceResult<usize> {
    let now = clock::now();
    let soon = cycle_session::Entity::find()
        .filter(cycle_session::Column::StartsAt.gt(now))
        .filter(cycle_session::Column::StartsAt.lte(now + REMIND_BEFORE_SECONDS))
        .filter(cycle_session::Column::RemindedAt.is_null())
        .all(&state.db)
        .await?;
    let mut told = 0;
    for session in soon {
        let txn = state.db.begin().await?;
        let claimed = cycle_session::Entity::update_many()
            .col_expr(cycle_session::Column::RemindedAt, Expr::value(now))
            .filter(cycle_session::Column::Id.eq(session.id))
            .filter(cycle_session::Column::RemindedAt.is_null())
            .exec(&txn)
            .await?;
        let cycle = training_cycle::Entity::find_by_id(session.cycle_id).one(&txn).await?;
        if let Some(cycle) =
            cycle.filter(|c| claimed.rows_affected == 1 && matches!(status_of(c), CycleStatus::Open | CycleStatus::Running))
        {
            news::session_soon(&txn, state, &cycle, &session).await?;
            told += 1;
        }
        txn.commit().await?;
    }
    Ok(told)
}

/// Announces the open cycles whose enrolment closes within
/// `CLOSING_NOTICE_DAYS` and still has places; returns how many.
async fn closing_due(state: &AppState) -> ServiceResult<usize> {
    let now = clock::now();
    let (today, horizon) = (rome_date(now), rome_date(now + CLOSING_NOTICE_DAYS * clock::DAY));
    let closing = training_cycle::Entity::find()
        .filter(training_cycle::Column::Status.eq(CycleStatus::Open.code()))
        .filter(training_cycle::Column::EnrolFrom.lte(today.as_str()))
        .filter(training_cycle::Column::EnrolUntil.gte(today.as_str()))
        .filter(training_cycle::Column::EnrolUntil.lte(horizon.as_str()))
        .filter(training_cycle::Column::ClosingAnnouncedAt.is_null())
        .all(&state.db)
        .await?;
    let mut told = 0;
    for cycle in closing {
        let txn = state.db.begin().await?;
        let claimed = training_cycle::Entity::update_many()
            .col_expr(training_cycle::Column::ClosingAnnouncedAt, Expr::value(now))
            .filter(training_cycle::Column::Id.eq(cycle.id))
            .filter(training_cycle::Column::ClosingAnnouncedAt.is_null())
            .exec(&txn)
            .await?;
        let enrolled = super::count_in(&txn, cycle.id, EnrolmentStatus::Enrolled).await?;
        if claimed.rows_affected == 1 && enrolled < u64::try_from(cycle.capacity).unwrap_or(0) {
            let recipients = could_enrol(&txn, &cycle).await?;
            news::enrolment_closing(&txn, state, &cycle, &recipients).await?;
            told += 1;
        }
        txn.commit().await?;
    }
    Ok(told)
}

/// The active guardians who may enrol in `cycle`, keep the reminders on,
/// are not on its lists and hold no certificate of its course.
async fn could_enrol(db: &impl ConnectionTrait, cycle: &training_cycle::Model) -> ServiceResult<Vec<user::Model>> {
    let mut guardians = user::Entity::find()
        .join(JoinType::InnerJoin, user::Relation::UserRole.def())
        .filter(user_role::Column::Role.eq(Role::Guardian.code()))
        .filter(user::Column::Status.eq(UserStatus::Active.code()))
        .filter(user::Column::TrainingReminders.eq(true));
    if !cycle.open_to_all_districts {
        guardians = guardians.filter(user_role::Column::District.eq(district_of(cycle).code()));
    }
    let guardians = guardians.distinct().all(db).await?;
    let listed: HashSet<Uuid> = enrolment::Entity::find()
        .select_only()
        .column(enrolment::Column::UserId)
        .filter(enrolment::Column::CycleId.eq(cycle.id))
        .into_tuple::<Uuid>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let same_course: Vec<Uuid> = training_cycle::Entity::find()
        .select_only()
        .column(training_cycle::Column::Id)
        .filter(training_cycle::Column::CourseId.eq(cycle.course_id))
        .into_tuple()
        .all(db)
        .await?;
    let certified: HashSet<Uuid> = certificate::Entity::find()
        .select_only()
        .column(certificate::Column::UserId)
        .filter(certificate::Column::CycleId.is_in(same_course))
        .filter(certificate::Column::RevokedAt.is_null())
        .into_tuple::<Uuid>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(guardians.into_iter().filter(|g| !listed.contains(&g.id) && !certified.contains(&g.id)).collect())
}

/// Reminds the learners of cycles under way who have done nothing on their
/// course for `IDLE_SECONDS`; returns how many were reminded.
async fn idle_due(state: &AppState) -> ServiceResult<usize> {
    let now = clock::now();
    let today = rome_date(now);
    let since = now - IDLE_SECONDS;
    let under_way = training_cycle::Entity::find()
        .filter(training_cycle::Column::Status.is_in([CycleStatus::Open.code(), CycleStatus::Running.code()]))
        .filter(training_cycle::Column::StartsOn.lte(today.as_str()))
        .filter(training_cycle::Column::EndsOn.gte(today.as_str()))
        .all(&state.db)
        .await?;
    let mut told = 0;
    for cycle in under_way {
        // Enrolled a fortnight ago at least, and not reminded in the last one.
        let candidates: Vec<(Uuid, Uuid)> = enrolment::Entity::find()
            .select_only()
            .columns([enrolment::Column::Id, enrolment::Column::UserId])
            .join(JoinType::InnerJoin, enrolment::Relation::User.def())
            .filter(enrolment::Column::CycleId.eq(cycle.id))
            .filter(enrolment::Column::Status.eq(EnrolmentStatus::Enrolled.code()))
            .filter(enrolment::Column::QueuedAt.lte(since))
            .filter(Condition::any().add(enrolment::Column::NudgedAt.is_null()).add(enrolment::Column::NudgedAt.lte(since)))
            .filter(user::Column::Status.eq(UserStatus::Active.code()))
            .filter(user::Column::TrainingReminders.eq(true))
            .into_tuple()
            .all(&state.db)
            .await?;
        if candidates.is_empty() {
            continue;
        }
        let learners: Vec<Uuid> = candidates.iter().map(|(_, learner)| *learner).collect();
        let needed = progress::requirements(&state.db, &cycle).await?;
        let last = progress::last_activity(&state.db, &needed, &learners).await?;
        let progress = progress::of(&state.db, &needed, &learners).await?;
        for (enrolment_id, learner) in candidates {
            let idle = last.get(&learner).is_none_or(|at| *at <= since);
            // Only what the learner does alone: attendance is the meetings'.
            let left = progress.get(&learner).map(|p| ((p.lessons - p.lessons_read).max(0), (p.quizzes - p.quizzes_passed).max(0)));
            let Some((lessons_left, quizzes_left)) = left.filter(|&(l, q)| l > 0 || q > 0) else { continue };
            if !idle {
                continue;
            }
            let txn = state.db.begin().await?;
            let claimed = enrolment::Entity::update_many()
                .col_expr(enrolment::Column::NudgedAt, Expr::value(now))
                .filter(enrolment::Column::Id.eq(enrolment_id))
                .filter(Condition::any().add(enrolment::Column::NudgedAt.is_null()).add(enrolment::Column::NudgedAt.lte(since)))
                .exec(&txn)
                .await?;
            if claimed.rows_affected == 1 {
                news::course_left_aside(&txn, state, &cycle, learner, lessons_left, quizzes_left).await?;
                told += 1;
            }
            txn.commit().await?;
        }
    }
    Ok(told)
}
