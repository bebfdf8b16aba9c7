//! The HTTP application: Leptos pages and server functions, static files,
//! health checks, and the middleware around them.

use axum::{
    Router,
    extract::State,
    http::{HeaderValue, StatusCode, header},
    middleware::{from_fn, from_fn_with_state},
    routing::get,
};
use leptos_axum::{LeptosRoutes as _, file_and_error_handler, generate_route_list};
use std::path::{Path, PathBuf};

use tower::ServiceBuilder;
use tower_http::{
    catch_panic::CatchPanicLayer,
    compression::CompressionLayer,
    limit::RequestBodyLimitLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    services::{ServeDir, ServeFile},
    set_header::SetResponseHeaderLayer,
    trace::TraceLayer,
};
use tutela_app::{
    app::{App, shell},
    routes::paths,
    ssr::{db, state::AppState},
};

use crate::middleware;

const REQUEST_ID: header::HeaderName = header::HeaderName::from_static("x-request-id");

/// The built site's static files: the bundle under `/pkg` (revalidated on
/// every use, since its names carry no hash) and the fonts and icon (kept a
/// week). Served directly, before any page routing.
fn static_files(site_root: &Path) -> Router<AppState> {
    let revalidate = SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    let keep_a_week = SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=604800"));
    Router::new()
        .nest_service("/pkg", ServiceBuilder::new().layer(revalidate).service(ServeDir::new(site_root.join("pkg")).precompressed_gzip()))
        .nest_service("/fonts", ServiceBuilder::new().layer(keep_a_week.clone()).service(ServeDir::new(site_root.join("fonts"))))
        .route_service("/favicon.svg", ServiceBuilder::new().layer(keep_a_week).service(ServeFile::new(site_root.join("favicon.svg"))))
}

pub fn build(state: AppState, max_body_bytes: usize) -> Router {
    let routes = generate_route_list(App);
    let options = state.leptos_options.clone();
    let site_root = PathBuf::from(options.site_root.as_ref());
    Router::new()
        .route(paths::HEALTHZ, get(|| async { "ok" }))
        .route(paths::READYZ, get(ready))
        .merge(static_files(&site_root))
        .leptos_routes_with_context(&state, routes, || (), move || shell(options.clone()))
        .fallback(file_and_error_handler::<AppState, _>(shell))
        .layer(from_fn_with_state(state.clone(), middleware::request_context))
        .layer(from_fn(middleware::refuse_cross_site))
        .layer(CatchPanicLayer::custom(middleware::internal_error_page))
        .layer(RequestBodyLimitLayer::new(max_body_bytes))
        // Outside the limit, so it also rewrites the limit's own refusal.
        .layer(from_fn(middleware::explain_oversize))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::overriding(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::overriding(header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
            let request_id = request.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
            tracing::info_span!("request", id = %request_id, method = %request.method(), path = %request.uri().path())
        }))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .with_state(state)
}

/// Ready when the database answers.
async fn ready(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if db::ping(&state.db).await { (StatusCode::OK, "ready") } else { (StatusCode::SERVICE_UNAVAILABLE, "database unreachable") }
}
