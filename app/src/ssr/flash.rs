//! The flash cookie: a signed, one-shot message for the page after a redirect.

use base64::{Engine as _, engine::general_purpose::URL_SAFE_NO_PAD};
use cookie::Cookie;

use super::{
    request::{CookieName, cookie, set_cookie, site_cookie},
    state::AppState,
};
use crate::domain::{AppError, Flash, FormFeedback, Notice};

const FLASH_COOKIE: CookieName = CookieName::new("tutela_flash", "__Host-tutela_flash");
/// Long enough to survive the redirect, short enough not to linger.
const FLASH_SECONDS: i64 = 120;

/// Leaves `flash` for the next page this browser loads.
pub fn put(state: &AppState, flash: &Flash) {
    let Ok(json) = serde_json::to_vec(flash) else { return };
    let payload = URL_SAFE_NO_PAD.encode(&json);
    let tag = state.signing_key.sign(payload.as_bytes());
    set_cookie(&flash_cookie(state, format!("{payload}.{tag}"), FLASH_SECONDS));
}

pub fn notice(state: &AppState, notice: Notice) {
    put(state, &Flash::Notice(notice));
}

/// Reads and clears the flash left by the previous request; a forged or
/// unreadable cookie is ignored.
pub fn take(state: &AppState) -> Option<Flash> {
    let raw = cookie(FLASH_COOKIE.on(&state.settings))?;
    set_cookie(&flash_cookie(state, String::new(), 0));
    let (payload, tag) = raw.split_once('.')?;
    if !state.signing_key.verify(payload.as_bytes(), tag) {
        return None;
    }
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()
}

fn flash_cookie(state: &AppState, value: String, max_age_seconds: i64) -> Cookie<'static> {
    site_cookie(&state.settings, FLASH_COOKIE, value, cookie::time::Duration::seconds(max_age_seconds), true)
}

/// Turns a form's failure into feedback for the page it came from: the
/// problems, and the values to refill (the caller leaves out passwords).
pub fn form_failed(state: &AppState, form: &str, error: &AppError, values: &[(&str, &str)]) {
    let problems = match error {
        AppError::Invalid(problems) => problems.clone(),
        AppError::Refused(problem) => vec![crate::domain::FieldProblem { field: String::new(), problem: *problem }],
        _ => return,
    };
    put_form(state, form, problems, values);
}

/// Shows `form` again as it was typed, with nothing wrong: after a preview
/// asked for without JavaScript.
pub fn form_kept(state: &AppState, form: &str, values: &[(&str, &str)]) {
    put_form(state, form, Vec::new(), values);
}

fn put_form(state: &AppState, form: &str, problems: Vec<crate::domain::FieldProblem>, values: &[(&str, &str)]) {
    let feedback = FormFeedback {
        form: form.to_owned(),
        problems,
        values: values.iter().map(|(k, v)| ((*k).to_owned(), (*v).chars().take(500).collect())).collect(),
    };
    put(state, &Flash::Form(feedback));
}
