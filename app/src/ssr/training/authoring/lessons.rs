//! Lessons written in the browser. A lesson starts as a draft; publishing
//! it makes it version 1, and each later change of its text publishes the
//! next version, kept in the same history as an imported lesson's, so
//! learners keep what they read and see that it changed. Its HTML is
//! rendered here, once, with the course's own links and ammonia. Text
//! previewed without JavaScript, or refused, is kept as the author's draft.

use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, IntoActiveModel as _, QueryFilter as _,
    QueryOrder as _, prelude::Uuid,
};

use super::{
    after, authored_course, authored_module, begin_write, check_part, checked_fields, new_key, record, require_author, status_of, touch,
};
use crate::{
    domain::{
        Problem, SessionUser,
        authoring::{LessonEditor, LessonFields, LessonIntent, PartFields, VersionEntry},
        training::PartStatus,
    },
    i18n::Locale,
    ssr::{
        authz::account_id,
        clock, drafts,
        entities::{case_study, course, course_module, glossary_term, lesson, lesson_version},
        error::{ServiceError, ServiceResult, Validation},
        state::AppState,
        training::{
            findable, keep_version, parse_id,
            render::{CourseLinks, render},
        },
    },
};

/// A lesson's text at most: a long chapter; more is two lessons.
pub const MAX_CHARS: usize = 100_000;
/// Words read in a minute, for the reading time.
const WORDS_PER_MINUTE: usize = 180;

/// The draft a lesson's refused or previewed text is kept as.
fn draft_target(id: Uuid) -> String {
    format!("lesson:{id}")
}

fn reading_minutes(body: &str) -> i32 {
    i32::try_from(body.split_whitespace().count().div_ceil(WORDS_PER_MINUTE).max(1)).unwrap_or(i32::MAX)
}

/// A lesson of an authored course, with its course.
pub(super) async fn authored_lesson(db: &impl ConnectionTrait, id: Uuid) -> ServiceResult<(lesson::Model, course::Model)> {
    let row = lesson::Entity::find_by_id(id).one(db).await?.ok_or(ServiceError::NotFound)?;
    let course = authored_course(db, row.course_id).await?;
    Ok((row, course))
}

/// What the course's `lesson:`, `case:` and `glossary:` links point to now.
async fn course_links(db: &impl ConnectionTrait, course: Uuid) -> ServiceResult<CourseLinks> {
    let lessons = lesson::Entity::find()
        .filter(lesson::Column::CourseId.eq(course))
        .filter(lesson::Column::Status.ne(PartStatus::Retired.code()))
        .all(db)
        .await?;
    let cases = case_study::Entity::find().filter(case_study::Column::CourseId.eq(course)).all(db).await?;
    let terms = glossary_term::Entity::find().filter(glossary_term::Column::CourseId.eq(course)).all(db).await?;
    Ok(CourseLinks {
        course,
        lessons: lessons.into_iter().map(|l| (l.key, l.id)).collect(),
        cases: cases.into_iter().map(|c| (c.key, c.id)).collect(),
        glossary: terms.into_iter().map(|t| (t.key, t.definition_it)).collect(),
    })
}

/// How `body` renders in authored course `course`: the editor's preview.
pub async fn preview(state: &AppState, reader: &SessionUser, course: &str, body: &str) -> ServiceResult<String> {
    require_author(reader)?;
    if body.chars().count() > MAX_CHARS {
        return Err(ServiceError::field("body", Problem::LessonTooLong));
    }
    let course = authored_course(&state.db, parse_id(course)?).await?;
    Ok(render(body, &course_links(&state.db, course.id).await?))
}

/// Adds a draft lesson, with its titles only, at the end of module
/// `module_id`; its id, for the editor to open.
pub async fn add(state: &AppState, reader: &SessionUser, module_id: &str, title_it: &str, title_en: &str) -> ServiceResult<Uuid> {
    require_author(reader)?;
    let titles = PartFields { title_it: title_it.to_owned(), title_en: title_en.to_owned(), ..PartFields::default() };
    let titles = checked_fields(&titles)?;
    let txn = begin_write(state).await?;
    let (module, course) = authored_module(&txn, parse_id(module_id)?).await?;
    touch(&txn, course.id).await?;
    if module.status == PartStatus::Retired.code() {
        return Err(ServiceError::NotFound);
    }
    let last = lesson::Entity::find()
        .filter(lesson::Column::ModuleId.eq(module.id))
        .order_by_desc(lesson::Column::Position)
        .one(&txn)
        .await?
        .map(|l| l.position);
    let id = Uuid::new_v4();
    lesson::Model {
        id,
        course_id: course.id,
        module_id: module.id,
        key: new_key("lesson", id),
        position: after(last),
        minutes: 1,
        title_it: titles.title_it,
        title_en: titles.title_en,
        summary_it: String::new(),
        summary_en: String::new(),
        body: String::new(),
        body_html: String::new(),
        // Version 1 is the first one published.
        version: 0,
        status: PartStatus::Draft.code().to_owned(),
        updated_at: clock::now(),
    }
    .into_active_model()
    .insert(&txn)
    .await?;
    record(&txn, reader, "course.lesson_added", ("course", course.id), id.to_string()).await?;
    txn.commit().await?;
    Ok(id)
}

/// `/training/authoring/lessons/{id}`: the lesson as saved, or the text the
/// author was writing when it was previewed or refused, rendered.
pub async fn editor(state: &AppState, reader: &SessionUser, locale: Locale, id: &str) -> ServiceResult<LessonEditor> {
    require_author(reader)?;
    let db = &state.db;
    let (row, course) = authored_lesson(db, parse_id(id)?).await?;
    if row.status == PartStatus::Retired.code() {
        return Err(ServiceError::NotFound);
    }
    let module = course_module::Entity::find_by_id(row.module_id).one(db).await?.ok_or(ServiceError::NotFound)?;
    let versions = lesson_version::Entity::find()
        .filter(lesson_version::Column::LessonId.eq(row.id))
        .order_by_desc(lesson_version::Column::Version)
        .all(db)
        .await?;
    let draft = match drafts::load(db, account_id(reader)?, &draft_target(row.id)).await? {
        Some(mut draft) => {
            // As the lesson will render, not as a forum post does.
            draft.preview_html = Some(render(&draft.body, &course_links(db, course.id).await?));
            draft.findings.clear();
            Some(draft)
        }
        None => None,
    };
    Ok(LessonEditor {
        id: row.id.to_string(),
        course_id: course.id.to_string(),
        course_title: locale.pick(&course.title_it, &course.title_en).to_owned(),
        module_title: locale.pick(&module.title_it, &module.title_en).to_owned(),
        key: row.key,
        fields: LessonFields {
            title_it: row.title_it,
            title_en: row.title_en,
            summary_it: row.summary_it,
            summary_en: row.summary_en,
            body: row.body,
        },
        status: status_of(&row.status),
        version: row.version,
        minutes: row.minutes,
        versions: versions.into_iter().map(|v| VersionEntry { version: v.version, published_at: v.published_at }).collect(),
        draft,
    })
}

/// The fields trimmed and checked, with the body kept as typed.
fn checked(fields: &LessonFields) -> ServiceResult<LessonFields> {
    let mut validation = Validation::default();
    let part = PartFields {
        title_it: fields.title_it.clone(),
        title_en: fields.title_en.clone(),
        summary_it: fields.summary_it.clone(),
        summary_en: fields.summary_en.clone(),
    };
    let PartFields { title_it, title_en, summary_it, summary_en } = check_part(&mut validation, &part);
    if fields.body.trim().is_empty() {
        validation.add("body", Problem::Required);
    } else if fields.body.chars().count() > MAX_CHARS {
        validation.add("body", Problem::LessonTooLong);
    }
    validation.finish()?;
    Ok(LessonFields { title_it, title_en, summary_it, summary_en, body: fields.body.clone() })
}

/// Saves lesson `id` as `intent` asks: keeps a draft's text (`Save`), shows
/// it to learners (`Publish`: a draft becomes version 1, a published
/// lesson whose text changed the next version), or keeps the text as the
/// author's draft to show it rendered (`Preview`). A published lesson is
/// always saved by publishing. Refused text is kept as the draft too.
pub async fn save(state: &AppState, reader: &SessionUser, id: &str, fields: &LessonFields, intent: LessonIntent) -> ServiceResult<()> {
    require_author(reader)?;
    let author = account_id(reader)?;
    let (before, _) = authored_lesson(&state.db, parse_id(id)?).await?;
    if before.status == PartStatus::Retired.code() {
        return Err(ServiceError::NotFound);
    }
    let target = draft_target(before.id);
    if intent == LessonIntent::Preview {
        return drafts::keep(&state.db, author, &target, &fields.title_it, &fields.body).await;
    }
    let fields = match checked(fields) {
        Ok(fields) => fields,
        Err(error) => {
            drafts::keep(&state.db, author, &target, &fields.title_it, &fields.body).await?;
            return Err(error);
        }
    };
    let txn = begin_write(state).await?;
    let (before, course) = authored_lesson(&txn, before.id).await?;
    let was_published = before.status == PartStatus::Published.code();
    let publish = was_published || intent == LessonIntent::Publish;
    let html = render(&fields.body, &course_links(&txn, course.id).await?);
    let new_version = publish && (!was_published || before.body != fields.body);
    let version = before.version + i32::from(new_version);
    let now = clock::now();
    let status = if publish { PartStatus::Published } else { PartStatus::Draft };
    let saved = lesson::ActiveModel {
        id: Set(before.id),
        title_it: Set(fields.title_it),
        title_en: Set(fields.title_en),
        summary_it: Set(fields.summary_it),
        summary_en: Set(fields.summary_en),
        minutes: Set(reading_minutes(&fields.body)),
        body_html: Set(html.clone()),
        body: Set(fields.body.clone()),
        version: Set(version),
        status: Set(status.code().to_owned()),
        updated_at: Set(now),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    if new_version {
        keep_version(&txn, before.id, version, &fields.body, html).await?;
    }
    if publish {
        // A module is published with its first lesson.
        course_module::Entity::update_many()
            .col_expr(course_module::Column::Status, PartStatus::Published.code().into())
            .filter(course_module::Column::Id.eq(before.module_id))
            .filter(course_module::Column::Status.eq(PartStatus::Draft.code()))
            .exec(&txn)
            .await?;
    }
    touch(&txn, course.id).await?;
    findable::index_lesson(&txn, &course, &saved).await?;
    drafts::forget(&txn, author, &target).await?;
    let action = if new_version { "course.lesson_published" } else { "course.lesson_saved" };
    record(&txn, reader, action, ("course", course.id), format!("{} v{version}", before.id)).await?;
    txn.commit().await?;
    Ok(())
}

/// Takes a lesson out of its course; its course. What learners did with it
/// stays.
pub async fn retire(state: &AppState, reader: &SessionUser, id: &str) -> ServiceResult<Uuid> {
    require_author(reader)?;
    let txn = begin_write(state).await?;
    let (row, course) = authored_lesson(&txn, parse_id(id)?).await?;
    touch(&txn, course.id).await?;
    let retired = lesson::ActiveModel {
        id: Set(row.id),
        status: Set(PartStatus::Retired.code().to_owned()),
        updated_at: Set(clock::now()),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    findable::index_lesson(&txn, &course, &retired).await?;
    record(&txn, reader, "course.lesson_retired", ("course", course.id), row.id.to_string()).await?;
    txn.commit().await?;
    Ok(course.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_is_at_least_a_minute_and_rounds_up() {
        assert_eq!(reading_minutes(""), 1);
        assert_eq!(reading_minutes(&"parola ".repeat(180)), 1);
        assert_eq!(reading_minutes(&"parola ".repeat(181)), 2);
    }

    #[test]
    fn an_empty_body_and_a_short_title_are_both_said() {
        let fields = LessonFields { title_it: "ab".into(), title_en: "Title".into(), body: "  ".into(), ..LessonFields::default() };
        let Err(ServiceError::Invalid(problems)) = checked(&fields) else { panic!("accepted") };
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["title_it", "body"]);
    }
}
