//! A password input with a show/hide toggle.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The attributes of the input, as the server-rendered form field decided them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordAttributes {
    pub id: String,
    pub name: String,
    pub autocomplete: Option<String>,
    pub required: bool,
    pub invalid: bool,
    pub described_by: Option<String>,
}

/// The password input, and once the page is interactive a button that shows
/// or hides what was typed. With JavaScript off it is a plain password
/// input; the button only appears when it can work.
#[island]
pub fn PasswordInput(input: PasswordAttributes, show_label: String, hide_label: String) -> impl IntoView {
    super::on_page();
    let revealed = RwSignal::new(false);
    let interactive = RwSignal::new(false);
    // Once hydrated (the next frame), the button can work.
    #[cfg(feature = "hydrate")]
    request_animation_frame(move || interactive.set(true));
    let control = input.id.clone();
    view! {
        <input
            id=input.id
            name=input.name
            type=move || if revealed.get() { "text" } else { "password" }
            autocomplete=input.autocomplete
            required=input.required
            aria-invalid=input.invalid.then_some("true")
            aria-describedby=input.described_by
        />
        {move || interactive.get().then(|| {
            let (show_label, hide_label) = (show_label.clone(), hide_label.clone());
            view! {
                <button
                    type="button"
                    class="btn btn-outline-secondary reveal"
                    aria-controls=control.clone()
                    aria-pressed=move || if revealed.get() { "true" } else { "false" }
                    on:click=move |_| revealed.update(|shown| *shown = !*shown)
                >
                    {move || if revealed.get() { hide_label.clone() } else { show_label.clone() }}
                </button>
            }
        })}
    }
}
