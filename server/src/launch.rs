//! Starting and stopping a running Tutela: the HTTP server and its jobs.
//! `tutela serve` and the integration tests start it the same way.

use std::{net::SocketAddr, sync::Arc, time::Duration};

use tokio::{sync::oneshot, task::JoinHandle};
use tutela_app::ssr::{
    mail::transport::MailTransport,
    state::AppState,
    training::import::{self, ImportError},
};

use crate::{
    config::Config,
    error::{ServerError, ServerResult},
    jobs::{ConsultationRemindersJob, CycleRemindersJob, DigestJob, HousekeepingJob, OutboxJob, Runner},
    router, state,
};

/// A server that is accepting requests.
pub struct RunningServer {
    pub address: SocketAddr,
    pub state: AppState,
    stop: oneshot::Sender<()>,
    http: JoinHandle<std::io::Result<()>>,
    jobs: Runner,
}

/// Opens the database (migrating it), binds the address and starts serving
/// and running background jobs.
pub async fn start(config: Config) -> ServerResult<RunningServer> {
    let listener = tokio::net::TcpListener::bind(config.bind).await?;
    let address = listener.local_addr()?;
    let app_state = state::build(&config, address).await?;
    import_course_if_missing(&app_state.db, &config).await?;
    let transport = MailTransport::from_settings(&app_state.settings).map_err(|e| ServerError::Config(e.to_string()))?;
    let jobs = Runner::start(
        app_state.clone(),
        vec![
            Arc::new(OutboxJob { transport, interval: Duration::from_millis(config.job_poll_ms) }),
            Arc::new(HousekeepingJob { interval: Duration::from_secs(config.housekeeping_seconds) }),
            // Digests are due at a minute's precision at most.
            Arc::new(DigestJob { interval: Duration::from_millis(config.job_poll_ms.clamp(1000, 60_000)) }),
            Arc::new(ConsultationRemindersJob { interval: Duration::from_millis(config.job_poll_ms.clamp(1000, 60_000)) }),
            Arc::new(CycleRemindersJob { interval: Duration::from_millis(config.job_poll_ms.clamp(1000, 60_000)) }),
        ],
    );
    let app = router::build(app_state.clone(), config.max_body_bytes);
    tracing::info!(%address, public_url = %app_state.settings.public_url, "Tutela is listening");
    let (stop, stopped) = oneshot::channel::<()>();
    let http = tokio::spawn(async move {
        axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });
    Ok(RunningServer { address, state: app_state, stop, http, jobs })
}

/// Imports the course in `content_dir` unless it is there already: at the
/// first start, and before the demo's cycles are seeded. Content with
/// mistakes is reported and left out: everything else still starts, as it
/// does where there is no course folder at all.
pub async fn import_course_if_missing(db: &sea_orm::DatabaseConnection, config: &Config) -> ServerResult<()> {
    if !config.content_dir.is_dir() {
        tracing::warn!(dir = %config.content_dir.display(), "no course folder: no course imported");
        return Ok(());
    }
    match import::import_if_missing(db, &config.content_dir).await {
        Ok(Some(report)) => tracing::info!(dir = %config.content_dir.display(), parts = report.created, "imported the course content"),
        Ok(None) => {}
        Err(ImportError::Content(problems)) => {
            for problem in &problems {
                tracing::error!(dir = %config.content_dir.display(), %problem, "course content not imported");
            }
        }
        Err(ImportError::Service(error)) => return Err(error.into()),
    }
    Ok(())
}

impl RunningServer {
    /// Finishes the requests in flight, then the jobs' current pass.
    pub async fn stop(self) -> ServerResult<()> {
        let _ = self.stop.send(());
        match self.http.await {
            Ok(result) => result?,
            Err(error) => tracing::error!(%error, "the HTTP task ended abnormally"),
        }
        tracing::info!("stopping background jobs");
        self.jobs.shutdown().await;
        Ok(())
    }
}
