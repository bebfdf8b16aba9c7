//! Background jobs: one small runner that any area can add a job to
//! (reminders, SLA checks, digests). Each job runs on one instance at a
//! time: a lease row in the database says who holds it and until when, and
//! an instance that dies loses its leases when they expire.

mod consultation_reminders;
mod cycle_reminders;
mod digest;
mod housekeeping;
mod outbox;

use std::{future::Future, pin::Pin, sync::Arc, time::Duration};

use sea_orm::{
    ActiveValue::Set,
    ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _,
    sea_query::{Expr, ExprTrait as _, OnConflict},
};
use tokio::{sync::watch, task::JoinHandle};
use tutela_app::ssr::{clock, entities::job_lease, error::ServiceResult, secrets::new_token, state::AppState};

pub use consultation_reminders::ConsultationRemindersJob;
pub use cycle_reminders::CycleRemindersJob;
pub use digest::DigestJob;
pub use housekeeping::HousekeepingJob;
pub use outbox::OutboxJob;

/// A job the runner calls every `interval`.
pub trait Job: Send + Sync + 'static {
    /// Unique: the lease is keyed by it.
    fn name(&self) -> &'static str;
    fn interval(&self) -> Duration;
    fn run<'a>(&'a self, state: &'a AppState) -> Pin<Box<dyn Future<Output = ServiceResult<()>> + Send + 'a>>;
}

/// Takes or renews the lease of `name` for `holder`; `false` when another
/// live instance holds it.
async fn acquire_lease(db: &impl ConnectionTrait, name: &str, holder: &str, seconds: i64) -> ServiceResult<bool> {
    let now = clock::now();
    job_lease::Entity::insert(job_lease::ActiveModel {
        name: Set(name.to_owned()),
        holder: Set(String::new()),
        leased_until: Set(0),
        last_run_at: Set(None),
    })
    .on_conflict(OnConflict::column(job_lease::Column::Name).do_nothing().to_owned())
    .exec_without_returning(db)
    .await?;
    let taken = job_lease::Entity::update_many()
        .col_expr(job_lease::Column::Holder, Expr::value(holder))
        .col_expr(job_lease::Column::LeasedUntil, Expr::value(now + seconds))
        .filter(job_lease::Column::Name.eq(name))
        .filter(job_lease::Column::LeasedUntil.lt(now).or(job_lease::Column::Holder.eq(holder)))
        .exec(db)
        .await?;
    Ok(taken.rows_affected == 1)
}

async fn record_run(db: &impl ConnectionTrait, name: &str) -> ServiceResult<()> {
    job_lease::Entity::update_many()
        .col_expr(job_lease::Column::LastRunAt, Expr::value(clock::now()))
        .filter(job_lease::Column::Name.eq(name))
        .exec(db)
        .await?;
    Ok(())
}

/// Runs jobs until told to stop.
pub struct Runner {
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

impl Runner {
    pub fn start(state: AppState, jobs: Vec<Arc<dyn Job>>) -> Runner {
        let (stop, stopped) = watch::channel(false);
        // One identity per process: a restarted instance waits out its old leases.
        let holder = new_token()[..16].to_owned();
        let tasks = jobs
            .into_iter()
            .map(|job| {
                let state = state.clone();
                let holder = holder.clone();
                let mut stopped = stopped.clone();
                tokio::spawn(async move {
                    let lease_seconds = std::cmp::max(i64::try_from(job.interval().as_secs()).unwrap_or(60).saturating_mul(3), 60);
                    loop {
                        match acquire_lease(&state.db, job.name(), &holder, lease_seconds).await {
                            Ok(true) => match job.run(&state).await {
                                Ok(()) => {
                                    if let Err(error) = record_run(&state.db, job.name()).await {
                                        tracing::warn!(job = job.name(), %error, "recording a job run");
                                    }
                                }
                                Err(error) => tracing::error!(job = job.name(), %error, "job failed"),
                            },
                            Ok(false) => tracing::trace!(job = job.name(), "another instance holds the lease"),
                            Err(error) => tracing::warn!(job = job.name(), %error, "taking a job lease"),
                        }
                        tokio::select! {
                            () = tokio::time::sleep(job.interval()) => {}
                            _ = stopped.changed() => break,
                        }
                    }
                })
            })
            .collect();
        Runner { stop, tasks }
    }

    /// Lets running jobs finish their current pass, then stops.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        for task in self.tasks {
            let _ = task.await;
        }
    }
}
