//! Writing courses in the browser: what trainers and coordinators see of
//! the courses they write, module by module and lesson by lesson, in both
//! languages (the forms show both, since both are stored).

use serde::{Deserialize, Serialize};

use super::{Draft, training::PartStatus};

/// A course's or a module's title and summary, in both languages, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartFields {
    pub title_it: String,
    pub title_en: String,
    pub summary_it: String,
    pub summary_en: String,
}

/// A course on the authoring page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthoredCourse {
    pub id: String,
    pub title: String,
    pub status: PartStatus,
    pub lessons: usize,
    pub updated_at: i64,
}

/// `/training/authoring`: the courses written here, and those imported from
/// the content folder (changed in their files, not here).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthoringPage {
    pub courses: Vec<AuthoredCourse>,
    pub imported: Vec<AuthoredCourse>,
}

/// A lesson as the course editor lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonEntry {
    pub id: String,
    pub title: String,
    pub status: PartStatus,
    pub version: i32,
}

/// A module's quiz as the course editor lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizEntry {
    pub id: String,
    pub title: String,
    pub status: PartStatus,
    pub questions: usize,
}

/// A module with its lessons and quiz in the course editor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleEntry {
    pub id: String,
    pub fields: PartFields,
    pub status: PartStatus,
    pub lessons: Vec<LessonEntry>,
    pub quiz: Option<QuizEntry>,
}

/// `/training/authoring/courses/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseEditor {
    pub id: String,
    pub fields: PartFields,
    pub status: PartStatus,
    /// Modules not taken out of the course, in order.
    pub modules: Vec<ModuleEntry>,
    /// Cycles not yet over run it: it cannot go back to draft.
    pub in_use: bool,
}

/// A lesson's text and titles, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonFields {
    pub title_it: String,
    pub title_en: String,
    pub summary_it: String,
    pub summary_en: String,
    /// Markdown.
    pub body: String,
}

/// A published version of a lesson, in the editor's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionEntry {
    pub version: i32,
    pub published_at: i64,
}

/// `/training/authoring/lessons/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonEditor {
    pub id: String,
    pub course_id: String,
    pub course_title: String,
    pub module_title: String,
    /// What `lesson:KEY` links to it name.
    pub key: String,
    pub fields: LessonFields,
    pub status: PartStatus,
    pub version: i32,
    pub minutes: i32,
    /// Newest first.
    pub versions: Vec<VersionEntry>,
    /// Text kept from a preview or a refused save, with its preview.
    pub draft: Option<Draft>,
}

/// A quiz's settings, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizSettings {
    pub title_it: String,
    pub title_en: String,
    /// The share of right questions that passes, in percent.
    pub pass_percent: String,
    /// Empty for no limit.
    pub max_attempts: String,
}

/// One choice of a question, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceFields {
    pub text_it: String,
    pub text_en: String,
    pub right: bool,
}

/// A question, as typed: what is asked, its choices and the explanation
/// learners read after answering.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionFields {
    /// Tick every right choice, rather than the one right choice.
    pub multiple: bool,
    pub prompt_it: String,
    pub prompt_en: String,
    pub explanation_it: String,
    pub explanation_en: String,
    pub choices: Vec<ChoiceFields>,
}

/// A question in the quiz editor: as saved, or as the author was writing
/// it when it was refused (`kept`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionEntry {
    /// Empty for the form of a new question.
    pub id: String,
    pub fields: QuestionFields,
    pub kept: bool,
}

/// `/training/authoring/quizzes/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizEditor {
    pub id: String,
    pub course_id: String,
    pub course_title: String,
    pub module_title: String,
    pub settings: QuizSettings,
    pub status: PartStatus,
    pub questions: Vec<QuestionEntry>,
    /// The form for a new question.
    pub new_question: QuestionEntry,
    /// Attempts learners made: changing the questions changes no score given.
    pub attempts: u64,
}

/// What the lesson form's button asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonIntent {
    /// Keep the text: a draft stays a draft.
    Save,
    /// Show learners this text: the first version, or a new one.
    Publish,
    /// Show how the text renders, saving nothing.
    Preview,
}

/// Which way a module or lesson moves in its list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    pub fn code(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }

    pub fn from_code(code: &str) -> Option<Direction> {
        [Direction::Up, Direction::Down].into_iter().find(|d| d.code() == code)
    }
}
