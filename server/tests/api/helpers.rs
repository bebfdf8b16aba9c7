//! The test harness: a real Tutela on a random port, a fresh database on the
//! chosen engine, a mail catcher, and an HTTP client that behaves like a
//! browser posting forms.

use std::{path::Path, sync::Once};

use reqwest::{Client, Response, StatusCode, header};
use sea_orm::{ConnectionTrait as _, Database, DatabaseConnection, Statement};
use tutela_server::{
    config::Config,
    launch::{self, RunningServer},
};

use super::smtp::MailCatcher;

/// Which database a test runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Declares each test once per engine: `name::sqlite` and `name::postgres`.
/// PostgreSQL variants run only when `TUTELA_TEST_ENGINES` lists `postgres`
/// (scripts/test sets it after checking the server is reachable). A first
/// `config = "…";` adds TOML lines to every test's configuration.
#[macro_export]
macro_rules! on_both_engines {
    (config = $config:literal; $(async fn $name:ident($app:ident: TestApp) $body:block)+) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                async fn run($app: $crate::helpers::TestApp) $body

                #[test]
                fn sqlite() {
                    $crate::helpers::runtime().block_on(async {
                        let app = $crate::helpers::TestApp::spawn_with($crate::helpers::Engine::Sqlite, $config).await;
                        run(app).await;
                    });
                }

                #[test]
                fn postgres() {
                    if !$crate::helpers::postgres_enabled() {
                        return;
                    }
                    $crate::helpers::runtime().block_on(async {
                        let app = $crate::helpers::TestApp::spawn_with($crate::helpers::Engine::Postgres, $config).await;
                        run(app).await;
                    });
                }
            }
        )+
    };
    ($(async fn $name:ident($app:ident: TestApp) $body:block)+) => {
        $crate::on_both_engines! { config = ""; $(async fn $name($app: TestApp) $body)+ }
    };
}

/// A test's runtime: two workers with the stack the server's own runtime
/// gives them (`server/src/main.rs`), since the server runs on it.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_stack_size(8 * 1024 * 1024)
        .enable_all()
        .build()
        .expect("test runtime")
}

pub fn postgres_enabled() -> bool {
    std::env::var("TUTELA_TEST_ENGINES").is_ok_and(|engines| engines.split(',').any(|e| e.trim() == "postgres"))
}

fn postgres_admin_url() -> String {
    std::env::var("TUTELA_TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

fn init_logs() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        if std::env::var("TEST_LOG").is_ok() {
            let _ = tracing_subscriber::fmt().with_env_filter("info,sqlx=warn").with_test_writer().try_init();
        }
    });
}

/// A PostgreSQL database made for one test and dropped after it.
struct ScratchPostgres {
    name: String,
}

impl Drop for ScratchPostgres {
    fn drop(&mut self) {
        let name = self.name.clone();
        // Drop runs outside async; a short-lived runtime on its own thread
        // removes the database even when the test panicked.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            runtime.block_on(async move {
                if let Ok(admin) = Database::connect(postgres_admin_url()).await {
                    let _ = admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")).await;
                }
            });
        })
        .join();
    }
}

pub struct TestApp {
    pub address: String,
    pub client: Client,
    pub mail: MailCatcher,
    pub db: DatabaseConnection,
    /// Where its data lives, for a second instance or a direct look.
    pub database: TestDatabase,
    /// The configuration it started with, for a second instance.
    config: Config,
    /// Kept so the server lives as long as the test.
    _server: RunningServer,
}

/// A fresh database and data folder for one test: a SQLite file in the
/// folder, or a new PostgreSQL database dropped after the test.
pub struct TestDatabase {
    url: String,
    data_dir: tempfile_dir::TempDir,
    _postgres: Option<ScratchPostgres>,
}

impl TestDatabase {
    pub async fn new(engine: Engine) -> TestDatabase {
        let data_dir = tempfile_dir::TempDir::new();
        let (url, postgres) = match engine {
            Engine::Sqlite => (format!("sqlite://{}?mode=rwc", data_dir.path().join("tutela.db").display()), None),
            Engine::Postgres => {
                let name = format!("tutela_test_{}", uuid::Uuid::new_v4().simple());
                let admin = Database::connect(postgres_admin_url()).await.expect("connect to PostgreSQL (TUTELA_TEST_POSTGRES_URL)");
                admin.execute_unprepared(&format!("CREATE DATABASE \"{name}\"")).await.expect("create a test database");
                let base = postgres_admin_url();
                let url = format!("{}/{name}", base.rsplit_once('/').map_or(base.as_str(), |(b, _)| b));
                (url, Some(ScratchPostgres { name }))
            }
        };
        write_site(&data_dir.path().join("site"));
        TestDatabase { url, data_dir, _postgres: postgres }
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// The PostgreSQL server's `host:port`.
    pub fn host_and_port(&self) -> String {
        let after_scheme = self.url.split_once("://").map_or(self.url.as_str(), |(_, rest)| rest);
        let authority = after_scheme.split('/').next().unwrap_or_default();
        authority.rsplit_once('@').map_or(authority, |(_, host)| host).to_owned()
    }

    /// The URL with its `host:port` replaced, to reach it through a relay.
    pub fn url_via(&self, host_and_port: &str) -> String {
        self.url.replacen(&self.host_and_port(), host_and_port, 1)
    }

    pub fn data_dir(&self) -> &Path {
        self.data_dir.path()
    }

    fn site_root(&self) -> std::path::PathBuf {
        self.data_dir.path().join("site")
    }
}

/// Tutela running as its own process, from the binary the tests built, so
/// a test can kill it as the system would.
pub struct ChildServer {
    pub address: String,
    child: std::process::Child,
}

/// The course the repository ships. Test servers start without it (its
/// import would cost every test); the training tests name it in their
/// configuration (`content_dir = "../content"`, from the crate's folder).
pub fn content_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../content")
}

/// Copies the folder `from` to `to`, as a test's own course to change.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

impl ChildServer {
    /// Starts `tutela serve` on `database`, trusting loopback as its proxy,
    /// and waits until it is ready.
    pub async fn start(database: &TestDatabase) -> ChildServer {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_tutela"))
            .arg("serve")
            .env("TUTELA_DATABASE_URL", database.url())
            .env("TUTELA_DATA_DIR", database.data_dir())
            .env("TUTELA_SITE_ROOT", database.site_root())
            .env("TUTELA_BIND", format!("127.0.0.1:{port}"))
            .env("TUTELA_TRUSTED_PROXIES", "127.0.0.1")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start the tutela binary");
        let server = ChildServer { address: format!("http://127.0.0.1:{port}"), child };
        let client = Client::new();
        for _ in 0..300 {
            if client.get(format!("{}/readyz", server.address)).send().await.is_ok_and(|r| r.status() == StatusCode::OK) {
                return server;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("tutela serve was not ready within 30 s");
    }

    /// SIGKILL: the process ends at once, flushing nothing.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ChildServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A temporary folder removed when dropped (no extra crate for ten lines).
mod tempfile_dir {
    use std::path::{Path, PathBuf};

    pub struct TempDir(PathBuf);

    impl TempDir {
        pub fn new() -> TempDir {
            let path = std::env::temp_dir().join(format!("tutela-test-{}", uuid::Uuid::new_v4()));
            std::fs::create_dir_all(&path).expect("create a temporary folder");
            TempDir(path)
        }

        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// A client that sends what a browser sends from Tutela's own pages.
pub fn browser_client() -> Client {
    client_sending(&[("accept", "text/html,application/xhtml+xml"), ("sec-fetch-site", "same-origin")])
}

/// A client that keeps cookies, follows no redirect and sends `headers`
/// with every request.
pub fn client_sending(headers: &[(&'static str, &'static str)]) -> Client {
    Client::builder()
        .cookie_store(true)
        // A request that never gets an answer fails its test instead of stalling the suite.
        .timeout(std::time::Duration::from_secs(90))
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(
            headers.iter().map(|(name, value)| (header::HeaderName::from_static(name), header::HeaderValue::from_static(value))).collect(),
        )
        .build()
        .unwrap()
}

impl TestApp {
    /// Starts Tutela with extra TOML configuration lines.
    pub async fn spawn_with(engine: Engine, extra_config: &str) -> TestApp {
        let database = TestDatabase::new(engine).await;
        let url = database.url().to_owned();
        TestApp::spawn_on(database, &url, extra_config).await
    }

    /// Starts Tutela on `database`, reaching it at `database_url` (the
    /// database's own, or through a relay).
    pub async fn spawn_on(database: TestDatabase, database_url: &str, extra_config: &str) -> TestApp {
        init_logs();
        let mail = MailCatcher::start().await;
        let config_text = format!(
            "bind = \"127.0.0.1:0\"\ndatabase_url = \"{database_url}\"\ndata_dir = \"{data}\"\nsite_root = \"{site}\"\n\
             smtp_url = \"smtp://127.0.0.1:{port}\"\nmail_retry_base_seconds = 1\njob_poll_ms = 100\n{extra_config}\n",
            data = database.data_dir().display(),
            site = database.site_root().display(),
            port = mail.port,
        );
        let config_path = database.data_dir().join("tutela.toml");
        std::fs::write(&config_path, config_text).unwrap();
        let config = Config::load(Some(&config_path)).expect("test configuration");
        let server = launch::start(config.clone()).await.expect("start Tutela");
        let address = format!("http://{}", server.address);
        let db = server.state.db.clone();
        TestApp { address, client: browser_client(), mail, db, database, config, _server: server }
    }

    /// Another instance on the same database, as behind a load balancer,
    /// trusting what it resolved of a session for `SECOND_INSTANCE_CACHE`.
    /// Returns its base URL; it stops when the test ends.
    pub async fn second_instance(&self) -> (String, RunningServer) {
        let config = Config { session_cache_seconds: SECOND_INSTANCE_CACHE.as_secs(), ..self.config.clone() };
        let server = launch::start(config).await.expect("start a second Tutela");
        (format!("http://{}", server.address), server)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    /// The page's HTML, after checking it answered 200.
    pub async fn page(&self, path: &str) -> String {
        let response = self.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        response.text().await.unwrap()
    }

    /// Posts a form as a browser without JavaScript does.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.client.post(self.url(path)).form(fields).send().await.expect("POST")
    }

    /// Posts a form and follows the redirect, returning the page shown next.
    pub async fn submit(&self, path: &str, fields: &[(&str, &str)]) -> String {
        let response = self.post_form(path, fields).await;
        assert_eq!(response.status(), StatusCode::FOUND, "POST {path} should redirect");
        let location = response.headers().get(header::LOCATION).expect("Location").to_str().unwrap().to_owned();
        self.page(&location).await
    }

    pub async fn register(&self, name: &str, email: &str, password: &str) -> String {
        self.submit(
            "/api/register",
            &[
                ("name", name),
                ("email", email),
                ("password", password),
                ("password_confirm", password),
                ("district", "milano"),
                ("kind", "guardian"),
            ],
        )
        .await
    }

    /// Registers, follows the link in the verification mail, and returns
    /// the address used.
    pub async fn register_verified(&self, email: &str, password: &str) {
        self.register("Anna Rossi", email, password).await;
        let mail = self.mail.wait_for(email, "/verify-email/").await;
        let link = mail.link_containing("/verify-email/").expect("verification link");
        let token = link.rsplit('/').next().unwrap().to_owned();
        let page = self.submit("/api/verify_email", &[("token", &token)]).await;
        assert!(page.contains("Indirizzo email confermato"), "verification confirmed");
    }

    pub async fn login(&self, email: &str, password: &str) -> Response {
        self.post_form("/api/login", &[("email", email), ("password", password)]).await
    }

    /// A signed-in coordinator of both districts, created as the command
    /// line does, with its own client.
    pub async fn coordinator(&self) -> Client {
        self.staff_account(
            "coord@tutela.test",
            &[
                (tutela_app::domain::Role::Coordinator, tutela_app::domain::District::Milano),
                (tutela_app::domain::Role::Coordinator, tutela_app::domain::District::Brescia),
            ],
        )
        .await
    }

    /// An active account with the given roles, signed in on a new client.
    pub async fn staff_account(&self, email: &str, roles: &[(tutela_app::domain::Role, tutela_app::domain::District)]) -> Client {
        use tutela_app::{
            domain::RoleGrant,
            ssr::accounts::{NewAccount, create_active_account},
        };
        let grants: Vec<RoleGrant> = roles.iter().map(|&(role, district)| RoleGrant { role, district }).collect();
        let home = roles.first().map_or(tutela_app::domain::District::Milano, |r| r.1);
        create_active_account(
            &self.db,
            NewAccount { name: "Staff Member", email, password: "staff-password-1", home_district: home, grants: &grants },
        )
        .await
        .expect("create staff account");
        let privileged = roles.iter().any(|(role, _)| role.is_privileged());
        if privileged {
            tutela_app::ssr::second_factor::enable_with_known_secret(&self.db, email, STAFF_TOTP_SECRET).await.expect("second factor");
        }
        let client = browser_client();
        let response = self.sign_in_staff(&client, email).await;
        assert_eq!(location(&response), "/", "{email} signed in");
        client
    }

    /// Signs `client` in as a `staff_account` with its password and, for a
    /// jurist or a coordinator, a code; returns the last response.
    pub async fn sign_in_staff(&self, client: &Client, email: &str) -> Response {
        let response =
            client.post(self.url("/api/login")).form(&[("email", email), ("password", "staff-password-1")]).send().await.unwrap();
        if location(&response) != "/login/code" {
            return response;
        }
        // The step ahead, when this account already used the current one.
        let mut last = None;
        for steps_ahead in 0..=1 {
            let code = totp_code(STAFF_TOTP_SECRET, steps_ahead);
            let response = client.post(self.url("/api/login_code")).form(&[("code", code.as_str())]).send().await.unwrap();
            if location(&response) == "/" {
                return response;
            }
            last = Some(response);
        }
        last.expect("a code was tried")
    }

    /// The id of the account with address `email`.
    pub async fn user_id(&self, email: &str) -> String {
        use sea_orm::{ColumnTrait as _, EntityTrait as _, QueryFilter as _};
        use tutela_app::ssr::entities::user;
        user::Entity::find().filter(user::Column::Email.eq(email)).one(&self.db).await.unwrap().expect("user exists").id.to_string()
    }

    pub async fn count(&self, sql: &str) -> i64 {
        let row = self.db.query_one_raw(Statement::from_string(self.db.get_database_backend(), sql.to_owned())).await.unwrap().unwrap();
        row.try_get_by_index::<i64>(0).unwrap()
    }

    /// Waits (up to 5 s) until `sql` counts `expected`, for what background
    /// jobs record a moment after the effect a test observed.
    pub async fn wait_until_count(&self, sql: &str, expected: i64) {
        let mut last = -1;
        for _ in 0..50 {
            last = self.count(sql).await;
            if last == expected {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("`{sql}` counted {last}, expected {expected}");
    }
}

/// A built site as `scripts/build` leaves it, small: a hashed stylesheet
/// with a gzip copy, and an icon (no browser bundle).
pub const STYLESHEET: &str = "/pkg/tutela.0123456789abcdef.css";
pub const STYLESHEET_BODY: &str = "body { margin: 0 }";
pub const STYLESHEET_GZIP: &[u8] = b"\x1f\x8b precompressed stylesheet";

fn write_site(root: &Path) {
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    let stylesheet = root.join(STYLESHEET.trim_start_matches('/'));
    std::fs::write(&stylesheet, STYLESHEET_BODY).unwrap();
    std::fs::write(format!("{}.gz", stylesheet.display()), STYLESHEET_GZIP).unwrap();
    std::fs::write(root.join("pkg/favicon.fedcba9876543210.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap();
    let manifest = format!(
        r#"{{"bundle": "tutela.none", "stylesheet": "{STYLESHEET}", "icon": "/pkg/favicon.fedcba9876543210.svg",
            "files": ["{}", "pkg/favicon.fedcba9876543210.svg"]}}"#,
        STYLESHEET.trim_start_matches('/')
    );
    std::fs::write(root.join(tutela_app::ssr::assets::MANIFEST), manifest).unwrap();
}

/// The two-factor key of the jurists and coordinators `staff_account` makes.
pub const STAFF_TOTP_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

/// The code an authenticator app shows for `secret`, `steps_ahead` steps of
/// 30 seconds from now (a code is accepted once, and one step early).
pub fn totp_code(secret: &str, steps_ahead: u64) -> String {
    let bytes = totp_rs::Secret::try_from_base32(secret).expect("base32").as_ref().to_vec();
    let totp = totp_rs::Builder::new().with_secret(bytes).build().expect("totp");
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    totp.generate(now + 30 * steps_ahead).to_string()
}

/// How long the second instance keeps a session it resolved.
pub const SECOND_INSTANCE_CACHE: std::time::Duration = std::time::Duration::from_secs(1);

/// The Location header of a redirect.
pub fn location(response: &Response) -> String {
    response.headers().get(header::LOCATION).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default()
}
