//! `/training/authoring/courses/{id}`: a course being written: its title
//! and summary, publishing it, and its modules and lessons, each moved
//! up or down with a button (no dragging: it works by keyboard, on a
//! phone and with JavaScript off).

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

use super::authoring::{PartFieldset, PartStatusTag};
use crate::{
    api::training::authoring::{
        AddLesson, AddModule, AddQuiz, MovePart, RetirePart, SaveCourse, SaveModule, SetCourseStatus, load_course_editor,
    },
    components::{
        form::{PostForm, SubmitButton, TextField},
        page::{LoadError, SignedIn},
    },
    domain::{
        authoring::{CourseEditor as Editor, Direction, LessonEntry, ModuleEntry, PartFields},
        training::PartStatus,
    },
    i18n::{Texts, fill, use_locale, use_texts},
    routes::paths,
};

#[component]
pub fn CourseEditor() -> impl IntoView {
    let t = use_texts();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(move || id.clone(), load_course_editor);
    view! {
        <p class="breadcrumb"><A href=paths::TRAINING>{t.area_training_title}</A>" › "<A href=paths::TRAINING_AUTHORING>{t.authoring_title}</A></p>
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <Title text=t.authoring_title/><h1>{t.authoring_title}</h1><LoadError error/> }.into_any(),
                    Ok(editor) => view! { <Course t editor/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

#[component]
fn Course(t: &'static Texts, editor: Editor) -> impl IntoView {
    let Editor { id, fields, status, modules, in_use } = editor;
    let title = use_locale().pick(&fields.title_it, &fields.title_en).to_owned();
    let count = modules.len();
    let module_list = if modules.is_empty() {
        view! { <p>{t.authoring_no_modules}</p> }.into_any()
    } else {
        let course = id.clone();
        view! {
            <ol class="authoring-modules">
                {modules
                    .into_iter()
                    .enumerate()
                    .map(|(index, module)| view! { <Module t course=course.clone() module place=(index, count)/> })
                    .collect_view()}
            </ol>
        }
        .into_any()
    };
    let (publication_id, details_id) = (id.clone(), id.clone());
    view! {
        <Title text=title.clone()/>
        <h1>{title}" "<PartStatusTag t status/></h1>
        <Publication t id=publication_id status in_use/>
        <section class="panel" aria-labelledby="course-details">
            <h2 id="course-details">{t.authoring_details}</h2>
            <PostForm action=SaveCourse::url() id="course">
                <input type="hidden" name="id" value=details_id/>
                <PartFieldset t fields/>
                <SubmitButton label=t.authoring_save/>
            </PostForm>
        </section>
        <section aria-labelledby="modules">
            <h2 id="modules">{t.authoring_modules}</h2>
            {module_list}
        </section>
        <section class="panel" aria-labelledby="new-module">
            <h2 id="new-module">{t.authoring_new_module}</h2>
            <PostForm action=AddModule::url() id="module_new">
                <input type="hidden" name="course" value=id/>
                <PartFieldset t fields=PartFields::default()/>
                <SubmitButton label=t.authoring_add_module/>
            </PostForm>
        </section>
    }
}

/// Where the course stands, and the button that moves it on.
#[component]
fn Publication(t: &'static Texts, id: String, status: PartStatus, in_use: bool) -> impl IntoView {
    let (lead, action) = match status {
        PartStatus::Published if in_use => (t.authoring_in_use, None),
        PartStatus::Published => (t.authoring_published_lead, Some((PartStatus::Draft, t.authoring_withdraw, "btn btn-outline-danger"))),
        _ => (t.authoring_draft_lead, Some((PartStatus::Published, t.authoring_publish_course, "btn btn-primary"))),
    };
    let form_id = id.clone();
    let form = action.map(move |(to, label, class)| {
        view! {
            <PostForm action=SetCourseStatus::url() id="course_status">
                <input type="hidden" name="id" value=form_id/>
                <input type="hidden" name="to" value=to.code()/>
                <SubmitButton label class/>
            </PostForm>
        }
    });
    let catalogue = (status == PartStatus::Published)
        .then(|| view! { <A href=paths::training_course(&id) attr:class="btn btn-outline-primary">{t.authoring_view_as_learner}</A> });
    view! {
        <section class="panel" aria-labelledby="publication">
            <h2 id="publication">{t.authoring_publication}</h2>
            <p>{lead}</p>
            <div class="button-row">{form}{catalogue}</div>
        </section>
    }
}

/// The up and down buttons of a module or lesson, the first and last
/// without the way they cannot go.
#[component]
fn MoveButtons(t: &'static Texts, course: String, kind: &'static str, id: String, title: String, place: (usize, usize)) -> impl IntoView {
    let (index, count) = place;
    [(Direction::Up, "↑", t.authoring_move_up, index > 0), (Direction::Down, "↓", t.authoring_move_down, index + 1 < count)]
        .into_iter()
        .filter(|(_, _, _, possible)| *possible)
        .map(|(direction, arrow, label, _)| {
            let label = fill(label, &[("title", &title)]);
            let (course, id) = (course.clone(), id.clone());
            view! {
                <PostForm action=MovePart::url() id="move_part" instance=format!("{id}-{}", direction.code()) class="inline-form">
                    <input type="hidden" name="course" value=course/>
                    <input type="hidden" name="kind" value=kind/>
                    <input type="hidden" name="id" value=id/>
                    <input type="hidden" name="direction" value=direction.code()/>
                    <button type="submit" class="btn btn-outline-secondary btn-sm" aria-label=label.clone() title=label>{arrow}</button>
                </PostForm>
            }
        })
        .collect_view()
}

/// A "take it out of the course" button for a module or lesson.
#[component]
fn RetireButton(course: String, kind: &'static str, id: String, label: &'static str) -> impl IntoView {
    view! {
        <PostForm action=RetirePart::url() id="retire_part" instance=id.clone() class="inline-form">
            <input type="hidden" name="course" value=course/>
            <input type="hidden" name="kind" value=kind/>
            <input type="hidden" name="id" value=id/>
            <SubmitButton label class="btn btn-outline-danger btn-sm"/>
        </PostForm>
    }
}

#[component]
fn Module(t: &'static Texts, course: String, module: ModuleEntry, place: (usize, usize)) -> impl IntoView {
    let ModuleEntry { id, fields, status, lessons, quiz } = module;
    let quiz = if let Some(quiz) = quiz {
        view! {
            <p class="authoring-quiz">
                {t.authoring_quiz}": "<A href=paths::authoring_quiz(&quiz.id)>{quiz.title}</A>" "
                <PartStatusTag t status=quiz.status/>
                <span class="meta">" · "{fill(t.authoring_questions_count, &[("count", &quiz.questions.to_string())])}</span>
            </p>
        }
        .into_any()
    } else {
        let (course, module) = (course.clone(), id.clone());
        view! {
            <PostForm action=AddQuiz::url() id="add_quiz" instance=module.clone()>
                <input type="hidden" name="course" value=course/>
                <input type="hidden" name="module" value=module/>
                <SubmitButton label=t.authoring_add_quiz class="btn btn-outline-primary btn-sm"/>
            </PostForm>
        }
        .into_any()
    };
    let title = use_locale().pick(&fields.title_it, &fields.title_en).to_owned();
    let count = lessons.len();
    let lesson_list = if lessons.is_empty() {
        view! { <p class="meta">{t.authoring_no_lessons}</p> }.into_any()
    } else {
        let course = course.clone();
        view! {
            <ol class="authoring-lessons">
                {lessons
                    .into_iter()
                    .enumerate()
                    .map(|(index, lesson)| view! { <Lesson t course=course.clone() lesson place=(index, count)/> })
                    .collect_view()}
            </ol>
        }
        .into_any()
    };
    let anchor = format!("part-{id}");
    let heading = title.clone();
    let (move_course, move_id) = (course.clone(), id.clone());
    let (lesson_course, lesson_module, lesson_instance) = (course.clone(), id.clone(), id.clone());
    let (save_course, save_id, save_instance) = (course.clone(), id.clone(), id.clone());
    view! {
        <li class="authoring-module" id=anchor>
            <div class="authoring-row">
                <h3>{heading}" "<PartStatusTag t status/></h3>
                <div class="button-row">
                    <MoveButtons t course=move_course kind="module" id=move_id title place/>
                </div>
            </div>
            {lesson_list}
            {quiz}
            <details class="post-action">
                <summary>{t.authoring_new_lesson}</summary>
                <PostForm action=AddLesson::url() id="lesson_new" instance=lesson_instance>
                    <input type="hidden" name="course" value=lesson_course/>
                    <input type="hidden" name="module" value=lesson_module/>
                    <div class="field-pair">
                        <TextField name="title_it" label=t.authoring_title_it required=true/>
                        <TextField name="title_en" label=t.authoring_title_en required=true/>
                    </div>
                    <SubmitButton label=t.authoring_add_lesson/>
                </PostForm>
            </details>
            <details class="post-action">
                <summary>{t.authoring_module_edit}</summary>
                <PostForm action=SaveModule::url() id="module" instance=save_instance>
                    <input type="hidden" name="course" value=save_course/>
                    <input type="hidden" name="id" value=save_id/>
                    <PartFieldset t fields/>
                    <SubmitButton label=t.authoring_module_save/>
                </PostForm>
                <RetireButton course kind="module" id label=t.authoring_module_retire/>
            </details>
        </li>
    }
}

#[component]
fn Lesson(t: &'static Texts, course: String, lesson: LessonEntry, place: (usize, usize)) -> impl IntoView {
    let LessonEntry { id, title, status, version } = lesson;
    let version =
        (version > 0).then(|| view! { <span class="meta">" · "{fill(t.authoring_version, &[("version", &version.to_string())])}</span> });
    let anchor = format!("part-{id}");
    let href = paths::authoring_lesson(&id);
    let (move_course, move_id) = (course.clone(), id.clone());
    let link_text = title.clone();
    view! {
        <li class="authoring-lesson" id=anchor>
            <div class="authoring-row">
                <p>
                    <A href>{link_text}</A>" "
                    <PartStatusTag t status/>{version}
                </p>
                <div class="button-row">
                    <MoveButtons t course=move_course kind="lesson" id=move_id title place/>
                    <RetireButton course kind="lesson" id label=t.authoring_lesson_retire/>
                </div>
            </div>
        </li>
    }
}
