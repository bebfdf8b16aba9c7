//! The course in `content/`: reading the tree into a model and checking it.
//! `tutela content check` and the test suite run the checks; the training
//! area imports the model. Every problem names the file and the line, and
//! says what to fix.

mod checks;
mod model;
mod read;
#[cfg(test)]
mod tests;

use std::path::Path;

pub use checks::Rules;
pub use model::{Bilingual, CaseStudy, Choice, Course, GlossaryTerm, Lesson, Module, Question, QuestionKind, Quiz};

/// One problem in the content, where it is and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentProblem {
    /// Relative to the content folder.
    pub file: String,
    /// 1-based; 0 when the problem is about the whole file.
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ContentProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}

/// Reads and checks the tree under `root`. The course comes back only when
/// there is nothing to fix.
pub fn load(root: &Path, rules: &Rules) -> Result<Course, Vec<ContentProblem>> {
    let (course, mut problems) = read::read_tree(root);
    if let Some(course) = &course {
        problems.extend(checks::check(course, rules));
    }
    problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    match course {
        Some(course) if problems.is_empty() => Ok(course),
        _ => Err(problems),
    }
}
