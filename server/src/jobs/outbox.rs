//! The outbox job: sends the mails that are due.

use std::{future::Future, pin::Pin, time::Duration};

use tutela_app::ssr::{
    error::ServiceResult,
    mail::{outbox, transport::MailTransport},
    state::AppState,
};

use super::Job;

pub struct OutboxJob {
    pub transport: MailTransport,
    pub interval: Duration,
}

impl Job for OutboxJob {
    fn name(&self) -> &'static str {
        "mail-outbox"
    }

    fn interval(&self) -> Duration {
        self.interval
    }

    fn run<'a>(&'a self, state: &'a AppState) -> Pin<Box<dyn Future<Output = ServiceResult<()>> + Send + 'a>> {
        Box::pin(async move {
            let sent = outbox::deliver_due(&state.db, &state.settings, &self.transport).await?;
            if sent > 0 {
                tracing::info!(sent, "mail delivered");
            }
            Ok(())
        })
    }
}
