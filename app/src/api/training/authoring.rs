//! Writing courses in the browser: the authoring page, a course with its
//! modules, a lesson's editor and a quiz's.

// One argument per field of the lesson and question forms, here and in the browser's stub.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::domain::{
    AppError,
    authoring::{AuthoringPage, CourseEditor, LessonEditor, QuizEditor},
};

#[server(endpoint = "training/authoring")]
pub async fn load_authoring() -> Result<AuthoringPage, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, request::request_context, state::app_state, training::authoring},
    };
    let state = app_state()?;
    let context = request_context();
    respond::data(async { authoring::overview(&state, &authz::require_user()?, context.locale).await }.await)
}

/// A new draft course; its editor opens.
#[server(endpoint = "training/create_course")]
pub async fn create_course(title_it: String, title_en: String, summary_it: String, summary_en: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::{Notice, authoring::PartFields},
        routes::paths,
        ssr::{authz, state::app_state, training::authoring},
    };
    let state = app_state()?;
    let fields = PartFields { title_it, title_en, summary_it, summary_en };
    let result = async {
        let id = authoring::create_course(&state, &authz::require_user()?, &fields).await?;
        Ok(Done::to(paths::authoring_course(id), Notice::CourseCreated))
    }
    .await;
    respond::form("course_new", paths::TRAINING_AUTHORING, &part_values(&fields), result)
}

/// What a course or module form refills after a refusal.
#[cfg(feature = "ssr")]
fn part_values(fields: &crate::domain::authoring::PartFields) -> [(&'static str, &str); 4] {
    [("title_it", &fields.title_it), ("title_en", &fields.title_en), ("summary_it", &fields.summary_it), ("summary_en", &fields.summary_en)]
}

#[server(endpoint = "training/course_editor")]
pub async fn load_course_editor(id: String) -> Result<CourseEditor, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, request::request_context, state::app_state, training::authoring},
    };
    let state = app_state()?;
    let context = request_context();
    respond::data(async { authoring::course_editor(&state, &authz::require_user()?, context.locale, &id).await }.await)
}

#[server(endpoint = "training/save_course")]
pub async fn save_course(id: String, title_it: String, title_en: String, summary_it: String, summary_en: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::{Notice, authoring::PartFields},
        routes::paths,
        ssr::{authz, state::app_state, training::authoring},
    };
    let state = app_state()?;
    let fields = PartFields { title_it, title_en, summary_it, summary_en };
    let back = paths::authoring_course(&id);
    let result = async {
        authoring::save_course(&state, &authz::require_user()?, &id, &fields).await?;
        Ok(Done::to(back.clone(), Notice::CourseSaved))
    }
    .await;
    respond::form("course", &back, &part_values(&fields), result)
}

/// Publishes the course (`to` "published") or takes it back to draft ("draft").
#[server(endpoint = "training/course_status")]
pub async fn set_course_status(id: String, to: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::{Notice, training::PartStatus},
        routes::paths,
        ssr::{authz, state::app_state, training::authoring},
    };
    let state = app_state()?;
    let back = paths::authoring_course(&id);
    let result = async {
        authoring::set_course_status(&state, &authz::require_user()?, &id, &to).await?;
        let notice = if to == PartStatus::Published.code() { Notice::CoursePublished } else { Notice::CourseWithdrawn };
        Ok(Done::to(back.clone(), notice))
    }
    .await;
    respond::action("course_status", &back, result)
}

/// A module at the end of course `course`.
#[server(endpoint = "training/add_module")]
pub async fn add_module(
    course: String,
    title_it: String,
    title_en: String,
    summary_it: String,
    summary_en: String,
) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::{Notice, authoring::PartFields},
        routes::paths,
        ssr::{authz, state::app_state, training::authoring},
    };
    let state = app_state()?;
    let fields = PartFields { title_it, title_en, summary_it, summary_en };
    let result = async {
        let id = authoring::add_module(&state, &authz::require_user()?, &course, &fields).await?;
        Ok(Done::to(paths::authoring_course_at(&course, id), Notice::ModuleAdded))
    }
    .await;
    respond::form("module_new", &paths::authoring_course(&course), &part_values(&fields), result)
}

#[server(endpoint = "training/save_module")]
pub async fn save_module(
    course: String,
    id: String,
    title_it: String,
    title_en: String,
    summary_it: String,
    summary_en: String,
) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        components::form::form_key,
        domain::{Notice, authoring::PartFields},
        routes::paths,
        ssr::{authz, state::app_state, training::authoring},
    };
    let state = app_state()?;
    let fields = PartFields { title_it, title_en, summary_it, summary_en };
    let result = async {
        let course = authoring::save_module(&state, &authz::require_user()?, &id, &fields).await?;
        Ok(Done::to(paths::authoring_course_at(course, &id), Notice::ModuleSaved))
    }
    .await;
    respond::form(&form_key("module", Some(&id)), &paths::authoring_course_at(&course, &id), &part_values(&fields), result)
}

/// Moves a module (`kind` "module") or lesson ("lesson") one place `direction` ("up" or "down").
#[server(endpoint = "training/move_part")]
pub async fn move_part(course: String, kind: String, id: String, direction: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        routes::paths,
        ssr::{authz, state::app_state, training::authoring},
    };
    let state = app_state()?;
    let result = async {
        let course = authoring::move_part(&state, &authz::require_user()?, &kind, &id, &direction).await?;
        Ok(Done { redirect: paths::authoring_course_at(course, &id), notice: None })
    }
    .await;
    respond::action("move_part", &paths::authoring_course(&course), result)
}

/// Takes a module (`kind` "module") or lesson ("lesson") out of the course.
#[server(endpoint = "training/retire_part")]
pub async fn retire_part(course: String, kind: String, id: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, error::ServiceError, state::app_state, training::authoring},
    };
    let state = app_state()?;
    let result = async {
        let reader = authz::require_user()?;
        let course = match kind.as_str() {
            "module" => authoring::retire_module(&state, &reader, &id).await?,
            "lesson" => authoring::lessons::retire(&state, &reader, &id).await?,
            _ => return Err(ServiceError::NotFound),
        };
        Ok(Done::to(paths::authoring_course(course), Notice::PartRetired))
    }
    .await;
    respond::action("retire_part", &paths::authoring_course(&course), result)
}

/// A draft lesson at the end of module `module`; its editor opens.
#[server(endpoint = "training/add_lesson")]
pub async fn add_lesson(course: String, module: String, title_it: String, title_en: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        components::form::form_key,
        domain::Notice,
        routes::paths,
        ssr::{authz, state::app_state, training::authoring},
    };
    let state = app_state()?;
    let result = async {
        let id = authoring::lessons::add(&state, &authz::require_user()?, &module, &title_it, &title_en).await?;
        Ok(Done::to(paths::authoring_lesson(id), Notice::LessonAdded))
    }
    .await;
    let values = [("title_it", title_it.as_str()), ("title_en", &title_en)];
    respond::form(&form_key("lesson_new", Some(&module)), &paths::authoring_course_at(&course, &module), &values, result)
}

#[server(endpoint = "training/lesson_editor")]
pub async fn load_lesson_editor(id: String) -> Result<LessonEditor, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, request::request_context, state::app_state, training::authoring},
    };
    let state = app_state()?;
    let context = request_context();
    respond::data(async { authoring::lessons::editor(&state, &authz::require_user()?, context.locale, &id).await }.await)
}

/// Saves a lesson: `publish` shows it to learners (a new version when its
/// text changed); `preview` shows it rendered, saving nothing.
#[server(endpoint = "training/save_lesson")]
pub async fn save_lesson(
    id: String,
    title_it: String,
    title_en: String,
    summary_it: String,
    summary_en: String,
    body: String,
    publish: Option<String>,
    preview: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::{
            Notice,
            authoring::{LessonFields, LessonIntent},
        },
        routes::paths,
        ssr::{authz, state::app_state, training::authoring},
    };
    let state = app_state()?;
    let intent = match (preview, publish) {
        (Some(_), _) => LessonIntent::Preview,
        (None, Some(_)) => LessonIntent::Publish,
        (None, None) => LessonIntent::Save,
    };
    let fields = LessonFields { title_it, title_en, summary_it, summary_en, body };
    let back = paths::authoring_lesson(&id);
    let result = async {
        authoring::lessons::save(&state, &authz::require_user()?, &id, &fields, intent).await?;
        let notice = if intent == LessonIntent::Publish { Notice::LessonPublished } else { Notice::LessonSaved };
        Ok(Done::to(back.clone(), notice))
    }
    .await;
    let values = [
        ("title_it", fields.title_it.as_str()),
        ("title_en", &fields.title_en),
        ("summary_it", &fields.summary_it),
        ("summary_en", &fields.summary_en),
    ];
    match result {
        Ok(_) if intent == LessonIntent::Preview => respond::shown_again("lesson", &format!("{back}#lesson-preview"), &values),
        result => respond::form("lesson", &back, &values, result),
    }
}

/// The quiz of module `module`, made if it has none; its editor opens.
#[server(endpoint = "training/add_quiz")]
pub async fn add_quiz(course: String, module: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, state::app_state, training::authoring},
    };
    let state = app_state()?;
    let result = async {
        let id = authoring::quizzes::add(&state, &authz::require_user()?, &module).await?;
        Ok(Done::to(paths::authoring_quiz(id), Notice::QuizAdded))
    }
    .await;
    respond::action("add_quiz", &paths::authoring_course_at(&course, &module), result)
}

#[server(endpoint = "training/quiz_editor")]
pub async fn load_quiz_editor(id: String) -> Result<QuizEditor, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, request::request_context, state::app_state, training::authoring},
    };
    let state = app_state()?;
    let context = request_context();
    respond::data(async { authoring::quizzes::editor(&state, &authz::require_user()?, context.locale, &id).await }.await)
}

#[server(endpoint = "training/save_quiz")]
pub async fn save_quiz(id: String, title_it: String, title_en: String, pass_percent: String, max_attempts: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::{Notice, authoring::QuizSettings},
        routes::paths,
        ssr::{authz, state::app_state, training::authoring},
    };
    let state = app_state()?;
    let settings = QuizSettings { title_it, title_en, pass_percent, max_attempts };
    let back = paths::authoring_quiz(&id);
    let result = async {
        authoring::quizzes::save_settings(&state, &authz::require_user()?, &id, &settings).await?;
        Ok(Done::to(back.clone(), Notice::QuizSaved))
    }
    .await;
    let values = [
        ("title_it", settings.title_it.as_str()),
        ("title_en", &settings.title_en),
        ("pass_percent", &settings.pass_percent),
        ("max_attempts", &settings.max_attempts),
    ];
    respond::form("quiz_settings", &back, &values, result)
}

/// Publishes the quiz (`to` "published") or takes it back to draft ("draft").
#[server(endpoint = "training/quiz_status")]
pub async fn set_quiz_status(id: String, to: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::{Notice, training::PartStatus},
        routes::paths,
        ssr::{authz, state::app_state, training::authoring},
    };
    let state = app_state()?;
    let back = paths::authoring_quiz(&id);
    let result = async {
        authoring::quizzes::set_status(&state, &authz::require_user()?, &id, &to).await?;
        let notice = if to == PartStatus::Published.code() { Notice::QuizPublished } else { Notice::QuizWithdrawn };
        Ok(Done::to(back.clone(), notice))
    }
    .await;
    respond::action("quiz_status", &back, result)
}

/// Adds a question (`question` empty) or changes one. `choice_it[i]`,
/// `choice_en[i]` are the rows of answers; `right[i]` the index of each
/// row ticked right; `multiple` ticked when several may be right.
#[server(endpoint = "training/save_question")]
pub async fn save_question(
    quiz: String,
    question: String,
    multiple: Option<String>,
    prompt_it: String,
    prompt_en: String,
    explanation_it: String,
    explanation_en: String,
    choice_it: Option<Vec<String>>,
    choice_en: Option<Vec<String>>,
    right: Option<Vec<String>>,
) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        components::form::form_key,
        domain::{
            Notice,
            authoring::{ChoiceFields, QuestionFields},
        },
        routes::paths,
        ssr::{authz, state::app_state, training::authoring},
    };
    let state = app_state()?;
    let (texts_it, texts_en, right) = (choice_it.unwrap_or_default(), choice_en.unwrap_or_default(), right.unwrap_or_default());
    let choices = (0..texts_it.len().max(texts_en.len()))
        .map(|index| ChoiceFields {
            text_it: texts_it.get(index).cloned().unwrap_or_default(),
            text_en: texts_en.get(index).cloned().unwrap_or_default(),
            right: right.contains(&index.to_string()),
        })
        .collect();
    let fields = QuestionFields {
        multiple: multiple.is_some_and(|m| m == "multiple"),
        prompt_it,
        prompt_en,
        explanation_it,
        explanation_en,
        choices,
    };
    let back = paths::authoring_quiz(&quiz);
    let result = async {
        authoring::quizzes::save_question(&state, &authz::require_user()?, &quiz, &question, &fields).await?;
        Ok(Done::to(back.clone(), Notice::QuestionSaved))
    }
    .await;
    let instance = if question.is_empty() { "new" } else { question.as_str() };
    respond::form(&form_key("question", Some(instance)), &format!("{back}#question-{instance}"), &[], result)
}

#[server(endpoint = "training/remove_question")]
pub async fn remove_question(quiz: String, question: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, state::app_state, training::authoring},
    };
    let state = app_state()?;
    let back = paths::authoring_quiz(&quiz);
    let result = async {
        authoring::quizzes::remove_question(&state, &authz::require_user()?, &quiz, &question).await?;
        Ok(Done::to(back.clone(), Notice::QuestionRemoved))
    }
    .await;
    respond::action("remove_question", &back, result)
}
