//! What the islands ask of the browser beyond their own elements: calls to
//! the server functions' addresses as plain `fetch`es, and the local
//! storage that keeps drafts. The server function client would do the
//! calls too, but its encoders cost the bundle more than all the islands
//! together; these calls send a form or nothing and read one JSON value.

use wasm_bindgen::{JsCast as _, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, RequestInit, Response, Storage, UrlSearchParams};

/// A request that asks for JSON: a server function answers anything else
/// as a form post from a page, with a redirect back to it.
fn asking_json(method: &str) -> Option<RequestInit> {
    let headers = Headers::new().ok()?;
    headers.append("Accept", "application/json").ok()?;
    let init = RequestInit::new();
    init.set_method(method);
    init.set_headers(&headers.into());
    Some(init)
}

/// The JSON value the server function at `url` answers a GET with; `None`
/// when it cannot be reached or answers with an error.
pub async fn get(url: &str) -> Option<JsValue> {
    let window = web_sys::window()?;
    let init = asking_json("GET")?;
    json_of(JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.ok()?).await
}

/// The JSON value the server function at `url` answers a form post of
/// `fields` with; `None` on any failure.
pub async fn post(url: &str, fields: &[(&str, &str)]) -> Option<JsValue> {
    let window = web_sys::window()?;
    let form = UrlSearchParams::new().ok()?;
    for (name, value) in fields {
        form.append(name, value);
    }
    let init = asking_json("POST")?;
    init.set_body(&form.into());
    json_of(JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.ok()?).await
}

async fn json_of(response: JsValue) -> Option<JsValue> {
    let response: Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.json().ok()?).await.ok()
}

/// The browser's local storage for this site, when it allows it (private
/// windows and strict settings may not).
pub fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
