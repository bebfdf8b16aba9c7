//! What the server knows about the request being served, resolved once by
//! middleware and read by pages and server functions.

use leptos::prelude::*;

use crate::{domain::SessionUser, i18n::Locale};

/// Put into the request's extensions by the session middleware.
#[derive(Clone, Debug, Default)]
pub struct RequestContext {
    pub user: Option<SessionUser>,
    pub locale: Locale,
    /// The digest of the session token, when signed in.
    pub session_digest: Option<String>,
    /// The client's address, for rate limits and the audit log.
    pub client: String,
    /// The id the request log gives this request (`x-request-id`).
    pub request_id: String,
}

/// The request context of the current server function or page render.
pub fn request_context() -> RequestContext {
    use_context::<http::request::Parts>().and_then(|parts| parts.extensions.get::<RequestContext>().cloned()).unwrap_or_default()
}

/// The name of one of Tutela's cookies. Served over HTTPS it carries the
/// `__Host-` prefix: browsers then take it only from this host, `Secure`
/// and for the whole site, so no other site under the same domain can set
/// or shadow it.
#[derive(Clone, Copy, Debug)]
pub struct CookieName {
    plain: &'static str,
    host_only: &'static str,
}

impl CookieName {
    /// `host_only` is `plain` with the `__Host-` prefix.
    pub const fn new(plain: &'static str, host_only: &'static str) -> CookieName {
        CookieName { plain, host_only }
    }

    /// The name under these settings.
    pub fn on(self, settings: &super::state::Settings) -> &'static str {
        if settings.secure_cookies { self.host_only } else { self.plain }
    }
}

/// The value of cookie `name` in the current request.
pub fn cookie(name: &str) -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    cookie_from_headers(&parts.headers, name)
}

/// The request's User-Agent header, empty when absent.
pub fn user_agent() -> String {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.headers.get(http::header::USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_owned))
        .unwrap_or_default()
}

pub fn cookie_from_headers(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

/// A cookie of Tutela's: whole site, SameSite=Lax, Secure and host-only
/// when served over HTTPS; `http_only` unless the browser's scripts may
/// read it.
pub fn site_cookie(
    settings: &super::state::Settings,
    name: CookieName,
    value: String,
    max_age: cookie::time::Duration,
    http_only: bool,
) -> cookie::Cookie<'static> {
    cookie::Cookie::build((name.on(settings), value))
        .path("/")
        .http_only(http_only)
        .same_site(cookie::SameSite::Lax)
        .secure(settings.secure_cookies)
        .max_age(max_age)
        .build()
}

/// Adds a `Set-Cookie` header to the response being built.
pub fn set_cookie(cookie: &cookie::Cookie<'_>) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(value) = http::HeaderValue::from_str(&cookie.to_string())
    {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

/// Whether the request is a plain HTML form post (no JavaScript), which
/// expects a redirect rather than data.
pub fn is_plain_form_post() -> bool {
    use_context::<http::request::Parts>().is_some_and(|parts| wants_html(&parts.headers))
}

/// Whether a request comes from a browser showing pages (it accepts HTML).
pub fn wants_html(headers: &http::HeaderMap) -> bool {
    headers.get(http::header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"))
}

/// The address of the client behind `peer`. When `peer` is one of the
/// `trusted` proxies, the client is the last address in `X-Forwarded-For`
/// that no trusted proxy added: addresses before it were written by the
/// client itself and prove nothing. From anyone else the header is ignored.
pub fn client_address(peer: std::net::IpAddr, headers: &http::HeaderMap, trusted: &[ipnet::IpNet]) -> std::net::IpAddr {
    let is_trusted = |address: &std::net::IpAddr| trusted.iter().any(|net| net.contains(address));
    if !is_trusted(&peer) {
        return peer;
    }
    let forwarded: Vec<std::net::IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|hop| hop.trim().parse())
        .collect::<Result<_, _>>()
        // A hop that is not an address: nothing in the header can be trusted.
        .unwrap_or_default();
    forwarded.iter().rev().find(|hop| !is_trusted(hop)).or(forwarded.first()).copied().unwrap_or(peer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forwarded_for(value: &str) -> http::HeaderMap {
        let mut headers = http::HeaderMap::new();
        headers.insert("x-forwarded-for", value.parse().unwrap());
        headers
    }

    #[test]
    fn the_forwarded_address_counts_only_from_a_trusted_proxy() {
        let proxies: Vec<ipnet::IpNet> = vec!["10.0.0.0/8".parse().unwrap(), "127.0.0.1/32".parse().unwrap()];
        let proxy = "10.1.2.3".parse().unwrap();
        let stranger = "198.51.100.9".parse().unwrap();
        let client: std::net::IpAddr = "203.0.113.5".parse().unwrap();
        assert_eq!(client_address(proxy, &forwarded_for("203.0.113.5"), &proxies), client);
        assert_eq!(client_address(stranger, &forwarded_for("203.0.113.5"), &proxies), stranger, "anyone can write the header");
        assert_eq!(
            client_address(proxy, &forwarded_for("192.0.2.1, 203.0.113.5, 10.9.9.9"), &proxies),
            client,
            "what the client wrote before its address is skipped, our own proxies after it too"
        );
        assert_eq!(client_address(proxy, &forwarded_for("10.9.9.9"), &proxies), "10.9.9.9".parse::<std::net::IpAddr>().unwrap());
        assert_eq!(client_address(proxy, &forwarded_for("garbage, 203.0.113.5"), &proxies), proxy);
        assert_eq!(client_address(proxy, &http::HeaderMap::new(), &proxies), proxy);
        assert_eq!(client_address(proxy, &forwarded_for("203.0.113.5"), &[]), proxy, "no proxy is trusted unless configured");
    }
}
