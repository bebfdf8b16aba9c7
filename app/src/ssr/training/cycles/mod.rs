//! Training cycles: a course run in one district. Its district's trainers
//! and coordinators create and run it (`editing`, `sessions`); guardians
//! enrol within its window, or wait for a place (`places`), and are told
//! by mail (`news`). A draft is seen by its staff only; an open, running or
//! completed cycle by the guardians who may enrol in it and by its learners.

pub mod calendar;
mod certificate_pdf;
pub mod certificates;
pub mod editing;
pub mod export;
mod news;
pub mod places;
mod progress;
pub mod register;
pub mod reminders;
pub mod sessions;

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait as _, Condition, ConnectionTrait, EntityTrait as _, JoinType, PaginatorTrait as _, QueryFilter as _, QueryOrder as _,
    QuerySelect as _, RelationTrait as _, prelude::Uuid,
};

use super::{parse_id, published};
use crate::{
    domain::{
        District, Problem, Role, SessionUser,
        cycles::{
            AttendanceMark, CycleCard, CycleList, CyclePage, CycleProgress, CycleStaffView, CycleStatus, EnrolChoice, EnrolmentStatus,
            LearnerRow, SessionView,
        },
        rome_date,
    },
    i18n::Locale,
    ssr::{
        authz::account_id,
        clock,
        entities::{
            attendance, course, course_module, cycle_session, cycle_session_module, cycle_trainer, enrolment, training_cycle, user,
        },
        error::{ServiceError, ServiceResult},
        state::AppState,
    },
};

fn district_of(row: &training_cycle::Model) -> District {
    District::from_code(&row.district).unwrap_or(District::Milano)
}

fn status_of(row: &training_cycle::Model) -> CycleStatus {
    CycleStatus::from_code(&row.status).unwrap_or(CycleStatus::Draft)
}

/// The districts in which the reader runs cycles: where they are a
/// trainer or a coordinator (a coordinator with two-factor sign-in on).
pub fn staff_districts(reader: &SessionUser) -> Vec<District> {
    District::ALL
        .into_iter()
        .filter(|&d| reader.has_role_in(Role::Trainer, d) || (reader.has_role_in(Role::Coordinator, d) && !reader.needs_second_factor()))
        .collect()
}

/// Whether the reader edits and runs cycles of `district`.
fn runs(reader: &SessionUser, district: District) -> bool {
    staff_districts(reader).contains(&district)
}

/// Whether the reader may enrol themselves in `row`: a guardian of its
/// district, or of any district when it is open to all.
fn may_enrol(reader: &SessionUser, row: &training_cycle::Model) -> bool {
    reader.has_role_in(Role::Guardian, district_of(row)) || (row.open_to_all_districts && reader.has_role(Role::Guardian))
}

/// The cycle `id` for someone who runs it: `NotFound` for anyone else.
async fn load_for_staff(db: &impl ConnectionTrait, reader: &SessionUser, id: &str) -> ServiceResult<training_cycle::Model> {
    let row = training_cycle::Entity::find_by_id(parse_id(id)?).one(db).await?.ok_or(ServiceError::NotFound)?;
    let district = district_of(&row);
    if runs(reader, district) {
        return Ok(row);
    }
    if reader.has_role_in(Role::Coordinator, district) {
        return Err(ServiceError::Refused(Problem::SecondFactorRequired));
    }
    Err(ServiceError::NotFound)
}

/// The reader's enrolment in `cycle`, whatever its status.
async fn own_enrolment(db: &impl ConnectionTrait, reader: &SessionUser, cycle: Uuid) -> ServiceResult<Option<enrolment::Model>> {
    Ok(enrolment::Entity::find()
        .filter(enrolment::Column::CycleId.eq(cycle))
        .filter(enrolment::Column::UserId.eq(account_id(reader)?))
        .one(db)
        .await?)
}

fn count_in(db: &impl ConnectionTrait, cycle: Uuid, status: EnrolmentStatus) -> impl Future<Output = Result<u64, sea_orm::DbErr>> {
    enrolment::Entity::find().filter(enrolment::Column::CycleId.eq(cycle)).filter(enrolment::Column::Status.eq(status.code())).count(db)
}

fn count_i32(count: u64) -> i32 {
    i32::try_from(count).unwrap_or(i32::MAX)
}

async fn course_titles(db: &impl ConnectionTrait, ids: impl Iterator<Item = Uuid>, locale: Locale) -> ServiceResult<HashMap<Uuid, String>> {
    let ids: Vec<Uuid> = ids.collect();
    let rows = course::Entity::find().filter(course::Column::Id.is_in(ids)).all(db).await?;
    Ok(rows.into_iter().map(|c| (c.id, locale.pick(&c.title_it, &c.title_en).to_owned())).collect())
}

/// Enrolled learners per cycle, for the places left.
async fn enrolled_counts(db: &impl ConnectionTrait, cycles: &[Uuid]) -> ServiceResult<HashMap<Uuid, i64>> {
    let rows: Vec<(Uuid, i64)> = enrolment::Entity::find()
        .select_only()
        .column(enrolment::Column::CycleId)
        .column_as(enrolment::Column::Id.count(), "enrolled")
        .filter(enrolment::Column::CycleId.is_in(cycles.iter().copied()))
        .filter(enrolment::Column::Status.eq(EnrolmentStatus::Enrolled.code()))
        .group_by(enrolment::Column::CycleId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

async fn cards(
    db: &impl ConnectionTrait,
    rows: Vec<training_cycle::Model>,
    mine: &HashMap<Uuid, EnrolmentStatus>,
    locale: Locale,
) -> ServiceResult<Vec<CycleCard>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let titles = course_titles(db, rows.iter().map(|r| r.course_id), locale).await?;
    let enrolled = enrolled_counts(db, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|row| CycleCard {
            id: row.id.to_string(),
            course: titles.get(&row.course_id).cloned().unwrap_or_default(),
            district: district_of(&row),
            status: status_of(&row),
            places_left: (row.capacity - enrolled.get(&row.id).copied().map_or(0, |n| i32::try_from(n).unwrap_or(i32::MAX))).max(0),
            mine: mine.get(&row.id).copied(),
            title: row.title,
            starts_on: row.starts_on,
            ends_on: row.ends_on,
            enrol_until: row.enrol_until,
        })
        .collect())
}

/// `/training/cycles` for a signed-in reader.
pub async fn list(state: &AppState, reader: &SessionUser, locale: Locale) -> ServiceResult<CycleList> {
    let db = &state.db;
    let me = account_id(reader)?;
    let own: Vec<enrolment::Model> = enrolment::Entity::find()
        .filter(enrolment::Column::UserId.eq(me))
        .filter(enrolment::Column::Status.is_in([EnrolmentStatus::Enrolled.code(), EnrolmentStatus::Waiting.code()]))
        .all(db)
        .await?;
    let mine: HashMap<Uuid, EnrolmentStatus> =
        own.iter().filter_map(|e| Some((e.cycle_id, EnrolmentStatus::from_code(&e.status)?))).collect();
    let own_rows = training_cycle::Entity::find()
        .filter(training_cycle::Column::Id.is_in(mine.keys().copied()))
        .order_by_asc(training_cycle::Column::StartsOn)
        .all(db)
        .await?;

    let guardian_districts = reader.districts_for(Role::Guardian);
    let enrolling_rows = if guardian_districts.is_empty() {
        Vec::new()
    } else {
        let today = rome_date(clock::now());
        training_cycle::Entity::find()
            .filter(training_cycle::Column::Status.eq(CycleStatus::Open.code()))
            .filter(training_cycle::Column::EnrolUntil.gte(today))
            .filter(
                Condition::any()
                    .add(training_cycle::Column::District.is_in(guardian_districts.iter().map(|d| d.code())))
                    .add(training_cycle::Column::OpenToAllDistricts.eq(true)),
            )
            .filter(training_cycle::Column::Id.is_not_in(mine.keys().copied()))
            .order_by_asc(training_cycle::Column::StartsOn)
            .all(db)
            .await?
    };

    let districts = staff_districts(reader);
    let managed_rows = if districts.is_empty() {
        Vec::new()
    } else {
        training_cycle::Entity::find()
            .filter(training_cycle::Column::District.is_in(districts.iter().map(|d| d.code())))
            .order_by_desc(training_cycle::Column::StartsOn)
            .order_by_asc(training_cycle::Column::Title)
            .all(db)
            .await?
    };
    Ok(CycleList {
        mine: cards(db, own_rows, &mine, locale).await?,
        enrolling: cards(db, enrolling_rows, &mine, locale).await?,
        managed: cards(db, managed_rows, &mine, locale).await?,
        can_create: !districts.is_empty(),
        lists_certificates: !reader.districts_for(Role::Coordinator).is_empty(),
        calendar_feed: calendar::feed_address(state, reader).await?,
    })
}

/// The sessions of `cycle` in order; online links only for `with_links`,
/// with the attendance of `marks_of` when given.
async fn session_views(
    db: &impl ConnectionTrait,
    cycle: Uuid,
    with_links: bool,
    locale: Locale,
    marks_of: Option<Uuid>,
) -> ServiceResult<Vec<SessionView>> {
    let sessions = cycle_session::Entity::find()
        .filter(cycle_session::Column::CycleId.eq(cycle))
        .order_by_asc(cycle_session::Column::StartsAt)
        .all(db)
        .await?;
    let covered: Vec<(Uuid, String, String)> = cycle_session_module::Entity::find()
        .select_only()
        .column(cycle_session_module::Column::SessionId)
        .columns([course_module::Column::TitleIt, course_module::Column::TitleEn])
        .join(JoinType::InnerJoin, cycle_session_module::Relation::Module.def())
        .filter(cycle_session_module::Column::SessionId.is_in(sessions.iter().map(|s| s.id)))
        .order_by_asc(course_module::Column::Position)
        .into_tuple()
        .all(db)
        .await?;
    let marks: HashMap<Uuid, AttendanceMark> = match marks_of {
        Some(learner) => attendance::Entity::find()
            .filter(attendance::Column::UserId.eq(learner))
            .filter(attendance::Column::SessionId.is_in(sessions.iter().map(|s| s.id)))
            .all(db)
            .await?
            .into_iter()
            .filter_map(|m| Some((m.session_id, AttendanceMark::from_code(&m.mark)?)))
            .collect(),
        None => HashMap::new(),
    };
    let mut modules: HashMap<Uuid, Vec<String>> = HashMap::new();
    for (session, title_it, title_en) in covered {
        modules.entry(session).or_default().push(locale.pick(&title_it, &title_en).to_owned());
    }
    Ok(sessions
        .into_iter()
        .map(|s| SessionView {
            id: s.id.to_string(),
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            online: s.online_link.is_some(),
            online_link: s.online_link.filter(|_| with_links),
            place: s.place,
            counted_minutes: s.counted_minutes,
            modules: modules.remove(&s.id).unwrap_or_default(),
            my_mark: marks.get(&s.id).copied(),
        })
        .collect())
}

/// The learners of `cycle`, enrolled first, then the waiting list in
/// order, each with their progress.
async fn learners(db: &impl ConnectionTrait, cycle: &training_cycle::Model) -> ServiceResult<Vec<LearnerRow>> {
    let rows: Vec<(Uuid, String, String, String)> = enrolment::Entity::find()
        .select_only()
        .column(enrolment::Column::UserId)
        .columns([user::Column::Name, user::Column::Email])
        .column(enrolment::Column::Status)
        .join(JoinType::InnerJoin, enrolment::Relation::User.def())
        .filter(enrolment::Column::CycleId.eq(cycle.id))
        .filter(enrolment::Column::Status.is_in([EnrolmentStatus::Enrolled.code(), EnrolmentStatus::Waiting.code()]))
        .order_by_asc(enrolment::Column::Status)
        .order_by_asc(enrolment::Column::QueuedAt)
        .order_by_asc(user::Column::Name)
        .into_tuple()
        .all(db)
        .await?;
    let needed = progress::requirements(db, cycle).await?;
    let ids: Vec<Uuid> = rows.iter().map(|(id, ..)| *id).collect();
    let progress = progress::of(db, &needed, &ids).await?;
    let mut certificates = certificates::of_cycle(db, cycle.id).await?;
    Ok(rows
        .into_iter()
        .filter_map(|(user_id, name, email, status)| {
            Some(LearnerRow {
                progress: progress.get(&user_id).copied().unwrap_or_default(),
                certificate: certificates.remove(&user_id),
                user_id: user_id.to_string(),
                name,
                email,
                status: EnrolmentStatus::from_code(&status)?,
            })
        })
        .collect())
}

/// The reader's place on the waiting list of `cycle`, from 1.
async fn waiting_position(db: &impl ConnectionTrait, cycle: Uuid, own: &enrolment::Model) -> ServiceResult<u32> {
    let ahead = enrolment::Entity::find()
        .filter(enrolment::Column::CycleId.eq(cycle))
        .filter(enrolment::Column::Status.eq(EnrolmentStatus::Waiting.code()))
        .filter(
            Condition::any()
                .add(enrolment::Column::QueuedAt.lt(own.queued_at))
                .add(Condition::all().add(enrolment::Column::QueuedAt.eq(own.queued_at)).add(enrolment::Column::Id.lt(own.id))),
        )
        .count(db)
        .await?;
    Ok(u32::try_from(ahead).unwrap_or(u32::MAX).saturating_add(1))
}

/// How the reader sees a cycle they may see.
struct Sight {
    /// They run it.
    staff: bool,
    /// Their enrolment, whatever its status.
    own: Option<enrolment::Model>,
    /// Whether online sessions' links are for them: staff and the enrolled.
    links: bool,
}

/// How the reader sees `row`: its staff always; a guardian who may enrol,
/// or who is or was enrolled, once it is published. `None` for anyone else.
async fn may_see(db: &impl ConnectionTrait, reader: &SessionUser, row: &training_cycle::Model) -> ServiceResult<Option<Sight>> {
    let staff = runs(reader, district_of(row));
    let own = own_enrolment(db, reader, row.id).await?;
    if !staff && (status_of(row) == CycleStatus::Draft || (own.is_none() && !may_enrol(reader, row))) {
        return Ok(None);
    }
    let links = staff || own.as_ref().is_some_and(|e| e.status == EnrolmentStatus::Enrolled.code());
    Ok(Some(Sight { staff, own, links }))
}

/// Whether enrolment is open today for `row`.
fn enrolling_now(row: &training_cycle::Model) -> bool {
    let today = rome_date(clock::now());
    status_of(row) == CycleStatus::Open && row.enrol_from <= today && today <= row.enrol_until
}

/// `/training/cycles/{id}`: its staff see everything; a guardian who may
/// enrol, or who is or was enrolled, sees it once it is published.
pub async fn page(state: &AppState, reader: &SessionUser, locale: Locale, id: &str) -> ServiceResult<CyclePage> {
    let db = &state.db;
    let row = training_cycle::Entity::find_by_id(parse_id(id)?).one(db).await?.ok_or(ServiceError::NotFound)?;
    let status = status_of(&row);
    let Sight { staff, own, links } = may_see(db, reader, &row).await?.ok_or(ServiceError::NotFound)?;
    let mine = own.as_ref().and_then(|e| EnrolmentStatus::from_code(&e.status)).filter(|s| s.is_active());
    let enrolled = count_i32(count_in(db, row.id, EnrolmentStatus::Enrolled).await?);
    let waiting = count_i32(count_in(db, row.id, EnrolmentStatus::Waiting).await?);
    let choice = match mine {
        Some(_) if status.is_live() => EnrolChoice::Withdraw,
        None if enrolling_now(&row) && may_enrol(reader, &row) => {
            if enrolled < row.capacity {
                EnrolChoice::Enrol
            } else {
                EnrolChoice::JoinWaitingList
            }
        }
        None if status == CycleStatus::Open && may_enrol(reader, &row) => EnrolChoice::NotNow,
        _ => EnrolChoice::None,
    };
    let waiting_position = match (&own, mine) {
        (Some(own), Some(EnrolmentStatus::Waiting)) => Some(waiting_position(db, row.id, own).await?),
        _ => None,
    };
    let course = course::Entity::find_by_id(row.course_id).one(db).await?.ok_or(ServiceError::NotFound)?;
    let trainer_ids: Vec<Uuid> = cycle_trainer::Entity::find()
        .filter(cycle_trainer::Column::CycleId.eq(row.id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.user_id)
        .collect();
    let mut trainers: Vec<String> = crate::ssr::people::names(db, trainer_ids.into_iter().map(Some)).await?.into_values().collect();
    trainers.sort();
    let me = account_id(reader)?;
    let enrolled_now = mine == Some(EnrolmentStatus::Enrolled);
    let sessions = session_views(db, row.id, links, locale, enrolled_now.then_some(me)).await?;
    let my_progress = if enrolled_now {
        let needed = progress::requirements(db, &row).await?;
        progress::of(db, &needed, &[me]).await?.remove(&me)
    } else {
        None
    };
    // Completion may come from a change no learner made (a lesson
    // withdrawn from the course): the page settles it too.
    if my_progress.is_some_and(CycleProgress::is_complete) {
        certificates::settle(db, state, &row, &[me]).await?;
    }
    let my_certificate = certificates::held(db, row.id, me, locale).await?;
    let staff_view = if staff {
        let modules = course_module::Entity::find()
            .filter(course_module::Column::CourseId.eq(row.course_id))
            .filter(course_module::Column::Status.eq(published()))
            .order_by_asc(course_module::Column::Position)
            .all(db)
            .await?;
        Some(CycleStaffView {
            learners: learners(db, &row).await?,
            next: status.next().to_vec(),
            modules: modules.into_iter().map(|m| (m.id.to_string(), locale.pick(&m.title_it, &m.title_en).to_owned())).collect(),
        })
    } else {
        None
    };
    Ok(CyclePage {
        id: row.id.to_string(),
        course_id: course.id.to_string(),
        course: locale.pick(&course.title_it, &course.title_en).to_owned(),
        district: district_of(&row),
        starts_on: row.starts_on,
        ends_on: row.ends_on,
        enrol_from: row.enrol_from,
        enrol_until: row.enrol_until,
        capacity: row.capacity,
        enrolled,
        waiting,
        min_attendance: row.min_attendance,
        open_to_all_districts: row.open_to_all_districts,
        status,
        title: row.title,
        trainers,
        sessions,
        mine,
        waiting_position,
        choice,
        my_progress,
        my_certificate,
        staff: staff_view,
    })
}
