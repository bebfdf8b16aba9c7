//! Training's pages: the catalogue here; a course's outline, the reader,
//! the glossary and case studies in their own modules.

pub mod attendance;
pub mod authoring;
pub mod case_study;
pub mod certificates;
pub mod course;
pub mod course_editor;
pub mod cycle;
pub mod cycle_form;
pub mod cycles;
pub mod glossary;
pub mod lesson;
pub mod lesson_editor;
pub mod quiz;
pub mod quiz_editor;
pub mod verify;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::{
    api::training::load_catalogue,
    components::page::LoadError,
    domain::training::{Catalogue, CourseCard, LessonLink, Progress, ReadState, Resume},
    i18n::{Texts, fill, use_texts},
    routes::paths,
};

/// A learner's progress as a bar with its words.
#[component]
pub(crate) fn ProgressBar(t: &'static Texts, progress: Progress) -> impl IntoView {
    let text = fill(t.training_progress, &[("read", &progress.read.to_string()), ("total", &progress.total.to_string())]);
    view! {
        <p class="progress-line">
            <progress max=progress.total value=progress.read aria-label=text.clone()></progress>
            " "<span>{text}</span>
        </p>
    }
}

/// "read" or "changed since read" beside a lesson's link.
#[component]
pub(crate) fn ReadTag(t: &'static Texts, read: ReadState) -> impl IntoView {
    match read {
        ReadState::Unread => None,
        ReadState::Read => Some(view! { <span class="tag">{t.training_read}</span> }),
        ReadState::Changed => Some(view! { <span class="tag tag-open">{t.training_changed}</span> }),
    }
}

/// Reading time in words.
pub(crate) fn minutes_text(t: &'static Texts, minutes: i32) -> String {
    if minutes >= 60 {
        fill(t.training_hours, &[("hours", &(minutes / 60).to_string()), ("minutes", &format!("{:02}", minutes % 60))])
    } else {
        fill(t.training_minutes, &[("minutes", &minutes.to_string())])
    }
}

/// A lesson in a list: its title, reading time and whether it was read.
#[component]
pub(crate) fn LessonItem(t: &'static Texts, lesson: LessonLink) -> impl IntoView {
    view! {
        <li>
            <A href=paths::training_lesson(&lesson.id)>{lesson.title}</A>
            <span class="meta">" · "{minutes_text(t, lesson.minutes)}</span>" "
            <ReadTag t read=lesson.read/>
        </li>
    }
}

/// `/training`: the courses, and for a signed-in reader where to go on.
#[component]
pub fn Training() -> impl IntoView {
    let t = use_texts();
    let data = Resource::new(|| (), |()| load_catalogue());
    view! {
        <Title text=t.area_training_title/>
        <h1>{t.area_training_title}</h1>
        <p class="lead">{t.area_training_lead}</p>
        <p><A href=paths::TRAINING_CYCLES attr:class="btn btn-outline-primary">{t.training_cycles_link}</A></p>
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || data.get().map(|result| match result {
                Err(error) => view! { <LoadError error/> }.into_any(),
                Ok(catalogue) => view! { <Courses t catalogue/> }.into_any(),
            })}
        </Suspense>
    }
}

/// "Pick up where you left off", on the catalogue and the home page.
#[component]
pub(crate) fn ResumePanel(t: &'static Texts, resume: Resume) -> impl IntoView {
    view! {
        <section class="panel resume" aria-labelledby="resume">
            <h2 id="resume">{t.training_resume}</h2>
            <p>
                <A href=paths::training_lesson(&resume.lesson.id)>{resume.lesson.title}</A>
                <span class="meta">" · "{resume.course}</span>
            </p>
        </section>
    }
}

#[component]
fn Courses(t: &'static Texts, catalogue: Catalogue) -> impl IntoView {
    let Catalogue { courses, resume, writes_courses } = catalogue;
    let authoring = writes_courses
        .then(|| view! { <p><A href=paths::TRAINING_AUTHORING attr:class="btn btn-outline-primary">{t.authoring_title}</A></p> });
    let resume = resume.map(|resume| view! { <ResumePanel t resume/> });
    let list = if courses.is_empty() {
        view! { <p>{t.training_no_courses}</p> }.into_any()
    } else {
        view! { <ul class="course-list">{courses.into_iter().map(|course| view! { <CourseItem t course/> }).collect_view()}</ul> }
            .into_any()
    };
    view! {
        {resume}
        <h2>{t.training_courses}</h2>
        {authoring}
        {list}
    }
}

#[component]
fn CourseItem(t: &'static Texts, course: CourseCard) -> impl IntoView {
    let size = fill(
        t.training_course_size,
        &[("modules", &course.modules.to_string()), ("lessons", &course.lessons.to_string()), ("time", &minutes_text(t, course.minutes))],
    );
    view! {
        <li class="course-card">
            <h3><A href=paths::training_course(&course.id)>{course.title}</A></h3>
            <p class="meta">{size}</p>
            <p>{course.summary}</p>
            {course.progress.map(|progress| view! { <ProgressBar t progress/> })}
        </li>
    }
}
