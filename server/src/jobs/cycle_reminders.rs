//! The training cycles' reminders: a meeting tomorrow (see
//! `ssr::training::cycles::reminders`).

use std::{future::Future, pin::Pin, time::Duration};

use tutela_app::ssr::{error::ServiceResult, state::AppState, training::cycles::reminders};

use super::Job;

pub struct CycleRemindersJob {
    pub interval: Duration,
}

impl Job for CycleRemindersJob {
    fn name(&self) -> &'static str {
        "cycle-reminders"
    }

    fn interval(&self) -> Duration {
        self.interval
    }

    fn run<'a>(&'a self, state: &'a AppState) -> Pin<Box<dyn Future<Output = ServiceResult<()>> + Send + 'a>> {
        Box::pin(async move {
            let told = reminders::send_due(state).await?;
            if told > 0 {
                tracing::info!(sessions = told, "meeting reminders queued");
            }
            Ok(())
        })
    }
}
