//! What every request handler and server function can reach.

use std::{path::PathBuf, sync::Arc};

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

use super::{
    assets::AssetTable,
    secrets::{Secret, SigningKey},
    session_cache::SessionCache,
};

/// Server settings the services need, resolved once at start-up.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Where users reach Tutela; the base of links in mails.
    pub public_url: String,
    /// Whether cookies carry `Secure` (when served over HTTPS).
    pub secure_cookies: bool,
    pub mail_from: String,
    /// `smtp://` or `smtps://` URL; `None` writes `.eml` files to `mail_dir`.
    pub smtp_url: Option<Secret<String>>,
    pub mail_dir: PathBuf,
    /// Where attached files are kept: under the data directory, never
    /// under the site's root, and served only through their checks.
    pub files_dir: PathBuf,
    /// The first retry of a failed mail waits this long; each next one twice as long.
    pub mail_retry_base_seconds: i64,
    pub sessions: SessionPolicy,
    /// Failed sign-ins, reset requests and other guarded attempts allowed
    /// per client network (and per address, for mail) in a window.
    pub rate_limit_attempts: u32,
    pub rate_limit_window_seconds: i64,
    /// The reverse proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// How long authors may edit their community posts; moderators always may.
    pub community_edit_seconds: i64,
    /// Each district's own closing days every year, (district, month, day):
    /// consultations' working days skip them.
    pub closing_days: Vec<(crate::domain::District, u32, u32)>,
    /// The districts whose new consultations go to their jurists in turn.
    pub round_robin: Vec<crate::domain::District>,
    /// Closed consultations older than this many days are anonymised; 0 never.
    pub consultation_retention_days: i64,
}

/// How long a session lasts: from sign-in, and without use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionLimits {
    pub lifetime_seconds: i64,
    pub idle_seconds: i64,
}

/// Session limits by who signs in: jurists and coordinators read other
/// people's cases and accounts, so their sessions are shorter.
#[derive(Clone, Copy, Debug)]
pub struct SessionPolicy {
    pub standard: SessionLimits,
    pub privileged: SessionLimits,
}

impl SessionPolicy {
    /// The limits for someone holding `grants`: the stricter ones if any
    /// grant is privileged.
    pub fn for_grants(&self, grants: &[crate::domain::RoleGrant]) -> SessionLimits {
        if crate::domain::Role::any_privileged(grants) { self.privileged } else { self.standard }
    }
}

impl Settings {
    /// The absolute address of `path`, for links in mails.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.public_url.trim_end_matches('/'))
    }

    /// The working days of `district`'s jurists.
    pub fn calendar(&self, district: crate::domain::District) -> crate::domain::working_days::WorkingCalendar {
        crate::domain::working_days::WorkingCalendar::for_district(&self.closing_days, district)
    }

    /// The scheme, host and port of the public URL, as browsers send it in
    /// `Origin`.
    pub fn public_origin(&self) -> &str {
        let after_scheme = self.public_url.find("://").map_or(0, |i| i + 3);
        self.public_url[after_scheme..].find('/').map_or(self.public_url.as_str(), |path| &self.public_url[..after_scheme + path])
    }
}

/// Shared by every request: one pointer, cloned several times per request.
#[derive(Clone)]
pub struct AppState(Arc<Services>);

impl AppState {
    pub fn new(services: Services) -> AppState {
        AppState(Arc::new(services))
    }
}

impl std::ops::Deref for AppState {
    type Target = Services;

    fn deref(&self) -> &Services {
        &self.0
    }
}

/// What the application state holds.
pub struct Services {
    pub db: DatabaseConnection,
    pub settings: Settings,
    pub signing_key: SigningKey,
    /// Sessions this instance resolved recently.
    pub sessions: SessionCache,
    pub leptos_options: LeptosOptions,
    /// The static files, in memory.
    pub assets: AssetTable,
}

/// The state, inside a server function or a rendered page.
pub fn app_state() -> Result<AppState, crate::domain::AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        crate::domain::AppError::Internal
    })
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> LeptosOptions {
        state.leptos_options.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(public_url: &str) -> Settings {
        Settings {
            public_url: public_url.to_owned(),
            secure_cookies: false,
            mail_from: String::new(),
            smtp_url: None,
            mail_dir: PathBuf::new(),
            files_dir: PathBuf::new(),
            mail_retry_base_seconds: 1,
            sessions: SessionPolicy {
                standard: SessionLimits { lifetime_seconds: 1, idle_seconds: 1 },
                privileged: SessionLimits { lifetime_seconds: 1, idle_seconds: 1 },
            },
            rate_limit_attempts: 1,
            rate_limit_window_seconds: 1,
            trusted_proxies: Vec::new(),
            community_edit_seconds: 1,
            closing_days: Vec::new(),
            round_robin: Vec::new(),
            consultation_retention_days: 0,
        }
    }

    #[test]
    fn the_public_origin_is_the_public_url_without_its_path() {
        assert_eq!(settings("https://tutela.example.org").public_origin(), "https://tutela.example.org");
        assert_eq!(settings("http://127.0.0.1:3000").public_origin(), "http://127.0.0.1:3000");
        assert_eq!(settings("https://example.org/tutela").public_origin(), "https://example.org");
    }
}
