use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_texts;

/// The privacy notice: what Tutela keeps, why, and the rule about minors' data.
#[component]
pub fn Privacy() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=t.privacy_title/>
        <article class="prose">
            <h1>{t.privacy_title}</h1>
            <p>{t.privacy_intro}</p>
            <h2>{t.privacy_data_title}</h2>
            <p>{t.privacy_data_body}</p>
            <h2>{t.privacy_minors_title}</h2>
            <p>{t.privacy_minors_body}</p>
            <h2>{t.privacy_rights_title}</h2>
            <p>{t.privacy_rights_body}</p>
        </article>
    }
}
