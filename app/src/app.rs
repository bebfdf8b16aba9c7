//! The document shell and the application root, rendered on the server.

use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::components::Router;

use crate::{
    components::layout::Layout,
    islands::IslandsOnPage,
    routes::AppRoutes,
    ssr::{content_policy, page, state::AppState},
};

/// The HTML document around the app. The stylesheet, icon and bundle names
/// come from the asset table this server loaded from its own build.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // Islands mode: nothing outside an island is prepared for hydration, so
    // no page data is serialised into the HTML.
    if let Some(shared) = Owner::current_shared_context() {
        shared.set_is_hydrating(false);
    }
    // The policy names the nonce Leptos puts on every inline script it writes.
    if let (Some(nonce), Some(response)) = (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>())
        && let Ok(policy) = http::HeaderValue::from_str(&content_policy::for_page(&nonce))
    {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, policy);
    }
    let context = page::current();
    let lang = context.locale.code();
    provide_context(context.locale);
    provide_context(context);
    let state = use_context::<AppState>();
    let stylesheet = state.as_ref().map(|s| s.assets.stylesheet.clone());
    let icon = state.as_ref().map(|s| s.assets.icon.clone());
    let islands = IslandsOnPage::default();
    provide_context(islands.clone());
    // Leptos' island loader, pointed at the hashed bundle; it hydrates each
    // island once the browser is idle. A page without an island loads no
    // script at all, so the loader must be decided after the whole page has
    // rendered, islands inside `Suspense` included. The page is streamed in
    // order and each pending part is first polled once everything before it
    // is done: yielding once makes the loader such a part, the last one.
    let mut loader_options = options.clone();
    let loader = Suspend::new(async move {
        tokio::task::yield_now().await;
        let bundle = state.as_ref().map(|s| &s.assets).filter(|a| a.has_bundle() && islands.any())?.bundle.clone();
        loader_options.output_name = bundle.into();
        let options = loader_options;
        Some(view! { <HydrationScripts options islands=true/> })
    });
    view! {
        <!DOCTYPE html>
        <html lang=lang>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" href=icon type="image/svg+xml"/>
                <link rel="stylesheet" href=stylesheet/>
                <AutoReload options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
                {loader}
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let t = crate::i18n::use_texts();
    view! {
        <Title formatter=move |title: String| if title.is_empty() { t.app_name.to_owned() } else { format!("{title} · {}", t.app_name) }/>
        <Router>
            <Layout>
                <AppRoutes/>
            </Layout>
        </Router>
    }
}
