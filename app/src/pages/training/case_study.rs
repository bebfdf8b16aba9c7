//! `/training/cases/{id}`: a case study. Trainers and coordinators read it
//! whole, with its discussion guide; learners see what it is about, since
//! it is worked through in a session.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

use crate::{
    api::training::load_case,
    components::page::{LoadError, SignedIn},
    domain::training::CasePage,
    i18n::{Texts, use_texts},
    routes::paths,
};

#[component]
pub fn CaseStudy() -> impl IntoView {
    let t = use_texts();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(move || id.clone(), load_case);
    view! {
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <Title text=t.training_case/><h1>{t.training_case}</h1><LoadError error/> }.into_any(),
                    Ok(page) => view! { <Case t page/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

#[component]
fn Case(t: &'static Texts, page: CasePage) -> impl IntoView {
    let CasePage { course_id, course_title, module_title, title, summary, html } = page;
    let body = match html {
        Some(html) => view! { <div class="lesson-body" inner_html=html></div> }.into_any(),
        None => view! { <p class="alert alert-info">{t.training_case_in_session}</p> }.into_any(),
    };
    view! {
        <Title text=title.clone()/>
        <p class="breadcrumb">
            <A href=paths::TRAINING>{t.area_training_title}</A>" › "
            <A href=paths::training_course(&course_id)>{course_title}</A>" › "
            <span>{module_title}</span>
        </p>
        <article class="lesson" aria-labelledby="case-title">
            <h1 id="case-title">{title}</h1>
            <p class="lead">{summary}</p>
            {body}
        </article>
    }
}
