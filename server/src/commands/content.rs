//! `tutela content check`: reads the course folder and reports, file and
//! line, everything to fix, so trainers can check their own edits.
//! `tutela import-content`: checks it, then imports it into the database.

use std::path::PathBuf;

use clap::Subcommand;
use tutela_app::ssr::{
    content::{self, ContentProblem, Rules},
    training::import::{self, ImportError},
};

use crate::{
    config::Config,
    error::{ServerError, ServerResult},
    state,
};

#[derive(Subcommand)]
pub enum ContentCommand {
    /// Check the course content: format, ids, quizzes, links, lengths.
    Check {
        /// The content folder.
        #[arg(long, default_value = "content")]
        dir: PathBuf,
    },
}

pub fn run(command: ContentCommand) -> ServerResult<()> {
    match command {
        ContentCommand::Check { dir } => match content::load(&dir, &Rules::ditu()) {
            Ok(course) => {
                let lessons: usize = course.modules.iter().map(|m| m.lessons.len()).sum();
                let questions: usize = course.modules.iter().filter_map(|m| m.quiz.as_ref()).map(|q| q.questions.len()).sum();
                let cases: usize = course.modules.iter().map(|m| m.cases.len()).sum();
                println!(
                    "{}: the course is valid: {} modules, {lessons} lessons, {questions} quiz questions, {cases} case studies, {} glossary terms",
                    dir.display(),
                    course.modules.len(),
                    course.glossary.len()
                );
                Ok(())
            }
            Err(problems) => Err(report_problems(&dir, &problems)),
        },
    }
}

fn report_problems(dir: &std::path::Path, problems: &[ContentProblem]) -> ServerError {
    for problem in problems {
        eprintln!("{}/{problem}", dir.display());
    }
    ServerError::Usage(format!("{} problem(s) to fix in {}; nothing was imported", problems.len(), dir.display()))
}

/// Imports the course in `dir` (the configured content folder when absent).
pub async fn import_content(config: &Config, dir: Option<PathBuf>) -> ServerResult<()> {
    let dir = dir.unwrap_or_else(|| config.content_dir.clone());
    let db = state::open_database(config).await?;
    match import::import_folder(&db, &dir).await {
        Ok(report) => {
            println!(
                "{}: imported: {} part(s) added, {} updated, {} lesson(s) with a new version, {} retired",
                dir.display(),
                report.created,
                report.updated,
                report.new_versions,
                report.retired
            );
            Ok(())
        }
        Err(ImportError::Content(problems)) => Err(report_problems(&dir, &problems)),
        Err(ImportError::Service(error)) => Err(error.into()),
    }
}
