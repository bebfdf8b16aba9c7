//! The housekeeping job: removes what has outlived its use, so that an
//! ended session is gone whether or not its cookie is ever presented again,
//! a registration never confirmed frees its address, and old mail, old
//! attempt counters and long-unused devices go, and consultations closed
//! longer than their retention period are anonymised.

use std::{future::Future, pin::Pin, time::Duration};

use tutela_app::ssr::{
    accounts, clock, consultations::retention, error::ServiceResult, known_devices, mail::outbox, notifications::unsubscribe,
    second_factor, sessions, state::AppState, throttle,
};

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
            // No counter's window is longer than a day or the configured one.
            let longest_window = state.settings.rate_limit_window_seconds.max(clock::DAY);
            let counters = throttle::purge(&state.db, clock::now() - longest_window).await?;
            let devices = known_devices::purge(&state.db).await?;
            let challenges = second_factor::purge_challenges(&state.db).await?;
            let unsubscribe_links = unsubscribe::purge_used(&state.db).await?;
            let consultations = u64::try_from(
                retention::anonymise_due(&state.db, &state.settings.files_dir, state.settings.consultation_retention_days).await?,
            )
            .unwrap_or(u64::MAX);
            if sessions + unverified + mails + counters + devices + challenges + unsubscribe_links + consultations > 0 {
                tracing::info!(
                    sessions,
                    unverified,
                    mails,
                    counters,
                    devices,
                    challenges,
                    unsubscribe_links,
                    consultations,
                    "removed what had outlived its use"
                );
            }
            Ok(())
        })
    }
}
