//! The consultations' reminders: a request's due time is near, or passed
//! (see `ssr::consultations::reminders`).

use std::{future::Future, pin::Pin, time::Duration};

use tutela_app::ssr::{consultations::reminders, error::ServiceResult, state::AppState};

use super::Job;

pub struct ConsultationRemindersJob {
    pub interval: Duration,
}

impl Job for ConsultationRemindersJob {
    fn name(&self) -> &'static str {
        "consultation-reminders"
    }

    fn interval(&self) -> Duration {
        self.interval
    }

    fn run<'a>(&'a self, state: &'a AppState) -> Pin<Box<dyn Future<Output = ServiceResult<()>> + Send + 'a>> {
        Box::pin(async move {
            let told = reminders::send_due(state).await?;
            if told > 0 {
                tracing::info!(requests = told, "consultation reminders queued");
            }
            Ok(())
        })
    }
}
