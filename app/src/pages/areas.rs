//! The entry pages of the areas still to come: what each offers and who
//! it is for. Their content pages arrive with each area.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_texts;

#[component]
fn AreaIntro(title: &'static str, lead: &'static str, body: &'static str) -> impl IntoView {
    view! {
        <Title text=title/>
        <h1>{title}</h1>
        <p class="lead">{lead}</p>
        <p>{body}</p>
    }
}

#[component]
pub fn Training() -> impl IntoView {
    let t = use_texts();
    view! { <AreaIntro title=t.area_training_title lead=t.area_training_lead body=t.area_training_body/> }
}
