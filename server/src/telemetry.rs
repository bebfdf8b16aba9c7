//! Logging: an env filter (`TUTELA_LOG`, then `RUST_LOG`), text or JSON.

use tracing_subscriber::{EnvFilter, fmt};

use crate::config::{Config, LogFormat};

pub fn init(config: &Config) {
    let filter = std::env::var("TUTELA_LOG")
        .ok()
        .and_then(|f| EnvFilter::try_new(f).ok())
        .or_else(|| EnvFilter::try_from_default_env().ok())
        .unwrap_or_else(|| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let builder = fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = match config.log_format {
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(true).try_init(),
        LogFormat::Text => builder.compact().try_init(),
    };
}
