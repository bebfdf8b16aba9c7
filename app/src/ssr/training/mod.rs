//! Training: the courses learners read. The DiTu course is imported from
//! `content/` (`import`), its text rendered once when published (`render`).
//! Anyone may see the catalogue, a course's outline and its glossary;
//! lessons are for signed-in readers, who mark them read; case studies are
//! whole for trainers and coordinators only.

pub mod authoring;
pub mod cycles;
pub mod findable;
pub mod import;
pub mod quizzes;
pub mod render;
pub mod sample;

use std::collections::HashMap;

use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, FromQueryResult, QueryFilter as _, QueryOrder as _,
    QuerySelect as _, TransactionTrait as _, prelude::Uuid, sea_query::OnConflict,
};

use super::{
    authz::account_id,
    clock,
    entities::{case_study, course, course_module, glossary_term, lesson, lesson_read, lesson_version, quiz, quiz_attempt, quiz_question},
    error::{ServiceError, ServiceResult},
    state::AppState,
};
use crate::{
    domain::{
        Role, SessionUser,
        training::{
            CaseLink, CasePage, Catalogue, CourseCard, CoursePage, GlossaryEntry, GlossaryPage, LessonLink, LessonPage, ModuleOutline,
            PartStatus, Progress, QuizLink, ReadState, Resume,
        },
    },
    i18n::Locale,
    routes::paths,
};

fn published() -> &'static str {
    PartStatus::Published.code()
}

/// Keeps `version` of a lesson's text as published: the history behind a
/// reader's "changed since you read it", only ever added to, whether the
/// lesson was imported or written in the browser.
async fn keep_version(db: &impl ConnectionTrait, lesson_id: Uuid, version: i32, body: &str, body_html: String) -> ServiceResult<()> {
    let row = lesson_version::ActiveModel {
        lesson_id: Set(lesson_id),
        version: Set(version),
        body: Set(body.to_owned()),
        body_html: Set(body_html),
        published_at: Set(clock::now()),
    };
    lesson_version::Entity::insert(row).exec_without_returning(db).await?;
    Ok(())
}

/// An id from a path: anything that is not one is simply not found.
fn parse_id(id: &str) -> ServiceResult<Uuid> {
    Uuid::parse_str(id).map_err(|_| ServiceError::NotFound)
}

/// Whether the reader sees case studies whole: trainers and coordinators.
fn reads_cases(reader: Option<&SessionUser>) -> bool {
    reader.is_some_and(|r| r.has_role(Role::Trainer) || r.has_role(Role::Coordinator))
}

/// What outlines need of a lesson: no text.
#[derive(Debug, FromQueryResult)]
struct LessonHead {
    id: Uuid,
    module_id: Uuid,
    minutes: i32,
    title_it: String,
    title_en: String,
    version: i32,
}

/// A published course with its published modules and lessons, in order.
struct Outline {
    course: course::Model,
    modules: Vec<(course_module::Model, Vec<LessonHead>)>,
}

impl Outline {
    fn lessons(&self) -> impl Iterator<Item = &LessonHead> {
        self.modules.iter().flat_map(|(_, lessons)| lessons)
    }
}

async fn published_course(db: &impl ConnectionTrait, id: Uuid) -> ServiceResult<course::Model> {
    course::Entity::find_by_id(id).filter(course::Column::Status.eq(published())).one(db).await?.ok_or(ServiceError::NotFound)
}

async fn outline(db: &impl ConnectionTrait, course: course::Model) -> ServiceResult<Outline> {
    let mut outlines = outlines(db, vec![course]).await?;
    outlines.pop().ok_or(ServiceError::NotFound)
}

/// The outlines of `courses`, in their order, in two queries however many
/// courses there are.
async fn outlines(db: &impl ConnectionTrait, courses: Vec<course::Model>) -> ServiceResult<Vec<Outline>> {
    let ids: Vec<Uuid> = courses.iter().map(|c| c.id).collect();
    let mut modules: HashMap<Uuid, Vec<course_module::Model>> = HashMap::new();
    for module in course_module::Entity::find()
        .filter(course_module::Column::CourseId.is_in(ids.clone()))
        .filter(course_module::Column::Status.eq(published()))
        .order_by_asc(course_module::Column::Position)
        .all(db)
        .await?
    {
        modules.entry(module.course_id).or_default().push(module);
    }
    let mut lessons: HashMap<Uuid, Vec<LessonHead>> = HashMap::new();
    for head in lesson::Entity::find()
        .select_only()
        .columns([
            lesson::Column::Id,
            lesson::Column::ModuleId,
            lesson::Column::Minutes,
            lesson::Column::TitleIt,
            lesson::Column::TitleEn,
            lesson::Column::Version,
        ])
        .filter(lesson::Column::CourseId.is_in(ids))
        .filter(lesson::Column::Status.eq(published()))
        .order_by_asc(lesson::Column::Position)
        .into_model::<LessonHead>()
        .all(db)
        .await?
    {
        lessons.entry(head.module_id).or_default().push(head);
    }
    Ok(courses
        .into_iter()
        .map(|course| {
            let modules = modules
                .remove(&course.id)
                .unwrap_or_default()
                .into_iter()
                .map(|module| {
                    let of_module = lessons.remove(&module.id).unwrap_or_default();
                    (module, of_module)
                })
                .collect();
            Outline { course, modules }
        })
        .collect())
}

/// The version of each lesson `reader` has read, of those in `lessons`.
async fn versions_read(db: &impl ConnectionTrait, reader: Option<&SessionUser>, lessons: Vec<Uuid>) -> ServiceResult<HashMap<Uuid, i32>> {
    let Some(reader) = reader else { return Ok(HashMap::new()) };
    let user = account_id(reader)?;
    Ok(lesson_read::Entity::find()
        .filter(lesson_read::Column::UserId.eq(user))
        .filter(lesson_read::Column::LessonId.is_in(lessons))
        .all(db)
        .await?
        .into_iter()
        .map(|row| (row.lesson_id, row.version))
        .collect())
}

/// Every lesson `reader` has read: a catalogue's worth of courses in one
/// indexed read (a learner reads tens of lessons, not thousands).
async fn all_reads(db: &impl ConnectionTrait, reader: &SessionUser) -> ServiceResult<Vec<lesson_read::Model>> {
    Ok(lesson_read::Entity::find().filter(lesson_read::Column::UserId.eq(account_id(reader)?)).all(db).await?)
}

fn read_state(read: &HashMap<Uuid, i32>, head: &LessonHead) -> ReadState {
    match read.get(&head.id) {
        None => ReadState::Unread,
        Some(version) if *version < head.version => ReadState::Changed,
        Some(_) => ReadState::Read,
    }
}

fn link(head: &LessonHead, read: &HashMap<Uuid, i32>, locale: Locale) -> LessonLink {
    LessonLink {
        id: head.id.to_string(),
        title: locale.pick(&head.title_it, &head.title_en).to_owned(),
        minutes: head.minutes,
        read: read_state(read, head),
    }
}

fn progress(outline: &Outline, read: &HashMap<Uuid, i32>) -> Progress {
    Progress { read: outline.lessons().filter(|head| read.contains_key(&head.id)).count(), total: outline.lessons().count() }
}

/// Where to go on: the first lesson not read, after the last one read.
fn resume(outline: &Outline, read: &HashMap<Uuid, i32>, locale: Locale) -> Option<LessonLink> {
    let lessons: Vec<&LessonHead> = outline.lessons().collect();
    let last_read = lessons.iter().rposition(|head| read.contains_key(&head.id))?;
    lessons[last_read..].iter().chain(&lessons[..last_read]).find(|head| !read.contains_key(&head.id)).map(|head| link(head, read, locale))
}

/// `/training`: the published courses; a signed-in reader's progress in
/// each and the lesson to go on with.
pub async fn catalogue(state: &AppState, reader: Option<&SessionUser>, locale: Locale) -> ServiceResult<Catalogue> {
    let courses = course::Entity::find()
        .filter(course::Column::Status.eq(published()))
        .order_by_asc(course::Column::CreatedAt)
        .all(&state.db)
        .await?;
    let outlines = outlines(&state.db, courses).await?;
    let reads = match reader {
        Some(reader) => all_reads(&state.db, reader).await?,
        None => Vec::new(),
    };
    let read: HashMap<Uuid, i32> = reads.iter().map(|row| (row.lesson_id, row.version)).collect();
    let mut catalogue = Catalogue::default();
    for outline in &outlines {
        let course = &outline.course;
        catalogue.courses.push(CourseCard {
            id: course.id.to_string(),
            title: locale.pick(&course.title_it, &course.title_en).to_owned(),
            summary: locale.pick(&course.summary_it, &course.summary_en).to_owned(),
            modules: outline.modules.len(),
            lessons: outline.lessons().count(),
            minutes: outline.lessons().map(|head| head.minutes).sum(),
            progress: reader.map(|_| progress(outline, &read)),
        });
    }
    // Where to go on, as `resume_for` says, from what is loaded already:
    // in the course of the last lesson read of those still published.
    let in_course = |lesson: Uuid| outlines.iter().find(|outline| outline.lessons().any(|head| head.id == lesson));
    let last = reads.iter().filter(|row| in_course(row.lesson_id).is_some()).max_by_key(|row| row.read_at);
    catalogue.resume = last.and_then(|last| {
        let outline = in_course(last.lesson_id)?;
        let course = &outline.course;
        resume(outline, &read, locale).map(|lesson| Resume { course: locale.pick(&course.title_it, &course.title_en).to_owned(), lesson })
    });
    catalogue.writes_courses = reader.is_some_and(authoring::is_author);
    Ok(catalogue)
}

/// Where `reader` goes on: in the course of the lesson they marked read
/// last, the first lesson not read after it.
pub async fn resume_for(state: &AppState, reader: &SessionUser, locale: Locale) -> ServiceResult<Option<Resume>> {
    let last = lesson_read::Entity::find()
        .filter(lesson_read::Column::UserId.eq(account_id(reader)?))
        .order_by_desc(lesson_read::Column::ReadAt)
        .one(&state.db)
        .await?;
    let Some(last) = last else { return Ok(None) };
    let Some(lesson) = lesson::Entity::find_by_id(last.lesson_id).one(&state.db).await? else { return Ok(None) };
    let course = match published_course(&state.db, lesson.course_id).await {
        Ok(course) => course,
        Err(ServiceError::NotFound) => return Ok(None),
        Err(error) => return Err(error),
    };
    let outline = outline(&state.db, course).await?;
    let read = versions_read(&state.db, Some(reader), outline.lessons().map(|head| head.id).collect()).await?;
    let course = &outline.course;
    Ok(resume(&outline, &read, locale).map(|lesson| Resume { course: locale.pick(&course.title_it, &course.title_en).to_owned(), lesson }))
}

/// `/training/courses/{id}`: modules, lessons with what the reader read,
/// quizzes, and for trainers and coordinators the case studies.
pub async fn course_page(state: &AppState, reader: Option<&SessionUser>, locale: Locale, id: &str) -> ServiceResult<CoursePage> {
    let course = published_course(&state.db, parse_id(id)?).await?;
    let outline = outline(&state.db, course).await?;
    let read = versions_read(&state.db, reader, outline.lessons().map(|head| head.id).collect()).await?;
    let module_ids: Vec<Uuid> = outline.modules.iter().map(|(module, _)| module.id).collect();
    let quizzes: HashMap<Uuid, QuizLink> = {
        let quizzes = quiz::Entity::find()
            .filter(quiz::Column::ModuleId.is_in(module_ids.clone()))
            .filter(quiz::Column::Status.eq(published()))
            .all(&state.db)
            .await?;
        let quiz_ids: Vec<Uuid> = quizzes.iter().map(|q| q.id).collect();
        let questions = quiz_question::Entity::find().filter(quiz_question::Column::QuizId.is_in(quiz_ids.clone())).all(&state.db).await?;
        let passed: Vec<Uuid> = match reader {
            Some(reader) => quiz_attempt::Entity::find()
                .filter(quiz_attempt::Column::UserId.eq(account_id(reader)?))
                .filter(quiz_attempt::Column::QuizId.is_in(quiz_ids))
                .filter(quiz_attempt::Column::Passed.eq(true))
                .all(&state.db)
                .await?
                .into_iter()
                .map(|a| a.quiz_id)
                .collect(),
            None => Vec::new(),
        };
        quizzes
            .into_iter()
            .map(|q| {
                let link = QuizLink {
                    id: q.id.to_string(),
                    title: locale.pick(&q.title_it, &q.title_en).to_owned(),
                    questions: questions.iter().filter(|question| question.quiz_id == q.id).count(),
                    passed: passed.contains(&q.id),
                };
                (q.module_id, link)
            })
            .collect()
    };
    let mut cases: HashMap<Uuid, Vec<CaseLink>> = HashMap::new();
    if reads_cases(reader) {
        for case in case_study::Entity::find()
            .filter(case_study::Column::ModuleId.is_in(module_ids))
            .filter(case_study::Column::Status.eq(published()))
            .order_by_asc(case_study::Column::Position)
            .all(&state.db)
            .await?
        {
            cases
                .entry(case.module_id)
                .or_default()
                .push(CaseLink { id: case.id.to_string(), title: locale.pick(&case.title_it, &case.title_en).to_owned() });
        }
    }
    let course = &outline.course;
    Ok(CoursePage {
        id: course.id.to_string(),
        title: locale.pick(&course.title_it, &course.title_en).to_owned(),
        summary: locale.pick(&course.summary_it, &course.summary_en).to_owned(),
        progress: reader.map(|_| progress(&outline, &read)),
        resume: resume(&outline, &read, locale),
        modules: outline
            .modules
            .iter()
            .map(|(module, lessons)| ModuleOutline {
                title: locale.pick(&module.title_it, &module.title_en).to_owned(),
                summary: locale.pick(&module.summary_it, &module.summary_en).to_owned(),
                lessons: lessons.iter().map(|head| link(head, &read, locale)).collect(),
                quiz: quizzes.get(&module.id).cloned(),
                cases: cases.remove(&module.id).unwrap_or_default(),
            })
            .collect(),
    })
}

/// A published lesson of a published module and course.
async fn published_lesson(db: &impl ConnectionTrait, id: &str) -> ServiceResult<lesson::Model> {
    lesson::Entity::find_by_id(parse_id(id)?).filter(lesson::Column::Status.eq(published())).one(db).await?.ok_or(ServiceError::NotFound)
}

/// `/training/lessons/{id}`: the text, where it sits in the course, and
/// whether the reader has read it (or it changed since).
pub async fn lesson_page(state: &AppState, reader: &SessionUser, locale: Locale, id: &str) -> ServiceResult<LessonPage> {
    let lesson = published_lesson(&state.db, id).await?;
    let course = published_course(&state.db, lesson.course_id).await?;
    let outline = outline(&state.db, course).await?;
    let lessons: Vec<&LessonHead> = outline.lessons().collect();
    // A lesson of a module taken out of the course is not in the outline.
    let place = lessons.iter().position(|head| head.id == lesson.id).ok_or(ServiceError::NotFound)?;
    let read = versions_read(&state.db, Some(reader), lessons.iter().map(|head| head.id).collect()).await?;
    let module =
        outline.modules.iter().map(|(module, _)| module).find(|module| module.id == lesson.module_id).ok_or(ServiceError::NotFound)?;
    let course = &outline.course;
    Ok(LessonPage {
        id: lesson.id.to_string(),
        course_id: course.id.to_string(),
        course_title: locale.pick(&course.title_it, &course.title_en).to_owned(),
        module_title: locale.pick(&module.title_it, &module.title_en).to_owned(),
        title: locale.pick(&lesson.title_it, &lesson.title_en).to_owned(),
        summary: locale.pick(&lesson.summary_it, &lesson.summary_en).to_owned(),
        minutes: lesson.minutes,
        read: read_state(&read, lessons[place]),
        previous: place.checked_sub(1).map(|before| link(lessons[before], &read, locale)),
        next: lessons.get(place + 1).map(|after| link(after, &read, locale)),
        place: (place + 1, lessons.len()),
        version: lesson.version,
        updated_at: lesson.updated_at,
        html: lesson.body_html,
    })
}

/// Marks lesson `id` as read by `reader`, at its current version, and
/// says where to go on: the next lesson, or the course after the last.
pub async fn mark_read(state: &AppState, reader: &SessionUser, id: &str) -> ServiceResult<String> {
    let lesson = published_lesson(&state.db, id).await?;
    let row = lesson_read::ActiveModel {
        user_id: Set(account_id(reader)?),
        lesson_id: Set(lesson.id),
        version: Set(lesson.version),
        read_at: Set(clock::now()),
    };
    let txn = state.db.begin().await?;
    lesson_read::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([lesson_read::Column::UserId, lesson_read::Column::LessonId])
                .update_columns([lesson_read::Column::Version, lesson_read::Column::ReadAt])
                .to_owned(),
        )
        .exec(&txn)
        .await?;
    cycles::certificates::settle_course(&txn, state, account_id(reader)?, lesson.course_id).await?;
    txn.commit().await?;
    let outline = outline(&state.db, published_course(&state.db, lesson.course_id).await?).await?;
    let mut after = outline.lessons().skip_while(|head| head.id != lesson.id).skip(1);
    Ok(after.next().map_or_else(|| paths::training_course(lesson.course_id), |next| paths::training_lesson(next.id)))
}

/// `/training/courses/{id}/glossary`: every term, in the reader's language's order.
pub async fn glossary_page(state: &AppState, locale: Locale, id: &str) -> ServiceResult<GlossaryPage> {
    let course = published_course(&state.db, parse_id(id)?).await?;
    let mut terms: Vec<GlossaryEntry> = glossary_term::Entity::find()
        .filter(glossary_term::Column::CourseId.eq(course.id))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|term| GlossaryEntry {
            term: locale.pick(&term.term_it, &term.term_en).to_owned(),
            translation: locale.pick(&term.term_en, &term.term_it).to_owned(),
            definition: locale.pick(&term.definition_it, &term.definition_en).to_owned(),
            key: term.key,
        })
        .collect();
    terms.sort_by_cached_key(|term| term.term.to_lowercase());
    Ok(GlossaryPage { course_id: course.id.to_string(), course_title: locale.pick(&course.title_it, &course.title_en).to_owned(), terms })
}

/// `/training/cases/{id}`: signed-in readers see what the case is about;
/// trainers and coordinators the whole text with its discussion guide.
pub async fn case_page(state: &AppState, reader: &SessionUser, locale: Locale, id: &str) -> ServiceResult<CasePage> {
    let case = case_study::Entity::find_by_id(parse_id(id)?)
        .filter(case_study::Column::Status.eq(published()))
        .one(&state.db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let course = published_course(&state.db, case.course_id).await?;
    let module = course_module::Entity::find_by_id(case.module_id).one(&state.db).await?.ok_or(ServiceError::NotFound)?;
    Ok(CasePage {
        course_id: course.id.to_string(),
        course_title: locale.pick(&course.title_it, &course.title_en).to_owned(),
        module_title: locale.pick(&module.title_it, &module.title_en).to_owned(),
        title: locale.pick(&case.title_it, &case.title_en).to_owned(),
        summary: locale.pick(&case.summary_it, &case.summary_en).to_owned(),
        html: reads_cases(Some(reader)).then_some(case.body_html),
    })
}
