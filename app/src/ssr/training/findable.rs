//! Lessons in the shared search: each published lesson is a document in
//! the `lessons` scope, which signed-in readers (who may read lessons) search.

use sea_orm::{ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _};

use super::published;
use crate::{
    domain::{SessionUser, search::SearchPlace},
    i18n::Locale,
    routes::paths,
    ssr::{
        entities::{course, lesson},
        error::ServiceResult,
        search::{self, Document, analysis},
    },
};

const KIND: &str = "lesson";
pub const SCOPE: &str = "lessons";

/// Writes `lessons`, of a published course, to the index: the published
/// ones in, any other out.
pub async fn index_lessons(db: &impl ConnectionTrait, lessons: &[lesson::Model]) -> ServiceResult<()> {
    let (shown, hidden): (Vec<&lesson::Model>, Vec<&lesson::Model>) = lessons.iter().partition(|l| l.status == published());
    for row in hidden {
        search::remove(db, KIND, &row.id.to_string()).await?;
    }
    let bodies: Vec<String> = shown.iter().map(|row| analysis::plain_text(&row.body)).collect();
    let documents = shown
        .iter()
        .zip(&bodies)
        .map(|(row, body)| Document {
            kind: KIND,
            source_id: row.id.to_string(),
            scope: SCOPE.to_owned(),
            title: &row.title_it,
            body,
            title_is_searched: true,
            link: paths::training_lesson(row.id),
            // Lessons speak for the programme, as the FAQ does.
            author: None,
            created_at: row.updated_at,
        })
        .collect();
    search::put_many(db, documents).await
}

/// Writes one lesson of `course` to the index as both now stand: in while
/// the lesson and its course are published, out otherwise.
pub async fn index_lesson(db: &impl ConnectionTrait, course: &course::Model, lesson: &lesson::Model) -> ServiceResult<()> {
    if course.status == published() {
        index_lessons(db, std::slice::from_ref(lesson)).await
    } else {
        search::remove(db, KIND, &lesson.id.to_string()).await
    }
}

/// Writes a course's lessons to the index as the course now stands: its
/// published lessons while it is published, none while it is a draft.
pub async fn index_course(db: &impl ConnectionTrait, course: &course::Model) -> ServiceResult<()> {
    let lessons = lesson::Entity::find().filter(lesson::Column::CourseId.eq(course.id)).all(db).await?;
    if course.status == published() {
        index_lessons(db, &lessons).await
    } else {
        for row in lessons {
            search::remove(db, KIND, &row.id.to_string()).await?;
        }
        Ok(())
    }
}

/// Writes every published lesson of a published course to the index;
/// returns how many.
pub async fn index_all(db: &impl ConnectionTrait) -> ServiceResult<u64> {
    let courses = course::Entity::find().filter(course::Column::Status.eq(published())).all(db).await?;
    let rows = lesson::Entity::find()
        .filter(lesson::Column::Status.eq(published()))
        .filter(lesson::Column::CourseId.is_in(courses.into_iter().map(|c| c.id)))
        .all(db)
        .await?;
    index_lessons(db, &rows).await?;
    Ok(rows.len() as u64)
}

/// The lessons as a place to search in, for readers who may read them.
pub fn place(reader: Option<&SessionUser>, locale: Locale) -> Option<SearchPlace> {
    reader.map(|_| SearchPlace { key: SCOPE.to_owned(), name: locale.texts().training_lessons.to_owned() })
}
