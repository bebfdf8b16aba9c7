//! The rules a course must follow, checked over the model read from disk.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::{
    ContentProblem,
    model::{Bilingual, Course, QuestionKind, Quiz},
};

/// The bounds a course is held to. `Rules::ditu()` is the base course's.
#[derive(Clone, Debug)]
pub struct Rules {
    pub min_modules: usize,
    pub lessons_per_module: (usize, usize),
    pub min_lessons: usize,
    pub lesson_words: (usize, usize),
    pub questions_per_quiz: (usize, usize),
    pub choices_per_question: (usize, usize),
    pub cases_per_module: (usize, usize),
    pub case_words: (usize, usize),
}

impl Rules {
    /// Eight modules or more, 2–4 lessons each, 22 lessons or more of
    /// 600–1,500 words, quizzes of 5–10 questions, one or two case studies.
    pub fn ditu() -> Rules {
        Rules {
            min_modules: 8,
            lessons_per_module: (2, 4),
            min_lessons: 22,
            lesson_words: (600, 1500),
            questions_per_quiz: (5, 10),
            choices_per_question: (2, 6),
            cases_per_module: (1, 2),
            case_words: (300, 1200),
        }
    }
}

/// The sections every lesson ends with, in this order.
const LESSON_CLOSING_SECTIONS: [&str; 2] = ["Fonti", "Per approfondire"];
/// The sections every case study has, in this order.
const CASE_SECTIONS: [&str; 4] = ["La situazione", "Le domande del tutore", "Guida alla discussione", "Fonti"];

struct Checker<'a> {
    rules: &'a Rules,
    problems: Vec<ContentProblem>,
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// Whether an explanation names the norm it rests on (an article, an act,
/// a regulation or a convention, with its number).
fn cites_a_norm(text: &str) -> bool {
    let lower = text.to_lowercase();
    let names_a_source = [
        "art.",
        "artt.",
        "l. ",
        "law ",
        "legge",
        "d.lgs",
        "legislative decree",
        "d.p.r",
        "d.l.",
        "c.c.",
        "civil code",
        "reg.",
        "regulation",
        "directive",
        "direttiva",
        "convenzione",
        "convention",
        "tu ",
        "consolidated act",
        "cass",
        "gdpr",
        "decree",
        "decreto",
    ]
    .iter()
    .any(|marker| lower.contains(marker));
    names_a_source && text.chars().any(|c| c.is_ascii_digit())
}

/// The words of a Markdown body, as a reader counts them.
fn word_count(body: &str) -> usize {
    body.split_whitespace().filter(|word| word.chars().any(char::is_alphanumeric)).count()
}

/// What the Markdown walk found in a body.
#[derive(Default)]
struct BodyOutline {
    /// Level-2 headings, with their lines.
    sections: Vec<(String, usize)>,
    /// Link targets, with their lines.
    links: Vec<(String, usize)>,
}

impl Checker<'_> {
    fn problem(&mut self, file: &str, line: usize, message: impl Into<String>) {
        self.problems.push(ContentProblem { file: file.to_owned(), line, message: message.into() });
    }

    fn check_bilingual(&mut self, file: &str, line: usize, field: &str, text: &Bilingual) {
        if text.it.trim().is_empty() {
            self.problem(file, line, format!("`{field}.it` is empty: write the Italian text"));
        }
        if text.en.trim().is_empty() {
            self.problem(file, line, format!("`{field}.en` is empty: write the English text"));
        }
    }

    fn check_id(&mut self, file: &str, line: usize, what: &str, id: &str, seen: &mut HashMap<String, String>) {
        if !is_valid_id(id) {
            self.problem(file, line, format!("{what} id `{id}` must use only lowercase letters, digits and dashes"));
        }
        if let Some(other) = seen.insert(id.to_owned(), file.to_owned()) {
            self.problem(file, line, format!("{what} id `{id}` is already used in {other}: ids must be unique"));
        }
    }

    fn check_count(&mut self, file: &str, what: &str, count: usize, (min, max): (usize, usize)) {
        if count < min || count > max {
            self.problem(file, 0, format!("has {count} {what}; it needs between {min} and {max}"));
        }
    }

    /// Walks a Markdown body: raw HTML and level-1 headings are refused;
    /// sections and links are collected; rendering must produce HTML.
    fn outline(&mut self, file: &str, body: &str, body_line: usize) -> BodyOutline {
        let line_at = |offset: usize| body[..offset.min(body.len())].matches('\n').count() + body_line;
        let mut outline = BodyOutline::default();
        let mut heading: Option<(HeadingLevel, String, usize)> = None;
        for (event, range) in Parser::new_ext(body, pulldown_cmark::Options::ENABLE_TASKLISTS).into_offset_iter() {
            match event {
                Event::Html(_) | Event::InlineHtml(_) => {
                    self.problem(file, line_at(range.start), "raw HTML is not allowed: write it in Markdown");
                }
                Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new(), line_at(range.start))),
                Event::Text(text) | Event::Code(text) => {
                    if let Some((_, title, _)) = heading.as_mut() {
                        title.push_str(&text);
                    }
                }
                Event::End(TagEnd::Heading(_)) => {
                    if let Some((level, title, line)) = heading.take() {
                        match level {
                            HeadingLevel::H1 => {
                                self.problem(file, line, "no level-1 heading in the body: the title comes from the front matter");
                            }
                            HeadingLevel::H2 => outline.sections.push((title.trim().to_owned(), line)),
                            _ => {}
                        }
                    }
                }
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    outline.links.push((dest_url.to_string(), line_at(range.start)));
                }
                _ => {}
            }
        }
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, Parser::new(body));
        if html.trim().is_empty() {
            self.problem(file, body_line, "the body is empty");
        }
        outline
    }

    fn check_links(&mut self, file: &str, links: &[(String, usize)], targets: &Targets) {
        for (link, line) in links {
            let (kind, known) = if let Some(id) = link.strip_prefix("lesson:") {
                ("lesson", targets.lessons.contains(id))
            } else if let Some(id) = link.strip_prefix("glossary:") {
                ("glossary term", targets.terms.contains(id))
            } else if let Some(id) = link.strip_prefix("case:") {
                ("case study", targets.cases.contains(id))
            } else if link.starts_with("https://") {
                continue;
            } else {
                self.problem(file, *line, format!("link `{link}`: use lesson:ID, glossary:ID, case:ID or an https:// address"));
                continue;
            };
            if !known {
                let id = link.split_once(':').map_or("", |(_, id)| id);
                self.problem(file, *line, format!("link `{link}`: there is no {kind} with id `{id}`"));
            }
        }
    }

    fn check_quiz(&mut self, quiz: &Quiz, seen_ids: &mut HashMap<String, String>) {
        let file = quiz.file.as_str();
        self.check_id(file, 1, "quiz", &quiz.id, seen_ids);
        self.check_bilingual(file, 1, "title", &quiz.title);
        if !(1..=100).contains(&quiz.pass_percent) {
            self.problem(file, 1, format!("pass_percent is {}; it must be between 1 and 100", quiz.pass_percent));
        }
        self.check_count(file, "questions", quiz.questions.len(), self.rules.questions_per_quiz);
        let mut question_ids = HashSet::new();
        for (index, question) in quiz.questions.iter().enumerate() {
            let line = quiz.question_lines.get(index).copied().unwrap_or(0);
            let what = format!("question `{}`", question.id);
            if !is_valid_id(&question.id) {
                self.problem(file, line, format!("{what}: ids use only lowercase letters, digits and dashes"));
            }
            if !question_ids.insert(question.id.as_str()) {
                self.problem(file, line, format!("{what} appears twice in this quiz"));
            }
            self.check_bilingual(file, line, "prompt", &question.prompt);
            self.check_bilingual(file, line, "explanation", &question.explanation);
            if !cites_a_norm(&question.explanation.it) || !cites_a_norm(&question.explanation.en) {
                self.problem(
                    file,
                    line,
                    format!("{what}: the explanation must cite the norm it rests on, in both languages (e.g. \"art. 2 l. 47/2017\")"),
                );
            }
            let (min, max) = self.rules.choices_per_question;
            if question.choices.len() < min || question.choices.len() > max {
                self.problem(file, line, format!("{what} has {} choices; it needs between {min} and {max}", question.choices.len()));
            }
            let mut choice_ids = HashSet::new();
            for choice in &question.choices {
                if choice.id.trim().is_empty() || !choice_ids.insert(choice.id.as_str()) {
                    self.problem(file, line, format!("{what}: choice id `{}` is empty or repeated", choice.id));
                }
                self.check_bilingual(file, line, "choice text", &choice.text);
            }
            let correct = question.choices.iter().filter(|c| c.correct).count();
            match question.kind {
                QuestionKind::Single if correct != 1 => {
                    self.problem(
                        file,
                        line,
                        format!("{what} is `single` but has {correct} correct choices: mark exactly one `correct = true`"),
                    );
                }
                QuestionKind::Multiple if correct == 0 => {
                    self.problem(file, line, format!("{what} has no correct choice: mark at least one `correct = true`"));
                }
                _ => {}
            }
        }
    }
}

/// Where `sections` first differ from `expected`: the line of the first
/// wrong heading, or `fallback` when one is missing at the end. `None` when
/// they match.
fn sections_mismatch(sections: &[(String, usize)], expected: &[&str], fallback: usize) -> Option<usize> {
    for (index, title) in expected.iter().enumerate() {
        match sections.get(index) {
            Some((found, _)) if found == title => {}
            Some((_, line)) => return Some(*line),
            None => return Some(sections.last().map_or(fallback, |(_, line)| *line)),
        }
    }
    (sections.len() > expected.len()).then(|| sections[expected.len()].1)
}

/// Every id a link may point at.
struct Targets {
    lessons: HashSet<String>,
    cases: HashSet<String>,
    terms: HashSet<String>,
}

/// Checks the whole course against `rules`.
pub(super) fn check(course: &Course, rules: &Rules) -> Vec<ContentProblem> {
    let mut checker = Checker { rules, problems: Vec::new() };
    let mut ids = HashMap::new();
    checker.check_id("course.toml", 1, "course", &course.id, &mut ids);
    checker.check_bilingual("course.toml", 1, "title", &course.title);
    checker.check_bilingual("course.toml", 1, "summary", &course.summary);

    let mut terms = HashMap::new();
    for term in &course.glossary {
        checker.check_id("glossary.toml", term.line, "glossary term", &term.id, &mut terms);
        if term.it.trim().is_empty() || term.en.trim().is_empty() {
            checker.problem("glossary.toml", term.line, format!("term `{}` needs both `it` and `en`", term.id));
        }
        checker.check_bilingual("glossary.toml", term.line, "definition", &term.definition);
    }

    let targets = Targets {
        lessons: course.modules.iter().flat_map(|m| m.lessons.iter().map(|l| l.id.clone())).collect(),
        cases: course.modules.iter().flat_map(|m| m.cases.iter().map(|c| c.id.clone())).collect(),
        terms: course.glossary.iter().map(|t| t.id.clone()).collect(),
    };

    if course.modules.len() < rules.min_modules {
        checker.problem("modules", 0, format!("the course has {} modules; it needs at least {}", course.modules.len(), rules.min_modules));
    }
    let lesson_total: usize = course.modules.iter().map(|m| m.lessons.len()).sum();
    if lesson_total < rules.min_lessons {
        checker.problem("modules", 0, format!("the course has {lesson_total} lessons; it needs at least {}", rules.min_lessons));
    }

    let mut module_orders = HashMap::new();
    for module in &course.modules {
        let manifest = format!("{}/module.toml", module.folder);
        checker.check_id(&manifest, 1, "module", &module.id, &mut ids);
        checker.check_bilingual(&manifest, 1, "title", &module.title);
        checker.check_bilingual(&manifest, 1, "summary", &module.summary);
        if let Some(other) = module_orders.insert(module.order, module.folder.clone()) {
            checker.problem(&manifest, 1, format!("order {} is also used by {other}: give each module its own place", module.order));
        }
        checker.check_count(&module.folder, "lessons", module.lessons.len(), rules.lessons_per_module);
        checker.check_count(&module.folder, "case studies", module.cases.len(), rules.cases_per_module);
        match &module.quiz {
            Some(quiz) => checker.check_quiz(quiz, &mut ids),
            None => checker.problem(&module.folder, 0, "has no quiz.toml: each module ends with a quiz"),
        }

        let mut lesson_orders = HashMap::new();
        for lesson in &module.lessons {
            let file = lesson.file.as_str();
            checker.check_id(file, 2, "lesson", &lesson.id, &mut ids);
            checker.check_bilingual(file, 2, "title", &lesson.title);
            checker.check_bilingual(file, 2, "summary", &lesson.summary);
            if lesson.minutes == 0 {
                checker.problem(file, 2, "`minutes` must be the estimated reading time, more than 0");
            }
            if let Some(other) = lesson_orders.insert(lesson.order, lesson.file.clone()) {
                checker.problem(file, 2, format!("order {} is also used by {other}", lesson.order));
            }
            let words = word_count(&lesson.body);
            let (min, max) = rules.lesson_words;
            if words < min || words > max {
                checker.problem(file, lesson.body_line, format!("the lesson has {words} words; it needs between {min} and {max}"));
            }
            let outline = checker.outline(file, &lesson.body, lesson.body_line);
            let closing = &outline.sections[outline.sections.len().saturating_sub(LESSON_CLOSING_SECTIONS.len())..];
            if let Some(line) = sections_mismatch(closing, &LESSON_CLOSING_SECTIONS, lesson.body_line) {
                checker.problem(file, line, "a lesson ends with the sections `## Fonti` and then `## Per approfondire`");
            }
            checker.check_links(file, &outline.links, &targets);
        }

        for case in &module.cases {
            let file = case.file.as_str();
            checker.check_id(file, 2, "case study", &case.id, &mut ids);
            if !case.id.starts_with("caso-") {
                checker.problem(file, 2, format!("case study id `{}` must start with `caso-`", case.id));
            }
            checker.check_bilingual(file, 2, "title", &case.title);
            checker.check_bilingual(file, 2, "summary", &case.summary);
            let words = word_count(&case.body);
            let (min, max) = rules.case_words;
            if words < min || words > max {
                checker.problem(file, case.body_line, format!("the case study has {words} words; it needs between {min} and {max}"));
            }
            let outline = checker.outline(file, &case.body, case.body_line);
            if let Some(line) = sections_mismatch(&outline.sections, &CASE_SECTIONS, case.body_line) {
                checker.problem(
                    file,
                    line,
                    format!(
                        "a case study has exactly the sections {}, in this order",
                        CASE_SECTIONS.map(|s| format!("`## {s}`")).join(", ")
                    ),
                );
            }
            checker.check_links(file, &outline.links, &targets);
        }
    }
    checker.problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norms_are_recognised_in_both_languages() {
        assert!(cites_a_norm("Lo dice l'art. 19-bis d.lgs. 142/2015."));
        assert!(cites_a_norm("See Art. 2 Law 47/2017."));
        assert!(!cites_a_norm("Because it is right."));
        assert!(!cites_a_norm("Lo dice la legge."), "a citation has a number");
    }

    #[test]
    fn ids_are_lowercase_with_dashes() {
        assert!(is_valid_id("accertamento-eta"));
        assert!(!is_valid_id("Accertamento"));
        assert!(!is_valid_id("età"));
        assert!(!is_valid_id("-x"));
    }
}
