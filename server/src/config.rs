//! Configuration, in layers: built-in defaults, then an optional TOML file,
//! then `TUTELA_*` environment variables. Every key is documented in
//! `.env.example`. No secret has a built-in value.

use std::{net::SocketAddr, path::PathBuf};

use serde::Deserialize;
use tutela_app::{domain::District, ssr::secrets::Secret};

use crate::error::{ServerError, ServerResult};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

/// The resolved configuration. What may hold a password or a key is a
/// [`Secret`], so that logging the configuration reveals none.
#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: Secret<String>,
    pub bind: SocketAddr,
    /// Where users reach Tutela; when unset, `http://` and the bound address.
    pub public_url: Option<String>,
    pub data_dir: PathBuf,
    pub site_root: PathBuf,
    /// The course folder the first start imports (`tutela import-content` later).
    pub content_dir: PathBuf,
    pub smtp_url: Option<Secret<String>>,
    pub mail_from: String,
    pub mail_dir: PathBuf,
    pub mail_retry_base_seconds: i64,
    /// Base64 (URL-safe) of 32 bytes; when absent, `data_dir/secret.key` is
    /// used, and created on first start.
    pub secret_key: Option<Secret<String>>,
    pub secure_cookies: bool,
    /// How long a session of guardians, operators and trainers lasts from
    /// sign-in, and without use.
    pub session_lifetime_minutes: i64,
    pub session_idle_minutes: i64,
    /// The same for anyone who is a jurist or a coordinator: they read other
    /// people's cases and accounts.
    pub privileged_session_lifetime_minutes: i64,
    pub privileged_session_idle_minutes: i64,
    /// How often expired sessions and other stale rows are removed.
    pub housekeeping_seconds: u64,
    /// How long an instance trusts what it resolved of a session: the bound
    /// on how late a sign-out or deactivation made on another instance
    /// shows on this one. Zero asks the database on every request.
    pub session_cache_seconds: u64,
    /// How long authors may edit their community posts (moderators always may).
    pub community_edit_minutes: i64,
    /// A district's own closing days every year, as (district, month, day):
    /// the consultations' working days skip them.
    pub closing_days: Vec<(District, u32, u32)>,
    /// The districts whose new consultations go to their jurists in turn.
    pub round_robin_districts: Vec<District>,
    /// Closed consultations older than this many days are anonymised by
    /// the housekeeping job; 0 (the default) keeps them.
    pub consultation_retention_days: i64,
    pub rate_limit_attempts: u32,
    pub rate_limit_window_seconds: i64,
    /// Reverse proxies (addresses or networks) trusted to name the client
    /// in `X-Forwarded-For`.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    pub max_body_bytes: usize,
    /// How often background jobs look for work, in milliseconds.
    pub job_poll_ms: u64,
    pub log_format: LogFormat,
}

/// Every key, optional: what a file or the environment may set.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Layer {
    database_url: Option<String>,
    bind: Option<SocketAddr>,
    public_url: Option<String>,
    data_dir: Option<PathBuf>,
    site_root: Option<PathBuf>,
    content_dir: Option<PathBuf>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    mail_dir: Option<PathBuf>,
    mail_retry_base_seconds: Option<i64>,
    secret_key: Option<String>,
    secure_cookies: Option<bool>,
    session_lifetime_minutes: Option<i64>,
    session_idle_minutes: Option<i64>,
    privileged_session_lifetime_minutes: Option<i64>,
    privileged_session_idle_minutes: Option<i64>,
    housekeeping_seconds: Option<u64>,
    session_cache_seconds: Option<u64>,
    community_edit_minutes: Option<i64>,
    /// `milano:12-07, brescia:02-15`.
    closing_days: Option<String>,
    /// `milano, brescia`.
    round_robin_districts: Option<String>,
    consultation_retention_days: Option<i64>,
    rate_limit_attempts: Option<u32>,
    rate_limit_window_seconds: Option<i64>,
    /// Comma-separated, so the file and the environment say it alike.
    trusted_proxies: Option<String>,
    max_body_bytes: Option<usize>,
    job_poll_ms: Option<u64>,
    log_format: Option<LogFormat>,
}

macro_rules! merge {
    ($into:ident, $from:ident: $($field:ident),+) => {
        $( if $from.$field.is_some() { $into.$field = $from.$field; } )+
    };
}

impl Layer {
    fn merge(&mut self, other: Layer) {
        merge!(self, other: database_url, bind, public_url, data_dir, site_root, content_dir, smtp_url, mail_from, mail_dir,
            mail_retry_base_seconds, secret_key, secure_cookies, session_lifetime_minutes, session_idle_minutes,
            privileged_session_lifetime_minutes, privileged_session_idle_minutes, housekeeping_seconds, session_cache_seconds, community_edit_minutes, closing_days, round_robin_districts, consultation_retention_days,
            rate_limit_attempts, rate_limit_window_seconds, trusted_proxies, max_body_bytes, job_poll_ms, log_format);
    }

    /// Reads `TUTELA_<KEY>` for every key, so the file and the environment
    /// accept the same keys and values.
    fn from_env() -> ServerResult<Layer> {
        let mut layer = Layer::default();
        for (name, value) in std::env::vars() {
            let Some(key) = name.strip_prefix("TUTELA_") else { continue };
            let key = key.to_ascii_lowercase();
            // Read elsewhere: the file's path, the log filter, the test suite's settings.
            if matches!(key.as_str(), "config" | "log") || key.starts_with("test_") {
                continue;
            }
            // Numbers and booleans read as such, anything else as text; the
            // typed layer then says if the key wants another kind of value.
            let trimmed = value.trim();
            let parsed = if let Ok(number) = trimmed.parse::<i64>() {
                toml::Value::Integer(number)
            } else if let Ok(flag) = trimmed.parse::<bool>() {
                toml::Value::Boolean(flag)
            } else {
                toml::Value::String(value.clone())
            };
            // One variable at a time, so an error names the variable.
            let single = toml::Value::Table(toml::Table::from_iter([(key, parsed)]));
            let from_variable: Layer =
                single.try_into().map_err(|e: toml::de::Error| ServerError::Config(format!("{name}: {}", e.message())))?;
            layer.merge(from_variable);
        }
        Ok(layer)
    }
}

impl Config {
    /// The file store's folder: under the data directory, outside the site.
    pub fn files_dir(&self) -> PathBuf {
        self.data_dir.join("files")
    }

    /// Defaults, then `file` if given, then the environment.
    pub fn load(file: Option<&std::path::Path>) -> ServerResult<Config> {
        let mut layer = Layer::default();
        if let Some(path) = file {
            let text = std::fs::read_to_string(path).map_err(|e| ServerError::Config(format!("{}: {e}", path.display())))?;
            let from_file: Layer =
                toml::from_str(&text).map_err(|e| ServerError::Config(format!("{}: {}", path.display(), e.message())))?;
            layer.merge(from_file);
        }
        layer.merge(Layer::from_env()?);
        Config::resolve(layer)
    }

    fn resolve(layer: Layer) -> ServerResult<Config> {
        let data_dir = layer.data_dir.unwrap_or_else(|| PathBuf::from("data"));
        let bind = layer.bind.unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 3000)));
        let public_url = layer.public_url.map(|url| url.trim_end_matches('/').to_owned());
        if let Some(url) = public_url.as_deref().filter(|url| !(url.starts_with("http://") || url.starts_with("https://"))) {
            return Err(ServerError::Config(format!("public_url must start with http:// or https://, not `{url}`")));
        }
        let database_url = layer.database_url.unwrap_or_else(|| format!("sqlite://{}?mode=rwc", data_dir.join("tutela.db").display()));
        if !(database_url.starts_with("sqlite:") || database_url.starts_with("postgres://") || database_url.starts_with("postgresql://")) {
            return Err(ServerError::Config("database_url must be a sqlite: or postgres:// URL".into()));
        }
        let site_root = layer
            .site_root
            .or_else(|| std::env::var_os("LEPTOS_SITE_ROOT").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("target/site"));
        let positive = |value: i64, name: &str| {
            if value > 0 { Ok(value) } else { Err(ServerError::Config(format!("{name} must be greater than zero"))) }
        };
        Ok(Config {
            database_url: Secret::new(database_url),
            bind,
            secure_cookies: layer.secure_cookies.unwrap_or(public_url.as_deref().is_some_and(|url| url.starts_with("https://"))),
            public_url,
            mail_dir: layer.mail_dir.unwrap_or_else(|| data_dir.join("mail")),
            data_dir,
            site_root,
            content_dir: layer.content_dir.unwrap_or_else(|| PathBuf::from("content")),
            smtp_url: layer.smtp_url.filter(|url| !url.trim().is_empty()).map(Secret::new),
            mail_from: layer.mail_from.unwrap_or_else(|| "Tutela <noreply@tutela.localhost>".to_owned()),
            mail_retry_base_seconds: positive(layer.mail_retry_base_seconds.unwrap_or(30), "mail_retry_base_seconds")?,
            secret_key: layer.secret_key.filter(|key| !key.trim().is_empty()).map(Secret::new),
            session_lifetime_minutes: positive(layer.session_lifetime_minutes.unwrap_or(30 * 24 * 60), "session_lifetime_minutes")?,
            session_idle_minutes: positive(layer.session_idle_minutes.unwrap_or(7 * 24 * 60), "session_idle_minutes")?,
            privileged_session_lifetime_minutes: positive(
                layer.privileged_session_lifetime_minutes.unwrap_or(12 * 60),
                "privileged_session_lifetime_minutes",
            )?,
            privileged_session_idle_minutes: positive(
                layer.privileged_session_idle_minutes.unwrap_or(60),
                "privileged_session_idle_minutes",
            )?,
            housekeeping_seconds: layer.housekeeping_seconds.unwrap_or(3600).max(1),
            session_cache_seconds: layer.session_cache_seconds.unwrap_or(10),
            community_edit_minutes: positive(layer.community_edit_minutes.unwrap_or(24 * 60), "community_edit_minutes")?,
            closing_days: parse_closing_days(layer.closing_days.as_deref().unwrap_or(PATRON_SAINTS))?,
            consultation_retention_days: layer.consultation_retention_days.unwrap_or(0).max(0),
            round_robin_districts: parse_districts(layer.round_robin_districts.as_deref().unwrap_or_default())?,
            rate_limit_attempts: layer.rate_limit_attempts.unwrap_or(10),
            rate_limit_window_seconds: positive(layer.rate_limit_window_seconds.unwrap_or(900), "rate_limit_window_seconds")?,
            trusted_proxies: parse_networks(layer.trusted_proxies.as_deref().unwrap_or_default())?,
            max_body_bytes: layer.max_body_bytes.unwrap_or(64 * 1024),
            job_poll_ms: layer.job_poll_ms.unwrap_or(5000).max(50),
            log_format: layer.log_format.unwrap_or(LogFormat::Text),
        })
    }
}

/// The courts' own closing days: Sant'Ambrogio in Milano, Santi Faustino
/// e Giovita in Brescia.
const PATRON_SAINTS: &str = "milano:12-07, brescia:02-15";

/// Reads `milano:12-07, brescia:02-15` (district, month and day).
fn parse_closing_days(list: &str) -> ServerResult<Vec<(District, u32, u32)>> {
    list.split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            let parsed = entry.split_once(':').and_then(|(district, date)| {
                let (month, day) = date.split_once('-')?;
                let (month, day) = (month.parse::<u32>().ok()?, day.parse::<u32>().ok()?);
                ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((District::from_code(district.trim())?, month, day))
            });
            parsed.ok_or_else(|| ServerError::Config(format!("closing_days: `{entry}` is not district:MM-DD")))
        })
        .collect()
}

/// Reads `milano, brescia`.
fn parse_districts(list: &str) -> ServerResult<Vec<District>> {
    list.split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            District::from_code(entry).ok_or_else(|| ServerError::Config(format!("round_robin_districts: `{entry}` is not a district")))
        })
        .collect()
}

/// Reads `10.0.0.1, 10.8.0.0/16, ::1`: addresses stand for themselves.
fn parse_networks(list: &str) -> ServerResult<Vec<ipnet::IpNet>> {
    list.split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            entry
                .parse::<ipnet::IpNet>()
                .or_else(|_| entry.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| ServerError::Config(format!("trusted_proxies: `{entry}` is neither an address nor a network")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_use_sqlite_under_data_and_localhost() {
        let config = Config::resolve(Layer::default()).unwrap();
        assert_eq!(config.bind.to_string(), "127.0.0.1:3000");
        assert_eq!(config.public_url, None);
        assert!(config.database_url.expose().starts_with("sqlite://data/tutela.db"));
        assert_eq!(config.mail_dir, PathBuf::from("data/mail"));
        assert!(config.smtp_url.is_none() && config.secret_key.is_none());
        assert!(!config.secure_cookies);
    }

    #[test]
    fn closing_days_are_read_per_district_and_checked() {
        let config = Config::resolve(Layer::default()).unwrap();
        assert_eq!(config.closing_days, vec![(District::Milano, 12, 7), (District::Brescia, 2, 15)]);
        assert_eq!(parse_closing_days("brescia:02-15,milano:12-07, milano:08-16").unwrap().len(), 3);
        assert!(parse_closing_days("").unwrap().is_empty());
        assert_eq!(parse_districts("brescia, milano").unwrap(), vec![District::Brescia, District::Milano]);
        assert!(parse_districts("roma").is_err());
        for wrong in ["roma:12-07", "milano:13-01", "milano:12", "12-07"] {
            assert!(parse_closing_days(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn a_later_layer_overrides_an_earlier_one() {
        let mut layer: Layer = toml::from_str("bind = \"0.0.0.0:8080\"\npublic_url = \"https://tutela.example.org/\"").unwrap();
        layer.merge(Layer { session_idle_minutes: Some(7), ..Layer::default() });
        let config = Config::resolve(layer).unwrap();
        assert_eq!(config.bind.port(), 8080);
        assert_eq!(config.public_url.as_deref(), Some("https://tutela.example.org"));
        assert!(config.secure_cookies, "https implies Secure cookies");
        assert_eq!(config.session_idle_minutes, 7);
    }

    #[test]
    fn passwords_and_keys_stay_out_of_the_debug_output() {
        let layer: Layer = toml::from_str(
            "database_url = \"postgres://tutela:db-password@db/tutela\"\nsmtp_url = \"smtps://mailer:smtp-password@mail.example.org\"\n\
             secret_key = \"c2VjcmV0LWtleS1vZi10aGlydHktdHdvLWJ5dGVzISE\"",
        )
        .unwrap();
        let shown = format!("{:?}", Config::resolve(layer).unwrap());
        for secret in ["db-password", "smtp-password", "c2VjcmV0"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
    }

    #[test]
    fn trusted_proxies_are_addresses_or_networks() {
        let config = Config::resolve(Layer { trusted_proxies: Some("127.0.0.1, 10.0.0.0/8,::1".into()), ..Layer::default() }).unwrap();
        let shown: Vec<String> = config.trusted_proxies.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["127.0.0.1/32", "10.0.0.0/8", "::1/128"]);
        assert!(Config::resolve(Layer::default()).unwrap().trusted_proxies.is_empty(), "none unless configured");
        assert!(Config::resolve(Layer { trusted_proxies: Some("proxy.local".into()), ..Layer::default() }).is_err());
    }

    #[test]
    fn unknown_keys_and_bad_urls_are_refused() {
        assert!(toml::from_str::<Layer>("colour = \"blue\"").is_err());
        assert!(Config::resolve(Layer { database_url: Some("mysql://x".into()), ..Layer::default() }).is_err());
    }
}
