//! `/training/courses/{id}/glossary`: the course's terms, each with its
//! anchor (lessons link to them) and its name in the other language.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

use crate::{
    api::training::load_glossary,
    components::page::LoadError,
    domain::training::GlossaryPage,
    i18n::{Texts, use_locale, use_texts},
    routes::paths,
};

#[component]
pub fn Glossary() -> impl IntoView {
    let t = use_texts();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(move || id.clone(), load_glossary);
    view! {
        <Title text=t.training_glossary/>
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || data.get().map(|result| match result {
                Err(error) => view! { <h1>{t.training_glossary}</h1><LoadError error/> }.into_any(),
                Ok(page) => view! { <Terms t page/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Terms(t: &'static Texts, page: GlossaryPage) -> impl IntoView {
    let GlossaryPage { course_id, course_title, terms } = page;
    // The other language's name is marked as such for screen readers.
    let other = match use_locale() {
        crate::i18n::Locale::It => "en",
        crate::i18n::Locale::En => "it",
    };
    view! {
        <p class="breadcrumb">
            <A href=paths::TRAINING>{t.area_training_title}</A>" › "
            <A href=paths::training_course(&course_id)>{course_title}</A>
        </p>
        <h1>{t.training_glossary}</h1>
        <p class="lead">{t.training_glossary_lead}</p>
        <dl class="glossary">
            {terms.into_iter().map(|term| view! {
                <dt id=term.key>{term.term}" "<span class="meta" lang=other>"("{term.translation}")"</span></dt>
                <dd>{term.definition}</dd>
            }).collect_view()}
        </dl>
    }
}
