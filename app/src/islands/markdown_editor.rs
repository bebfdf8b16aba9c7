//! A Markdown field's preview and, where the page asks, its draft kept in
//! the browser while the member writes.

use leptos::prelude::*;

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
    #[cfg(feature = "hydrate")]
    let edits = RwSignal::new(0_u32);
    #[cfg(feature = "hydrate")]
    if let Some(key) = draft_key.clone() {
        // Once hydrated (the next frame), the field is there to fill.
        request_animation_frame(move || {
            if let Some(root) = hydrate::editor_keeping(&key) {
                restored.set(hydrate::keep_draft(&root, key));
            }
        });
    }
    let on_click = move |event: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        if hydrate::is_preview_button(&event) {
            event.prevent_default();
            if let Some(root) = hydrate::editor_of(&event) {
                hydrate::refresh(&root, shown);
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = event;
    };
    let stored_as = draft_key.clone();
    let on_input = move |event: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            let Some(root) = hydrate::editor_of(&event) else { return };
            if let Some(key) = stored_as.as_deref() {
                hydrate::store_draft(&root, key);
            }
            // Once shown, the preview follows the text half a second after
            // the member stops typing.
            if shown.with_untracked(Option::is_some) {
                let edit = edits.get_untracked().wrapping_add(1);
                edits.set(edit);
                set_timeout(
                    move || {
                        if edits.get_untracked() == edit {
                            hydrate::refresh(&root, shown);
                        }
                    },
                    std::time::Duration::from_millis(500),
                );
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (event, &stored_as);
    };
    view! {
        <div class="markdown-editor" data-draft=draft_key on:click=on_click on:input=on_input>
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
    use web_sys::{Element, Event, HtmlButtonElement, HtmlTextAreaElement, MouseEvent};

    use crate::{api::markdown::PreviewMarkdown, islands::browser};

    fn text_area(root: &Element) -> Option<HtmlTextAreaElement> {
        root.query_selector("textarea").ok().flatten()?.dyn_into().ok()
    }

    /// The editor an event happened in.
    pub fn editor_of(event: &Event) -> Option<Element> {
        event.target()?.dyn_into::<Element>().ok()?.closest(".markdown-editor").ok().flatten()
    }

    /// The editor that keeps its draft under `key`.
    pub fn editor_keeping(key: &str) -> Option<Element> {
        document().query_selector(&format!("[data-draft=\"{key}\"]")).ok().flatten()
    }

    pub fn is_preview_button(event: &MouseEvent) -> bool {
        event.target().and_then(|target| target.dyn_into::<HtmlButtonElement>().ok()).is_some_and(|button| button.name() == "preview")
    }

    /// Asks the server how the text renders now, and shows it: as a lesson
    /// of the course an enclosing `data-course` names, or as a post.
    pub fn refresh(root: &Element, shown: RwSignal<Option<String>>) {
        use leptos::server_fn::ServerFn as _;
        let Some(body) = text_area(root).map(|area| area.value()) else { return };
        let course =
            root.closest("[data-course]").ok().flatten().and_then(|lesson| lesson.get_attribute("data-course")).unwrap_or_default();
        leptos::task::spawn_local(async move {
            let fields = [("body", body.as_str()), ("course", course.as_str())];
            if let Some(html) = browser::post(PreviewMarkdown::url(), &fields).await.and_then(|value| value.as_string()) {
                shown.set(Some(html));
            }
        });
    }

    /// Gives back a draft kept for an empty field, and forgets it when the
    /// form is sent; whether there was one to give back.
    pub fn keep_draft(root: &Element, key: String) -> bool {
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

    pub fn store_draft(root: &Element, key: &str) {
        let (Some(area), Some(storage)) = (text_area(root), browser::local_storage()) else { return };
        let text = area.value();
        let _ = if text.trim().is_empty() { storage.remove_item(key) } else { storage.set_item(key, &text) };
    }
}
