//! Writing courses in the browser: the authoring page, a course with its
//! modules, and a lesson's editor.

// One argument per field of the lesson form, here and in the browser's stub.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::domain::{
    AppError,
    authoring::{AuthoringPage, CourseEditor, LessonEditor},
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
