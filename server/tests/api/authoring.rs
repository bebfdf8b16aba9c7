//! Courses written in the browser: a trainer or coordinator creates a
//! course, its modules and lessons, previews and publishes them; a lesson
//! changed after publishing is a new version its readers see as changed;
//! nobody else writes, bad input changes nothing, and what was typed is
//! never lost.

use reqwest::{Client, StatusCode};
use sea_orm::{ColumnTrait as _, EntityTrait as _, QueryFilter as _};
use tutela_app::{
    domain::{District, Role},
    ssr::entities::{course, lesson, quiz_attempt, quiz_question},
};

use crate::{
    community::page,
    cycles::{post, post_json, small_course},
    helpers::{TestApp, location},
    on_both_engines,
};

async fn trainer(app: &TestApp) -> Client {
    app.staff_account("trainer@example.it", &[(Role::Trainer, District::Brescia)]).await
}

/// The id at the end of the editor address `response` was sent to.
fn created(response: &reqwest::Response, prefix: &str) -> String {
    let to = location(response);
    let id = to.strip_prefix(prefix).unwrap_or_else(|| panic!("sent to {to}, not {prefix}"));
    id.split('#').next().unwrap().to_owned()
}

/// A new course "Scuola e minori" with one module and one draft lesson:
/// (course, module, lesson).
async fn draft_course(app: &TestApp, author: &Client) -> (String, String, String) {
    let course = post(
        app,
        author,
        "create_course",
        &[
            ("title_it", "Scuola e minori"),
            ("title_en", "School and minors"),
            ("summary_it", "Iscrivere a scuola."),
            ("summary_en", "Enrolling at school."),
        ],
    )
    .await;
    let course = created(&course, "/training/authoring/courses/");
    let module = post(
        app,
        author,
        "add_module",
        &[("course", &course), ("title_it", "L'iscrizione"), ("title_en", "Enrolment"), ("summary_it", ""), ("summary_en", "")],
    )
    .await;
    let module = location(&module).rsplit("#part-").next().unwrap().to_owned();
    let lesson = post(
        app,
        author,
        "add_lesson",
        &[("course", &course), ("module", &module), ("title_it", "Il diritto allo studio"), ("title_en", "The right to education")],
    )
    .await;
    let lesson = created(&lesson, "/training/authoring/lessons/");
    (course, module, lesson)
}

fn lesson_fields<'a>(id: &'a str, body: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("id", id),
        ("title_it", "Il diritto allo studio"),
        ("title_en", "The right to education"),
        ("summary_it", "Chi iscrive il minore a scuola."),
        ("summary_en", "Who enrols the minor at school."),
        ("body", body),
    ]
}

/// A question's form: `choices` are (Italian, English, right) rows.
fn question_form<'a>(quiz: &'a str, question: &'a str, multiple: bool, choices: &[(&'a str, &'a str, bool)]) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = [
        ("quiz", quiz),
        ("question", question),
        ("multiple", if multiple { "multiple" } else { "single" }),
        ("prompt_it", "Chi nomina il tutore volontario?"),
        ("prompt_en", "Who appoints the volunteer guardian?"),
        ("explanation_it", "Il tribunale per i minorenni (art. 11 l. 47/2017)."),
        ("explanation_en", "The juvenile court (art. 11 l. 47/2017)."),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    for (index, (it, en, right)) in choices.iter().enumerate() {
        form.push((format!("choice_it[{index}]"), (*it).to_owned()));
        form.push((format!("choice_en[{index}]"), (*en).to_owned()));
        if *right {
            form.push((format!("right[{index}]"), index.to_string()));
        }
    }
    form
}

async fn send(app: &TestApp, client: &Client, action: &str, form: &[(String, String)], json: bool) -> reqwest::Response {
    let request = client.post(app.url(&format!("/api/training/{action}"))).form(form);
    let request = if json { request.header("accept", "application/json") } else { request };
    request.send().await.unwrap()
}

async fn lesson_row(app: &TestApp, id: &str) -> lesson::Model {
    lesson::Entity::find_by_id(uuid::Uuid::parse_str(id).unwrap()).one(&app.db).await.unwrap().expect("lesson")
}

on_both_engines! {
    async fn a_trainer_writes_a_course_and_learners_read_its_versions(app: TestApp) {
        let author = trainer(&app).await;
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let (course, _module, lesson) = draft_course(&app, &author).await;

        // A draft is the authors' alone.
        let (status, catalogue) = page(&app, &guardian, "/training").await;
        assert_eq!(status, StatusCode::OK);
        assert!(!catalogue.contains("Scuola e minori"), "a draft course is not in the catalogue");
        assert_eq!(page(&app, &guardian, &format!("/training/courses/{course}")).await.0, StatusCode::NOT_FOUND);
        let (_, catalogue) = page(&app, &author, "/training").await;
        assert!(catalogue.contains("/training/authoring"), "authors are led to the authoring page");
        let (status, listed) = page(&app, &author, "/training/authoring").await;
        assert_eq!(status, StatusCode::OK);
        assert!(listed.contains("Scuola e minori") && listed.contains("Bozza"), "the draft is listed with its state");

        // Saving keeps a draft; the course cannot be published before a lesson is.
        let body = "## Chi iscrive\n\nIl tutore iscrive il minore (art. 14 l. 47/2017). <script>alert(1)</script>";
        let saved = post(&app, &author, "save_lesson", &lesson_fields(&lesson, body)).await;
        assert_eq!(location(&saved), format!("/training/authoring/lessons/{lesson}"));
        let row = lesson_row(&app, &lesson).await;
        assert_eq!((row.status.as_str(), row.version), ("draft", 0));
        assert!(row.body_html.contains("<h2>Chi iscrive</h2>") && !row.body_html.contains("<script"), "rendered once, sanitised: {}", row.body_html);
        assert_eq!(page(&app, &guardian, &format!("/training/lessons/{lesson}")).await.0, StatusCode::NOT_FOUND);
        let early = post_json(&app, &author, "course_status", &[("id", &course), ("to", "published")]).await;
        assert_eq!(early.status(), StatusCode::CONFLICT);

        // Published: version 1, in the catalogue, readable and recorded as read.
        let mut fields = lesson_fields(&lesson, body);
        fields.push(("publish", "1"));
        post(&app, &author, "save_lesson", &fields).await;
        assert_eq!(lesson_row(&app, &lesson).await.version, 1);
        assert_eq!(location(&post(&app, &author, "course_status", &[("id", &course), ("to", "published")]).await), format!("/training/authoring/courses/{course}"));
        let (_, catalogue) = page(&app, &guardian, "/training").await;
        assert!(catalogue.contains("Scuola e minori"), "published, the course is in the catalogue");
        let (status, reader) = page(&app, &guardian, &format!("/training/lessons/{lesson}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(reader.contains("Chi iscrive"));
        guardian.post(app.url("/api/training/read")).form(&[("id", lesson.as_str())]).send().await.unwrap();

        // Titles changed alone make no version; a changed text makes version 2, seen as changed.
        let mut fields = lesson_fields(&lesson, body);
        fields[1] = ("title_it", "Il diritto allo studio del minore");
        fields.push(("publish", "1"));
        post(&app, &author, "save_lesson", &fields).await;
        assert_eq!(lesson_row(&app, &lesson).await.version, 1, "a title is not a new version");
        let changed = format!("{body}\n\nAnche senza permesso di soggiorno (art. 38 d.lgs. 286/1998).");
        let mut fields = lesson_fields(&lesson, &changed);
        fields.push(("publish", "1"));
        post(&app, &author, "save_lesson", &fields).await;
        let row = lesson_row(&app, &lesson).await;
        assert_eq!((row.status.as_str(), row.version), ("published", 2));
        assert_eq!(app.count("SELECT COUNT(*) FROM lesson_version").await, 2, "the course's one lesson has two versions");
        let (_, outline) = page(&app, &guardian, &format!("/training/courses/{course}")).await;
        assert!(outline.contains("Aggiornata"), "the reader sees that the lesson changed since they read it");
        let (_, reader) = page(&app, &guardian, &format!("/training/lessons/{lesson}")).await;
        assert!(reader.contains("art. 38 d.lgs. 286/1998"));
        let (_, found) = page(&app, &guardian, "/search?q=soggiorno").await;
        assert!(found.contains(&format!("/training/lessons/{lesson}")), "the published lesson is in the search with its new text");
        let (_, editor) = page(&app, &author, &format!("/training/authoring/lessons/{lesson}")).await;
        assert!(editor.contains("Versione 2") && editor.contains("Versione 1"), "the editor lists the versions");

        // Every change is audited.
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'course.lesson_published'").await, 2);
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action IN ('course.created', 'course.module_added', 'course.lesson_added', 'course.published')").await, 4);
    }

    async fn only_trainers_and_coordinators_write_and_imported_courses_are_not_theirs(app: TestApp) {
        let author = trainer(&app).await;
        let (course, module, lesson) = draft_course(&app, &author).await;
        let coordinator = app.coordinator().await;
        let (status, _) = page(&app, &coordinator, &format!("/training/authoring/lessons/{lesson}")).await;
        assert_eq!(status, StatusCode::OK, "coordinators write courses too");
        for (email, role) in [("guardian@example.it", Role::Guardian), ("operator@example.it", Role::Operator), ("jurist@example.it", Role::Jurist)] {
            let outsider = app.staff_account(email, &[(role, District::Brescia)]).await;
            assert_eq!(page(&app, &outsider, "/training/authoring").await.0, StatusCode::FORBIDDEN, "{email}");
            assert_eq!(page(&app, &outsider, &format!("/training/authoring/courses/{course}")).await.0, StatusCode::FORBIDDEN, "{email}");
            let attempts = [
                post_json(&app, &outsider, "create_course", &[("title_it", "Preso"), ("title_en", "Taken"), ("summary_it", ""), ("summary_en", "")]).await,
                post_json(&app, &outsider, "save_course", &[("id", &course), ("title_it", "Preso"), ("title_en", "Taken"), ("summary_it", ""), ("summary_en", "")]).await,
                post_json(&app, &outsider, "add_lesson", &[("course", &course), ("module", &module), ("title_it", "Presa"), ("title_en", "Taken")]).await,
                post_json(&app, &outsider, "save_lesson", &lesson_fields(&lesson, "Preso")).await,
                post_json(&app, &outsider, "move_part", &[("course", &course), ("kind", "module"), ("id", &module), ("direction", "up")]).await,
                post_json(&app, &outsider, "retire_part", &[("course", &course), ("kind", "lesson"), ("id", &lesson)]).await,
                post_json(&app, &outsider, "course_status", &[("id", &course), ("to", "published")]).await,
            ];
            for response in attempts {
                assert_eq!(response.status(), StatusCode::FORBIDDEN, "{email}: {}", response.url());
            }
            let preview = outsider.post(app.url("/api/markdown/preview")).form(&[("body", "x"), ("course", course.as_str())]).send().await.unwrap();
            assert_eq!(preview.status(), StatusCode::FORBIDDEN, "{email} previews no lesson");
        }
        let signed_out = app.post_form("/api/training/create_course", &[("title_it", "Preso"), ("title_en", "Taken"), ("summary_it", ""), ("summary_en", "")]).await;
        assert_eq!(location(&signed_out), "/login");
        assert_eq!(app.count("SELECT COUNT(*) FROM course").await, 1);
        assert_eq!(app.count("SELECT COUNT(*) FROM lesson WHERE body = '' AND title_it = 'Il diritto allo studio'").await, 1);

        // A course not written here (imported from the content folder) is not found by the editor.
        let (other, _) = small_course(&app).await;
        assert_eq!(page(&app, &author, &format!("/training/authoring/courses/{other}")).await.0, StatusCode::NOT_FOUND);
        let save = post_json(&app, &author, "save_course", &[("id", &other), ("title_it", "Preso"), ("title_en", "Taken"), ("summary_it", ""), ("summary_en", "")]).await;
        assert_eq!(save.status(), StatusCode::NOT_FOUND);
    }

    async fn bad_input_is_explained_and_the_text_is_kept(app: TestApp) {
        let author = trainer(&app).await;
        let (course, _module, lesson) = draft_course(&app, &author).await;

        let short = post_json(&app, &author, "create_course", &[("title_it", "ab"), ("title_en", "School"), ("summary_it", &"x".repeat(501)), ("summary_en", "")]).await;
        assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let problems = short.text().await.unwrap();
        assert!(problems.contains("title_it") && problems.contains("summary_it"), "{problems}");
        assert_eq!(app.count("SELECT COUNT(*) FROM course").await, 1);

        // A refused save keeps the text as the author's draft, shown in the editor; nothing is saved.
        let long = "parola ".repeat(15_000);
        let refused = post(&app, &author, "save_lesson", &lesson_fields(&lesson, &long)).await;
        assert_eq!(location(&refused), format!("/training/authoring/lessons/{lesson}"));
        assert_eq!(lesson_row(&app, &lesson).await.body, "");
        let empty = post_json(&app, &author, "save_lesson", &lesson_fields(&lesson, "   ")).await;
        assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // A preview without JavaScript saves nothing, and the editor shows it rendered with the course's links.
        let (_, editor) = page(&app, &author, &format!("/training/authoring/lessons/{lesson}")).await;
        let key = lesson_row(&app, &lesson).await.key;
        assert!(editor.contains(&format!("lesson:{key}")), "the editor says how to link the lesson");
        let text = format!("Vedi [la lezione](lesson:{key}) e **nota bene**.");
        let mut fields = lesson_fields(&lesson, &text);
        fields.push(("preview", "1"));
        let previewed = post(&app, &author, "save_lesson", &fields).await;
        assert_eq!(location(&previewed), format!("/training/authoring/lessons/{lesson}#lesson-preview"));
        assert_eq!(lesson_row(&app, &lesson).await.status, "draft");
        let (_, editor) = page(&app, &author, &format!("/training/authoring/lessons/{lesson}")).await;
        assert!(editor.contains("<strong>nota bene</strong>"), "the preview is rendered");
        assert!(editor.contains(&format!("href=\"/training/lessons/{lesson}\"")), "course links resolve in the preview");
        assert!(editor.contains("non è ancora salvato"), "the editor says the text is not saved yet");
        let preview = author.post(app.url("/api/markdown/preview")).header("accept", "application/json").form(&[("body", text.as_str()), ("course", course.as_str())]).send().await.unwrap();
        assert!(preview.text().await.unwrap().contains(&format!("/training/lessons/{lesson}")), "the island's preview resolves them too");

        // Saved, the kept draft is gone.
        post(&app, &author, "save_lesson", &lesson_fields(&lesson, &text)).await;
        assert_eq!(lesson_row(&app, &lesson).await.body, text);
        assert_eq!(app.count("SELECT COUNT(*) FROM post_draft").await, 0);
    }

    async fn parts_move_and_leave_and_a_course_in_use_stays_published(app: TestApp) {
        let author = trainer(&app).await;
        let (course, first_module, first) = draft_course(&app, &author).await;
        let second = post(&app, &author, "add_lesson", &[("course", &course), ("module", &first_module), ("title_it", "La mensa"), ("title_en", "The canteen")]).await;
        let second = created(&second, "/training/authoring/lessons/");
        let other_module = post(&app, &author, "add_module", &[("course", &course), ("title_it", "La salute"), ("title_en", "Health"), ("summary_it", ""), ("summary_en", "")]).await;
        let other_module = location(&other_module).rsplit("#part-").next().unwrap().to_owned();

        let moved = post(&app, &author, "move_part", &[("course", &course), ("kind", "lesson"), ("id", &second), ("direction", "up")]).await;
        assert_eq!(location(&moved), format!("/training/authoring/courses/{course}#part-{second}"));
        assert!(lesson_row(&app, &second).await.position < lesson_row(&app, &first).await.position, "the second lesson comes first");
        post(&app, &author, "move_part", &[("course", &course), ("kind", "module"), ("id", &other_module), ("direction", "up")]).await;
        let (_, editor) = page(&app, &author, &format!("/training/authoring/courses/{course}")).await;
        assert!(editor.find("La salute").unwrap() < editor.find("L&#x27;iscrizione").or_else(|| editor.find("L'iscrizione")).unwrap(), "modules reordered");
        // At the top, up moves nothing.
        post(&app, &author, "move_part", &[("course", &course), ("kind", "module"), ("id", &other_module), ("direction", "up")]).await;
        let (_, again) = page(&app, &author, &format!("/training/authoring/courses/{course}")).await;
        assert!(again.find("La salute").unwrap() < again.find("La mensa").unwrap());

        for lesson in [&first, &second] {
            let mut fields = lesson_fields(lesson, "Testo della lezione.");
            fields.push(("publish", "1"));
            post(&app, &author, "save_lesson", &fields).await;
        }
        post(&app, &author, "course_status", &[("id", &course), ("to", "published")]).await;
        let retired = post(&app, &author, "retire_part", &[("course", &course), ("kind", "lesson"), ("id", &second)]).await;
        assert_eq!(location(&retired), format!("/training/authoring/courses/{course}"));
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Brescia)]).await;
        assert_eq!(page(&app, &guardian, &format!("/training/lessons/{second}")).await.0, StatusCode::NOT_FOUND, "a lesson taken out is gone for learners");
        assert_eq!(page(&app, &guardian, &format!("/training/lessons/{first}")).await.0, StatusCode::OK);

        // A cycle runs the course: it cannot go back to draft.
        let cycle = post(&app, &author, "save_cycle", &[
            ("id", ""), ("course", &course), ("title", "Brescia, primavera"), ("district", "brescia"),
            ("starts_on", "2099-03-01"), ("ends_on", "2099-04-30"), ("enrol_from", "2099-01-01"), ("enrol_until", "2099-02-28"),
            ("capacity", "20"), ("min_attendance", "75"),
        ]).await;
        assert!(location(&cycle).starts_with("/training/cycles/"), "a cycle of the authored course: {}", location(&cycle));
        let withdraw = post_json(&app, &author, "course_status", &[("id", &course), ("to", "draft")]).await;
        assert_eq!(withdraw.status(), StatusCode::CONFLICT);
        let row = course::Entity::find().filter(course::Column::Status.eq("published")).one(&app.db).await.unwrap();
        assert!(row.is_some(), "the course stays published");
    }

    async fn a_quiz_is_written_checked_and_taken_and_its_scores_stay(app: TestApp) {
        let author = trainer(&app).await;
        let (course, module, lesson) = draft_course(&app, &author).await;
        let mut fields = lesson_fields(&lesson, "Il tutore e la scuola.");
        fields.push(("publish", "1"));
        post(&app, &author, "save_lesson", &fields).await;
        let added = post(&app, &author, "add_quiz", &[("course", &course), ("module", &module)]).await;
        let quiz = created(&added, "/training/authoring/quizzes/");
        let again = post(&app, &author, "add_quiz", &[("course", &course), ("module", &module)]).await;
        assert_eq!(created(&again, "/training/authoring/quizzes/"), quiz, "a module has one quiz");
        assert_eq!(post_json(&app, &author, "quiz_status", &[("id", &quiz), ("to", "published")]).await.status(), StatusCode::CONFLICT, "not without questions");

        // Bad questions are explained, saved nowhere, and kept for the author.
        let one_choice = send(&app, &author, "save_question", &question_form(&quiz, "", false, &[("Il tribunale", "The court", true)]), true).await;
        assert_eq!(one_choice.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(one_choice.text().await.unwrap().contains("FewChoices"));
        let two_right = question_form(&quiz, "", false, &[("Il tribunale", "The court", true), ("Il sindaco", "The mayor", true), ("Il questore", "The police chief", false)]);
        let refused = send(&app, &author, "save_question", &two_right, false).await;
        assert_eq!(location(&refused), format!("/training/authoring/quizzes/{quiz}#question-new"));
        assert_eq!(app.count("SELECT COUNT(*) FROM quiz_question").await, 0);
        let (_, editor) = page(&app, &author, &format!("/training/authoring/quizzes/{quiz}")).await;
        assert!(editor.contains("non è ancora salvata") && editor.contains("Il questore"), "the refused question is given back");
        let bad_settings = post_json(&app, &author, "save_quiz", &[("id", &quiz), ("title_it", "Verifica"), ("title_en", "Quiz"), ("pass_percent", "150"), ("max_attempts", "0")]).await;
        assert_eq!(bad_settings.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // Two good questions, a pass mark of 100% and two attempts.
        let single = question_form(&quiz, "", false, &[("Il tribunale per i minorenni", "The juvenile court", true), ("Il sindaco", "The mayor", false), ("", "", false)]);
        assert_eq!(location(&send(&app, &author, "save_question", &single, false).await), format!("/training/authoring/quizzes/{quiz}"));
        let multiple = question_form(&quiz, "", true, &[("Il tutore", "The guardian", true), ("Il minore", "The minor", true), ("Il vicino", "The neighbour", false)]);
        send(&app, &author, "save_question", &multiple, false).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM quiz_question").await, 2);
        assert_eq!(app.count("SELECT COUNT(*) FROM quiz_choice").await, 5, "empty rows are dropped");
        assert_eq!(app.count("SELECT COUNT(*) FROM post_draft").await, 0, "the kept question is gone once saved");
        post(&app, &author, "save_quiz", &[("id", &quiz), ("title_it", "Verifica sulla scuola"), ("title_en", "School quiz"), ("pass_percent", "100"), ("max_attempts", "2")]).await;
        post(&app, &author, "quiz_status", &[("id", &quiz), ("to", "published")]).await;
        post(&app, &author, "course_status", &[("id", &course), ("to", "published")]).await;

        // A learner sees no right answer, and passes with every right one.
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let (status, taking) = page(&app, &guardian, &format!("/training/quizzes/{quiz}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(taking.contains("Verifica sulla scuola") && !taking.contains("art. 11 l. 47/2017"), "no explanation before answering");
        let questions = quiz_question::Entity::find().all(&app.db).await.unwrap();
        let key = |multiple: bool| questions.iter().find(|q| (q.kind == "multiple") == multiple).unwrap().key.clone();
        let answers = [format!("{}:a", key(false)), format!("{}:a", key(true)), format!("{}:b", key(true))];
        let mut form = vec![("id".to_owned(), quiz.clone())];
        form.extend(answers.iter().enumerate().map(|(index, value)| (format!("answers[{index}]"), value.clone())));
        guardian.post(app.url("/api/training/answer")).form(&form).send().await.unwrap();
        let attempt = quiz_attempt::Entity::find().one(&app.db).await.unwrap().expect("an attempt");
        assert!(attempt.passed && attempt.correct == 2, "{attempt:?}");

        // Changing a question later leaves the score given; removing one too.
        let multiple_id = questions.iter().find(|q| q.kind == "multiple").unwrap().id.to_string();
        let changed = question_form(&quiz, &multiple_id, true, &[("Il vicino", "The neighbour", true), ("Il tutore", "The guardian", false)]);
        send(&app, &author, "save_question", &changed, false).await;
        post(&app, &author, "remove_question", &[("quiz", &quiz), ("question", &multiple_id)]).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM quiz_question").await, 1);
        let attempt = quiz_attempt::Entity::find().one(&app.db).await.unwrap().expect("the attempt");
        assert!(attempt.passed && attempt.correct == 2);

        // Nobody else writes quizzes.
        let single_id = questions.iter().find(|q| q.kind == "single").unwrap().id.to_string();
        for response in [
            post_json(&app, &guardian, "add_quiz", &[("course", &course), ("module", &module)]).await,
            post_json(&app, &guardian, "save_quiz", &[("id", &quiz), ("title_it", "Presa"), ("title_en", "Taken"), ("pass_percent", "1"), ("max_attempts", "")]).await,
            post_json(&app, &guardian, "quiz_status", &[("id", &quiz), ("to", "draft")]).await,
            post_json(&app, &guardian, "remove_question", &[("quiz", &quiz), ("question", &single_id)]).await,
            send(&app, &guardian, "save_question", &question_form(&quiz, "", false, &[("A", "A", true), ("B", "B", false)]), true).await,
        ] {
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{}", response.url());
        }
        assert_eq!(page(&app, &guardian, &format!("/training/authoring/quizzes/{quiz}")).await.0, StatusCode::FORBIDDEN);
        assert_eq!(app.count("SELECT COUNT(*) FROM quiz_question").await, 1);
        assert_eq!(app.count("SELECT COUNT(*) FROM quiz WHERE status = 'published' AND pass_percent = 100").await, 1);
    }
}
