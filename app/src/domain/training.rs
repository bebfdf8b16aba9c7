//! Training: courses of modules and lessons, what a learner has read, the
//! glossary and the case studies trainers discuss. Pages get these in the
//! reader's language.

use serde::{Deserialize, Serialize};

/// Where a part of a course stands: being written, readable, or taken out
/// of the course (kept, so that nothing a learner did is lost).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PartStatus {
    Draft,
    Published,
    Retired,
}

impl PartStatus {
    pub const ALL: [PartStatus; 3] = [PartStatus::Draft, PartStatus::Published, PartStatus::Retired];

    pub fn code(self) -> &'static str {
        match self {
            PartStatus::Draft => "draft",
            PartStatus::Published => "published",
            PartStatus::Retired => "retired",
        }
    }

    pub fn from_code(code: &str) -> Option<PartStatus> {
        PartStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Where a learner stands with a lesson.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReadState {
    #[default]
    Unread,
    Read,
    /// Read, and changed since.
    Changed,
}

/// A lesson as outlines and the reader's next and previous link to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonLink {
    pub id: String,
    pub title: String,
    pub minutes: i32,
    pub read: ReadState,
}

/// How far a reader is through a course: lessons read of the total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub read: usize,
    pub total: usize,
}

impl Progress {
    /// Whole percent, rounded down, so 100 means everything.
    pub fn percent(self) -> usize {
        (self.read * 100).checked_div(self.total).unwrap_or(0)
    }
}

/// A course in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseCard {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub modules: usize,
    pub lessons: usize,
    pub minutes: i32,
    /// For a signed-in reader.
    pub progress: Option<Progress>,
}

/// `/training`: the published courses, and where the reader left off.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalogue {
    pub courses: Vec<CourseCard>,
    pub resume: Option<Resume>,
    /// The reader writes courses: the page leads to the authoring page.
    pub writes_courses: bool,
}

/// The lesson to go on with: the first unread one after the last read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resume {
    pub course: String,
    pub lesson: LessonLink,
}

/// A module's quiz as the outline lists it, with the reader's best result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizLink {
    pub id: String,
    pub title: String,
    pub questions: usize,
    pub passed: bool,
}

/// A case study as the course outline lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseLink {
    pub id: String,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleOutline {
    pub title: String,
    pub summary: String,
    pub lessons: Vec<LessonLink>,
    pub quiz: Option<QuizLink>,
    /// For trainers and coordinators only.
    pub cases: Vec<CaseLink>,
}

/// `/training/courses/{id}`: the outline, with the reader's progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoursePage {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub modules: Vec<ModuleOutline>,
    pub progress: Option<Progress>,
    pub resume: Option<LessonLink>,
}

/// `/training/lessons/{id}`: the reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonPage {
    pub id: String,
    pub course_id: String,
    pub course_title: String,
    pub module_title: String,
    pub title: String,
    pub summary: String,
    pub minutes: i32,
    /// Rendered when the lesson was published.
    pub html: String,
    pub version: i32,
    pub updated_at: i64,
    pub read: ReadState,
    pub previous: Option<LessonLink>,
    pub next: Option<LessonLink>,
    /// Lesson `n` of `of` in the course.
    pub place: (usize, usize),
}

/// A glossary entry in the reader's language, with the other language's term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    pub key: String,
    pub term: String,
    pub translation: String,
    pub definition: String,
}

/// `/training/courses/{id}/glossary`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlossaryPage {
    pub course_id: String,
    pub course_title: String,
    pub terms: Vec<GlossaryEntry>,
}

/// `/training/cases/{id}`: the whole case for trainers and coordinators;
/// for learners its title and summary (trainers bring it to a session).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasePage {
    pub course_id: String,
    pub course_title: String,
    pub module_title: String,
    pub title: String,
    pub summary: String,
    pub html: Option<String>,
}

/// A question as the learner answers it: no choice says whether it is right.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizQuestionView {
    pub prompt: String,
    /// Tick every right choice, rather than the one right choice.
    pub multiple: bool,
    /// Each choice's form value and text.
    pub choices: Vec<(String, String)>,
}

/// One submitted attempt, as the list of attempts shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptSummary {
    pub number: i32,
    pub submitted_at: i64,
    pub correct: i32,
    pub questions: i32,
    pub passed: bool,
}

/// A choice in the review of an attempt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewedChoice {
    pub text: String,
    pub chosen: bool,
    pub correct: bool,
}

/// A question in the review of an attempt: what was ticked, what was right, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewedQuestion {
    pub prompt: String,
    pub right: bool,
    pub choices: Vec<ReviewedChoice>,
    pub explanation: String,
}

/// `/training/quizzes/{id}`: the questions to answer, the attempts made,
/// and with `?attempt=N` the review of that attempt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizPage {
    pub id: String,
    pub course_id: String,
    pub course_title: String,
    pub module_title: String,
    pub title: String,
    pub pass_percent: i16,
    pub questions: Vec<QuizQuestionView>,
    pub attempts: Vec<AttemptSummary>,
    /// None for no limit.
    pub attempts_left: Option<i32>,
    pub review: Option<(AttemptSummary, Vec<ReviewedQuestion>)>,
}
