//! What browsers may load and do on Tutela's pages (Content-Security-Policy
//! and its companions). A page allows Tutela's own files, the inline scripts
//! Leptos writes (each carries the page's nonce) and the WebAssembly bundle;
//! nothing else runs, nothing frames the page, forms post only to Tutela.

/// The policy of a rendered page whose inline scripts carry `nonce`.
pub fn for_page(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The policy of every other response (redirects, data, plain messages,
/// static files): nothing in it may load or run anything.
pub const FOR_OTHER_RESPONSES: &str = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Browser features Tutela never uses, turned off for its pages and for
/// anything they might embed.
pub const PERMISSIONS: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()";

/// Strict-Transport-Security, sent only when Tutela is served over https.
pub const TRANSPORT_SECURITY: &str = "max-age=31536000";
