//! Serves the asset table: the encoding the browser accepts best, and the
//! caching the file's name allows; without a manifest, the file on disk.

use axum::{
    body::Body,
    extract::State,
    http::{HeaderMap, HeaderValue, StatusCode, Uri, header},
    response::{IntoResponse, Response},
};
use tutela_app::ssr::{assets::Caching, state::AppState};

pub async fn serve(State(state): State<AppState>, uri: Uri, headers: HeaderMap) -> Response {
    let Some(asset) = state.assets.get(uri.path()) else {
        return serve_live(&state, uri.path()).await;
    };
    let accepted = headers.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()).unwrap_or("");
    let accepts = |coding: &str| accepts_encoding(accepted, coding);
    let (body, encoding) = match (&asset.brotli, &asset.gzip) {
        (Some(brotli), _) if accepts("br") => (brotli, Some("br")),
        (_, Some(gzip)) if accepts("gzip") => (gzip, Some("gzip")),
        _ => (&asset.identity, None),
    };
    let mut response = Response::new(Body::from(body.clone()));
    let response_headers = response.headers_mut();
    response_headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(asset.content_type));
    response_headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(asset.caching.header()));
    if asset.brotli.is_some() || asset.gzip.is_some() {
        response_headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if let Some(encoding) = encoding {
        response_headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    response
}

/// A plain-named file read from disk now (under `cargo leptos watch`).
async fn serve_live(state: &AppState, url_path: &str) -> Response {
    let Some((path, content_type)) = state.assets.live_file(url_path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match tokio::fs::read(&path).await {
        Ok(bytes) => ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, Caching::Revalidate.header())], bytes).into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Whether an `Accept-Encoding` value accepts `coding` (named, with a
/// non-zero quality).
fn accepts_encoding(accepted: &str, coding: &str) -> bool {
    accepted.split(',').any(|part| {
        let mut pieces = part.split(';').map(str::trim);
        let named = pieces.next() == Some(coding);
        let refused = pieces.any(|p| p.strip_prefix("q=").and_then(|q| q.parse::<f32>().ok()).is_some_and(|q| q <= 0.0));
        named && !refused
    })
}

#[cfg(test)]
mod tests {
    use super::accepts_encoding;

    #[test]
    fn a_coding_counts_when_named_without_a_zero_quality() {
        assert!(accepts_encoding("gzip, deflate, br, zstd", "br"));
        assert!(accepts_encoding("gzip;q=0.8", "gzip"));
        assert!(!accepts_encoding("br;q=0, gzip", "br"));
        assert!(!accepts_encoding("gzip", "br"));
        assert!(!accepts_encoding("", "gzip"));
    }
}
