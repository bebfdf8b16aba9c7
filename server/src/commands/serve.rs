//! `tutela serve`: the web server with its background jobs, until Ctrl-C or
//! SIGTERM, then a graceful stop.

use std::{sync::Arc, time::Duration};

use tutela_app::ssr::mail::transport::MailTransport;

use crate::{
    config::Config,
    error::{ServerError, ServerResult},
    jobs::{OutboxJob, Runner},
    router, state,
};

pub async fn run(config: Config) -> ServerResult<()> {
    let app_state = state::build(&config).await?;
    let transport = MailTransport::from_settings(&app_state.settings).map_err(|e| ServerError::Config(e.to_string()))?;
    let runner =
        Runner::start(app_state.clone(), vec![Arc::new(OutboxJob { transport, interval: Duration::from_secs(config.job_poll_seconds) })]);
    let app = router::build(app_state, config.max_body_bytes);
    let listener = tokio::net::TcpListener::bind(config.bind).await?;
    let address = listener.local_addr()?;
    tracing::info!(%address, public_url = %config.public_url, "Tutela is listening");
    // Printed for scripts and tests that start the server on port 0.
    println!("listening on http://{address}");
    axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    tracing::info!("stopping background jobs");
    runner.shutdown().await;
    Ok(())
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
