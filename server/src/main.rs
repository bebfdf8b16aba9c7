//! The `tutela` binary: serves the web application and runs its
//! maintenance commands.

use std::{path::PathBuf, process::ExitCode};

use clap::{Parser, Subcommand};

use tutela_server::{commands, config::Config, telemetry};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "tutela", version, about = "Tutela: training, communities of practice and legal consultations for volunteer guardians.")]
struct Cli {
    /// A TOML configuration file (also `TUTELA_CONFIG`); `TUTELA_*` variables override it.
    #[arg(long, global = true, env = "TUTELA_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the application (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Fill the database with demo or sample data (never done at a normal start).
    Seed {
        /// Create one demo account per role in each district (password printed).
        #[arg(long)]
        demo: bool,
        /// Make sure there are N sample guardians and operators (same password).
        #[arg(long, value_name = "N")]
        users: Option<u32>,
        /// Add 100,000 sample forum posts in 10,000 topics, 20,000 consultations, and 40 courses with 200 cycles
        /// the sample guardians follow, by the accounts there.
        #[arg(long)]
        scale: bool,
    },
    /// Manage accounts from the command line.
    Admin {
        #[command(subcommand)]
        command: commands::admin::AdminCommand,
    },
    /// Mail tools.
    Mail {
        #[command(subcommand)]
        command: commands::mail::MailCommand,
    },
    /// Consultation tools: the retention period's dry run and run.
    Consultations {
        #[command(subcommand)]
        command: commands::consultations::ConsultationsCommand,
    },
    /// Search index tools.
    Search {
        #[command(subcommand)]
        command: commands::search::SearchCommand,
    },
    /// Check the course folder and import it: re-importing updates what
    /// changed and keeps learners' progress.
    ImportContent {
        /// The content folder (default: the configured `content_dir`).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Course content tools.
    Content {
        #[command(subcommand)]
        command: commands::content::ContentCommand,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match Config::load(cli.config.as_deref()) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("tutela: {error}");
            return ExitCode::FAILURE;
        }
    };
    telemetry::init(&config);
    // Rendering a long page nests many views; a debug build's frames are
    // large, so workers get more than the default 2 MiB (only what is
    // touched is ever resident).
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().thread_stack_size(8 * 1024 * 1024).build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("tutela: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = runtime.block_on(async move {
        match cli.command.unwrap_or(Command::Serve) {
            Command::Serve => commands::serve::run(config).await,
            Command::Migrate => commands::migrate::run(&config).await,
            Command::Seed { demo, users, scale } => commands::seed::run(&config, commands::seed::Seeds { demo, users, scale }).await,
            Command::Admin { command } => commands::admin::run(&config, command).await,
            Command::Mail { command } => commands::mail::run(&config, command).await,
            Command::Consultations { command } => commands::consultations::run(&config, command).await,
            Command::Search { command } => commands::search::run(&config, command).await,
            Command::ImportContent { dir } => commands::content::import_content(&config, dir).await,
            Command::Content { command } => commands::content::run(command),
        }
    });
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("tutela: {error}");
            ExitCode::FAILURE
        }
    }
}
