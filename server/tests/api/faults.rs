//! Faults: the server killed while it acknowledges writes, and the database
//! unreachable under load. Nothing acknowledged may be lost, and the server
//! must come back by itself.

use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicU8, Ordering},
    },
    time::Duration,
};

use reqwest::{Client, StatusCode};
use tokio::{net::TcpListener, sync::Mutex, task::JoinSet};

use crate::helpers::{ChildServer, Engine, TestApp, TestDatabase, browser_client, location};

const WRITERS: usize = 8;

/// Registers `email` from a client at a fresh address (so no rate limit
/// refuses it); true when the server acknowledged it.
async fn register(client: &Client, base: &str, n: usize, email: &str) -> bool {
    let forwarded = format!("10.{}.{}.{}", (n >> 16) & 255, (n >> 8) & 255, n & 255);
    let fields = [
        ("name", "Carico Prova"),
        ("email", email),
        ("password", "una password lunga"),
        ("password_confirm", "una password lunga"),
        ("district", "milano"),
        ("kind", "guardian"),
    ];
    match client.post(format!("{base}/api/register")).header("x-forwarded-for", forwarded).form(&fields).send().await {
        Ok(response) => response.status() == StatusCode::FOUND && location(&response) == "/login",
        Err(_) => false,
    }
}

/// `WRITERS` people, each signed in on their own client.
async fn signed_in_writers(db: &sea_orm::DatabaseConnection, base: &str) -> Vec<Client> {
    use tutela_app::{
        domain::{District, RoleGrant},
        ssr::accounts::{NewAccount, create_active_account},
    };
    let mut clients = Vec::new();
    for i in 0..WRITERS {
        let email = format!("writer{i}@example.it");
        let account = NewAccount {
            name: "Writer",
            email: &email,
            password: "una password lunga",
            home_district: District::Milano,
            grants: &[] as &[RoleGrant],
        };
        create_active_account(db, account).await.expect("create a writer");
        let client = browser_client();
        let response = client
            .post(format!("{base}/api/login"))
            .form(&[("email", email.as_str()), ("password", "una password lunga")])
            .send()
            .await
            .unwrap();
        assert_eq!(location(&response), "/", "{email} signed in");
        clients.push(client);
    }
    clients
}

/// Each writer renames itself `Writer <i> <k>` for k = 1, 2, … until
/// `stop`; returns, per writer, the last k the server acknowledged.
fn write_until(base: &str, clients: Vec<Client>, stop: Arc<AtomicBool>) -> JoinSet<(usize, u64)> {
    let mut tasks = JoinSet::new();
    for (i, client) in clients.into_iter().enumerate() {
        let (base, stop) = (base.to_owned(), stop.clone());
        tasks.spawn(async move {
            let mut acknowledged = 0;
            let mut k = 0;
            while !stop.load(Ordering::Relaxed) {
                k += 1;
                let name = format!("Writer {i} {k:07}");
                let sent =
                    client.post(format!("{base}/api/update_profile")).form(&[("name", name.as_str()), ("locale", "it")]).send().await;
                if sent.is_ok_and(|r| r.status() == StatusCode::FOUND && location(&r) == "/account") {
                    acknowledged = k;
                }
            }
            (i, acknowledged)
        });
    }
    tasks
}

async fn collect(mut tasks: JoinSet<(usize, u64)>) -> Vec<(usize, u64)> {
    let mut all = Vec::new();
    while let Some(done) = tasks.join_next().await {
        all.push(done.expect("a writer task"));
    }
    all.sort_unstable();
    all
}

/// Fails unless every writer's stored name is its last acknowledged one or
/// a later one (sent, perhaps committed, but never answered).
async fn assert_nothing_acknowledged_lost(db: &sea_orm::DatabaseConnection, acknowledged: &[(usize, u64)]) {
    use sea_orm::{ColumnTrait as _, EntityTrait as _, QueryFilter as _};
    use tutela_app::ssr::entities::user;
    for &(i, last) in acknowledged {
        let stored =
            user::Entity::find().filter(user::Column::Email.eq(format!("writer{i}@example.it"))).one(db).await.unwrap().expect("writer");
        let k: u64 = stored.name.rsplit(' ').next().and_then(|k| k.parse().ok()).unwrap_or(0);
        assert!(k >= last, "writer {i}: acknowledged rename {last} lost, the database holds {}", stored.name);
    }
}

async fn kill_during_writes(engine: Engine) {
    if engine == Engine::Postgres && !crate::helpers::postgres_enabled() {
        return;
    }
    let database = TestDatabase::new(engine).await;
    let mut server = ChildServer::start(&database).await;
    let db = tutela_app::ssr::db::connect(database.url()).await.expect("connect");
    let clients = signed_in_writers(&db, &server.address).await;
    let stop = Arc::new(AtomicBool::new(false));
    let writers = write_until(&server.address, clients, stop.clone());
    // Well into the writes, the process dies without a chance to flush anything.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.kill();
    stop.store(true, Ordering::Relaxed);
    let acknowledged = collect(writers).await;
    let total: u64 = acknowledged.iter().map(|(_, k)| k).sum();
    assert!(total >= 50, "only {total} writes were acknowledged before the kill");

    let restarted = ChildServer::start(&database).await;
    assert_nothing_acknowledged_lost(&db, &acknowledged).await;
    let client = browser_client();
    assert!(register(&client, &restarted.address, 1, "after@example.it").await, "the restarted server takes writes");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_kill_9_on_sqlite() {
    kill_during_writes(Engine::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_kill_9_on_postgres() {
    kill_during_writes(Engine::Postgres).await;
}

/// What the relay does with connections.
const UP: u8 = 0;
/// As in a database restart: open connections are cut, new ones closed at once.
const RESTARTING: u8 = 1;
/// As behind a network that drops packets: open connections are cut, new
/// ones accepted and never answered.
const SILENT: u8 = 2;

/// A TCP relay in front of PostgreSQL that can play its restart or its
/// silence.
struct Relay {
    port: u16,
    state: Arc<AtomicU8>,
    connections: Arc<Mutex<JoinSet<()>>>,
    held: Arc<Mutex<Vec<tokio::net::TcpStream>>>,
}

impl Relay {
    async fn start(upstream: String) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let relay = Relay { port, state: Arc::new(AtomicU8::new(UP)), connections: Arc::default(), held: Arc::default() };
        let (state, connections, held) = (relay.state.clone(), relay.connections.clone(), relay.held.clone());
        tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                match state.load(Ordering::SeqCst) {
                    RESTARTING => drop(inbound),
                    SILENT => held.lock().await.push(inbound),
                    _ => {
                        let upstream = upstream.clone();
                        connections.lock().await.spawn(async move {
                            if let Ok(mut outbound) = tokio::net::TcpStream::connect(&upstream).await {
                                let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                            }
                        });
                    }
                }
            }
        });
        relay
    }

    /// Cuts every open connection and treats new ones as `state` says.
    async fn fail(&self, state: u8) {
        self.state.store(state, Ordering::SeqCst);
        self.connections.lock().await.abort_all();
    }

    async fn restore(&self) {
        self.state.store(UP, Ordering::SeqCst);
        self.held.lock().await.clear();
    }
}

async fn readiness(client: &Client, base: &str) -> Option<StatusCode> {
    client.get(format!("{base}/readyz")).timeout(Duration::from_secs(3)).send().await.ok().map(|r| r.status())
}

/// Asks `/readyz` until it answers `expected`, for up to `within`.
async fn wait_for_readiness(client: &Client, base: &str, expected: StatusCode, within: Duration) {
    let deadline = tokio::time::Instant::now() + within;
    loop {
        let seen = readiness(client, base).await;
        if seen == Some(expected) {
            return;
        }
        assert!(tokio::time::Instant::now() < deadline, "/readyz still answers {seen:?}, not {expected}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn losing_postgresql_under_load_says_not_ready_then_recovers_without_a_restart() {
    if !crate::helpers::postgres_enabled() {
        return;
    }
    let database = TestDatabase::new(Engine::Postgres).await;
    let relay = Relay::start(database.host_and_port()).await;
    let through_relay = database.url_via(&format!("127.0.0.1:{}", relay.port));
    let app = TestApp::spawn_on(database, &through_relay, "").await;
    let probe = Client::new();
    assert_eq!(readiness(&probe, &app.address).await, Some(StatusCode::OK));

    let clients = signed_in_writers(&app.db, &app.address).await;
    let stop = Arc::new(AtomicBool::new(false));
    let writers = write_until(&app.address, clients, stop.clone());
    for (outage, state) in [("a restart", RESTARTING), ("a silent database", SILENT)] {
        tokio::time::sleep(Duration::from_millis(800)).await;
        relay.fail(state).await;
        // Answered, and soon: a probe that gets no answer is no probe.
        wait_for_readiness(&probe, &app.address, StatusCode::SERVICE_UNAVAILABLE, Duration::from_secs(6)).await;
        tokio::time::sleep(Duration::from_secs(2)).await;
        relay.restore().await;
        wait_for_readiness(&probe, &app.address, StatusCode::OK, Duration::from_secs(20)).await;
        assert!(
            register(&browser_client(), &app.address, usize::from(state), &format!("after{state}@example.it")).await,
            "writes work again after {outage}"
        );
    }
    tokio::time::sleep(Duration::from_millis(800)).await;
    stop.store(true, Ordering::Relaxed);
    let acknowledged = collect(writers).await;

    let direct = tutela_app::ssr::db::connect(app.database.url()).await.expect("connect");
    assert_nothing_acknowledged_lost(&direct, &acknowledged).await;
    assert!(acknowledged.iter().all(|&(_, k)| k > 0), "every writer got through: {acknowledged:?}");
}
