//! The digest job: sends the daily and weekly notification digests that
//! are due (each member's next one is kept with their account, so the job
//! only looks them up by that time).

use std::{future::Future, pin::Pin, time::Duration};

use tutela_app::ssr::{error::ServiceResult, notifications::digest, state::AppState};

use super::Job;

pub struct DigestJob {
    pub interval: Duration,
}

impl Job for DigestJob {
    fn name(&self) -> &'static str {
        "notification-digests"
    }

    fn interval(&self) -> Duration {
        self.interval
    }

    fn run<'a>(&'a self, state: &'a AppState) -> Pin<Box<dyn Future<Output = ServiceResult<()>> + Send + 'a>> {
        Box::pin(async move {
            let digests = digest::send_due(state).await?;
            if digests > 0 {
                tracing::info!(digests, "notification digests queued");
            }
            Ok(())
        })
    }
}
