//! Builds the application state from the configuration: the database
//! (migrated), the signing key, the settings services read, Leptos' options.

use std::path::Path;

use leptos::config::{Env, LeptosOptions};
use tutela_app::ssr::{
    assets::AssetTable,
    db, handles,
    secrets::SigningKey,
    session_cache::SessionCache,
    state::{AppState, Services, SessionLimits, SessionPolicy, Settings},
};

use crate::{
    config::Config,
    error::{ServerError, ServerResult},
};

/// Connects to the database and applies every pending migration; any
/// failure stops start-up with the reason.
pub async fn open_database(config: &Config) -> ServerResult<sea_orm::DatabaseConnection> {
    if config.database_url.expose().starts_with("sqlite:") {
        private_data_dir(&config.data_dir)?;
    }
    let database = db::connect(config.database_url.expose()).await?;
    db::migrate(&database).await?;
    let handles = handles::assign_missing(&database).await?;
    if handles > 0 {
        tracing::info!(handles, "gave a handle to the accounts made before handles existed");
    }
    Ok(database)
}

/// The key from the configuration, else from `data_dir/secret.key`, which is
/// created (readable by the owner only) the first time.
pub fn signing_key(config: &Config) -> ServerResult<SigningKey> {
    if let Some(text) = &config.secret_key {
        return SigningKey::from_base64(text.expose())
            .ok_or_else(|| ServerError::Config("secret_key must be the URL-safe base64 of 32 bytes".into()));
    }
    let path = config.data_dir.join("secret.key");
    if let Ok(text) = std::fs::read_to_string(&path) {
        return SigningKey::from_base64(&text)
            .ok_or_else(|| ServerError::Config(format!("{} is not a valid key; delete it to make a new one", path.display())));
    }
    private_data_dir(&config.data_dir)?;
    let key = SigningKey::generate();
    write_private(&path, &key.to_base64())?;
    tracing::info!(path = %path.display(), "generated a new signing key");
    Ok(key)
}

/// Creates the data folder, if missing, readable by the server's own user
/// only: it holds the database, the signing key and written mail.
pub fn private_data_dir(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt as _, PermissionsExt as _};
    if path.is_dir() {
        let mode = std::fs::metadata(path)?.permissions().mode();
        if mode & 0o077 != 0 {
            tracing::warn!(path = %path.display(), mode = format!("{:o}", mode & 0o777), "the data folder is readable by other users: chmod 700 it");
        }
        return Ok(());
    }
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(path)
}

fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::{fs::OpenOptions, io::Write as _, os::unix::fs::OpenOptionsExt as _};
    let mut file = OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    file.write_all(contents.as_bytes())
}

/// Leptos' options from our configuration; `LEPTOS_*` variables set by
/// `cargo leptos watch` still apply to live reload.
pub fn leptos_options(config: &Config) -> LeptosOptions {
    let env = match std::env::var("LEPTOS_ENV").map(|v| v.to_ascii_lowercase()) {
        Ok(v) if v == "dev" || v == "development" => Env::DEV,
        _ => Env::PROD,
    };
    LeptosOptions::builder()
        .output_name("tutela")
        .site_root(config.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.bind)
        .env(env)
        .reload_port(std::env::var("LEPTOS_RELOAD_PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(3001))
        .build()
}

/// The settings services read; `address` is where the server listens,
/// the public URL when none is configured.
pub fn settings(config: &Config, address: std::net::SocketAddr) -> Settings {
    Settings {
        public_url: config.public_url.clone().unwrap_or_else(|| format!("http://{address}")),
        secure_cookies: config.secure_cookies,
        mail_from: config.mail_from.clone(),
        smtp_url: config.smtp_url.clone(),
        mail_dir: config.mail_dir.clone(),
        files_dir: config.files_dir(),
        mail_retry_base_seconds: config.mail_retry_base_seconds,
        sessions: SessionPolicy {
            standard: SessionLimits {
                lifetime_seconds: config.session_lifetime_minutes * 60,
                idle_seconds: config.session_idle_minutes * 60,
            },
            privileged: SessionLimits {
                lifetime_seconds: config.privileged_session_lifetime_minutes * 60,
                idle_seconds: config.privileged_session_idle_minutes * 60,
            },
        },
        rate_limit_attempts: config.rate_limit_attempts,
        rate_limit_window_seconds: config.rate_limit_window_seconds,
        community_edit_seconds: config.community_edit_minutes * 60,
        closing_days: config.closing_days.clone(),
        round_robin: config.round_robin_districts.clone(),
        consultation_retention_days: config.consultation_retention_days,
        trusted_proxies: config.trusted_proxies.clone(),
    }
}

/// The site's static files; under `cargo leptos watch` (which sets
/// `LEPTOS_WATCH`) the plain names it writes, whatever manifest is left.
pub fn assets(config: &Config) -> ServerResult<AssetTable> {
    let plain = std::env::var_os("LEPTOS_WATCH").is_some();
    let table = AssetTable::load(&config.site_root, plain).map_err(|e| ServerError::Config(format!("the built site: {e}")))?;
    if !table.has_bundle() {
        tracing::warn!(site_root = %config.site_root.display(), "no browser bundle in the site root: pages work, islands stay inert (run scripts/build)");
    }
    Ok(table)
}

pub async fn build(config: &Config, address: std::net::SocketAddr) -> ServerResult<AppState> {
    Ok(AppState::new(Services {
        assets: assets(config)?,
        db: open_database(config).await?,
        settings: settings(config, address),
        signing_key: signing_key(config)?,
        sessions: SessionCache::new(config.session_cache_seconds),
        leptos_options: leptos_options(config),
    }))
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt as _;

    use super::*;

    #[test]
    fn the_data_folder_is_created_for_its_owner_only() {
        let parent = std::env::temp_dir().join(format!("tutela-data-{}", std::process::id()));
        let data = parent.join("data");
        private_data_dir(&data).unwrap();
        assert_eq!(std::fs::metadata(&data).unwrap().permissions().mode() & 0o777, 0o700);
        std::fs::remove_dir_all(parent).unwrap();
    }
}
