//! Certificates: a learner who completes a cycle gets one, at once and by
//! mail, whatever change completed it (a lesson read, a quiz passed, a
//! register marked). It states what was true when issued; its code opens
//! `/verify/{code}` to anyone, without an account, which is how a court
//! clerk checks it; a coordinator of its district may revoke it, and the
//! page then says so. Coordinators list and export their districts'
//! certified guardians for the juvenile court's list.

use std::collections::HashMap;

use rand::RngCore as _;
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QueryOrder as _,
    QuerySelect as _, TransactionTrait as _, prelude::Uuid, sea_query::OnConflict,
};

use super::{certificate_pdf, district_of, progress, runs, status_of};
use crate::{
    domain::{
        District, Problem, Role, SessionUser, UserStatus,
        certificates::{CODE_LENGTH, CertificateCode, CertificateFacts, CertificateList, CertificateRow, Revocation, Verification},
        cycles::{CycleStatus, EnrolmentStatus},
        italian_date,
    },
    i18n::Locale,
    routes::paths,
    ssr::{
        audit::{self, AuditRecord, checked_reason},
        authz::{self, account_id},
        clock, csv,
        entities::{certificate, course, cycle_trainer, enrolment, training_cycle, user},
        error::{ServiceError, ServiceResult},
        mail::{self, CycleNews, MailKind},
        people,
        state::AppState,
    },
};

/// A cycle whose learners may complete it: published and not cancelled.
fn certifies(cycle: &training_cycle::Model) -> bool {
    matches!(status_of(cycle), CycleStatus::Open | CycleStatus::Running | CycleStatus::Completed)
}

fn new_code() -> CertificateCode {
    let mut bytes = [0u8; CODE_LENGTH];
    rand::rng().fill_bytes(&mut bytes);
    CertificateCode::from_random(&bytes)
}

async fn tell(
    db: &impl ConnectionTrait,
    state: &AppState,
    row: &certificate::Model,
    cycle: &training_cycle::Model,
    news: CycleNews,
) -> ServiceResult<()> {
    let Some(holder) = user::Entity::find_by_id(row.user_id).one(db).await? else { return Ok(()) };
    if holder.status != UserStatus::Active.code() {
        return Ok(());
    }
    let kind = MailKind::Cycle {
        name: holder.name.clone(),
        title: cycle.title.clone(),
        starts_on: italian_date(&cycle.starts_on),
        news,
        link: state.settings.link(&paths::training_cycle(cycle.id)),
    };
    mail::enqueue(db, &holder.email, Locale::from_code(&holder.locale).unwrap_or_default(), &kind).await
}

/// Issues a certificate to each of `learners` who is enrolled in `cycle`,
/// has completed it and has none yet, and tells them. Called after every
/// change that may complete a cycle, in that change's transaction.
pub(crate) async fn settle(
    db: &impl ConnectionTrait,
    state: &AppState,
    cycle: &training_cycle::Model,
    learners: &[Uuid],
) -> ServiceResult<()> {
    for row in issue(db, cycle, learners).await? {
        tell(db, state, &row, cycle, CycleNews::Certified).await?;
    }
    Ok(())
}

/// The issuing itself, audited: the certificates it wrote.
pub(crate) async fn issue(
    db: &impl ConnectionTrait,
    cycle: &training_cycle::Model,
    learners: &[Uuid],
) -> ServiceResult<Vec<certificate::Model>> {
    if !certifies(cycle) || learners.is_empty() {
        return Ok(Vec::new());
    }
    let enrolled: Vec<Uuid> = enrolment::Entity::find()
        .select_only()
        .column(enrolment::Column::UserId)
        .filter(enrolment::Column::CycleId.eq(cycle.id))
        .filter(enrolment::Column::UserId.is_in(learners.iter().copied()))
        .filter(enrolment::Column::Status.eq(EnrolmentStatus::Enrolled.code()))
        .into_tuple()
        .all(db)
        .await?;
    let holding: Vec<Uuid> = certificate::Entity::find()
        .select_only()
        .column(certificate::Column::UserId)
        .filter(certificate::Column::CycleId.eq(cycle.id))
        .filter(certificate::Column::UserId.is_in(enrolled.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    let candidates: Vec<Uuid> = enrolled.into_iter().filter(|l| !holding.contains(l)).collect();
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    let needed = progress::requirements(db, cycle).await?;
    let progress = progress::of(db, &needed, &candidates).await?;
    let completed: Vec<(Uuid, i32)> =
        candidates.iter().filter_map(|l| progress.get(l).filter(|p| p.is_complete()).map(|p| (*l, p.attended_minutes))).collect();
    if completed.is_empty() {
        return Ok(Vec::new());
    }
    let course = course::Entity::find_by_id(cycle.course_id).one(db).await?.ok_or(ServiceError::NotFound)?;
    let trainers = trainer_names(db, cycle.id).await?.join(", ");
    let holders = people::names(db, completed.iter().map(|(l, _)| Some(*l))).await?;
    let mut issued = Vec::new();
    for (learner, attended_minutes) in completed {
        let row = certificate::Model {
            id: Uuid::new_v4(),
            code: new_code().as_str().to_owned(),
            cycle_id: cycle.id,
            user_id: learner,
            holder_name: holders.get(&learner).cloned().unwrap_or_default(),
            cycle_title: cycle.title.clone(),
            course_title_it: course.title_it.clone(),
            course_title_en: course.title_en.clone(),
            district: cycle.district.clone(),
            starts_on: cycle.starts_on.clone(),
            ends_on: cycle.ends_on.clone(),
            attended_minutes,
            trainers: trainers.clone(),
            issued_at: clock::now(),
            revoked_at: None,
            revoked_by: None,
            revoked_reason: None,
        };
        // Two changes completing the cycle at once issue one certificate.
        let inserted = certificate::Entity::insert(certificate::ActiveModel::from(row.clone()))
            .on_conflict(OnConflict::columns([certificate::Column::CycleId, certificate::Column::UserId]).do_nothing().to_owned())
            .exec_without_returning(db)
            .await?;
        if inserted == 0 {
            continue;
        }
        audit::record(
            db,
            AuditRecord {
                actor: None,
                action: "certificate.issue",
                subject_kind: "certificate",
                subject_id: row.id.to_string(),
                detail: format!("cycle {}, learner {learner}", cycle.id),
                district: Some(district_of(cycle)),
            },
        )
        .await?;
        issued.push(row);
    }
    Ok(issued)
}

/// After `learner` read a lesson or passed a quiz of `course`: settles
/// each cycle of that course they are enrolled in.
pub(crate) async fn settle_course(db: &impl ConnectionTrait, state: &AppState, learner: Uuid, course: Uuid) -> ServiceResult<()> {
    let enrolled: Vec<Uuid> = enrolment::Entity::find()
        .select_only()
        .column(enrolment::Column::CycleId)
        .filter(enrolment::Column::UserId.eq(learner))
        .filter(enrolment::Column::Status.eq(EnrolmentStatus::Enrolled.code()))
        .into_tuple()
        .all(db)
        .await?;
    if enrolled.is_empty() {
        return Ok(());
    }
    let cycles = training_cycle::Entity::find()
        .filter(training_cycle::Column::Id.is_in(enrolled))
        .filter(training_cycle::Column::CourseId.eq(course))
        .all(db)
        .await?;
    for cycle in cycles {
        settle(db, state, &cycle, &[learner]).await?;
    }
    Ok(())
}

async fn trainer_names(db: &impl ConnectionTrait, cycle: Uuid) -> ServiceResult<Vec<String>> {
    let ids: Vec<Uuid> = cycle_trainer::Entity::find()
        .select_only()
        .column(cycle_trainer::Column::UserId)
        .filter(cycle_trainer::Column::CycleId.eq(cycle))
        .into_tuple()
        .all(db)
        .await?;
    let mut names: Vec<String> = people::names(db, ids.into_iter().map(Some)).await?.into_values().collect();
    names.sort();
    Ok(names)
}

fn grouped(code: &str) -> String {
    CertificateCode::parse(code).map_or_else(|| code.to_owned(), |c| c.grouped())
}

/// What `row` states, in `locale`; the revocation's reason only `with_reason`.
fn facts(row: certificate::Model, locale: Locale, with_reason: bool) -> CertificateFacts {
    CertificateFacts {
        code: grouped(&row.code),
        course: locale.pick(&row.course_title_it, &row.course_title_en).to_owned(),
        district: District::from_code(&row.district).unwrap_or(District::Milano),
        revoked: row.revoked_at.map(|at| Revocation { at, reason: row.revoked_reason.filter(|_| with_reason) }),
        holder: row.holder_name,
        cycle_title: row.cycle_title,
        starts_on: row.starts_on,
        ends_on: row.ends_on,
        attended_minutes: row.attended_minutes,
        trainers: row.trainers,
        issued_at: row.issued_at,
    }
}

/// The certificate `learner` holds for `cycle`, for its page.
pub(super) async fn held(db: &impl ConnectionTrait, cycle: Uuid, learner: Uuid, locale: Locale) -> ServiceResult<Option<CertificateFacts>> {
    let row = certificate::Entity::find()
        .filter(certificate::Column::CycleId.eq(cycle))
        .filter(certificate::Column::UserId.eq(learner))
        .one(db)
        .await?;
    Ok(row.map(|row| facts(row, locale, false)))
}

/// The certificates of `cycle` by learner: the grouped code, and whether revoked.
pub(super) async fn of_cycle(db: &impl ConnectionTrait, cycle: Uuid) -> ServiceResult<HashMap<Uuid, (String, bool)>> {
    let rows = certificate::Entity::find().filter(certificate::Column::CycleId.eq(cycle)).all(db).await?;
    Ok(rows.into_iter().map(|row| (row.user_id, (grouped(&row.code), row.revoked_at.is_some()))).collect())
}

/// Whether the reader coordinates `district` with two-factor sign-in on.
fn coordinates(reader: &SessionUser, district: District) -> bool {
    reader.has_role_in(Role::Coordinator, district) && !reader.needs_second_factor()
}

async fn by_code(db: &impl ConnectionTrait, typed: &str) -> ServiceResult<Option<certificate::Model>> {
    let Some(code) = CertificateCode::parse(typed) else { return Ok(None) };
    Ok(certificate::Entity::find().filter(certificate::Column::Code.eq(code.as_str())).one(db).await?)
}

/// `/verify/{code}`, for anyone: what the certificate states, and whether
/// it still stands. A coordinator of its district also sees why it was
/// revoked, and may revoke it.
pub async fn verify(state: &AppState, reader: Option<&SessionUser>, locale: Locale, typed: &str) -> ServiceResult<Verification> {
    let row = by_code(&state.db, typed).await?;
    let code = CertificateCode::parse(typed).map_or_else(|| typed.trim().to_owned(), |c| c.grouped());
    let Some(row) = row else { return Ok(Verification { code, found: None, may_revoke: false }) };
    let staff = reader.is_some_and(|r| District::from_code(&row.district).is_some_and(|d| coordinates(r, d)));
    Ok(Verification { code, may_revoke: staff && row.revoked_at.is_none(), found: Some(facts(row, locale, staff)) })
}

/// A coordinator of its district revokes the certificate `typed`, saying
/// why; the holder is told, the action audited. A certificate stays
/// revoked: the verification page says since when.
pub async fn revoke(state: &AppState, reader: &SessionUser, typed: &str, reason: &str) -> ServiceResult<()> {
    let actor = account_id(reader)?;
    let row = by_code(&state.db, typed).await?.ok_or(ServiceError::NotFound)?;
    let district = District::from_code(&row.district).ok_or(ServiceError::NotFound)?;
    if !coordinates(reader, district) {
        if reader.has_role_in(Role::Coordinator, district) {
            return Err(ServiceError::Refused(Problem::SecondFactorRequired));
        }
        return Err(ServiceError::Forbidden);
    }
    let reason = checked_reason(reason)?;
    if row.revoked_at.is_some() {
        return Err(ServiceError::Refused(Problem::NotNow));
    }
    let txn = state.db.begin().await?;
    let mut revoked: certificate::ActiveModel = row.clone().into();
    revoked.revoked_at = Set(Some(clock::now()));
    revoked.revoked_by = Set(Some(actor));
    revoked.revoked_reason = Set(Some(reason.to_owned()));
    revoked.update(&txn).await?;
    audit::record(
        &txn,
        AuditRecord {
            actor: Some(actor),
            action: "certificate.revoke",
            subject_kind: "certificate",
            subject_id: row.id.to_string(),
            detail: reason.to_owned(),
            district: Some(district),
        },
    )
    .await?;
    if let Some(cycle) = training_cycle::Entity::find_by_id(row.cycle_id).one(&txn).await? {
        tell(&txn, state, &row, &cycle, CycleNews::CertificateRevoked).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The certificate `typed` as a PDF file, for its holder, the staff of its
/// district and its coordinators: (file name, bytes). A revoked one is
/// no longer handed out.
pub async fn pdf(state: &AppState, reader: &SessionUser, locale: Locale, typed: &str) -> ServiceResult<(String, Vec<u8>)> {
    let row = by_code(&state.db, typed).await?.ok_or(ServiceError::NotFound)?;
    let district = District::from_code(&row.district).ok_or(ServiceError::NotFound)?;
    let holder = account_id(reader)? == row.user_id;
    if !(holder || runs(reader, district)) || row.revoked_at.is_some() {
        return Err(ServiceError::NotFound);
    }
    let verify_link = state.settings.link(&paths::verify_certificate(grouped(&row.code)));
    let facts = facts(row, locale, false);
    let name = format!("{}-{}.pdf", locale.texts().certificates_file_name, facts.code);
    let bytes = certificate_pdf::render(&facts, locale, &verify_link).map_err(ServiceError::Internal)?;
    Ok((name, bytes))
}

/// `/training/certificates`: the certificates of the districts the reader
/// coordinates (or of `district`), newest first, revoked ones included.
pub async fn list(state: &AppState, reader: &SessionUser, locale: Locale, district: &str) -> ServiceResult<CertificateList> {
    let (districts, chosen) = authz::coordinated_districts(reader, district)?;
    let shown: Vec<&str> = chosen.map_or_else(|| districts.iter().map(|d| d.code()).collect(), |d| vec![d.code()]);
    let rows: Vec<(certificate::Model, Option<user::Model>)> = certificate::Entity::find()
        .find_also_related(user::Entity)
        .filter(certificate::Column::District.is_in(shown))
        .order_by_desc(certificate::Column::IssuedAt)
        .order_by_asc(certificate::Column::HolderName)
        .all(&state.db)
        .await?;
    Ok(CertificateList {
        districts,
        district: chosen,
        rows: rows
            .into_iter()
            .map(|(row, holder)| CertificateRow {
                holder_email: holder.map(|h| h.email).unwrap_or_default(),
                cycle_id: row.cycle_id.to_string(),
                facts: facts(row, locale, true),
            })
            .collect(),
    })
}

/// The same list as a CSV file: the guardians certified, for the court's list.
pub async fn list_csv(state: &AppState, reader: &SessionUser, locale: Locale, district: &str) -> ServiceResult<String> {
    let list = list(state, reader, locale, district).await?;
    let t = locale.texts();
    let mut rows = vec![vec![
        t.certificates_holder.to_owned(),
        t.cycles_learner_email.to_owned(),
        t.cycles_district.to_owned(),
        t.certificates_cycle.to_owned(),
        t.cycles_course.to_owned(),
        t.certificates_first_day.to_owned(),
        t.certificates_last_day.to_owned(),
        t.certificates_hours.to_owned(),
        t.certificates_code.to_owned(),
        t.certificates_issued.to_owned(),
        t.certificates_revoked.to_owned(),
    ]];
    for CertificateRow { facts, holder_email, .. } in list.rows {
        rows.push(vec![
            facts.holder,
            holder_email,
            facts.district.name().to_owned(),
            facts.cycle_title,
            facts.course,
            facts.starts_on,
            facts.ends_on,
            super::export::hours(facts.attended_minutes),
            facts.code,
            crate::domain::rome_date(facts.issued_at),
            facts.revoked.map(|r| crate::domain::rome_date(r.at)).unwrap_or_default(),
        ]);
    }
    Ok(csv::table(&rows))
}
