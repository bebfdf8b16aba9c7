//! `tutela serve`: the web server with its background jobs, until Ctrl-C or
//! SIGTERM, then a graceful stop.

use crate::{config::Config, error::ServerResult, launch};

pub async fn run(config: Config) -> ServerResult<()> {
    let server = launch::start(config).await?;
    // Printed for scripts that start the server on port 0.
    println!("listening on http://{}", server.address);
    shutdown_signal().await;
    server.stop().await
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
