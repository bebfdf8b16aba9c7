//! The housekeeping job: removes what has outlived its use, so that an
//! ended session is gone whether or not its cookie is ever presented again,
//! a registration never confirmed frees its address, and old mail goes.

use std::{future::Future, pin::Pin, time::Duration};

use tutela_app::ssr::{accounts, error::ServiceResult, mail::outbox, sessions, state::AppState};

use super::Job;

pub struct HousekeepingJob {
    pub interval: Duration,
}

impl Job for HousekeepingJob {
    fn name(&self) -> &'static str {
        "housekeeping"
    }

    fn interval(&self) -> Duration {
        self.interval
    }

    fn run<'a>(&'a self, state: &'a AppState) -> Pin<Box<dyn Future<Output = ServiceResult<()>> + Send + 'a>> {
        Box::pin(async move {
            let sessions = sessions::purge_ended(&state.db, &state.settings.sessions).await?;
            let unverified = accounts::purge_unverified(&state.db).await?;
            let mails = outbox::purge_old(&state.db).await?;
            if sessions + unverified + mails > 0 {
                tracing::info!(sessions, unverified, mails, "removed ended sessions, unconfirmed registrations and old mail");
            }
            Ok(())
        })
    }
}
