//! Creating and changing a cycle, and moving it through its states. Its
//! district's trainers and coordinators do it; every change is audited.

use std::collections::HashSet;

use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QueryOrder as _, TransactionTrait as _,
    prelude::Uuid,
};

use super::{count_in, district_of, load_for_staff, news, staff_districts, status_of};
use crate::{
    domain::{
        District, Problem, Role, SessionUser,
        cycles::{CycleFields, CycleForm, CycleStatus, EnrolmentStatus},
        parse_date,
    },
    i18n::Locale,
    ssr::{
        audit::{self, AuditRecord},
        authz::account_id,
        clock,
        entities::{course, cycle_trainer, training_cycle},
        error::{ServiceError, ServiceResult, Validation},
        people,
        state::AppState,
        training::published,
    },
};

const TITLE_CHARS: std::ops::RangeInclusive<usize> = 3..=150;
const CAPACITY: std::ops::RangeInclusive<i32> = 1..=500;
const DEFAULT_MIN_ATTENDANCE: i32 = 75;

/// The form for a new cycle (`id` empty) or for changing one.
pub async fn form(state: &AppState, reader: &SessionUser, locale: Locale, id: &str) -> ServiceResult<CycleForm> {
    let db = &state.db;
    let districts = staff_districts(reader);
    if districts.is_empty() {
        return Err(if reader.has_role(Role::Coordinator) {
            ServiceError::Refused(Problem::SecondFactorRequired)
        } else {
            ServiceError::Forbidden
        });
    }
    let fields = if id.is_empty() {
        CycleFields {
            min_attendance: DEFAULT_MIN_ATTENDANCE.to_string(),
            district: districts[0].code().to_owned(),
            ..CycleFields::default()
        }
    } else {
        let row = load_for_staff(db, reader, id).await?;
        let trainers = cycle_trainer::Entity::find().filter(cycle_trainer::Column::CycleId.eq(row.id)).all(db).await?;
        CycleFields {
            course: row.course_id.to_string(),
            title: row.title,
            district: row.district,
            starts_on: row.starts_on,
            ends_on: row.ends_on,
            enrol_from: row.enrol_from,
            enrol_until: row.enrol_until,
            capacity: row.capacity.to_string(),
            min_attendance: row.min_attendance.to_string(),
            open_to_all_districts: row.open_to_all_districts,
            trainers: trainers.into_iter().map(|t| t.user_id.to_string()).collect(),
        }
    };
    let courses =
        course::Entity::find().filter(course::Column::Status.eq(published())).order_by_asc(course::Column::TitleIt).all(db).await?;
    let trainers = people::holders(db, Role::Trainer, &districts).await?;
    Ok(CycleForm {
        id: id.to_owned(),
        fields,
        courses: courses.into_iter().map(|c| (c.id.to_string(), locale.pick(&c.title_it, &c.title_en).to_owned())).collect(),
        districts,
        trainers: trainers.into_iter().map(|(id, name, district)| (id.to_string(), format!("{name} · {}", district.name()))).collect(),
    })
}

/// A cycle's details, checked.
struct Details {
    course: Uuid,
    title: String,
    district: District,
    starts_on: String,
    ends_on: String,
    enrol_from: String,
    enrol_until: String,
    capacity: i32,
    min_attendance: i32,
    open_to_all_districts: bool,
    trainers: Vec<Uuid>,
}

fn number_in(text: &str, range: &std::ops::RangeInclusive<i32>) -> Option<i32> {
    text.trim().parse().ok().filter(|n| range.contains(n))
}

async fn check(db: &impl ConnectionTrait, reader: &SessionUser, fields: &CycleFields) -> ServiceResult<Details> {
    let mut validation = Validation::default();
    let course = Uuid::parse_str(&fields.course).ok();
    let course = match course {
        Some(id) if course::Entity::find_by_id(id).filter(course::Column::Status.eq(published())).one(db).await?.is_some() => Some(id),
        _ => {
            validation.add("course", Problem::ChoiceInvalid);
            None
        }
    };
    let title = fields.title.trim();
    if !TITLE_CHARS.contains(&title.chars().count()) {
        validation.add("title", Problem::TitleInvalid);
    }
    let district = District::from_code(&fields.district).filter(|d| staff_districts(reader).contains(d));
    if district.is_none() {
        validation.add("district", Problem::DistrictUnknown);
    }
    let mut date = |field: &str, text: &str| {
        let parsed = parse_date(text);
        if parsed.is_none() {
            validation.add(field, Problem::DateInvalid);
        }
        parsed
    };
    let (starts_on, ends_on) = (date("starts_on", &fields.starts_on), date("ends_on", &fields.ends_on));
    let (enrol_from, enrol_until) = (date("enrol_from", &fields.enrol_from), date("enrol_until", &fields.enrol_until));
    if let (Some(start), Some(end)) = (&starts_on, &ends_on)
        && end < start
    {
        validation.add("ends_on", Problem::DateBeforeStart);
    }
    if let (Some(from), Some(until)) = (&enrol_from, &enrol_until)
        && until < from
    {
        validation.add("enrol_until", Problem::DateBeforeStart);
    }
    if let (Some(until), Some(end)) = (&enrol_until, &ends_on)
        && until > end
    {
        validation.add("enrol_until", Problem::EnrolmentAfterEnd);
    }
    let capacity = number_in(&fields.capacity, &CAPACITY);
    if capacity.is_none() {
        validation.add("capacity", Problem::NumberOutOfRange);
    }
    let min_attendance = number_in(&fields.min_attendance, &(0..=100));
    if min_attendance.is_none() {
        validation.add("min_attendance", Problem::NumberOutOfRange);
    }
    let mut trainers = Vec::new();
    if let Some(district) = district {
        let allowed: HashSet<Uuid> = people::holders(db, Role::Trainer, &[district]).await?.into_iter().map(|(id, _, _)| id).collect();
        for chosen in &fields.trainers {
            match Uuid::parse_str(chosen).ok().filter(|id| allowed.contains(id)) {
                Some(id) if !trainers.contains(&id) => trainers.push(id),
                Some(_) => {}
                None => validation.add("trainers", Problem::ChoiceInvalid),
            }
        }
    }
    validation.finish()?;
    let missing = || ServiceError::Internal("checked cycle details missing".into());
    Ok(Details {
        course: course.ok_or_else(missing)?,
        title: title.to_owned(),
        district: district.ok_or_else(missing)?,
        starts_on: starts_on.ok_or_else(missing)?,
        ends_on: ends_on.ok_or_else(missing)?,
        enrol_from: enrol_from.ok_or_else(missing)?,
        enrol_until: enrol_until.ok_or_else(missing)?,
        capacity: capacity.ok_or_else(missing)?,
        min_attendance: min_attendance.ok_or_else(missing)?,
        open_to_all_districts: fields.open_to_all_districts,
        trainers,
    })
}

/// Creates a cycle (`id` empty, as a draft) or changes one still live;
/// returns its id. A capacity raised moves the waiting list up; one below
/// the learners already enrolled is refused.
pub async fn save(state: &AppState, reader: &SessionUser, id: &str, fields: &CycleFields) -> ServiceResult<String> {
    let actor = account_id(reader)?;
    if staff_districts(reader).is_empty() {
        return Err(ServiceError::Forbidden);
    }
    let existing = if id.is_empty() { None } else { Some(load_for_staff(&state.db, reader, id).await?) };
    if existing.as_ref().is_some_and(|row| !status_of(row).is_live()) {
        return Err(ServiceError::Refused(Problem::NotNow));
    }
    let details = check(&state.db, reader, fields).await?;
    let now = clock::now();
    let txn = state.db.begin().await?;
    let cycle_id = existing.as_ref().map_or_else(Uuid::new_v4, |row| row.id);
    let row = training_cycle::ActiveModel {
        id: Set(cycle_id),
        course_id: Set(details.course),
        district: Set(details.district.code().to_owned()),
        title: Set(details.title.clone()),
        starts_on: Set(details.starts_on),
        ends_on: Set(details.ends_on),
        enrol_from: Set(details.enrol_from),
        enrol_until: Set(details.enrol_until),
        capacity: Set(details.capacity),
        min_attendance: Set(details.min_attendance),
        open_to_all_districts: Set(details.open_to_all_districts),
        updated_at: Set(now),
        ..Default::default()
    };
    if existing.is_some() {
        // The write first: it holds the cycle against enrolments until the
        // capacity has been checked against them.
        training_cycle::Entity::update(row).exec(&txn).await?;
        let enrolled = count_in(&txn, cycle_id, EnrolmentStatus::Enrolled).await?;
        if u64::try_from(details.capacity).unwrap_or(0) < enrolled {
            return Err(ServiceError::field("capacity", Problem::CapacityBelowEnrolled));
        }
    } else {
        let row = training_cycle::ActiveModel {
            status: Set(CycleStatus::Draft.code().to_owned()),
            created_by: Set(Some(actor)),
            created_at: Set(now),
            ..row
        };
        training_cycle::Entity::insert(row).exec_without_returning(&txn).await?;
    }
    cycle_trainer::Entity::delete_many().filter(cycle_trainer::Column::CycleId.eq(cycle_id)).exec(&txn).await?;
    if !details.trainers.is_empty() {
        cycle_trainer::Entity::insert_many(
            details.trainers.iter().map(|&user_id| cycle_trainer::ActiveModel { cycle_id: Set(cycle_id), user_id: Set(user_id) }),
        )
        .exec_without_returning(&txn)
        .await?;
    }
    let promoted = if existing.is_some() { super::places::fill_places(&txn, cycle_id, details.capacity).await? } else { Vec::new() };
    audit::record(
        &txn,
        AuditRecord {
            actor: Some(actor),
            action: if existing.is_some() { "cycle.update" } else { "cycle.create" },
            subject_kind: "training_cycle",
            subject_id: cycle_id.to_string(),
            detail: format!("{} ({} places)", details.title, details.capacity),
            district: Some(details.district),
        },
    )
    .await?;
    if let Some(row) = training_cycle::Entity::find_by_id(cycle_id).one(&txn).await? {
        news::promoted(&txn, state, &row, &promoted).await?;
    }
    txn.commit().await?;
    Ok(cycle_id.to_string())
}

/// Moves the cycle to `to`, if its state allows it now. Cancelling tells
/// its learners, enrolled or waiting, by mail.
pub async fn set_status(state: &AppState, reader: &SessionUser, id: &str, to: &str) -> ServiceResult<()> {
    let to = CycleStatus::from_code(to).ok_or(ServiceError::Refused(Problem::NotNow))?;
    let actor = account_id(reader)?;
    let row = load_for_staff(&state.db, reader, id).await?;
    let txn = state.db.begin().await?;
    // Only a cycle still in the state read moves: two clicks at once move it once.
    let moved = training_cycle::Entity::update_many()
        .col_expr(training_cycle::Column::Status, sea_orm::sea_query::Expr::value(to.code()))
        .col_expr(training_cycle::Column::UpdatedAt, sea_orm::sea_query::Expr::value(clock::now()))
        .filter(training_cycle::Column::Id.eq(row.id))
        .filter(training_cycle::Column::Status.eq(&row.status))
        .exec(&txn)
        .await?;
    if moved.rows_affected == 0 || !status_of(&row).next().contains(&to) {
        return Err(ServiceError::Refused(Problem::NotNow));
    }
    if to == CycleStatus::Cancelled {
        news::cancelled(&txn, state, &row).await?;
    }
    audit::record(
        &txn,
        AuditRecord {
            actor: Some(actor),
            action: "cycle.status",
            subject_kind: "training_cycle",
            subject_id: row.id.to_string(),
            detail: format!("{} → {}", row.status, to.code()),
            district: Some(district_of(&row)),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
