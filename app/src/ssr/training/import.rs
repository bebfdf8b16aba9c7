//! `content/` into the database. Parts are matched on their key (the
//! content's `id`) within their course, so a re-import updates in place:
//! ids, and so learners' progress, survive; a lesson whose text changed
//! becomes a new version; a part gone from the files is retired, not
//! deleted. The course is checked first: malformed content imports nothing.

use std::{
    collections::{HashMap, HashSet},
    hash::Hash,
    path::Path,
};

use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ColumnTrait as _, ConnectionTrait, EntityTrait, IntoActiveModel, ModelTrait, QueryFilter as _,
    TransactionSession as _, TransactionTrait, prelude::Uuid, sea_query::Expr,
};

use super::{
    keep_version, published,
    render::{CourseLinks, render},
};
use crate::{
    domain::training::PartStatus,
    ssr::{
        clock,
        content::{self, Bilingual, ContentProblem, Course, Rules},
        entities::{case_study, course, course_module, glossary_term, lesson, quiz, quiz_choice, quiz_question},
        error::{ServiceError, ServiceResult},
    },
};

/// The `origin` of a course imported from the content folder.
pub const ORIGIN: &str = "content";

/// What an import did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub created: usize,
    pub updated: usize,
    /// Lessons whose text changed: learners see a new version.
    pub new_versions: usize,
    /// Parts no longer in the files, kept out of the course.
    pub retired: usize,
}

/// Why an import did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the content has {} problem(s) to fix", .0.len())]
    Content(Vec<ContentProblem>),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<sea_orm::DbErr> for ImportError {
    fn from(error: sea_orm::DbErr) -> ImportError {
        ImportError::Service(error.into())
    }
}

/// Checks and imports the course in `root`, in one transaction.
pub async fn import_folder(db: &impl TransactionTrait, root: &Path) -> Result<ImportReport, ImportError> {
    let course = content::load(root, &Rules::ditu()).map_err(ImportError::Content)?;
    let txn = db.begin().await?;
    let report = import(&txn, &course).await?;
    txn.commit().await?;
    Ok(report)
}

/// Imports the course in `root` unless a course from the content folder is
/// there already: what a first start does. `Ok(None)` when it was there.
pub async fn import_if_missing(db: &(impl TransactionTrait + ConnectionTrait), root: &Path) -> Result<Option<ImportReport>, ImportError> {
    let imported = course::Entity::find().filter(course::Column::Origin.eq(ORIGIN)).one(db).await?;
    if imported.is_some() {
        return Ok(None);
    }
    import_folder(db, root).await.map(Some)
}

/// Writes `after` over `before`, the row with the same key if there is one.
async fn save<M>(db: &impl ConnectionTrait, before: Option<&M>, after: M, report: &mut ImportReport) -> ServiceResult<()>
where
    M: ModelTrait + IntoActiveModel<<M::Entity as EntityTrait>::ActiveModel> + PartialEq,
    <M::Entity as EntityTrait>::ActiveModel: ActiveModelTrait<Entity = M::Entity> + ActiveModelBehavior + Send,
    <M::Entity as EntityTrait>::Model: IntoActiveModel<<M::Entity as EntityTrait>::ActiveModel>,
{
    match before {
        Some(before) if *before == after => {}
        Some(_) => {
            after.into_active_model().reset_all().update(db).await?;
            report.updated += 1;
        }
        None => {
            after.into_active_model().reset_all().insert(db).await?;
            report.created += 1;
        }
    }
    Ok(())
}

/// The rows of one kind, by key.
fn by_key<M, K: Eq + Hash>(rows: Vec<M>, key: impl Fn(&M) -> K) -> HashMap<K, M> {
    rows.into_iter().map(|row| (key(&row), row)).collect()
}

/// The id a part keeps, or a new one.
fn id_of<M>(existing: &HashMap<String, M>, key: &str, id: impl Fn(&M) -> Uuid) -> Uuid {
    existing.get(key).map_or_else(Uuid::new_v4, id)
}

fn position(order: u32) -> i32 {
    i32::try_from(order).unwrap_or(i32::MAX)
}

/// Imports a checked course into the open transaction `db`.
pub async fn import(db: &impl ConnectionTrait, source: &Course) -> ServiceResult<ImportReport> {
    let mut report = ImportReport::default();
    let now = clock::now();
    let Bilingual { it: title_it, en: title_en } = source.title.clone();
    let Bilingual { it: summary_it, en: summary_en } = source.summary.clone();

    // A write comes first: on SQLite the transaction then holds the write
    // lock throughout (a read first could not take it while the server
    // writes), and on both engines a second import waits for this one.
    course::Entity::update_many()
        .col_expr(course::Column::UpdatedAt, Expr::col(course::Column::UpdatedAt))
        .filter(course::Column::Key.eq(&source.id))
        .exec(db)
        .await?;
    let existing_course = course::Entity::find().filter(course::Column::Key.eq(&source.id)).one(db).await?;
    let course_id = existing_course.as_ref().map_or_else(Uuid::new_v4, |c| c.id);
    let course_row = course::Model {
        id: course_id,
        key: source.id.clone(),
        title_it,
        title_en,
        summary_it,
        summary_en,
        status: published().to_owned(),
        origin: ORIGIN.into(),
        created_at: existing_course.as_ref().map_or(now, |c| c.created_at),
        updated_at: existing_course.as_ref().map_or(now, |c| c.updated_at),
    };
    let course_row = if existing_course.as_ref().is_some_and(|c| *c != course_row) {
        course::Model { updated_at: now, ..course_row }
    } else {
        course_row
    };
    save(db, existing_course.as_ref(), course_row, &mut report).await?;

    let modules =
        by_key(course_module::Entity::find().filter(course_module::Column::CourseId.eq(course_id)).all(db).await?, |m| m.key.clone());
    let lessons = by_key(lesson::Entity::find().filter(lesson::Column::CourseId.eq(course_id)).all(db).await?, |l| l.key.clone());
    let cases = by_key(case_study::Entity::find().filter(case_study::Column::CourseId.eq(course_id)).all(db).await?, |c| c.key.clone());
    let quizzes = by_key(quiz::Entity::find().filter(quiz::Column::CourseId.eq(course_id)).all(db).await?, |q| q.key.clone());
    let terms =
        by_key(glossary_term::Entity::find().filter(glossary_term::Column::CourseId.eq(course_id)).all(db).await?, |t| t.key.clone());

    // Every id first, so that any text can link to any part.
    let links = CourseLinks {
        course: course_id,
        lessons: source.modules.iter().flat_map(|m| &m.lessons).map(|l| (l.id.clone(), id_of(&lessons, &l.id, |r| r.id))).collect(),
        cases: source.modules.iter().flat_map(|m| &m.cases).map(|c| (c.id.clone(), id_of(&cases, &c.id, |r| r.id))).collect(),
        glossary: source.glossary.iter().map(|t| (t.id.clone(), t.definition.it.clone())).collect(),
    };

    for term in &source.glossary {
        let row = glossary_term::Model {
            id: id_of(&terms, &term.id, |r| r.id),
            course_id,
            key: term.id.clone(),
            term_it: term.it.clone(),
            term_en: term.en.clone(),
            definition_it: term.definition.it.clone(),
            definition_en: term.definition.en.clone(),
        };
        save(db, terms.get(&term.id), row, &mut report).await?;
    }
    let kept_terms: Vec<&String> = source.glossary.iter().map(|t| &t.id).collect();
    let gone_terms: Vec<Uuid> = terms.values().filter(|t| !kept_terms.contains(&&t.key)).map(|t| t.id).collect();
    if !gone_terms.is_empty() {
        // Nothing hangs on a term: links to it render unlinked from now on.
        report.retired += gone_terms.len();
        glossary_term::Entity::delete_many().filter(glossary_term::Column::Id.is_in(gone_terms)).exec(db).await?;
    }

    for module in &source.modules {
        let module_id = id_of(&modules, &module.id, |r| r.id);
        let row = course_module::Model {
            id: module_id,
            course_id,
            key: module.id.clone(),
            position: position(module.order),
            title_it: module.title.it.clone(),
            title_en: module.title.en.clone(),
            summary_it: module.summary.it.clone(),
            summary_en: module.summary.en.clone(),
            status: published().to_owned(),
        };
        save(db, modules.get(&module.id), row, &mut report).await?;

        for source_lesson in &module.lessons {
            let before = lessons.get(&source_lesson.id);
            let html = render(&source_lesson.body, &links);
            let changed_text = before.is_some_and(|b| b.body != source_lesson.body);
            let version = before.map_or(1, |b| b.version + i32::from(changed_text));
            let row = lesson::Model {
                id: links.lessons[&source_lesson.id],
                course_id,
                module_id,
                key: source_lesson.id.clone(),
                position: position(source_lesson.order),
                minutes: position(source_lesson.minutes),
                title_it: source_lesson.title.it.clone(),
                title_en: source_lesson.title.en.clone(),
                summary_it: source_lesson.summary.it.clone(),
                summary_en: source_lesson.summary.en.clone(),
                body: source_lesson.body.clone(),
                body_html: html.clone(),
                version,
                status: published().to_owned(),
                updated_at: before.map_or(now, |b| b.updated_at),
            };
            let row = if before.is_some_and(|b| *b != row) { lesson::Model { updated_at: now, ..row } } else { row };
            let lesson_id = row.id;
            save(db, before, row, &mut report).await?;
            if before.is_none() || changed_text {
                report.new_versions += usize::from(changed_text);
                keep_version(db, lesson_id, version, &source_lesson.body, html).await?;
            }
        }

        for source_case in &module.cases {
            let row = case_study::Model {
                id: links.cases[&source_case.id],
                course_id,
                module_id,
                key: source_case.id.clone(),
                position: position(source_case.order),
                title_it: source_case.title.it.clone(),
                title_en: source_case.title.en.clone(),
                summary_it: source_case.summary.it.clone(),
                summary_en: source_case.summary.en.clone(),
                body: source_case.body.clone(),
                body_html: render(&source_case.body, &links),
                status: published().to_owned(),
            };
            save(db, cases.get(&source_case.id), row, &mut report).await?;
        }

        if let Some(source_quiz) = &module.quiz {
            import_quiz(db, course_id, module_id, quizzes.get(&source_quiz.id), source_quiz, &mut report).await?;
        }
    }

    // What the files no longer hold leaves the course, kept for what hangs on it.
    let retired = PartStatus::Retired.code();
    let in_files: HashSet<&String> = source
        .modules
        .iter()
        .flat_map(|m| {
            std::iter::once(&m.id)
                .chain(m.lessons.iter().map(|l| &l.id))
                .chain(m.cases.iter().map(|c| &c.id))
                .chain(m.quiz.iter().map(|q| &q.id))
        })
        .collect();
    let gone = |key: &String, status: &str| status != retired && !in_files.contains(key);
    let mut unused = ImportReport::default();
    for row in modules.values().filter(|r| gone(&r.key, &r.status)) {
        save(db, Some(row), course_module::Model { status: retired.into(), ..row.clone() }, &mut unused).await?;
        report.retired += 1;
    }
    for row in lessons.values().filter(|r| gone(&r.key, &r.status)) {
        save(db, Some(row), lesson::Model { status: retired.into(), updated_at: now, ..row.clone() }, &mut unused).await?;
        report.retired += 1;
    }
    for row in cases.values().filter(|r| gone(&r.key, &r.status)) {
        save(db, Some(row), case_study::Model { status: retired.into(), ..row.clone() }, &mut unused).await?;
        report.retired += 1;
    }
    for row in quizzes.values().filter(|r| gone(&r.key, &r.status)) {
        save(db, Some(row), quiz::Model { status: retired.into(), ..row.clone() }, &mut unused).await?;
        report.retired += 1;
    }
    // The index follows every lesson of the course, published or retired.
    let lessons = lesson::Entity::find().filter(lesson::Column::CourseId.eq(course_id)).all(db).await?;
    super::findable::index_lessons(db, &lessons).await?;
    Ok(report)
}

/// A quiz with its questions and choices. Questions and choices gone from
/// the file are deleted: attempts keep what was asked and answered.
async fn import_quiz(
    db: &impl ConnectionTrait,
    course_id: Uuid,
    module_id: Uuid,
    before: Option<&quiz::Model>,
    source: &content::Quiz,
    report: &mut ImportReport,
) -> ServiceResult<()> {
    let quiz_id = before.map_or_else(Uuid::new_v4, |q| q.id);
    let row = quiz::Model {
        id: quiz_id,
        course_id,
        module_id,
        key: source.id.clone(),
        title_it: source.title.it.clone(),
        title_en: source.title.en.clone(),
        pass_percent: i16::from(source.pass_percent),
        max_attempts: before.and_then(|q| q.max_attempts),
        status: published().to_owned(),
    };
    save(db, before, row, report).await?;

    let questions =
        by_key(quiz_question::Entity::find().filter(quiz_question::Column::QuizId.eq(quiz_id)).all(db).await?, |q| q.key.clone());
    let question_ids: Vec<Uuid> = questions.values().map(|q| q.id).collect();
    let choices = by_key(quiz_choice::Entity::find().filter(quiz_choice::Column::QuestionId.is_in(question_ids)).all(db).await?, |c| {
        (c.question_id, c.key.clone())
    });
    for (index, question) in source.questions.iter().enumerate() {
        let question_id = id_of(&questions, &question.id, |q| q.id);
        let row = quiz_question::Model {
            id: question_id,
            quiz_id,
            key: question.id.clone(),
            position: i32::try_from(index).unwrap_or(i32::MAX),
            kind: match question.kind {
                content::QuestionKind::Single => "single",
                content::QuestionKind::Multiple => "multiple",
            }
            .into(),
            prompt_it: question.prompt.it.clone(),
            prompt_en: question.prompt.en.clone(),
            explanation_it: question.explanation.it.clone(),
            explanation_en: question.explanation.en.clone(),
        };
        save(db, questions.get(&question.id), row, report).await?;
        for (index, choice) in question.choices.iter().enumerate() {
            let before = choices.get(&(question_id, choice.id.clone()));
            let row = quiz_choice::Model {
                id: before.map_or_else(Uuid::new_v4, |c| c.id),
                question_id,
                key: choice.id.clone(),
                position: i32::try_from(index).unwrap_or(i32::MAX),
                correct: choice.correct,
                text_it: choice.text.it.clone(),
                text_en: choice.text.en.clone(),
            };
            save(db, before, row, report).await?;
        }
    }
    let gone_questions: Vec<Uuid> = questions.values().filter(|q| !source.questions.iter().any(|s| s.id == q.key)).map(|q| q.id).collect();
    let gone_choices: Vec<Uuid> = choices
        .values()
        .filter(|c| {
            !source
                .questions
                .iter()
                .any(|s| questions.get(&s.id).is_some_and(|q| q.id == c.question_id) && s.choices.iter().any(|k| k.id == c.key))
        })
        .map(|c| c.id)
        .collect();
    report.retired += gone_questions.len() + gone_choices.len();
    if !gone_choices.is_empty() {
        quiz_choice::Entity::delete_many().filter(quiz_choice::Column::Id.is_in(gone_choices)).exec(db).await?;
    }
    if !gone_questions.is_empty() {
        quiz_question::Entity::delete_many().filter(quiz_question::Column::Id.is_in(gone_questions)).exec(db).await?;
    }
    Ok(())
}
