//! What every request handler and server function can reach.

use std::{path::PathBuf, sync::Arc};

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

use super::{assets::AssetTable, rate_limit::RateLimiter, secrets::SigningKey, session_cache::SessionCache};

/// Server settings the services need, resolved once at start-up.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Where users reach Tutela; the base of links in mails.
    pub public_url: String,
    /// Whether cookies carry `Secure` (when served over HTTPS).
    pub secure_cookies: bool,
    pub mail_from: String,
    /// `smtp://` or `smtps://` URL; `None` writes `.eml` files to `mail_dir`.
    pub smtp_url: Option<String>,
    pub mail_dir: PathBuf,
    /// The first retry of a failed mail waits this long; each next one twice as long.
    pub mail_retry_base_seconds: i64,
    pub session_days: i64,
    /// Sign-in attempts allowed per address and per client in a window.
    pub rate_limit_attempts: u32,
    pub rate_limit_window_seconds: i64,
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
    pub rate_limiter: RateLimiter,
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
