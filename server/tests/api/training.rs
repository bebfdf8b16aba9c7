//! Training: the course imported at the first start and by
//! `tutela import-content`, read by anyone as a catalogue, an outline and a
//! glossary, lesson by lesson by signed-in readers, case studies whole by
//! trainers only; re-imports keep ids and progress.

use std::process::Command;

use reqwest::{Client, StatusCode};
use sea_orm::{ColumnTrait as _, EntityTrait as _, QueryFilter as _, QueryOrder as _, TransactionTrait as _};
use tutela_app::{
    domain::{District, Role},
    ssr::{
        content::{self, Rules},
        entities::{case_study, course, lesson, quiz, quiz_choice, quiz_question},
        training::import,
    },
};

use crate::{
    community::page,
    helpers::{TestApp, content_dir, copy_tree, location},
    on_both_engines,
};

async fn lesson_row(app: &TestApp, key: &str) -> lesson::Model {
    lesson::Entity::find().filter(lesson::Column::Key.eq(key)).one(&app.db).await.unwrap().expect("lesson imported")
}

async fn course_id(app: &TestApp) -> String {
    course::Entity::find().filter(course::Column::Key.eq("ditu-base")).one(&app.db).await.unwrap().expect("course imported").id.to_string()
}

async fn guardian(app: &TestApp) -> Client {
    app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await
}

async fn mark_read(app: &TestApp, client: &Client, lesson: &str) -> reqwest::Response {
    client.post(app.url("/api/training/read")).form(&[("id", lesson)]).send().await.unwrap()
}

/// `tutela import-content` on `dir`, against the test's database.
fn import_content(app: &TestApp, dir: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tutela"))
        .args(["import-content", "--dir"])
        .arg(dir)
        .env("TUTELA_DATABASE_URL", app.database.url())
        .env("TUTELA_DATA_DIR", app.database.data_dir())
        .output()
        .unwrap()
}

const PARTS: &str = "SELECT (SELECT COUNT(*) FROM course) + (SELECT COUNT(*) FROM course_module) + (SELECT COUNT(*) FROM lesson) \
     + (SELECT COUNT(*) FROM case_study) + (SELECT COUNT(*) FROM quiz) + (SELECT COUNT(*) FROM quiz_question) \
     + (SELECT COUNT(*) FROM quiz_choice) + (SELECT COUNT(*) FROM glossary_term)";

on_both_engines! {
    config = "content_dir = \"../content\"";
    async fn the_first_start_imports_the_course_which_anyone_may_browse(app: TestApp) {
        let shipped = content::load(&content_dir(), &Rules::ditu()).expect("the shipped course is valid");
        let lessons = shipped.modules.iter().map(|m| m.lessons.len()).sum::<usize>();
        assert_eq!(app.count("SELECT COUNT(*) FROM course").await, 1);
        assert_eq!(app.count("SELECT COUNT(*) FROM course_module").await, i64::try_from(shipped.modules.len()).unwrap());
        assert_eq!(app.count("SELECT COUNT(*) FROM lesson WHERE version = 1").await, i64::try_from(lessons).unwrap());
        assert_eq!(app.count("SELECT COUNT(*) FROM lesson_version").await, i64::try_from(lessons).unwrap());
        assert_eq!(app.count("SELECT COUNT(*) FROM glossary_term").await, i64::try_from(shipped.glossary.len()).unwrap());
        assert!(app.count("SELECT COUNT(*) FROM quiz_choice").await > 100);

        let catalogue = app.page("/training").await;
        assert!(catalogue.contains("Corso base DiTu per tutori volontari"), "the course is in the catalogue");
        let course = course_id(&app).await;
        let outline = app.page(&format!("/training/courses/{course}")).await;
        assert!(outline.contains("Modulo 1 · Il tutore volontario e il programma"), "modules in order");
        assert!(outline.contains("Accedi per leggere le lezioni"), "visitors are asked to sign in");
        assert!(!outline.contains("/training/cases/"), "case studies are not listed to visitors");
        let glossary = app.page(&format!("/training/courses/{course}/glossary")).await;
        assert!(glossary.contains("id=\"tutore-volontario\""), "each term has its anchor");
        assert!(glossary.contains("volunteer guardian"), "with its English name");

        let first = lesson_row(&app, "chi-e-il-tutore").await;
        assert_eq!(location(&app.get(&format!("/training/lessons/{}", first.id)).await), "/login", "lessons are for signed-in readers");
        assert_eq!(app.get("/training/courses/not-an-id").await.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.get(&format!("/training/courses/{}", uuid::Uuid::new_v4())).await.status(), StatusCode::NOT_FOUND);
    }

    async fn a_guardian_reads_lessons_in_order_and_picks_up_where_they_left_off(app: TestApp) {
        let guardian = guardian(&app).await;
        let course = course_id(&app).await;
        let first = lesson_row(&app, "chi-e-il-tutore").await;
        let second = lesson_row(&app, "diventare-tutore").await;
        let (status, reader) = page(&app, &guardian, &format!("/training/lessons/{}", first.id)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(reader.contains("Lezione 1 di"), "its place in the course");
        assert!(reader.contains("rel=\"next\""), "a link to the next lesson");
        assert!(!reader.contains("rel=\"prev\""), "and none before the first");
        assert!(reader.contains(&format!("href=\"/training/courses/{course}/glossary#")), "glossary terms are linked");
        assert!(reader.contains("Segna come letta e continua"));
        assert!(!reader.contains("lesson:") && !reader.contains("glossary:"), "no course link is left unresolved");

        let response = mark_read(&app, &guardian, &first.id.to_string()).await;
        assert_eq!(location(&response), format!("/training/lessons/{}", second.id), "marking read goes on to the next lesson");
        let (_, reader) = page(&app, &guardian, &format!("/training/lessons/{}", first.id)).await;
        assert!(reader.contains("Hai letto questa lezione"));
        let (_, outline) = page(&app, &guardian, &format!("/training/courses/{course}")).await;
        assert!(outline.contains("1 lezioni lette su"), "progress on the outline");
        assert!(outline.contains(&format!("/training/lessons/{}\" class=\"btn btn-primary\"", second.id)), "continue with the next lesson");
        let (_, catalogue) = page(&app, &guardian, "/training").await;
        assert!(catalogue.contains("Riprendi da dove eri rimasto") && catalogue.contains(&second.id.to_string()));
        let (_, home) = page(&app, &guardian, "/").await;
        assert!(home.contains("Riprendi da dove eri rimasto") && home.contains(&second.id.to_string()), "and on the home page");

        // Marking again changes nothing; the last lesson leads back to the course.
        mark_read(&app, &guardian, &first.id.to_string()).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM lesson_read").await, 1);
        assert_eq!(mark_read(&app, &guardian, "not-a-lesson").await.status(), StatusCode::NOT_FOUND);
        let shipped = content::load(&content_dir(), &Rules::ditu()).unwrap();
        let last = lesson_row(&app, &shipped.modules.last().unwrap().lessons.last().unwrap().id).await;
        assert_eq!(location(&mark_read(&app, &guardian, &last.id.to_string()).await), format!("/training/courses/{course}"));
        let visitor = mark_read(&app, &app.client, &first.id.to_string()).await;
        assert_eq!(location(&visitor), "/login", "visitors cannot mark anything");
        assert_eq!(app.count("SELECT COUNT(*) FROM lesson_read").await, 2);
    }

    async fn signed_in_readers_find_lessons_in_the_search(app: TestApp) {
        let guardian = guardian(&app).await;
        let lesson = lesson_row(&app, "accertamento-eta").await;
        let (_, found) = page(&app, &guardian, "/search?q=accertamento%20dell%27et%C3%A0&place=lessons").await;
        assert!(found.contains(&format!("/training/lessons/{}", lesson.id)), "the lesson is found by its words");
        assert!(found.contains("Lezioni"), "under its place");
        let (_, everywhere) = page(&app, &guardian, "/search?q=accertamento%20dell%27et%C3%A0").await;
        assert!(everywhere.contains(&format!("/training/lessons/{}", lesson.id)), "and in a search of everything");
        let visitor = app.page("/search?q=accertamento%20dell%27et%C3%A0").await;
        assert!(!visitor.contains("/training/lessons/"), "visitors, who cannot read lessons, do not find them");
        let refused = app.page("/search?q=accertamento&place=lessons").await;
        assert!(!refused.contains("/training/lessons/"));
    }

    async fn case_studies_are_whole_for_trainers_and_a_summary_for_learners(app: TestApp) {
        let case = case_study::Entity::find().one(&app.db).await.unwrap().expect("cases imported");
        let path = format!("/training/cases/{}", case.id);
        let course = course_id(&app).await;
        let guardian = guardian(&app).await;
        let trainer = app.staff_account("trainer@example.it", &[(Role::Trainer, District::Brescia)]).await;
        let (status, learner_view) = page(&app, &guardian, &path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(learner_view.contains("riservati ai formatori") && !learner_view.contains("Guida alla discussione"), "learners see no discussion guide");
        let (_, outline) = page(&app, &guardian, &format!("/training/courses/{course}")).await;
        assert!(!outline.contains("/training/cases/"));
        let (_, trainer_view) = page(&app, &trainer, &path).await;
        assert!(trainer_view.contains("Guida alla discussione"), "trainers read the whole case");
        let (_, outline) = page(&app, &trainer, &format!("/training/courses/{course}")).await;
        assert!(outline.contains(&path), "and find it in the outline");
        assert_eq!(location(&app.get(&path).await), "/login");
    }

    async fn reimporting_keeps_ids_and_progress_and_versions_what_changed(app: TestApp) {
        let guardian = guardian(&app).await;
        let before = lesson_row(&app, "legge-zampa").await;
        mark_read(&app, &guardian, &before.id.to_string()).await;
        let parts = app.count(PARTS).await;

        // The same files again: nothing changes.
        let output = import_content(&app, &content_dir());
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        assert!(String::from_utf8_lossy(&output.stdout).contains("0 part(s) added, 0 updated"), "{}", String::from_utf8_lossy(&output.stdout));
        assert_eq!(app.count(PARTS).await, parts);

        // A lesson's text and a module's title change.
        let copy = std::env::temp_dir().join(format!("tutela-import-{}", uuid::Uuid::new_v4()));
        copy_tree(&content_dir(), &copy);
        let file = copy.join("modules/03-diritto-1/01-legge-zampa.md");
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, text.replacen("\n## ", "\nUna frase aggiunta in una nuova versione della lezione.\n\n## ", 1)).unwrap();
        let manifest = copy.join("modules/03-diritto-1/module.toml");
        let text = std::fs::read_to_string(&manifest).unwrap();
        let title = text.lines().find(|l| l.starts_with("title.it")).unwrap().to_owned();
        std::fs::write(&manifest, text.replace(&title, "title.it = \"Il diritto I: titolo rivisto\"")).unwrap();
        let output = import_content(&app, &copy);
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        assert!(stdout.contains("0 part(s) added, 2 updated, 1 lesson(s) with a new version"), "{stdout}");
        assert_eq!(app.count(PARTS).await, parts, "nothing duplicated");
        let after = lesson_row(&app, "legge-zampa").await;
        assert_eq!((after.id, after.version), (before.id, 2), "same id, new version");
        assert!(after.body_html.contains("nuova versione"));
        assert_eq!(app.count("SELECT COUNT(*) FROM lesson_version").await, i64::try_from(lesson::Entity::find().all(&app.db).await.unwrap().len()).unwrap() + 1);
        let (_, reader) = page(&app, &guardian, &format!("/training/lessons/{}", after.id)).await;
        assert!(reader.contains("è cambiata da quando l&#x27;hai letta") || reader.contains("è cambiata da quando l'hai letta"), "the reader is told");
        assert!(reader.contains("Il diritto I: titolo rivisto"));
        assert_eq!(app.count("SELECT COUNT(*) FROM lesson_read").await, 1, "progress kept");

        // A lesson gone from the files is retired, with its progress.
        let mut course = content::load(&copy, &Rules::ditu()).unwrap();
        course.modules.iter_mut().for_each(|m| m.lessons.retain(|l| l.id != "legge-zampa"));
        let txn = app.db.begin().await.unwrap();
        let report = import::import(&txn, &course).await.unwrap();
        txn.commit().await.unwrap();
        assert_eq!(report.retired, 1);
        assert_eq!(app.count("SELECT COUNT(*) FROM lesson WHERE status = 'retired'").await, 1);
        assert_eq!(app.get(&format!("/training/lessons/{}", after.id)).await.status(), StatusCode::FOUND, "visitors still sign in first");
        let (status, _) = page(&app, &guardian, &format!("/training/lessons/{}", after.id)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "a retired lesson is not shown");
        let (_, found) = page(&app, &guardian, "/search?q=nuova%20versione%20lezione&place=lessons").await;
        assert!(!found.contains(&after.id.to_string()), "nor found");
        assert_eq!(app.count("SELECT COUNT(*) FROM lesson_read").await, 1, "what was read is kept");
        std::fs::remove_dir_all(&copy).unwrap();
    }

    async fn malformed_content_imports_nothing_and_says_where(app: TestApp) {
        let parts = app.count(PARTS).await;
        let copy = std::env::temp_dir().join(format!("tutela-import-bad-{}", uuid::Uuid::new_v4()));
        copy_tree(&content_dir(), &copy);
        let lesson = copy.join("modules/01-tutore-volontario/01-chi-e-il-tutore.md");
        let text = std::fs::read_to_string(&lesson).unwrap();
        std::fs::write(&lesson, text.replacen("minutes = ", "minutes = \"many\" # ", 1)).unwrap();
        let glossary = copy.join("glossary.toml");
        let text = std::fs::read_to_string(&glossary).unwrap();
        std::fs::write(&glossary, text.replacen("en = \"volunteer guardian\"", "en = \"a changed term\"", 1)).unwrap();
        let output = import_content(&app, &copy);
        std::fs::remove_dir_all(&copy).unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success());
        assert!(stderr.contains("modules/01-tutore-volontario/01-chi-e-il-tutore.md:"), "names the file and line: {stderr}");
        assert!(stderr.contains("nothing was imported"), "{stderr}");
        assert_eq!(app.count(PARTS).await, parts);
        assert_eq!(app.count("SELECT COUNT(*) FROM glossary_term WHERE term_en = 'a changed term'").await, 0, "not even what was right");
    }
}

/// A quiz's rows: the quiz, and each question with its choices in order.
async fn quiz_rows(app: &TestApp, key: &str) -> (quiz::Model, Vec<(quiz_question::Model, Vec<quiz_choice::Model>)>) {
    let quiz = quiz::Entity::find().filter(quiz::Column::Key.eq(key)).one(&app.db).await.unwrap().expect("quiz imported");
    let questions = quiz_question::Entity::find()
        .filter(quiz_question::Column::QuizId.eq(quiz.id))
        .order_by_asc(quiz_question::Column::Position)
        .all(&app.db)
        .await
        .unwrap();
    let mut rows = Vec::new();
    for question in questions {
        let choices = quiz_choice::Entity::find()
            .filter(quiz_choice::Column::QuestionId.eq(question.id))
            .order_by_asc(quiz_choice::Column::Position)
            .all(&app.db)
            .await
            .unwrap();
        rows.push((question, choices));
    }
    (quiz, rows)
}

/// The form values that tick, for each question, the choices `pick` keeps.
fn ticking(rows: &[(quiz_question::Model, Vec<quiz_choice::Model>)], pick: impl Fn(&quiz_choice::Model) -> bool) -> Vec<String> {
    rows.iter()
        .flat_map(|(question, choices)| choices.iter().filter(|c| pick(c)).map(move |c| format!("{}:{}", question.key, c.key)))
        .collect()
}

async fn answer(app: &TestApp, client: &Client, quiz: &str, values: &[String]) -> reqwest::Response {
    let mut form: Vec<(String, String)> = vec![("id".into(), quiz.into())];
    form.extend(values.iter().enumerate().map(|(index, value)| (format!("answers[{index}]"), value.clone())));
    client.post(app.url("/api/training/answer")).form(&form).send().await.unwrap()
}

on_both_engines! {
    config = "content_dir = \"../content\"";
    async fn a_quiz_page_never_tells_which_choices_are_right(app: TestApp) {
        let guardian = guardian(&app).await;
        let (quiz, rows) = quiz_rows(&app, "quiz-diritto-1").await;
        let (status, html) = page(&app, &guardian, &format!("/training/quizzes/{}", quiz.id)).await;
        assert_eq!(status, StatusCode::OK);
        for (question, choices) in &rows {
            assert!(html.contains(&question.prompt_it.replace('\'', "&#x27;")) || html.contains(&question.prompt_it), "the question is asked");
            assert!(!html.contains(&question.explanation_it.replace('\'', "&#x27;")) && !html.contains(&question.explanation_it), "no explanation before submitting");
            assert_eq!(choices.iter().filter(|c| html.contains(&format!("value=\"{}:{}\"", question.key, c.key))).count(), choices.len());
        }
        let data = guardian.post(app.url("/api/training/quiz")).header("accept", "application/json").form(&[("id", quiz.id.to_string())]).send().await.unwrap().text().await.unwrap();
        assert!(data.contains("\"questions\"") && !data.contains("correct") && !data.contains(&rows[0].0.explanation_it), "nor in its data: {data}");
        assert_eq!(location(&app.get(&format!("/training/quizzes/{}", quiz.id)).await), "/login");
        assert_eq!(location(&answer(&app, &app.client, &quiz.id.to_string(), &[]).await), "/login");
        assert_eq!(app.count("SELECT COUNT(*) FROM quiz_attempt").await, 0);
    }

    async fn a_learner_fails_then_passes_and_reviews_each_attempt(app: TestApp) {
        let guardian = guardian(&app).await;
        let (quiz, rows) = quiz_rows(&app, "quiz-diritto-1").await;
        let id = quiz.id.to_string();
        // Everything wrong; then all right but one multiple-choice question half answered.
        let response = answer(&app, &guardian, &id, &ticking(&rows, |c| !c.correct)).await;
        assert_eq!(location(&response), format!("/training/quizzes/{id}?attempt=1"));
        let (_, review) = page(&app, &guardian, &location(&response)).await;
        assert!(review.contains("0 risposte giuste su") && review.contains("Non superata"), "scored and failed");
        assert!(review.contains("risposta giusta") && review.contains("la tua risposta"), "the review marks both");
        assert!(review.contains(&rows[0].0.explanation_it.replace('\'', "&#x27;")) || review.contains(&rows[0].0.explanation_it), "with the explanations");

        let (multiple, _) = rows.iter().find(|(q, _)| q.kind == "multiple").expect("a multiple-choice question");
        let mut almost = ticking(&rows, |c| c.correct);
        let first_right = almost.iter().position(|v| v.starts_with(&format!("{}:", multiple.key))).unwrap();
        almost.remove(first_right);
        let response = answer(&app, &guardian, &id, &almost).await;
        let (_, review) = page(&app, &guardian, &location(&response)).await;
        assert!(review.contains(&format!("{} risposte giuste su {}", rows.len() - 1, rows.len())), "a half-answered question is wrong");

        let response = answer(&app, &guardian, &id, &ticking(&rows, |c| c.correct)).await;
        assert_eq!(location(&response), format!("/training/quizzes/{id}?attempt=3"));
        let (_, review) = page(&app, &guardian, &location(&response)).await;
        assert!(review.contains(&format!("{0} risposte giuste su {0} (100%)", rows.len())) && review.contains("Superata"));
        let (_, listing) = page(&app, &guardian, &format!("/training/quizzes/{id}")).await;
        assert!(listing.contains("Tentativo 1") && listing.contains("Tentativo 3"), "every attempt is listed");
        let (_, outline) = page(&app, &guardian, &format!("/training/courses/{}", course_id(&app).await)).await;
        assert_eq!(outline.matches("tag tag-answer").count(), 1, "the outline shows the passed quiz");

        // Someone else's attempt is nobody else's to read.
        let other = app.staff_account("other@example.it", &[(Role::Guardian, District::Brescia)]).await;
        let (status, _) = page(&app, &other, &format!("/training/quizzes/{id}?attempt=1")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(app.count("SELECT COUNT(*) FROM quiz_attempt").await, 3);
        assert_eq!(app.count("SELECT COUNT(*) FROM quiz_attempt WHERE passed = TRUE").await, 2, "one wrong of many still passes");
    }

    async fn a_quiz_with_an_attempt_limit_takes_no_more(app: TestApp) {
        let guardian = guardian(&app).await;
        let (quiz, rows) = quiz_rows(&app, "quiz-diritto-1").await;
        sea_orm::ConnectionTrait::execute_unprepared(&app.db, "UPDATE quiz SET max_attempts = 1").await.unwrap();
        let id = quiz.id.to_string();
        let (_, html) = page(&app, &guardian, &format!("/training/quizzes/{id}")).await;
        assert!(html.contains("tentativi rimasti: 1"));
        answer(&app, &guardian, &id, &ticking(&rows, |c| !c.correct)).await;
        let refused = answer(&app, &guardian, &id, &ticking(&rows, |c| c.correct)).await;
        assert_eq!(location(&refused), format!("/training/quizzes/{id}"));
        let (_, html) = page(&app, &guardian, &format!("/training/quizzes/{id}")).await;
        assert!(html.contains("Hai già usato tutti i tentativi"), "the reason is given");
        assert!(!html.contains("Invia le risposte"), "and no form is offered");
        assert_eq!(app.count("SELECT COUNT(*) FROM quiz_attempt").await, 1);
    }
}
