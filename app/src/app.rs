//! The document shell and the application root.

use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::components::Router;

use crate::{components::layout::Layout, domain::PageContext, routes::AppRoutes};

/// The id of the element that hands the page context to the browser.
const PAGE_CONTEXT_ID: &str = "tutela-page";

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let context = page_context();
    let lang = context.locale.code();
    view! {
        <!DOCTYPE html>
        <html lang=lang>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="stylesheet" href="/pkg/tutela.css"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The page context: on the server from the request, in the browser from
/// the copy the server embedded in the page.
fn page_context() -> PageContext {
    if let Some(context) = use_context::<PageContext>() {
        return context;
    }
    let context = load_page_context();
    provide_context(context.clone());
    provide_context(context.locale);
    context
}

#[cfg(feature = "ssr")]
fn load_page_context() -> PageContext {
    crate::ssr::page::current()
}

#[cfg(not(feature = "ssr"))]
fn load_page_context() -> PageContext {
    document()
        .get_element_by_id(PAGE_CONTEXT_ID)
        .and_then(|element| element.text_content())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// The JSON the browser reads back; `<` is escaped so no text can close the
/// script element early.
fn embedded_context(context: &PageContext) -> String {
    serde_json::to_string(context).unwrap_or_else(|_| "{}".to_owned()).replace('<', "\\u003c")
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let context = page_context();
    let embedded = embedded_context(&context);
    let t = context.locale.texts();
    view! {
        <Title formatter=move |title: String| if title.is_empty() { t.app_name.to_owned() } else { format!("{title} · {}", t.app_name) }/>
        <script type="application/json" id=PAGE_CONTEXT_ID inner_html=embedded></script>
        <Router>
            <Layout>
                <AppRoutes/>
            </Layout>
        </Router>
    }
}
