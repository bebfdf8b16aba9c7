//! Request middleware: who is asking and in which language, refusing
//! cross-site form posts, how large a body may be, and a readable answer
//! for oversize bodies.

use axum::{
    body::Body,
    extract::{ConnectInfo, Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use tutela_app::{
    i18n::Locale,
    routes::paths,
    ssr::{
        accounts::LOCALE_COOKIE,
        request::{RequestContext, client_address, cookie_from_headers},
        sessions::{self, SESSION_COOKIE},
        state::AppState,
    },
};

/// Resolves the session cookie and the language once per request and puts
/// the result in the request's extensions for pages and server functions.
/// What a signed-in reader is sent is theirs alone: never stored by a cache
/// or kept in the browser's history cache; a visitor's pages are revalidated.
pub async fn request_context(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let headers = request.headers();
    let client = request
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|info| client_address(info.0.ip(), headers, &state.settings.trusted_proxies).to_string())
        .unwrap_or_default();
    let request_id = headers.get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let mut context = RequestContext { client, request_id, ..RequestContext::default() };
    if let Some(token) = cookie_from_headers(headers, SESSION_COOKIE.on(&state.settings)).filter(|t| !t.is_empty()) {
        match sessions::resolve(&state, &token).await {
            Ok(Some((user, digest))) => {
                context.user = Some(user);
                context.session_digest = Some(digest);
            }
            Ok(None) => {}
            Err(error) => tracing::error!(%error, "resolving a session"),
        }
    }
    context.locale = context
        .user
        .as_ref()
        .map(|u| u.locale)
        .or_else(|| cookie_from_headers(headers, LOCALE_COOKIE.on(&state.settings)).and_then(|c| Locale::from_code(&c)))
        .unwrap_or_default();
    let signed_in = context.user.is_some();
    request.extensions_mut().insert(context);
    let mut response = next.run(request).await;
    let caching = if signed_in { "private, no-store" } else { "no-cache" };
    response.headers_mut().entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static(caching));
    response
}

/// Whether a state-changing request comes from Tutela's own pages.
/// Browsers send `Sec-Fetch-Site`; older ones at least `Origin`, which must
/// be the configured public URL's. A request with neither came from no page
/// of ours (every browser that Tutela supports sends one of them).
fn is_from_our_pages(headers: &HeaderMap, public_origin: &str) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()).is_some_and(|origin| origin == public_origin)
}

/// Refuses state-changing requests from other sites: forms work without
/// JavaScript, so they need protection that does not rely on it.
/// One-click unsubscribe links are posted by mail programs, from no page at
/// all (RFC 8058); the signed link is their proof, and all they can do is
/// turn mail off.
pub async fn refuse_cross_site(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let unsafe_method = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let one_click = request.uri().path().starts_with(&paths::unsubscribe(""));
    if unsafe_method && !one_click && !is_from_our_pages(request.headers(), state.settings.public_origin()) {
        tracing::warn!(path = %request.uri().path(), "refused a cross-site request");
        return plain_page(
            StatusCode::FORBIDDEN,
            "Richiesta rifiutata: proviene da un altro sito. / Request refused: it comes from another site.",
        );
    }
    next.run(request).await
}

/// Replaces the bare 413 of the body limit with a sentence people can read.
/// How large a request body may be: a form's, and for the few forms that
/// carry files (`paths::TAKING_FILES`), as large as the files they take.
#[derive(Clone, Copy, Debug)]
pub struct BodyLimits {
    pub form: usize,
    pub lesson: usize,
    pub with_files: usize,
}

impl BodyLimits {
    pub fn new(form: usize) -> BodyLimits {
        use tutela_app::{
            domain::files::{MAX_FILE_BYTES, MAX_FILES},
            ssr::training::authoring::lessons,
        };
        // Form-encoded, a character takes up to three bytes, each up to three characters.
        let lesson = form.max(lessons::MAX_CHARS * 9 + 64 * 1024);
        BodyLimits { form, lesson, with_files: MAX_FILES * MAX_FILE_BYTES + form.max(256 * 1024) }
    }
}

/// Refuses a body declared larger than its path allows, and stops one that
/// streams past it.
pub async fn limit_body(State(limits): State<BodyLimits>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let limit = if paths::TAKING_FILES.contains(&path) {
        limits.with_files
    } else if paths::TAKING_LESSONS.contains(&path) {
        limits.lesson
    } else {
        limits.form
    };
    let declared = request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > limit) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let (parts, body) = request.into_parts();
    next.run(Request::from_parts(parts, Body::new(http_body_util::Limited::new(body, limit)))).await
}

pub async fn explain_oversize(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return plain_page(
            StatusCode::PAYLOAD_TOO_LARGE,
            "Quello che hai inviato è troppo grande: accorcia il testo o allega file più piccoli (al massimo 5 da 10 MB). / What you sent is too large: shorten the text or attach smaller files (at most 5 of 10 MB).",
        );
    }
    response
}

/// What a person sees if a request panics: a sentence in both languages
/// (the panic itself goes to the log).
pub fn internal_error_page(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let detail = panic.downcast_ref::<String>().map(String::as_str).or_else(|| panic.downcast_ref::<&str>().copied()).unwrap_or("unknown");
    tracing::error!(panic = detail, "a request panicked");
    plain_page(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Qualcosa non ha funzionato: riprova tra poco. / Something went wrong: please try again shortly.",
    )
}

fn plain_page(status: StatusCode, message: &'static str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], Body::from(message)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs.iter().map(|(k, v)| (header::HeaderName::from_static(k), v.parse().unwrap())).collect()
    }

    #[test]
    fn requests_from_our_pages_pass_and_others_do_not() {
        let ours = "https://tutela.example.org";
        assert!(is_from_our_pages(&headers(&[("sec-fetch-site", "same-origin")]), ours));
        assert!(!is_from_our_pages(&headers(&[("sec-fetch-site", "cross-site")]), ours));
        assert!(!is_from_our_pages(&headers(&[("sec-fetch-site", "same-site")]), ours));
        assert!(is_from_our_pages(&headers(&[("origin", "https://tutela.example.org")]), ours));
        assert!(!is_from_our_pages(&headers(&[("origin", "https://evil.example"), ("host", "evil.example")]), ours));
        assert!(
            !is_from_our_pages(&headers(&[("origin", "http://tutela.example.org"), ("host", "tutela.example.org")]), ours),
            "the origin is compared with the public URL, not with the Host header a client chose"
        );
        assert!(!is_from_our_pages(&headers(&[("origin", "null")]), ours));
        assert!(!is_from_our_pages(&headers(&[]), ours), "no page of ours sends neither header");
    }
}
