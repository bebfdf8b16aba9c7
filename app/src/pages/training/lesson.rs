//! `/training/lessons/{id}`: the reader. The text was rendered when the
//! lesson was published; the page adds where it sits in the course, the
//! reading time, "mark as read" and the previous and next lessons.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

use super::minutes_text;
use crate::{
    api::training::{MarkLessonRead, load_lesson},
    components::{
        form::{PostForm, SubmitButton},
        page::{LoadError, SignedIn},
    },
    domain::{
        italian_date, rome_date,
        training::{LessonPage, ReadState},
    },
    i18n::{Texts, fill, use_texts},
    routes::paths,
};

#[component]
pub fn Lesson() -> impl IntoView {
    let t = use_texts();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(move || id.clone(), load_lesson);
    view! {
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <Title text=t.area_training_title/><h1>{t.area_training_title}</h1><LoadError error/> }.into_any(),
                    Ok(page) => view! { <Reader t page/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

#[component]
fn Reader(t: &'static Texts, page: LessonPage) -> impl IntoView {
    let LessonPage {
        id,
        course_id,
        course_title,
        module_title,
        title,
        summary,
        minutes,
        html,
        version,
        updated_at,
        read,
        previous,
        next,
        place,
    } = page;
    let meta = fill(
        t.training_lesson_meta,
        &[("number", &place.0.to_string()), ("total", &place.1.to_string()), ("time", &minutes_text(t, minutes))],
    );
    let updated = (version > 1).then(|| view! { " · "{fill(t.training_updated, &[("date", &italian_date(&rome_date(updated_at)))])} });
    let changed = (read == ReadState::Changed).then(|| view! { <p class="alert alert-warning">{t.training_changed_note}</p> });
    let done = if read == ReadState::Read {
        view! { <p class="alert alert-success lesson-done">{t.training_done}</p> }.into_any()
    } else {
        view! {
            <PostForm action=MarkLessonRead::url() id="lesson_read">
                <input type="hidden" name="id" value=id.clone()/>
                <SubmitButton label=t.training_mark_read/>
            </PostForm>
        }
        .into_any()
    };
    view! {
        <Title text=title.clone()/>
        <p class="breadcrumb">
            <A href=paths::TRAINING>{t.area_training_title}</A>" › "
            <A href=paths::training_course(&course_id)>{course_title}</A>" › "
            <span>{module_title}</span>
        </p>
        <article class="lesson" aria-labelledby="lesson-title">
            <h1 id="lesson-title">{title}</h1>
            <p class="meta">{meta}{updated}</p>
            {changed}
            <p class="lead">{summary}</p>
            <div class="lesson-body" inner_html=html></div>
        </article>
        {done}
        <nav class="lesson-nav" aria-label=t.training_lesson_nav>
            {previous.map(|lesson| view! { <A href=paths::training_lesson(&lesson.id) attr:rel="prev" attr:class="lesson-nav-previous">{fill(t.training_previous, &[("lesson", &lesson.title)])}</A> })}
            {next.map(|lesson| view! { <A href=paths::training_lesson(&lesson.id) attr:rel="next" attr:class="lesson-nav-next">{fill(t.training_next, &[("lesson", &lesson.title)])}</A> })}
        </nav>
    }
}
