//! The checks against broken trees: each test starts from a small valid
//! course written to a temporary folder, breaks one thing, and expects the
//! problem to be reported at the right file and line.

use std::{
    fs,
    path::{Path, PathBuf},
};

use super::{ContentProblem, Rules, load};

/// Rules scaled down to the small course the fixtures write.
fn small_rules() -> Rules {
    Rules {
        min_modules: 1,
        lessons_per_module: (1, 4),
        min_lessons: 1,
        lesson_words: (20, 400),
        questions_per_quiz: (1, 10),
        choices_per_question: (2, 6),
        cases_per_module: (1, 2),
        case_words: (10, 400),
    }
}

const LESSON: &str = r#"+++
id = "prima-lezione"
order = 1
minutes = 10
title.it = "Prima lezione"
title.en = "First lesson"
summary.it = "Di che cosa parla."
summary.en = "What it is about."
+++

Il tutore volontario rappresenta il minore in tutti gli atti civili e ne cura la persona, come dice il codice civile.
Questa frase serve solo a raggiungere il numero minimo di parole richiesto dalle regole ridotte dei test.

## Fonti

- art. 357 c.c.

## Per approfondire

- [Il caso](case:caso-primo) e il [tutore](glossary:tutore-volontario)
"#;

const CASE: &str = r#"+++
id = "caso-primo"
order = 1
title.it = "Un caso"
title.en = "A case"
summary.it = "Un caso inventato."
summary.en = "An invented case."
+++

## La situazione

A., 16 anni, arriva in una comunità del distretto.

## Le domande del tutore

Che cosa fare per primo?

## Guida alla discussione

Partire dall'ascolto.

## Fonti

- art. 15 l. 47/2017
"#;

const QUIZ: &str = r#"id = "quiz-primo"
pass_percent = 70
title.it = "Verifica"
title.en = "Quiz"

[[question]]
id = "chi-rappresenta"
kind = "single"
prompt.it = "Chi rappresenta il minore?"
prompt.en = "Who represents the minor?"
explanation.it = "Il tutore (art. 357 c.c.)."
explanation.en = "The guardian (art. 357 Civil Code)."

[[question.choice]]
id = "a"
correct = true
text.it = "Il tutore"
text.en = "The guardian"

[[question.choice]]
id = "b"
correct = false
text.it = "Il vicino"
text.en = "The neighbour"
"#;

struct Fixture {
    root: PathBuf,
}

impl Fixture {
    /// A small, valid course.
    fn new() -> Fixture {
        let root = std::env::temp_dir().join(format!("tutela-content-{}", uuid::Uuid::new_v4()));
        let module = root.join("modules/01-primo");
        fs::create_dir_all(module.join("cases")).unwrap();
        fs::write(
            root.join("course.toml"),
            "id = \"corso\"\ntitle.it = \"Corso\"\ntitle.en = \"Course\"\nsummary.it = \"Breve.\"\nsummary.en = \"Short.\"\n",
        )
        .unwrap();
        fs::write(
            root.join("glossary.toml"),
            "[[term]]\nid = \"tutore-volontario\"\nit = \"tutore volontario\"\nen = \"volunteer guardian\"\ndefinition.it = \"Chi rappresenta il minore.\"\ndefinition.en = \"Who represents the minor.\"\n",
        )
        .unwrap();
        fs::write(
            module.join("module.toml"),
            "id = \"primo\"\norder = 1\ntitle.it = \"Primo\"\ntitle.en = \"First\"\nsummary.it = \"Breve.\"\nsummary.en = \"Short.\"\n",
        )
        .unwrap();
        fs::write(module.join("01-prima-lezione.md"), LESSON).unwrap();
        fs::write(module.join("quiz.toml"), QUIZ).unwrap();
        fs::write(module.join("cases/01-caso.md"), CASE).unwrap();
        Fixture { root }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    /// Replaces `from` with `to` in one file (which must contain it).
    fn edit(&self, relative: &str, from: &str, to: &str) -> &Fixture {
        let path = self.path(relative);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "fixture {relative} lacks {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
        self
    }

    fn problems(&self) -> Vec<ContentProblem> {
        load(&self.root, &small_rules()).err().unwrap_or_default()
    }

    /// Asserts one problem mentions `needle`, in `file` at `line`.
    fn expect(&self, file: &str, line: usize, needle: &str) {
        let problems = self.problems();
        assert!(
            problems.iter().any(|p| p.file == file && p.line == line && p.message.contains(needle)),
            "expected `{needle}` at {file}:{line}, got:\n{}",
            problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        );
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

const LESSON_FILE: &str = "modules/01-primo/01-prima-lezione.md";
const QUIZ_FILE: &str = "modules/01-primo/quiz.toml";

#[test]
fn the_small_fixture_is_valid() {
    let fixture = Fixture::new();
    assert_eq!(fixture.problems(), Vec::new());
}

#[test]
fn the_shipped_course_is_valid() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    if let Err(problems) = load(&root, &Rules::ditu()) {
        panic!("content/ has problems:\n{}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"));
    }
}

#[test]
fn a_front_matter_error_names_the_line() {
    Fixture::new().edit(LESSON_FILE, "minutes = 10", "minutes = \"ten\"").expect(LESSON_FILE, 4, "invalid type");
}

#[test]
fn an_unknown_front_matter_key_is_refused() {
    Fixture::new().edit(LESSON_FILE, "minutes = 10", "minutes = 10\nauthor = \"me\"").expect(LESSON_FILE, 5, "unknown field `author`");
}

#[test]
fn a_missing_english_title_is_reported() {
    Fixture::new().edit(LESSON_FILE, "title.en = \"First lesson\"", "title.en = \"\"").expect(LESSON_FILE, 2, "`title.en` is empty");
}

#[test]
fn duplicate_ids_are_reported() {
    Fixture::new().edit("modules/01-primo/cases/01-caso.md", "id = \"caso-primo\"", "id = \"prima-lezione\"").expect(
        "modules/01-primo/cases/01-caso.md",
        2,
        "already used",
    );
}

#[test]
fn a_single_choice_question_needs_exactly_one_correct_answer() {
    Fixture::new().edit(QUIZ_FILE, "correct = false", "correct = true").expect(QUIZ_FILE, 6, "has 2 correct choices");
}

#[test]
fn a_question_without_any_correct_answer_is_reported() {
    Fixture::new().edit(QUIZ_FILE, "kind = \"single\"", "kind = \"multiple\"").edit(QUIZ_FILE, "correct = true", "correct = false").expect(
        QUIZ_FILE,
        6,
        "no correct choice",
    );
}

#[test]
fn an_explanation_without_a_norm_is_reported() {
    Fixture::new().edit(QUIZ_FILE, "Il tutore (art. 357 c.c.).", "Il tutore.").expect(QUIZ_FILE, 6, "must cite the norm");
}

#[test]
fn a_link_to_a_missing_lesson_names_its_line() {
    Fixture::new().edit(LESSON_FILE, "(case:caso-primo)", "(lesson:inesistente)").expect(
        LESSON_FILE,
        20,
        "no lesson with id `inesistente`",
    );
}

#[test]
fn raw_html_is_refused() {
    Fixture::new().edit(LESSON_FILE, "## Fonti", "<div>nota</div>\n\n## Fonti").expect(LESSON_FILE, 14, "raw HTML");
}

#[test]
fn a_level_one_heading_is_refused() {
    Fixture::new().edit(LESSON_FILE, "Il tutore volontario", "# Titolo\n\nIl tutore volontario").expect(LESSON_FILE, 11, "level-1 heading");
}

#[test]
fn a_lesson_must_end_with_its_sources() {
    Fixture::new().edit(LESSON_FILE, "## Fonti", "## Riferimenti").expect(LESSON_FILE, 14, "`## Fonti` and then `## Per approfondire`");
}

#[test]
fn a_lesson_outside_the_word_bounds_is_reported() {
    let long = "parola ".repeat(500);
    Fixture::new().edit(LESSON_FILE, "## Fonti", &format!("{long}\n\n## Fonti")).expect(LESSON_FILE, 10, "it needs between 20 and 400");
}

#[test]
fn a_case_study_needs_its_sections() {
    Fixture::new().edit("modules/01-primo/cases/01-caso.md", "## Guida alla discussione", "## Note").expect(
        "modules/01-primo/cases/01-caso.md",
        18,
        "`## Guida alla discussione`",
    );
}

#[test]
fn an_unclosed_front_matter_is_reported() {
    Fixture::new().edit(LESSON_FILE, "+++\n\nIl tutore", "\nIl tutore").expect(LESSON_FILE, 1, "not closed");
}

#[test]
fn a_module_without_a_quiz_is_reported() {
    let fixture = Fixture::new();
    fs::remove_file(fixture.path(QUIZ_FILE)).unwrap();
    fixture.expect("modules/01-primo", 0, "has no quiz.toml");
}

#[test]
fn stray_files_are_reported() {
    let fixture = Fixture::new();
    fs::write(fixture.path("modules/01-primo/notes.txt"), "appunti").unwrap();
    fixture.expect("modules/01-primo/notes.txt", 0, "unexpected file");
}
