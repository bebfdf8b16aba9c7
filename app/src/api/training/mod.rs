//! Training's server functions: the catalogue, a course's outline, the
//! reader, the glossary and case studies, marking a lesson read and
//! quizzes; the cycles and certificates in their own modules.

pub mod authoring;
pub mod certificates;
pub mod cycles;

use leptos::prelude::*;

use crate::domain::{
    AppError,
    training::{CasePage, Catalogue, CoursePage, GlossaryPage, LessonPage, QuizPage, Resume},
};

#[server(endpoint = "training/catalogue")]
pub async fn load_catalogue() -> Result<Catalogue, AppError> {
    use crate::{
        api::respond,
        ssr::{request::request_context, state::app_state, training},
    };
    let state = app_state()?;
    let context = request_context();
    respond::data(training::catalogue(&state, context.user.as_ref(), context.locale).await)
}

/// The lesson a signed-in reader goes on with, for the home page.
#[server(endpoint = "training/resume")]
pub async fn load_resume() -> Result<Option<Resume>, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, request::request_context, state::app_state, training},
    };
    let state = app_state()?;
    let context = request_context();
    respond::data(async { training::resume_for(&state, &authz::require_user()?, context.locale).await }.await)
}

#[server(endpoint = "training/course")]
pub async fn load_course(id: String) -> Result<CoursePage, AppError> {
    use crate::{
        api::respond,
        ssr::{request::request_context, state::app_state, training},
    };
    let state = app_state()?;
    let context = request_context();
    respond::data(training::course_page(&state, context.user.as_ref(), context.locale, &id).await)
}

#[server(endpoint = "training/lesson")]
pub async fn load_lesson(id: String) -> Result<LessonPage, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, request::request_context, state::app_state, training},
    };
    let state = app_state()?;
    let context = request_context();
    respond::data(async { training::lesson_page(&state, &authz::require_user()?, context.locale, &id).await }.await)
}

#[server(endpoint = "training/glossary")]
pub async fn load_glossary(id: String) -> Result<GlossaryPage, AppError> {
    use crate::{
        api::respond,
        ssr::{request::request_context, state::app_state, training},
    };
    let state = app_state()?;
    respond::data(training::glossary_page(&state, request_context().locale, &id).await)
}

#[server(endpoint = "training/case")]
pub async fn load_case(id: String) -> Result<CasePage, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, request::request_context, state::app_state, training},
    };
    let state = app_state()?;
    let context = request_context();
    respond::data(async { training::case_page(&state, &authz::require_user()?, context.locale, &id).await }.await)
}

/// Marks a lesson read and goes on to the next one (or back to the course
/// after the last).
#[server(endpoint = "training/read")]
pub async fn mark_lesson_read(id: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, state::app_state, training},
    };
    let state = app_state()?;
    let result = async {
        let next = training::mark_read(&state, &authz::require_user()?, &id).await?;
        Ok(Done::to(next, Notice::LessonRead))
    }
    .await;
    respond::action("lesson_read", &paths::training_lesson(&id), result)
}

/// A quiz's questions (never which choices are right) and the reader's
/// attempts; with `attempt`, the review of that attempt.
#[server(endpoint = "training/quiz")]
pub async fn load_quiz(id: String, attempt: Option<i32>) -> Result<QuizPage, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, request::request_context, state::app_state, training::quizzes},
    };
    let state = app_state()?;
    let context = request_context();
    respond::data(async { quizzes::quiz_page(&state, &authz::require_user()?, context.locale, &id, attempt).await }.await)
}

/// Scores the ticked `answers` (each `question:choice`) and shows the
/// attempt's review.
#[server(endpoint = "training/answer")]
pub async fn submit_quiz(id: String, answers: Option<Vec<String>>) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        routes::paths,
        ssr::{authz, state::app_state, training::quizzes},
    };
    let state = app_state()?;
    let result = async {
        let number = quizzes::submit(&state, &authz::require_user()?, &id, &answers.unwrap_or_default()).await?;
        Ok(Done { redirect: paths::training_quiz_attempt(&id, number), notice: None })
    }
    .await;
    respond::action("quiz", &paths::training_quiz(&id), result)
}
