//! `/training/courses/{id}`: a course's modules and lessons, with the
//! reader's progress and the lesson to go on with.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

use super::{LessonItem, ProgressBar};
use crate::{
    api::training::load_course,
    components::page::{LoadError, use_user},
    domain::training::{CoursePage, ModuleOutline},
    i18n::{Texts, fill, use_texts},
    routes::paths,
};

#[component]
pub fn Course() -> impl IntoView {
    let t = use_texts();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(move || id.clone(), load_course);
    view! {
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || data.get().map(|result| match result {
                Err(error) => view! { <Title text=t.area_training_title/><h1>{t.area_training_title}</h1><LoadError error/> }.into_any(),
                Ok(page) => view! { <Outline t page/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Outline(t: &'static Texts, page: CoursePage) -> impl IntoView {
    let CoursePage { id, title, summary, modules, progress, resume } = page;
    let signed_in = use_user().is_some();
    let start = match (resume, modules.iter().find_map(|m| m.lessons.first())) {
        (Some(resume), _) => Some(view! { <A href=paths::training_lesson(&resume.id) attr:class="btn btn-primary">{fill(t.training_continue, &[("lesson", &resume.title)])}</A> }.into_any()),
        (None, Some(first)) if signed_in => Some(view! { <A href=paths::training_lesson(&first.id) attr:class="btn btn-primary">{t.training_start}</A> }.into_any()),
        (None, Some(_)) => Some(view! { <p><A href=paths::LOGIN>{t.training_sign_in_to_read}</A></p> }.into_any()),
        (None, None) => None,
    };
    view! {
        <Title text=title.clone()/>
        <p class="breadcrumb"><A href=paths::TRAINING>{t.area_training_title}</A></p>
        <h1>{title}</h1>
        <p class="lead">{summary}</p>
        {progress.map(|progress| view! { <ProgressBar t progress/> })}
        <div class="button-row">
            {start}
            <A href=paths::training_glossary(&id) attr:class="btn btn-outline-primary">{t.training_glossary}</A>
        </div>
        {modules.into_iter().enumerate().map(|(index, module)| view! { <Module t number=index + 1 module/> }).collect_view()}
    }
}

#[component]
fn Module(t: &'static Texts, number: usize, module: ModuleOutline) -> impl IntoView {
    let ModuleOutline { title, summary, lessons, quiz, cases } = module;
    let heading = format!("module-{number}");
    let cases = (!cases.is_empty()).then(|| {
        view! {
            <p class="meta">{t.training_cases_for_trainers}</p>
            <ul class="case-list">
                {cases.into_iter().map(|case| view! { <li><A href=paths::training_case(&case.id)>{case.title}</A></li> }).collect_view()}
            </ul>
        }
    });
    view! {
        <section class="course-module" aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{fill(t.training_module_heading, &[("number", &number.to_string()), ("title", &title)])}</h2>
            <p>{summary}</p>
            <ol class="lesson-list">
                {lessons.into_iter().map(|lesson| view! { <LessonItem t lesson/> }).collect_view()}
            </ol>
            {quiz.map(|quiz| view! {
                <p class="quiz-line">
                    <A href=paths::training_quiz(&quiz.id)>{fill(t.training_quiz_line, &[("title", &quiz.title), ("questions", &quiz.questions.to_string())])}</A>
                    {quiz.passed.then(|| view! { " "<span class="tag tag-answer">{t.training_quiz_passed}</span> })}
                </p>
            })}
            {cases}
        </section>
    }
}
