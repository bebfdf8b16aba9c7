//! The training cycles' reminders: a meeting tomorrow, enrolment closing, a
//! course left aside (see `ssr::training::cycles::reminders`).

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
            let sent = reminders::send_due(state).await?;
            if sent != reminders::Sent::default() {
                tracing::info!(meetings = sent.meetings, closing = sent.closing, idle = sent.idle, "training reminders queued");
            }
            Ok(())
        })
    }
}
