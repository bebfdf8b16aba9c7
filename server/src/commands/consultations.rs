//! `tutela consultations retention`: which closed consultations the
//! retention period has reached (a dry run), and with `--apply`,
//! anonymising them now rather than at the next housekeeping.

use clap::Subcommand;
use tutela_app::ssr::consultations::retention;

use crate::{config::Config, error::ServerResult, state};

#[derive(Subcommand)]
pub enum ConsultationsCommand {
    /// List the closed consultations older than the retention period; with
    /// --apply, anonymise them.
    Retention {
        /// Days after closing (default: the configured consultation_retention_days).
        #[arg(long)]
        days: Option<i64>,
        #[arg(long)]
        apply: bool,
    },
}

pub async fn run(config: &Config, command: ConsultationsCommand) -> ServerResult<()> {
    match command {
        ConsultationsCommand::Retention { days, apply } => {
            let days = days.unwrap_or(config.consultation_retention_days);
            if days <= 0 {
                println!("no retention period: set consultation_retention_days, or pass --days N");
                return Ok(());
            }
            let db = state::open_database(config).await?;
            let due = retention::report(&db, days).await?;
            for request in &due {
                println!("{}  closed {}  {} files", request.reference, request.closed_on, request.files);
            }
            if apply {
                let done = retention::anonymise_due(&db, &config.files_dir(), days).await?;
                println!("{done} consultations anonymised (closed more than {days} days ago)");
            } else {
                println!(
                    "{} consultations closed more than {days} days ago would be anonymised; run again with --apply to do it",
                    due.len()
                );
            }
            Ok(())
        }
    }
}
