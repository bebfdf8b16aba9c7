//! `tutela content check`: reads the course folder and reports, file and
//! line, everything to fix, so trainers can check their own edits.

use std::path::PathBuf;

use clap::Subcommand;
use tutela_app::ssr::content::{self, Rules};

use crate::error::{ServerError, ServerResult};

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
            Err(problems) => {
                for problem in &problems {
                    eprintln!("{}/{problem}", dir.display());
                }
                Err(ServerError::Usage(format!("{} problem(s) to fix in {}", problems.len(), dir.display())))
            }
        },
    }
}
