//! The attendance register: the cycle's staff mark each enrolled learner present, absent
//! or justified per session, one by one or all present at once, from a
//! phone; learners see their own marks on the cycle's page. Each sheet
//! saved is audited.

use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, JoinType, QueryFilter as _, QueryOrder as _, QuerySelect as _,
    RelationTrait as _, TransactionTrait as _, prelude::Uuid, sea_query::OnConflict,
};

use super::{certificates, district_of, load_for_staff, session_views, status_of};
use crate::{
    domain::{
        Problem, SessionUser,
        cycles::{AttendanceMark, AttendanceRow, AttendanceSheet, EnrolmentStatus},
    },
    i18n::Locale,
    ssr::{
        audit::{self, AuditRecord},
        authz::account_id,
        clock,
        entities::{attendance, cycle_session, enrolment, training_cycle, user},
        error::{ServiceError, ServiceResult},
        state::AppState,
        training::parse_id,
    },
};

/// The cycle `id` and its session `session`, for its staff.
async fn session_of(
    db: &impl ConnectionTrait,
    reader: &SessionUser,
    id: &str,
    session: &str,
) -> ServiceResult<(training_cycle::Model, cycle_session::Model)> {
    let cycle = load_for_staff(db, reader, id).await?;
    let session = cycle_session::Entity::find_by_id(parse_id(session)?)
        .filter(cycle_session::Column::CycleId.eq(cycle.id))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    Ok((cycle, session))
}

/// The enrolled learners of `cycle` by name: (id, name).
async fn enrolled(db: &impl ConnectionTrait, cycle: Uuid) -> ServiceResult<Vec<(Uuid, String)>> {
    Ok(enrolment::Entity::find()
        .select_only()
        .column(enrolment::Column::UserId)
        .column(user::Column::Name)
        .join(JoinType::InnerJoin, enrolment::Relation::User.def())
        .filter(enrolment::Column::CycleId.eq(cycle))
        .filter(enrolment::Column::Status.eq(EnrolmentStatus::Enrolled.code()))
        .order_by_asc(user::Column::Name)
        .order_by_asc(enrolment::Column::UserId)
        .into_tuple()
        .all(db)
        .await?)
}

/// The attendance sheet of a session.
pub async fn sheet(state: &AppState, reader: &SessionUser, locale: Locale, id: &str, session: &str) -> ServiceResult<AttendanceSheet> {
    let db = &state.db;
    let (cycle, session) = session_of(db, reader, id, session).await?;
    let marks: Vec<attendance::Model> = attendance::Entity::find().filter(attendance::Column::SessionId.eq(session.id)).all(db).await?;
    let rows = enrolled(db, cycle.id)
        .await?
        .into_iter()
        .map(|(learner, name)| AttendanceRow {
            user_id: learner.to_string(),
            name,
            mark: marks.iter().find(|m| m.user_id == learner).and_then(|m| AttendanceMark::from_code(&m.mark)),
        })
        .collect();
    let view = session_views(db, cycle.id, true, locale, None)
        .await?
        .into_iter()
        .find(|s| s.id == session.id.to_string())
        .ok_or(ServiceError::NotFound)?;
    Ok(AttendanceSheet { cycle_id: cycle.id.to_string(), cycle_title: cycle.title, session: view, rows })
}

/// Records `marks` (each `learner:mark`) for a session; with `all_present`,
/// every enrolled learner is marked present instead. Marks for anyone not
/// enrolled are refused.
pub async fn mark(
    state: &AppState,
    reader: &SessionUser,
    id: &str,
    session: &str,
    marks: &[String],
    all_present: bool,
) -> ServiceResult<()> {
    let actor = account_id(reader)?;
    let (cycle, session) = session_of(&state.db, reader, id, session).await?;
    if !status_of(&cycle).is_live() {
        return Err(ServiceError::Refused(Problem::NotNow));
    }
    let learners: Vec<Uuid> = enrolled(&state.db, cycle.id).await?.into_iter().map(|(learner, _)| learner).collect();
    let chosen: Vec<(Uuid, AttendanceMark)> = if all_present {
        learners.iter().map(|&learner| (learner, AttendanceMark::Present)).collect()
    } else {
        let mut chosen = Vec::new();
        for value in marks {
            let parsed = value
                .split_once(':')
                .and_then(|(learner, mark)| Some((Uuid::parse_str(learner).ok()?, AttendanceMark::from_code(mark)?)))
                .filter(|(learner, _)| learners.contains(learner));
            chosen.push(parsed.ok_or(ServiceError::field("marks", Problem::ChoiceInvalid))?);
        }
        chosen
    };
    if chosen.is_empty() {
        return Err(ServiceError::field("marks", Problem::Required));
    }
    let now = clock::now();
    let txn = state.db.begin().await?;
    attendance::Entity::insert_many(chosen.iter().map(|&(learner, mark)| attendance::ActiveModel {
        session_id: Set(session.id),
        user_id: Set(learner),
        mark: Set(mark.code().to_owned()),
        marked_by: Set(Some(actor)),
        marked_at: Set(now),
    }))
    .on_conflict(
        OnConflict::columns([attendance::Column::SessionId, attendance::Column::UserId])
            .update_columns([attendance::Column::Mark, attendance::Column::MarkedBy, attendance::Column::MarkedAt])
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    let present = chosen.iter().filter(|(_, mark)| *mark == AttendanceMark::Present).count();
    audit::record(
        &txn,
        AuditRecord {
            actor: Some(actor),
            action: "cycle.attendance",
            subject_kind: "training_cycle",
            subject_id: cycle.id.to_string(),
            detail: format!("session {}: {present} present of {} marked", session.id, chosen.len()),
            district: Some(district_of(&cycle)),
        },
    )
    .await?;
    certificates::settle(&txn, state, &cycle, &learners).await?;
    txn.commit().await?;
    Ok(())
}
