//! `/training/authoring`: the courses written here with a form for a new
//! one, and those imported from the content folder (changed in their files).

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::{
    api::training::authoring::{CreateCourse, load_authoring},
    components::{
        form::{PostForm, SubmitButton, TextArea, TextField},
        page::{LoadError, SignedIn},
    },
    domain::{
        authoring::{AuthoredCourse, AuthoringPage, PartFields},
        italian_date, rome_date,
        training::PartStatus,
    },
    i18n::{Texts, fill, use_texts},
    routes::paths,
};

#[component]
pub fn Authoring() -> impl IntoView {
    let t = use_texts();
    let data = Resource::new(|| (), |()| load_authoring());
    view! {
        <Title text=t.authoring_title/>
        <p class="breadcrumb"><A href=paths::TRAINING>{t.area_training_title}</A></p>
        <h1>{t.authoring_title}</h1>
        <p class="lead">{t.authoring_lead}</p>
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(page) => view! { <Courses t page/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

/// A course's or a part's state, as a tag.
#[component]
pub(crate) fn PartStatusTag(t: &'static Texts, status: PartStatus) -> impl IntoView {
    let (text, class) = match status {
        PartStatus::Draft => (t.authoring_status_draft, "tag"),
        PartStatus::Published => (t.authoring_status_published, "tag tag-answer"),
        PartStatus::Retired => (t.authoring_status_retired, "tag tag-overdue"),
    };
    view! { <span class=class>{text}</span> }
}

/// The title and summary fields of a course, module or lesson, in both
/// languages; `lesson` for a lesson's one-line summary.
#[component]
pub(crate) fn PartFieldset(t: &'static Texts, fields: PartFields, #[prop(optional)] lesson: bool) -> impl IntoView {
    let PartFields { title_it, title_en, summary_it, summary_en } = fields;
    let (hint, rows) = if lesson { (t.authoring_lesson_summary_hint, 2) } else { (t.authoring_summary_hint, 3) };
    view! {
        <div class="field-pair">
            <TextField name="title_it" label=t.authoring_title_it value=title_it required=true/>
            <TextField name="title_en" label=t.authoring_title_en value=title_en required=true/>
        </div>
        <div class="field-pair">
            <TextArea name="summary_it" label=t.authoring_summary_it hint value=summary_it rows/>
            <TextArea name="summary_en" label=t.authoring_summary_en hint value=summary_en rows/>
        </div>
    }
}

#[component]
fn Courses(t: &'static Texts, page: AuthoringPage) -> impl IntoView {
    let AuthoringPage { courses, imported } = page;
    let mine = if courses.is_empty() {
        view! { <p>{t.authoring_none}</p> }.into_any()
    } else {
        view! {
            <ul class="cycle-list">
                {courses
                    .into_iter()
                    .map(|course| view! { <CourseItem t href=paths::authoring_course(&course.id) course/> })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let imported = (!imported.is_empty()).then(|| {
        view! {
            <section aria-labelledby="imported">
                <h2 id="imported">{t.authoring_imported}</h2>
                <p>{t.authoring_imported_lead}</p>
                <ul class="cycle-list">
                    {imported
                        .into_iter()
                        .map(|course| view! { <CourseItem t href=paths::training_course(&course.id) course/> })
                        .collect_view()}
                </ul>
            </section>
        }
    });
    view! {
        <section aria-labelledby="mine">
            <h2 id="mine">{t.authoring_mine}</h2>
            {mine}
        </section>
        <section class="panel" aria-labelledby="new-course">
            <h2 id="new-course">{t.authoring_new}</h2>
            <PostForm action=CreateCourse::url() id="course_new">
                <PartFieldset t fields=PartFields::default()/>
                <SubmitButton label=t.authoring_create/>
            </PostForm>
        </section>
        {imported}
    }
}

#[component]
fn CourseItem(t: &'static Texts, href: String, course: AuthoredCourse) -> impl IntoView {
    let AuthoredCourse { title, status, lessons, updated_at, .. } = course;
    view! {
        <li>
            <h3><A href>{title}</A></h3>
            <p class="meta">
                <PartStatusTag t status/>" "
                {fill(t.authoring_lessons_count, &[("count", &lessons.to_string())])}" · "
                {fill(t.authoring_updated, &[("date", &italian_date(&rome_date(updated_at)))])}
            </p>
        </li>
    }
}
