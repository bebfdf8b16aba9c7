use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::{components::page::set_page_status, i18n::use_texts, routes::paths};

/// Any path the route table does not know (sent with 404).
#[component]
pub fn NotFound() -> impl IntoView {
    let t = use_texts();
    set_page_status(404);
    view! {
        <Title text=t.not_found_title/>
        <h1>{t.not_found_title}</h1>
        <p>{t.not_found_body}</p>
        <p><A href=paths::HOME>{t.not_found_home}</A></p>
    }
}
