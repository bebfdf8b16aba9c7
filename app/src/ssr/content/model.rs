//! The course as read from the files, with where each part came from.

use serde::Deserialize;

/// A text in Italian and English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    pub it: String,
    pub en: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Course {
    pub id: String,
    pub title: Bilingual,
    pub summary: Bilingual,
    pub modules: Vec<Module>,
    pub glossary: Vec<GlossaryTerm>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Module {
    pub id: String,
    pub order: u32,
    pub title: Bilingual,
    pub summary: Bilingual,
    /// The module's folder, relative to the content root.
    pub folder: String,
    pub lessons: Vec<Lesson>,
    pub quiz: Option<Quiz>,
    pub cases: Vec<CaseStudy>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lesson {
    pub id: String,
    pub order: u32,
    pub minutes: u32,
    pub title: Bilingual,
    pub summary: Bilingual,
    /// The Markdown after the front matter.
    pub body: String,
    pub file: String,
    /// The line of the file where the body starts.
    pub body_line: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseStudy {
    pub id: String,
    pub order: u32,
    pub title: Bilingual,
    pub summary: Bilingual,
    pub body: String,
    pub file: String,
    pub body_line: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// Exactly one correct choice.
    Single,
    /// One or more correct choices.
    Multiple,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub correct: bool,
    pub text: Bilingual,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub prompt: Bilingual,
    pub explanation: Bilingual,
    #[serde(rename = "choice", default)]
    pub choices: Vec<Choice>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    pub id: String,
    pub pass_percent: u8,
    pub title: Bilingual,
    #[serde(rename = "question", default)]
    pub questions: Vec<Question>,
    #[serde(skip)]
    pub file: String,
    /// The line where each question starts, in the same order.
    #[serde(skip)]
    pub question_lines: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryTerm {
    pub id: String,
    pub it: String,
    pub en: String,
    pub definition: Bilingual,
    #[serde(skip)]
    pub line: usize,
}
