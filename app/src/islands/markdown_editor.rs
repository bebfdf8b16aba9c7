//! A Markdown field's preview and, where the page asks, its draft kept in
//! the browser while the member writes.

use leptos::{html::Div, prelude::*};

/// Wraps a form's Markdown text area and its "Preview" button (a submit
/// button named `preview`). Without JavaScript the button posts the form
/// and the server shows the preview with the text kept; here it asks the
/// server for the rendering and shows it below the field, then keeps it up
/// to date while the member writes.
///
/// With `draft_key`, what is typed is kept in the browser's local storage
/// under that key and given back when the page opens again with the field
/// empty (a closed tab, a lost connection); sending the form forgets it.
#[island]
pub fn MarkdownEditor(
    children: Children,
    /// The preview the server rendered for a kept draft.
    preview: Option<String>,
    preview_title: String,
    restored_note: String,
    draft_key: Option<String>,
) -> impl IntoView {
    super::on_page();
    let shown = RwSignal::new(preview);
    let restored = RwSignal::new(false);
    let root = NodeRef::<Div>::new();
    #[cfg(feature = "hydrate")]
    let edits = RwSignal::new(0_u32);
    #[cfg(feature = "hydrate")]
    {
        let draft_key = draft_key.clone();
        Effect::new(move |_| {
            if let (Some(key), Some(root)) = (draft_key.clone(), root.get()) {
                restored.set(hydrate::keep_draft(&root, key));
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (&draft_key, &root);
    let on_click = move |event: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        if hydrate::is_preview_button(&event) {
            event.prevent_default();
            if let Some(root) = root.get_untracked() {
                hydrate::refresh(&root, shown);
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = event;
    };
    let on_input = move |_: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            if let (Some(key), Some(root)) = (draft_key.as_deref(), root.get_untracked()) {
                hydrate::store_draft(&root, key);
            }
            // Once shown, the preview follows the text half a second after
            // the member stops typing.
            if shown.with_untracked(Option::is_some) {
                let edit = edits.get_untracked().wrapping_add(1);
                edits.set(edit);
                set_timeout(
                    move || {
                        if let (true, Some(root)) = (edits.get_untracked() == edit, root.get_untracked()) {
                            hydrate::refresh(&root, shown);
                        }
                    },
                    std::time::Duration::from_millis(500),
                );
            }
        }
    };
    view! {
        <div class="markdown-editor" node_ref=root on:click=on_click on:input=on_input>
            {children()}
            // Always there, shown when needed: elements made in the browser
            // would bring their rendering code into the bundle.
            <p class="field-hint" role="status" hidden=move || !restored.get()>{restored_note}</p>
            <section class="markdown-preview" aria-live="polite" hidden=move || shown.with(Option::is_none)>
                <h3 class="preview-title">{preview_title}</h3>
                <div class="preview-body" inner_html=move || shown.get().unwrap_or_default()></div>
            </section>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod hydrate {
    use leptos::prelude::*;
    use wasm_bindgen::{JsCast as _, closure::Closure};
    use web_sys::{HtmlButtonElement, HtmlDivElement, HtmlTextAreaElement, MouseEvent};

    use crate::{api::markdown::PreviewMarkdown, islands::browser};

    fn text_area(root: &HtmlDivElement) -> Option<HtmlTextAreaElement> {
        root.query_selector("textarea").ok().flatten()?.dyn_into().ok()
    }

    pub fn is_preview_button(event: &MouseEvent) -> bool {
        event.target().and_then(|target| target.dyn_into::<HtmlButtonElement>().ok()).is_some_and(|button| button.name() == "preview")
    }

    /// Asks the server how the text renders now, and shows it.
    pub fn refresh(root: &HtmlDivElement, shown: RwSignal<Option<String>>) {
        use leptos::server_fn::ServerFn as _;
        let Some(body) = text_area(root).map(|area| area.value()) else { return };
        leptos::task::spawn_local(async move {
            if let Some(html) = browser::post(PreviewMarkdown::url(), &[("body", &body)]).await.and_then(|value| value.as_string()) {
                shown.set(Some(html));
            }
        });
    }

    /// Gives back a draft kept for an empty field, and forgets it when the
    /// form is sent; whether there was one to give back.
    pub fn keep_draft(root: &HtmlDivElement, key: String) -> bool {
        let (Some(area), Some(storage)) = (text_area(root), browser::local_storage()) else { return false };
        let mut restored = false;
        if area.value().trim().is_empty()
            && let Ok(Some(kept)) = storage.get_item(&key)
            && !kept.trim().is_empty()
        {
            area.set_value(&kept);
            restored = true;
        }
        if let Some(form) = area.form() {
            let forget = Closure::<dyn Fn()>::new(move || {
                let _ = storage.remove_item(&key);
            });
            let _ = form.add_event_listener_with_callback("submit", forget.as_ref().unchecked_ref());
            // The form lives as long as the page.
            forget.forget();
        }
        restored
    }

    pub fn store_draft(root: &HtmlDivElement, key: &str) {
        let (Some(area), Some(storage)) = (text_area(root), browser::local_storage()) else { return };
        let text = area.value();
        let _ = if text.trim().is_empty() { storage.remove_item(key) } else { storage.set_item(key, &text) };
    }
}
