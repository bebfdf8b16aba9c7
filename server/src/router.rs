//! The HTTP application: Leptos pages and server functions, static files,
//! health checks, and the middleware around them. Static files and the
//! liveness check skip the session middleware: they are the same for all.

use axum::{
    Router,
    extract::{Extension, Path, State},
    http::{HeaderValue, StatusCode, header},
    middleware::{from_fn, from_fn_with_state},
    response::{IntoResponse as _, Redirect, Response},
    routing::{get, post},
};
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes as _, generate_route_list, render_app_async_with_context};
use tower::util::option_layer;
use tower_http::{
    catch_panic::CatchPanicLayer,
    compression::CompressionLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    set_header::SetResponseHeaderLayer,
    trace::TraceLayer,
};
use tutela_app::{
    app::{App, shell},
    routes::paths,
    ssr::{
        consultations::{attachments, stats},
        content_policy, db,
        error::ServiceError,
        files,
        notifications::unsubscribe as unsubscribe_link,
        request::{RequestContext, wants_html},
        state::AppState,
        training::cycles::{calendar, certificates, export},
    },
};

use crate::{assets, middleware};

const REQUEST_ID: header::HeaderName = header::HeaderName::from_static("x-request-id");

pub fn build(state: AppState, max_body_bytes: usize) -> Router {
    let https = state.settings.public_url.starts_with("https://");
    let routes = generate_route_list(App);
    let options = state.leptos_options.clone();
    let document = move || shell(options.clone());
    // Any other path renders the app's not-found page (with its 404 status):
    // static files all come from the asset table, nothing from the disk.
    let not_found = render_app_async_with_context(
        {
            let state = state.clone();
            move || provide_context(state.clone())
        },
        document.clone(),
    );
    // Pages and server functions: they need to know who is asking.
    let pages = Router::new()
        .route(paths::READYZ, get(ready))
        .route(&paths::unsubscribe("{token}"), post(unsubscribe))
        .route(&paths::consultation_file("{id}", "{file}"), get(consultation_file))
        .route(paths::CONSULTATIONS_STATS_CSV, get(consultation_stats_csv))
        .route(&paths::training_cycle_calendar("{id}"), get(cycle_calendar))
        .route(&paths::training_cycle_progress("{id}"), get(cycle_progress_csv))
        .route(&paths::calendar_feed("{token}"), get(calendar_feed))
        .route(&paths::training_certificate_pdf("{code}"), get(certificate_pdf))
        .route(paths::TRAINING_CERTIFICATES_CSV, get(certificates_csv))
        .leptos_routes_with_context(&state, routes, || (), document)
        .fallback(not_found)
        .layer(from_fn_with_state(state.clone(), middleware::request_context))
        .layer(from_fn_with_state(state.clone(), middleware::refuse_cross_site))
        .layer(CatchPanicLayer::custom(middleware::internal_error_page))
        .layer(from_fn_with_state(middleware::BodyLimits::new(max_body_bytes), middleware::limit_body))
        // Outside the limit, so it also rewrites the limit's own refusal.
        .layer(from_fn(middleware::explain_oversize))
        // Static files come precompressed from the asset table.
        .layer(CompressionLayer::new());
    Router::new()
        .route(paths::HEALTHZ, get(|| async { "ok" }))
        .route("/pkg/{*file}", get(assets::serve))
        .route("/fonts/{*file}", get(assets::serve))
        .route("/favicon.svg", get(assets::serve))
        .merge(pages)
        // A page sets its own policy, with its nonce; anything else gets the strictest.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(content_policy::FOR_OTHER_RESPONSES),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(content_policy::PERMISSIONS),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static("cross-origin-resource-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(option_layer(https.then(|| {
            SetResponseHeaderLayer::overriding(
                header::STRICT_TRANSPORT_SECURITY,
                HeaderValue::from_static(content_policy::TRANSPORT_SECURITY),
            )
        })))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::overriding(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::overriding(header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
            let request_id = request.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
            tracing::info_span!("request", id = %request_id, method = %request.method(), path = %paths::for_log(request.uri().path()))
        }))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .with_state(state)
}

/// Ready when the database answers within two seconds: a probe must get
/// an answer while the database is away, not wait out the pool's timeout.
async fn ready(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match tokio::time::timeout(std::time::Duration::from_secs(2), db::ping(&state.db)).await {
        Ok(true) => (StatusCode::OK, "ready"),
        Ok(false) | Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "database unreachable"),
    }
}

/// An unsubscribe link used: from its page (a person, sent back to the page,
/// which now says mail is off) or by a mail program's own button (RFC 8058,
/// which needs only the status).
async fn unsubscribe(State(state): State<AppState>, Path(token): Path<String>, headers: axum::http::HeaderMap) -> Response {
    match unsubscribe_link::apply(&state, &token).await {
        Err(error) => {
            tracing::error!(%error, "using an unsubscribe link");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Ok(_) if wants_html(&headers) => Redirect::to(&paths::unsubscribe(&token)).into_response(),
        Ok(tutela_app::domain::notifications::UnsubscribeLink::Invalid) => StatusCode::NOT_FOUND.into_response(),
        Ok(_) => StatusCode::OK.into_response(),
    }
}

/// A file attached to a consultation, for those who may read it (the
/// checks are `attachments::open`'s). To anyone else it does not exist.
async fn consultation_file(
    State(state): State<AppState>,
    Path((id, file)): Path<(String, String)>,
    Extension(context): Extension<RequestContext>,
) -> Response {
    let Some(reader) = context.user else { return Redirect::to(paths::LOGIN).into_response() };
    match attachments::open(&state, &reader, &id, &file).await {
        Ok((stored, bytes)) => files::response(&stored, bytes).into_response(),
        Err(error) => refused(error, "serving an attached file"),
    }
}

/// What a download route answers when the service refused: to whoever may
/// not have it, or asked for what is not there, it does not exist; a
/// jurist or coordinator without two-factor sign-in is forbidden.
fn refused(error: ServiceError, doing: &str) -> Response {
    match error {
        ServiceError::NotFound | ServiceError::Forbidden | ServiceError::Invalid(_) => StatusCode::NOT_FOUND.into_response(),
        ServiceError::Refused(_) => StatusCode::FORBIDDEN.into_response(),
        error => {
            tracing::error!(%error, "{doing}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// What the district filters of the coordinators' CSV links ask for.
#[derive(serde::Deserialize)]
struct DistrictQuery {
    #[serde(default)]
    district: String,
}

fn csv_response(file_name: &str, body: String) -> Response {
    let headers = [
        (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
        (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file_name}\"")),
    ];
    (headers, body).into_response()
}

/// A certificate as a PDF file, for its holder and its district's staff;
/// to anyone else (and once revoked) it does not exist.
async fn certificate_pdf(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Extension(context): Extension<RequestContext>,
) -> Response {
    let Some(reader) = context.user else { return Redirect::to(paths::LOGIN).into_response() };
    match certificates::pdf(&state, &reader, context.locale, &code).await {
        Ok((name, bytes)) => {
            let headers = [
                (header::CONTENT_TYPE, "application/pdf".to_owned()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
                (header::CACHE_CONTROL, "private, no-store".to_owned()),
            ];
            (headers, bytes).into_response()
        }
        Err(error) => refused(error, "writing a certificate"),
    }
}

/// The certificates of the districts the reader coordinates, as a CSV file
/// for the juvenile court's list of guardians.
async fn certificates_csv(
    State(state): State<AppState>,
    axum::extract::Query(query): axum::extract::Query<DistrictQuery>,
    Extension(context): Extension<RequestContext>,
) -> Response {
    let Some(reader) = context.user else { return Redirect::to(paths::LOGIN).into_response() };
    match certificates::list_csv(&state, &reader, context.locale, &query.district).await {
        Ok(body) => csv_response("certificates.csv", body),
        Err(error) => refused(error, "exporting the certificates"),
    }
}

/// What the statistics' CSV link asks for.
#[derive(serde::Deserialize)]
struct StatsQuery {
    #[serde(default)]
    of: String,
    #[serde(default)]
    district: String,
}

/// A table of the coordinators' statistics as a CSV file, for the
/// coordinators of the districts it covers; to anyone else it does not exist.
async fn consultation_stats_csv(
    State(state): State<AppState>,
    axum::extract::Query(query): axum::extract::Query<StatsQuery>,
    Extension(context): Extension<RequestContext>,
) -> Response {
    let Some(reader) = context.user else { return Redirect::to(paths::LOGIN).into_response() };
    let Some(table) = tutela_app::domain::consultation_stats::StatsTable::from_code(&query.of) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match stats::stats(&state, &reader, &query.district).await {
        Ok(found) => csv_response(&format!("consultations-{}.csv", table.code()), stats::csv(context.locale.texts(), &found, table)),
        Err(error) => refused(error, "exporting the consultations' statistics"),
    }
}

fn calendar_response(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/calendar; charset=utf-8")], body).into_response()
}

/// A cycle's sessions as an `.ics` file, for whoever sees its page.
async fn cycle_calendar(State(state): State<AppState>, Path(id): Path<String>, Extension(context): Extension<RequestContext>) -> Response {
    let Some(reader) = context.user else { return Redirect::to(paths::LOGIN).into_response() };
    match calendar::cycle_file(&state, &reader, context.locale, &id).await {
        Ok(body) => calendar_response(body),
        Err(error) => refused(error, "writing a cycle's calendar"),
    }
}

/// A personal calendar feed: its signed address is the only key, since
/// calendar programs do not sign in. A revoked or forged one does not exist.
async fn calendar_feed(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    match calendar::feed(&state, &token).await {
        Ok(Some(body)) => calendar_response(body),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => refused(error, "writing a calendar feed"),
    }
}

/// A cycle's learners and their progress as a CSV file, for its staff; to
/// anyone else it does not exist.
async fn cycle_progress_csv(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Extension(context): Extension<RequestContext>,
) -> Response {
    let Some(reader) = context.user else { return Redirect::to(paths::LOGIN).into_response() };
    match export::progress_csv(&state, &reader, context.locale, &id).await {
        Ok(body) => csv_response("cycle-progress.csv", body),
        Err(error) => refused(error, "exporting a cycle's progress"),
    }
}
