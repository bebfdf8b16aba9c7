//! Static files and page caching: hashed files are kept for ever, signed-in
//! pages never stored.

use reqwest::{StatusCode, header};

use crate::{
    helpers::{STYLESHEET, STYLESHEET_BODY, STYLESHEET_GZIP},
    on_both_engines,
};

fn cache_control(response: &reqwest::Response) -> &str {
    response.headers().get(header::CACHE_CONTROL).and_then(|v| v.to_str().ok()).unwrap_or_default()
}

on_both_engines! {
    async fn pages_link_the_hashed_stylesheet_which_is_kept_for_ever(app: TestApp) {
        let page = app.page("/").await;
        assert!(page.contains(&format!("href=\"{STYLESHEET}\"")), "the page links the stylesheet of its own build");

        let response = app.get(STYLESHEET).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(cache_control(&response), "public, max-age=31536000, immutable");
        assert_eq!(response.headers()[header::CONTENT_TYPE], "text/css; charset=utf-8");
        assert_eq!(response.text().await.unwrap(), STYLESHEET_BODY);
    }

    async fn a_browser_that_accepts_gzip_gets_the_precompressed_copy(app: TestApp) {
        let response = app.client.get(app.url(STYLESHEET)).header(header::ACCEPT_ENCODING, "br;q=0, gzip").send().await.unwrap();
        assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
        assert_eq!(response.headers()[header::VARY], "accept-encoding");
        assert_eq!(response.bytes().await.unwrap().as_ref(), STYLESHEET_GZIP);
    }

    async fn an_unknown_or_unhashed_asset_is_not_found(app: TestApp) {
        assert_eq!(app.get("/pkg/tutela.css").await.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.get("/pkg/tutela.0000000000000000.wasm").await.status(), StatusCode::NOT_FOUND);
    }

    async fn files_in_the_site_folder_outside_the_asset_table_are_never_served(app: TestApp) {
        let response = app.get(&format!("/{}", tutela_app::ssr::assets::MANIFEST)).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert!(response.text().await.unwrap().contains("<h1>"), "the not-found page, not the manifest");
    }

    async fn a_signed_in_page_is_never_stored_and_a_visitors_is_revalidated(app: TestApp) {
        assert_eq!(cache_control(&app.get("/").await), "no-cache");
        let coordinator = app.coordinator().await;
        let response = coordinator.get(app.url("/admin/users")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(cache_control(&response), "private, no-store");
    }
}
