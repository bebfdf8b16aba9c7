//! Courses written in the browser by trainers and coordinators: a course
//! and its modules here, its lessons in `lessons`. A course starts as a
//! draft, out of the catalogue; it is published once a lesson of it is,
//! and goes back to draft only while no cycle runs it. Modules and lessons
//! are never deleted, only taken out (retired), so nothing a learner did
//! is lost. Courses imported from `content/` change in their files only.
//! Every change is audited.

pub mod lessons;
pub mod quizzes;

use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseTransaction, EntityTrait as _,
    IntoActiveModel as _, PaginatorTrait as _, QueryFilter as _, QueryOrder as _, QuerySelect as _, TransactionTrait as _, prelude::Uuid,
    sea_query::Expr,
};

use super::{cycles::staff_districts, findable, parse_id};
use crate::{
    domain::{
        Problem, Role, SessionUser,
        authoring::{AuthoredCourse, AuthoringPage, CourseEditor, Direction, LessonEntry, ModuleEntry, PartFields, QuizEntry},
        cycles::CycleStatus,
        training::PartStatus,
    },
    i18n::Locale,
    ssr::{
        audit::{self, AuditRecord},
        authz::account_id,
        clock,
        entities::{course, course_module, lesson, quiz, quiz_question, training_cycle},
        error::{ServiceError, ServiceResult, Validation},
        state::AppState,
    },
};

/// The `origin` of a course written in the browser.
pub const ORIGIN: &str = "authored";

const TITLE_CHARS: std::ops::RangeInclusive<usize> = 3..=150;
/// Within what a refused form gives back (`flash::form_failed`).
const SUMMARY_CHARS: usize = 500;

/// Trainers of any district write courses, and coordinators once signed in
/// with their second factor.
pub fn require_author(reader: &SessionUser) -> ServiceResult<()> {
    if !staff_districts(reader).is_empty() {
        return Ok(());
    }
    Err(if reader.has_role(Role::Coordinator) { ServiceError::Refused(Problem::SecondFactorRequired) } else { ServiceError::Forbidden })
}

/// Whether `reader` may write courses: what pages ask before offering it.
pub fn is_author(reader: &SessionUser) -> bool {
    require_author(reader).is_ok()
}

fn status_of(code: &str) -> PartStatus {
    PartStatus::from_code(code).unwrap_or(PartStatus::Draft)
}

/// A short key, unique within its course, for a part written here.
fn new_key(prefix: &str, id: Uuid) -> String {
    format!("{prefix}-{}", &id.simple().to_string()[..8])
}

/// Checks titles in both languages (a course's, a module's, a lesson's, a
/// quiz's), recording what is wrong in `validation`.
fn check_titles(validation: &mut Validation, title_it: &str, title_en: &str) {
    for (field, title) in [("title_it", title_it), ("title_en", title_en)] {
        if !TITLE_CHARS.contains(&title.chars().count()) {
            validation.add(field, Problem::TitleInvalid);
        }
    }
}

/// Title and summary in both languages, trimmed; what is wrong goes into
/// `validation`.
fn check_part(validation: &mut Validation, fields: &PartFields) -> PartFields {
    let trimmed = PartFields {
        title_it: fields.title_it.trim().to_owned(),
        title_en: fields.title_en.trim().to_owned(),
        summary_it: fields.summary_it.trim().to_owned(),
        summary_en: fields.summary_en.trim().to_owned(),
    };
    check_titles(validation, &trimmed.title_it, &trimmed.title_en);
    for (field, summary) in [("summary_it", &trimmed.summary_it), ("summary_en", &trimmed.summary_en)] {
        if summary.chars().count() > SUMMARY_CHARS {
            validation.add(field, Problem::SummaryTooLong);
        }
    }
    trimmed
}

/// Title and summary in both languages, trimmed and checked.
fn checked_fields(fields: &PartFields) -> ServiceResult<PartFields> {
    let mut validation = Validation::default();
    let trimmed = check_part(&mut validation, fields);
    validation.finish()?;
    Ok(trimmed)
}

/// The state a course or quiz is asked to move to: published or draft.
fn publishing_state(to: &str) -> ServiceResult<PartStatus> {
    PartStatus::from_code(to).filter(|s| *s != PartStatus::Retired).ok_or(ServiceError::Refused(Problem::NotNow))
}

/// An authored course, for its author to change; a course from the
/// content folder is not found here.
async fn authored_course(db: &impl ConnectionTrait, id: Uuid) -> ServiceResult<course::Model> {
    course::Entity::find_by_id(id).filter(course::Column::Origin.eq(ORIGIN)).one(db).await?.ok_or(ServiceError::NotFound)
}

/// A module of an authored course, with its course.
async fn authored_module(db: &impl ConnectionTrait, id: Uuid) -> ServiceResult<(course_module::Model, course::Model)> {
    let module = course_module::Entity::find_by_id(id).one(db).await?.ok_or(ServiceError::NotFound)?;
    let course = authored_course(db, module.course_id).await?;
    Ok((module, course))
}

async fn record(
    db: &impl ConnectionTrait,
    reader: &SessionUser,
    action: &'static str,
    subject: (&'static str, Uuid),
    detail: String,
) -> ServiceResult<()> {
    let entry = AuditRecord {
        actor: Some(account_id(reader)?),
        action,
        subject_kind: subject.0,
        subject_id: subject.1.to_string(),
        detail,
        district: None,
    };
    audit::record(db, entry).await
}

/// A transaction whose first statement writes (nothing), so that on
/// SQLite it holds the write lock from the start: a transaction that reads
/// first cannot take the lock once another connection has written (a job,
/// another author), and the save would fail. On PostgreSQL it costs a
/// no-op update.
async fn begin_write(state: &AppState) -> ServiceResult<DatabaseTransaction> {
    let txn = state.db.begin().await?;
    course::Entity::update_many()
        .col_expr(course::Column::UpdatedAt, Expr::col(course::Column::UpdatedAt))
        .filter(course::Column::Id.eq(Uuid::nil()))
        .exec(&txn)
        .await?;
    Ok(txn)
}

/// A course changed: its date moves, so the authoring page lists it first.
async fn touch(db: &impl ConnectionTrait, course: Uuid) -> ServiceResult<()> {
    course::ActiveModel { id: Set(course), updated_at: Set(clock::now()), ..Default::default() }.update(db).await?;
    Ok(())
}

/// `/training/authoring`: the authored courses, latest change first, and
/// the imported ones.
pub async fn overview(state: &AppState, reader: &SessionUser, locale: Locale) -> ServiceResult<AuthoringPage> {
    require_author(reader)?;
    let courses = course::Entity::find().order_by_desc(course::Column::UpdatedAt).all(&state.db).await?;
    let counts: HashMap<Uuid, i64> = lesson::Entity::find()
        .select_only()
        .column(lesson::Column::CourseId)
        .column_as(lesson::Column::Id.count(), "lessons")
        .filter(lesson::Column::Status.ne(PartStatus::Retired.code()))
        .group_by(lesson::Column::CourseId)
        .into_tuple::<(Uuid, i64)>()
        .all(&state.db)
        .await?
        .into_iter()
        .collect();
    let mut page = AuthoringPage::default();
    for row in courses {
        let lessons = counts.get(&row.id).copied().unwrap_or(0);
        let entry = AuthoredCourse {
            id: row.id.to_string(),
            title: locale.pick(&row.title_it, &row.title_en).to_owned(),
            status: status_of(&row.status),
            lessons: usize::try_from(lessons).unwrap_or(usize::MAX),
            updated_at: row.updated_at,
        };
        if row.origin == ORIGIN { page.courses.push(entry) } else { page.imported.push(entry) }
    }
    Ok(page)
}

/// A new draft course; its id.
pub async fn create_course(state: &AppState, reader: &SessionUser, fields: &PartFields) -> ServiceResult<Uuid> {
    require_author(reader)?;
    let fields = checked_fields(fields)?;
    let id = Uuid::new_v4();
    let now = clock::now();
    let row = course::Model {
        id,
        key: new_key("course", id),
        title_it: fields.title_it,
        title_en: fields.title_en,
        summary_it: fields.summary_it,
        summary_en: fields.summary_en,
        status: PartStatus::Draft.code().to_owned(),
        origin: ORIGIN.to_owned(),
        created_at: now,
        updated_at: now,
    };
    let txn = begin_write(state).await?;
    row.into_active_model().insert(&txn).await?;
    record(&txn, reader, "course.created", ("course", id), String::new()).await?;
    txn.commit().await?;
    Ok(id)
}

/// Whether a cycle not yet over runs `course`.
async fn in_use(db: &impl ConnectionTrait, course: Uuid) -> ServiceResult<bool> {
    let running = [CycleStatus::Draft, CycleStatus::Open, CycleStatus::Running].map(CycleStatus::code);
    let count = training_cycle::Entity::find()
        .filter(training_cycle::Column::CourseId.eq(course))
        .filter(training_cycle::Column::Status.is_in(running))
        .count(db)
        .await?;
    Ok(count > 0)
}

/// `/training/authoring/courses/{id}`: the course, its modules and lessons.
pub async fn course_editor(state: &AppState, reader: &SessionUser, locale: Locale, id: &str) -> ServiceResult<CourseEditor> {
    require_author(reader)?;
    let db = &state.db;
    let course = authored_course(db, parse_id(id)?).await?;
    let retired = PartStatus::Retired.code();
    let modules = course_module::Entity::find()
        .filter(course_module::Column::CourseId.eq(course.id))
        .filter(course_module::Column::Status.ne(retired))
        .order_by_asc(course_module::Column::Position)
        .all(db)
        .await?;
    let lessons = lesson::Entity::find()
        .filter(lesson::Column::CourseId.eq(course.id))
        .filter(lesson::Column::Status.ne(retired))
        .order_by_asc(lesson::Column::Position)
        .all(db)
        .await?;
    let quizzes =
        quiz::Entity::find().filter(quiz::Column::CourseId.eq(course.id)).filter(quiz::Column::Status.ne(retired)).all(db).await?;
    let questions = quiz_question::Entity::find().filter(quiz_question::Column::QuizId.is_in(quizzes.iter().map(|q| q.id))).all(db).await?;
    let modules = modules
        .into_iter()
        .map(|module| ModuleEntry {
            quiz: quizzes.iter().find(|q| q.module_id == module.id).map(|q| QuizEntry {
                id: q.id.to_string(),
                title: locale.pick(&q.title_it, &q.title_en).to_owned(),
                status: status_of(&q.status),
                questions: questions.iter().filter(|question| question.quiz_id == q.id).count(),
            }),
            id: module.id.to_string(),
            status: status_of(&module.status),
            lessons: lessons
                .iter()
                .filter(|l| l.module_id == module.id)
                .map(|l| LessonEntry {
                    id: l.id.to_string(),
                    title: locale.pick(&l.title_it, &l.title_en).to_owned(),
                    status: status_of(&l.status),
                    version: l.version,
                })
                .collect(),
            fields: PartFields {
                title_it: module.title_it,
                title_en: module.title_en,
                summary_it: module.summary_it,
                summary_en: module.summary_en,
            },
        })
        .collect();
    Ok(CourseEditor {
        id: course.id.to_string(),
        in_use: in_use(db, course.id).await?,
        status: status_of(&course.status),
        fields: PartFields {
            title_it: course.title_it,
            title_en: course.title_en,
            summary_it: course.summary_it,
            summary_en: course.summary_en,
        },
        modules,
    })
}

/// Changes a course's titles and summaries.
pub async fn save_course(state: &AppState, reader: &SessionUser, id: &str, fields: &PartFields) -> ServiceResult<()> {
    require_author(reader)?;
    let fields = checked_fields(fields)?;
    let txn = begin_write(state).await?;
    let course = authored_course(&txn, parse_id(id)?).await?;
    course::ActiveModel {
        id: Set(course.id),
        title_it: Set(fields.title_it),
        title_en: Set(fields.title_en),
        summary_it: Set(fields.summary_it),
        summary_en: Set(fields.summary_en),
        updated_at: Set(clock::now()),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    record(&txn, reader, "course.saved", ("course", course.id), String::new()).await?;
    txn.commit().await?;
    Ok(())
}

/// Publishes a course (`to` "published": it needs a published lesson) or
/// takes it back to draft (`to` "draft": not while a cycle runs it). Its
/// lessons enter or leave the search with it.
pub async fn set_course_status(state: &AppState, reader: &SessionUser, id: &str, to: &str) -> ServiceResult<()> {
    require_author(reader)?;
    let to = publishing_state(to)?;
    let txn = begin_write(state).await?;
    let course = authored_course(&txn, parse_id(id)?).await?;
    if status_of(&course.status) == to {
        return Ok(());
    }
    match to {
        PartStatus::Published => {
            let published_lessons = lesson::Entity::find()
                .filter(lesson::Column::CourseId.eq(course.id))
                .filter(lesson::Column::Status.eq(PartStatus::Published.code()))
                .count(&txn)
                .await?;
            if published_lessons == 0 {
                return Err(ServiceError::Refused(Problem::NothingPublished));
            }
        }
        _ if in_use(&txn, course.id).await? => return Err(ServiceError::Refused(Problem::CourseInUse)),
        _ => {}
    }
    let course =
        course::ActiveModel { id: Set(course.id), status: Set(to.code().to_owned()), updated_at: Set(clock::now()), ..Default::default() }
            .update(&txn)
            .await?;
    findable::index_course(&txn, &course).await?;
    let action = if to == PartStatus::Published { "course.published" } else { "course.withdrawn" };
    record(&txn, reader, action, ("course", course.id), String::new()).await?;
    txn.commit().await?;
    Ok(())
}

/// The next position at the end of a list whose last position is `last`.
fn after(last: Option<i32>) -> i32 {
    last.map_or(1, |p| p.saturating_add(1))
}

/// Adds a draft module at the end of course `course_id`; it is published
/// with its first lesson.
pub async fn add_module(state: &AppState, reader: &SessionUser, course_id: &str, fields: &PartFields) -> ServiceResult<Uuid> {
    require_author(reader)?;
    let fields = checked_fields(fields)?;
    let txn = begin_write(state).await?;
    let course = authored_course(&txn, parse_id(course_id)?).await?;
    touch(&txn, course.id).await?;
    let last = course_module::Entity::find()
        .filter(course_module::Column::CourseId.eq(course.id))
        .order_by_desc(course_module::Column::Position)
        .one(&txn)
        .await?
        .map(|m| m.position);
    let id = Uuid::new_v4();
    course_module::Model {
        id,
        course_id: course.id,
        key: new_key("module", id),
        position: after(last),
        title_it: fields.title_it,
        title_en: fields.title_en,
        summary_it: fields.summary_it,
        summary_en: fields.summary_en,
        status: PartStatus::Draft.code().to_owned(),
    }
    .into_active_model()
    .insert(&txn)
    .await?;
    record(&txn, reader, "course.module_added", ("course", course.id), id.to_string()).await?;
    txn.commit().await?;
    Ok(id)
}

/// Changes a module's titles and summaries; its course.
pub async fn save_module(state: &AppState, reader: &SessionUser, id: &str, fields: &PartFields) -> ServiceResult<Uuid> {
    require_author(reader)?;
    let fields = checked_fields(fields)?;
    let txn = begin_write(state).await?;
    let (module, course) = authored_module(&txn, parse_id(id)?).await?;
    touch(&txn, course.id).await?;
    course_module::ActiveModel {
        id: Set(module.id),
        title_it: Set(fields.title_it),
        title_en: Set(fields.title_en),
        summary_it: Set(fields.summary_it),
        summary_en: Set(fields.summary_en),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    record(&txn, reader, "course.module_saved", ("course", course.id), module.id.to_string()).await?;
    txn.commit().await?;
    Ok(course.id)
}

/// Takes a module, and so its lessons and quiz, out of the course; its course.
pub async fn retire_module(state: &AppState, reader: &SessionUser, id: &str) -> ServiceResult<Uuid> {
    require_author(reader)?;
    let txn = begin_write(state).await?;
    let (module, course) = authored_module(&txn, parse_id(id)?).await?;
    touch(&txn, course.id).await?;
    let retired = PartStatus::Retired.code();
    course_module::ActiveModel { id: Set(module.id), status: Set(retired.to_owned()), ..Default::default() }.update(&txn).await?;
    lesson::Entity::update_many()
        .col_expr(lesson::Column::Status, retired.into())
        .filter(lesson::Column::ModuleId.eq(module.id))
        .exec(&txn)
        .await?;
    quiz::Entity::update_many()
        .col_expr(quiz::Column::Status, retired.into())
        .filter(quiz::Column::ModuleId.eq(module.id))
        .exec(&txn)
        .await?;
    findable::index_course(&txn, &course).await?;
    record(&txn, reader, "course.module_retired", ("course", course.id), module.id.to_string()).await?;
    txn.commit().await?;
    Ok(course.id)
}

/// Moves a module (`kind` "module") or a lesson ("lesson") one place up or
/// down among the others of its course or module, swapping positions with
/// its neighbour; its course. At either end, nothing moves.
pub async fn move_part(state: &AppState, reader: &SessionUser, kind: &str, id: &str, direction: &str) -> ServiceResult<Uuid> {
    require_author(reader)?;
    let direction = Direction::from_code(direction).ok_or(ServiceError::Refused(Problem::NotNow))?;
    let id = parse_id(id)?;
    let txn = begin_write(state).await?;
    let course = match kind {
        "module" => {
            let (module, course) = authored_module(&txn, id).await?;
            let siblings = course_module::Entity::find()
                .filter(course_module::Column::CourseId.eq(course.id))
                .filter(course_module::Column::Status.ne(PartStatus::Retired.code()))
                .order_by_asc(course_module::Column::Position)
                .all(&txn)
                .await?;
            let order: Vec<(Uuid, i32)> = siblings.iter().map(|m| (m.id, m.position)).collect();
            for (id, position) in moved(&order, module.id, direction) {
                course_module::ActiveModel { id: Set(id), position: Set(position), ..Default::default() }.update(&txn).await?;
            }
            course
        }
        "lesson" => {
            let (row, course) = lessons::authored_lesson(&txn, id).await?;
            let siblings = lesson::Entity::find()
                .filter(lesson::Column::ModuleId.eq(row.module_id))
                .filter(lesson::Column::Status.ne(PartStatus::Retired.code()))
                .order_by_asc(lesson::Column::Position)
                .all(&txn)
                .await?;
            let order: Vec<(Uuid, i32)> = siblings.iter().map(|l| (l.id, l.position)).collect();
            for (id, position) in moved(&order, row.id, direction) {
                lesson::ActiveModel { id: Set(id), position: Set(position), ..Default::default() }.update(&txn).await?;
            }
            course
        }
        _ => return Err(ServiceError::NotFound),
    };
    touch(&txn, course.id).await?;
    record(&txn, reader, "course.reordered", ("course", course.id), format!("{kind} {id} {}", direction.code())).await?;
    txn.commit().await?;
    Ok(course.id)
}

/// The new positions (1, 2, …) of the parts in `order` (each with its
/// position) once `id` swapped places with its neighbour, for those whose
/// position changes: none when `id` is at the end it would move past.
/// Numbering afresh also mends positions that tie or leave gaps.
fn moved(order: &[(Uuid, i32)], id: Uuid, direction: Direction) -> Vec<(Uuid, i32)> {
    let Some(at) = order.iter().position(|(part, _)| *part == id) else { return Vec::new() };
    let other = match direction {
        Direction::Up => at.checked_sub(1),
        Direction::Down => Some(at + 1).filter(|&i| i < order.len()),
    };
    let Some(other) = other else { return Vec::new() };
    let mut parts: Vec<(Uuid, i32)> = order.to_vec();
    parts.swap(at, other);
    parts.into_iter().zip(1..).filter(|((_, before), after)| before != after).map(|((part, _), after)| (part, after)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    #[test]
    fn a_part_swaps_places_with_its_neighbour() {
        let order = [(id(0), 1), (id(1), 2), (id(2), 3)];
        assert_eq!(moved(&order, id(1), Direction::Up), vec![(id(1), 1), (id(0), 2)]);
        assert_eq!(moved(&order, id(1), Direction::Down), vec![(id(2), 2), (id(1), 3)]);
    }

    #[test]
    fn nothing_moves_past_either_end() {
        let order = [(id(0), 1), (id(1), 2)];
        assert!(moved(&order, id(0), Direction::Up).is_empty());
        assert!(moved(&order, id(1), Direction::Down).is_empty());
        assert!(moved(&order, id(9), Direction::Up).is_empty());
    }

    #[test]
    fn tied_or_gapped_positions_are_numbered_afresh() {
        let order = [(id(0), 5), (id(1), 5), (id(2), 40)];
        assert_eq!(moved(&order, id(1), Direction::Up), vec![(id(1), 1), (id(0), 2), (id(2), 3)]);
    }
}
