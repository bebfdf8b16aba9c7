//! Training cycles: created and run by their district's trainers and
//! coordinators, seen by the guardians who may enrol, with a capacity that
//! holds under concurrent enrolments and a waiting list that moves up in
//! order, with a mail at each step.

use reqwest::{Client, StatusCode};
use sea_orm::{ActiveValue::Set, EntityTrait as _};
use tutela_app::{
    domain::{District, Role},
    ssr::entities::{course, course_module},
};

use crate::{
    community::page,
    helpers::{TestApp, location},
    on_both_engines,
};

/// A published course with two modules, written straight to the database:
/// the cycles need a course, not the whole DiTu one. Returns (course, modules).
pub(crate) async fn small_course(app: &TestApp) -> (String, Vec<String>) {
    let course_id = uuid::Uuid::new_v4();
    course::Entity::insert(course::ActiveModel {
        id: Set(course_id),
        key: Set("prova".into()),
        title_it: Set("Corso di prova".into()),
        title_en: Set("Trial course".into()),
        summary_it: Set("Per le prove.".into()),
        summary_en: Set("For trials.".into()),
        status: Set("published".into()),
        origin: Set("trainer".into()),
        created_at: Set(0),
        updated_at: Set(0),
    })
    .exec_without_returning(&app.db)
    .await
    .unwrap();
    let mut modules = Vec::new();
    for (position, (title_it, title_en)) in
        [("Il ruolo del tutore", "The guardian's role"), ("Il permesso di soggiorno", "The residence permit")].into_iter().enumerate()
    {
        let id = uuid::Uuid::new_v4();
        course_module::Entity::insert(course_module::ActiveModel {
            id: Set(id),
            course_id: Set(course_id),
            key: Set(format!("modulo-{position}")),
            position: Set(i32::try_from(position).unwrap()),
            title_it: Set(title_it.into()),
            title_en: Set(title_en.into()),
            summary_it: Set(String::new()),
            summary_en: Set(String::new()),
            status: Set("published".into()),
        })
        .exec_without_returning(&app.db)
        .await
        .unwrap();
        modules.push(id.to_string());
    }
    (course_id.to_string(), modules)
}

pub(crate) async fn post(app: &TestApp, client: &Client, action: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    client.post(app.url(&format!("/api/training/{action}"))).form(fields).send().await.unwrap()
}

/// The same, asking for the JSON answer a script gets.
pub(crate) async fn post_json(app: &TestApp, client: &Client, action: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    client.post(app.url(&format!("/api/training/{action}"))).header("accept", "application/json").form(fields).send().await.unwrap()
}

/// A cycle's form, filled for a Milano cycle whose enrolment is open today.
fn cycle_fields<'a>(course: &'a str, changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("id", ""),
        ("course", course),
        ("title", "Milano, inverno"),
        ("district", "milano"),
        ("starts_on", "2099-12-01"),
        ("ends_on", "2099-12-20"),
        ("enrol_from", "2020-01-01"),
        ("enrol_until", "2099-11-30"),
        ("capacity", "20"),
        ("min_attendance", "75"),
    ];
    for (name, value) in changes {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = value,
            None => fields.push((name, value)),
        }
    }
    fields
}

/// Creates a cycle as `trainer` and opens it; returns its id.
pub(crate) async fn open_cycle(app: &TestApp, trainer: &Client, course: &str, changes: &[(&str, &str)]) -> String {
    let response = post(app, trainer, "save_cycle", &cycle_fields(course, changes)).await;
    let at = location(&response);
    let id = at.strip_prefix("/training/cycles/").unwrap_or_else(|| panic!("saved: {at}")).to_owned();
    let opened = post(app, trainer, "cycle_status", &[("id", &id), ("to", "open")]).await;
    assert_eq!(location(&opened), format!("/training/cycles/{id}"));
    id
}

/// A Milano guardian `email`, enrolled in the cycle `id`; their client.
pub(crate) async fn guardian_enrolled(app: &TestApp, email: &str, id: &str) -> Client {
    let guardian = app.staff_account(email, &[(Role::Guardian, District::Milano)]).await;
    assert_eq!(location(&post(app, &guardian, "enrol", &[("id", id)]).await), cycle_path(id));
    guardian
}

pub(crate) fn cycle_path(id: &str) -> String {
    format!("/training/cycles/{id}")
}

on_both_engines! {
    async fn a_trainer_prepares_a_cycle_and_guardians_of_its_district_enrol(app: TestApp) {
        let (course, modules) = small_course(&app).await;
        let trainer = app.staff_account("trainer@example.it", &[(Role::Trainer, District::Milano)]).await;
        let trainer_id = app.user_id("trainer@example.it").await;
        let mut fields = cycle_fields(&course, &[]);
        fields.push(("trainers[0]", &trainer_id));
        let response = post(&app, &trainer, "save_cycle", &fields).await;
        let id = location(&response).trim_start_matches("/training/cycles/").to_owned();
        assert_eq!(app.count("SELECT COUNT(*) FROM training_cycle WHERE status = 'draft'").await, 1);
        assert_eq!(app.count("SELECT COUNT(*) FROM cycle_trainer").await, 1);
        let (status, staff_page) = page(&app, &trainer, &cycle_path(&id)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(staff_page.contains("Bozza") && staff_page.contains("Apri le iscrizioni"), "a draft, to be opened");

        // Sessions: one in person, one online; the link is for the enrolled only.
        let added = post(&app, &trainer, "add_session", &[
            ("id", &id), ("date", "2099-12-02"), ("starts", "09:30"), ("ends", "13:00"), ("place", "Tribunale per i minorenni, aula 3"),
            ("online_link", ""), ("counted_hours", ""), ("modules[0]", &modules[0]),
        ]).await;
        assert_eq!(location(&added), cycle_path(&id));
        post(&app, &trainer, "add_session", &[
            ("id", &id), ("date", "2099-12-09"), ("starts", "18:00"), ("ends", "20:00"), ("place", ""),
            ("online_link", "https://meet.example.org/ditu-milano"), ("counted_hours", "1,5"), ("modules[0]", &modules[1]),
        ]).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM cycle_session WHERE counted_minutes IN (210, 90)").await, 2);
        assert_eq!(app.count("SELECT COUNT(*) FROM cycle_session_module").await, 2);

        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let elsewhere = app.staff_account("guardian@brescia.it", &[(Role::Guardian, District::Brescia)]).await;
        assert_eq!(page(&app, &guardian, &cycle_path(&id)).await.0, StatusCode::NOT_FOUND, "a draft is for its staff");
        assert_eq!(post_json(&app, &guardian, "enrol", &[("id", &id)]).await.status(), StatusCode::NOT_FOUND);

        assert_eq!(location(&post(&app, &trainer, "cycle_status", &[("id", &id), ("to", "open")]).await), cycle_path(&id));
        let (_, list) = page(&app, &guardian, "/training/cycles").await;
        assert!(list.contains("Milano, inverno") && list.contains("Posti liberi: 20"), "open for enrolment in Milano");
        let (_, other_list) = page(&app, &elsewhere, "/training/cycles").await;
        assert!(!other_list.contains("Milano, inverno"), "not offered in Brescia");
        assert_eq!(page(&app, &elsewhere, &cycle_path(&id)).await.0, StatusCode::NOT_FOUND);
        assert_eq!(post_json(&app, &elsewhere, "enrol", &[("id", &id)]).await.status(), StatusCode::NOT_FOUND);

        let (_, before) = page(&app, &guardian, &cycle_path(&id)).await;
        assert!(before.contains("Tribunale per i minorenni, aula 3") && before.contains("02/12/2099 09:30–13:00"), "{before}");
        assert!(before.contains("il link è visibile agli iscritti") && !before.contains("meet.example.org"), "the link waits for enrolment");
        assert!(!before.contains("Partecipanti"), "learners are for the staff");

        assert_eq!(location(&post(&app, &guardian, "enrol", &[("id", &id)]).await), cycle_path(&id));
        let mail = app.mail.wait_for("guardian@example.it", "sei iscritto al ciclo di formazione").await.decoded();
        assert!(mail.contains(&cycle_path(&id)) && mail.contains("01/12/2099"), "{mail}");
        let (_, after) = page(&app, &guardian, &cycle_path(&id)).await;
        assert!(after.contains("https://meet.example.org/ditu-milano") && after.contains("Ritira l"), "{after}");
        let twice = post_json(&app, &guardian, "enrol", &[("id", &id)]).await;
        assert_eq!(twice.status(), StatusCode::BAD_REQUEST, "enrolling twice is refused");
        let (_, staff_page) = page(&app, &trainer, &cycle_path(&id)).await;
        assert!(staff_page.contains("guardian@example.it"), "the trainer sees who enrolled");

        assert_eq!(location(&post(&app, &guardian, "withdraw", &[("id", &id)]).await), cycle_path(&id));
        assert_eq!(app.count("SELECT COUNT(*) FROM enrolment WHERE status = 'withdrawn'").await, 1);
        let (_, list) = page(&app, &guardian, "/training/cycles").await;
        assert!(list.contains("Milano, inverno"), "offered again after withdrawing");
        assert_eq!(location(&post(&app, &guardian, "enrol", &[("id", &id)]).await), cycle_path(&id), "and enrolling again works");
        assert_eq!(app.count("SELECT COUNT(*) FROM enrolment WHERE status = 'enrolled'").await, 1);
    }

    async fn only_the_districts_trainers_and_coordinators_run_a_cycle(app: TestApp) {
        let (course, _) = small_course(&app).await;
        let trainer = app.staff_account("trainer@example.it", &[(Role::Trainer, District::Milano)]).await;
        let id = open_cycle(&app, &trainer, &course, &[]).await;
        for (email, role, district) in [
            ("guardian@example.it", Role::Guardian, District::Milano),
            ("operator@example.it", Role::Operator, District::Milano),
            ("jurist@example.it", Role::Jurist, District::Milano),
            ("trainer@brescia.it", Role::Trainer, District::Brescia),
            ("coordinator@brescia.it", Role::Coordinator, District::Brescia),
        ] {
            let outsider = app.staff_account(email, &[(role, district)]).await;
            let edit = post_json(&app, &outsider, "save_cycle", &cycle_fields(&course, &[("id", &id), ("title", "Preso")])).await;
            assert!(matches!(edit.status(), StatusCode::NOT_FOUND | StatusCode::FORBIDDEN), "{email}: {}", edit.status());
            let cancel = post_json(&app, &outsider, "cycle_status", &[("id", &id), ("to", "cancelled")]).await;
            assert!(matches!(cancel.status(), StatusCode::NOT_FOUND | StatusCode::FORBIDDEN), "{email}: {}", cancel.status());
            let session = post_json(&app, &outsider, "add_session", &[("id", &id), ("date", "2099-12-02"), ("starts", "09:00"), ("ends", "10:00"), ("place", "Aula"), ("online_link", ""), ("counted_hours", "")]).await;
            assert!(matches!(session.status(), StatusCode::NOT_FOUND | StatusCode::FORBIDDEN), "{email}: {}", session.status());
            let add = post_json(&app, &outsider, "add_learner", &[("id", &id), ("email", "guardian@example.it")]).await;
            assert!(matches!(add.status(), StatusCode::NOT_FOUND | StatusCode::FORBIDDEN), "{email}: {}", add.status());
            let new = post_json(&app, &outsider, "save_cycle", &cycle_fields(&course, &[])).await;
            assert!(!new.status().is_success(), "{email} creates no Milano cycle");
        }
        assert_eq!(app.count("SELECT COUNT(*) FROM training_cycle WHERE title = 'Milano, inverno' AND status = 'open'").await, 1);
        assert_eq!(app.count("SELECT COUNT(*) FROM training_cycle").await, 1);
        assert_eq!(app.count("SELECT COUNT(*) FROM enrolment").await, 0);
        assert_eq!(app.count("SELECT COUNT(*) FROM cycle_session").await, 0);

        // Milano's coordinator runs it too; the change is audited.
        let coordinator = app.coordinator().await;
        let renamed = post(&app, &coordinator, "save_cycle", &cycle_fields(&course, &[("id", &id), ("title", "Milano, inverno 2099")])).await;
        assert_eq!(location(&renamed), cycle_path(&id));
        assert_eq!(location(&post(&app, &coordinator, "cycle_status", &[("id", &id), ("to", "running")]).await), cycle_path(&id));
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'cycle.%'").await, 4);
        // A state cannot be skipped or gone back to.
        assert_eq!(post_json(&app, &trainer, "cycle_status", &[("id", &id), ("to", "open")]).await.status(), StatusCode::CONFLICT);
        assert_eq!(post_json(&app, &trainer, "cycle_status", &[("id", &id), ("to", "draft")]).await.status(), StatusCode::CONFLICT);
        assert_eq!(location(&app.get(&cycle_path(&id)).await), "/login", "visitors are sent to sign in");
        let (_, staff_page) = page(&app, &trainer, &cycle_path(&id)).await;
        assert!(staff_page.contains("Gestione del ciclo") && !staff_page.contains("La tua iscrizione"), "staff who may not enrol are offered nothing");
    }

    async fn the_capacity_holds_and_the_waiting_list_moves_up_in_order(app: TestApp) {
        let (course, _) = small_course(&app).await;
        let trainer = app.staff_account("trainer@example.it", &[(Role::Trainer, District::Milano)]).await;
        let id = open_cycle(&app, &trainer, &course, &[("capacity", "2")]).await;
        let mut guardians = Vec::new();
        for n in 0..5 {
            guardians.push(app.staff_account(&format!("g{n}@example.it"), &[(Role::Guardian, District::Milano)]).await);
        }
        // Five at once for two places.
        let url = app.url("/api/training/enrol");
        let tasks: Vec<_> = guardians
            .iter()
            .map(|guardian| {
                let (guardian, url, id) = (guardian.clone(), url.clone(), id.clone());
                tokio::spawn(async move {
                    guardian.post(url).header("accept", "application/json").form(&[("id", id)]).send().await.unwrap().status()
                })
            })
            .collect();
        for task in tasks {
            assert!(task.await.unwrap().is_success());
        }
        assert_eq!(app.count("SELECT COUNT(*) FROM enrolment WHERE status = 'enrolled'").await, 2);
        assert_eq!(app.count("SELECT COUNT(*) FROM enrolment WHERE status = 'waiting'").await, 3);

        let waiting_order: Vec<String> = {
            let mut order = Vec::new();
            for (n, guardian) in guardians.iter().enumerate() {
                let email = format!("g{n}@example.it");
                let (_, body) = page(&app, guardian, &cycle_path(&id)).await;
                if let Some(at) = body.find("al posto ") {
                    order.push((body[at + 9..at + 10].to_owned(), email));
                }
            }
            order.sort();
            assert_eq!(order.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(), ["1", "2", "3"], "places on the list");
            order.into_iter().map(|(_, email)| email).collect()
        };
        let enrolled_index = (0..5).find(|n| !waiting_order.contains(&format!("g{n}@example.it"))).unwrap();

        // A place freed goes to the first who waits, who is told.
        post(&app, &guardians[enrolled_index], "withdraw", &[("id", &id)]).await;
        app.mail.wait_for(&waiting_order[0], "eri in lista d'attesa e ora sei iscritto").await;
        assert_eq!(app.count("SELECT COUNT(*) FROM enrolment WHERE status = 'enrolled'").await, 2);
        assert_eq!(app.mail.received_for(&waiting_order[1]).await, 1, "the second still waits (only the waiting-list mail)");

        // The trainer removes the promoted learner: the next moves up.
        let removed_id = app.user_id(&waiting_order[0]).await;
        assert_eq!(location(&post(&app, &trainer, "remove_learner", &[("id", &id), ("learner", &removed_id)]).await), cycle_path(&id));
        app.mail.wait_for(&waiting_order[0], "hanno tolto la tua iscrizione").await;
        app.mail.wait_for(&waiting_order[1], "eri in lista d'attesa e ora sei iscritto").await;

        // More places move the list up; fewer than the enrolled are refused.
        let raised = post(&app, &trainer, "save_cycle", &cycle_fields(&course, &[("id", &id), ("capacity", "3")])).await;
        assert_eq!(location(&raised), cycle_path(&id));
        app.mail.wait_for(&waiting_order[2], "eri in lista d'attesa e ora sei iscritto").await;
        assert_eq!(app.count("SELECT COUNT(*) FROM enrolment WHERE status = 'waiting'").await, 0);
        let cut = post_json(&app, &trainer, "save_cycle", &cycle_fields(&course, &[("id", &id), ("capacity", "1")])).await;
        assert_eq!(cut.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(cut.text().await.unwrap().contains("CapacityBelowEnrolled"));
        assert_eq!(app.count("SELECT COUNT(*) FROM training_cycle WHERE capacity = 3").await, 1, "nothing changed");

        // A learner the trainer adds by address takes a place or waits.
        app.staff_account("late@example.it", &[(Role::Guardian, District::Brescia)]).await;
        let added = post(&app, &trainer, "add_learner", &[("id", &id), ("email", "late@example.it")]).await;
        assert_eq!(location(&added), cycle_path(&id));
        app.mail.wait_for("late@example.it", "sei in lista d'attesa").await;
        let unknown = post_json(&app, &trainer, "add_learner", &[("id", &id), ("email", "nobody@example.it")]).await;
        assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // Cancelling tells everyone enrolled or waiting.
        post(&app, &trainer, "cycle_status", &[("id", &id), ("to", "cancelled")]).await;
        app.mail.wait_for("late@example.it", "doveva iniziare il").await;
        app.mail.wait_for(&waiting_order[2], "doveva iniziare il").await;
        assert_eq!(post_json(&app, &guardians[enrolled_index], "enrol", &[("id", &id)]).await.status(), StatusCode::CONFLICT);
    }

    async fn a_cycle_or_a_session_with_bad_details_is_refused_and_nothing_changes(app: TestApp) {
        let (course, _) = small_course(&app).await;
        let trainer = app.staff_account("trainer@example.it", &[(Role::Trainer, District::Milano)]).await;
        let brescia_trainer_id = {
            app.staff_account("trainer@brescia.it", &[(Role::Trainer, District::Brescia)]).await;
            app.user_id("trainer@brescia.it").await
        };
        for (changes, problem) in [
            (vec![("title", "x")], "TitleInvalid"),
            (vec![("course", "not-a-course")], "ChoiceInvalid"),
            (vec![("district", "brescia")], "DistrictUnknown"),
            (vec![("starts_on", "2099-02-30")], "DateInvalid"),
            (vec![("ends_on", "2099-11-01")], "DateBeforeStart"),
            (vec![("enrol_until", "2100-01-01")], "EnrolmentAfterEnd"),
            (vec![("capacity", "0")], "NumberOutOfRange"),
            (vec![("min_attendance", "101")], "NumberOutOfRange"),
            (vec![("trainers[0]", brescia_trainer_id.as_str())], "ChoiceInvalid"),
        ] {
            let response = post_json(&app, &trainer, "save_cycle", &cycle_fields(&course, &changes)).await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{changes:?}");
            assert!(response.text().await.unwrap().contains(problem), "{changes:?}");
        }
        let refused = post(&app, &trainer, "save_cycle", &cycle_fields(&course, &[("capacity", "0")])).await;
        assert_eq!(location(&refused), "/training/cycles/new", "a plain form goes back to itself");
        let (_, form) = page(&app, &trainer, "/training/cycles/new").await;
        assert!(form.contains("Il numero non è tra i valori ammessi") && form.contains("value=\"Milano, inverno\""), "the message, and what was typed");
        assert_eq!(app.count("SELECT COUNT(*) FROM training_cycle").await, 0);

        let id = open_cycle(&app, &trainer, &course, &[]).await;
        for (changes, problem) in [
            (vec![("date", "2099-11-15")], "OutsideCycle"),
            (vec![("ends", "09:00")], "TimeBeforeStart"),
            (vec![("starts", "9")], "DateInvalid"),
            (vec![("online_link", "https://meet.example.org/x")], "PlaceOrLink"),
            (vec![("place", ""), ("online_link", "javascript:alert(1)")], "LinkInvalid"),
            (vec![("counted_hours", "5")], "NumberOutOfRange"),
            (vec![("modules[0]", "not-a-module")], "ChoiceInvalid"),
        ] {
            let mut fields =
                vec![("id", id.as_str()), ("date", "2099-12-02"), ("starts", "09:30"), ("ends", "11:30"), ("place", "Aula"), ("online_link", ""), ("counted_hours", "")];
            for (name, value) in changes.iter().copied() {
                match fields.iter_mut().find(|(n, _)| *n == name) {
                    Some(field) => field.1 = value,
                    None => fields.push((name, value)),
                }
            }
            let response = post_json(&app, &trainer, "add_session", &fields).await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{changes:?}");
            assert!(response.text().await.unwrap().contains(problem), "{changes:?}");
        }
        assert_eq!(app.count("SELECT COUNT(*) FROM cycle_session").await, 0);

        // Outside the enrolment window nobody enrols.
        let later = open_cycle(&app, &trainer, &course, &[("enrol_from", "2099-01-01"), ("title", "Più avanti")]).await;
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let (_, body) = page(&app, &guardian, &cycle_path(&later)).await;
        assert!(body.contains("Le iscrizioni non sono aperte in questi giorni"), "{body}");
        assert_eq!(post_json(&app, &guardian, "enrol", &[("id", &later)]).await.status(), StatusCode::CONFLICT);
        assert_eq!(app.count("SELECT COUNT(*) FROM enrolment").await, 0);
    }
    async fn sessions_reach_calendar_programs_through_a_file_and_a_revocable_personal_feed(app: TestApp) {
        let (course, _) = small_course(&app).await;
        let trainer = app.staff_account("trainer@example.it", &[(Role::Trainer, District::Milano)]).await;
        let id = open_cycle(&app, &trainer, &course, &[]).await;
        post(&app, &trainer, "add_session", &[
            ("id", &id), ("date", "2099-12-02"), ("starts", "09:30"), ("ends", "13:00"), ("place", "Aula 3, via Leopardi"),
            ("online_link", ""), ("counted_hours", ""),
        ]).await;
        post(&app, &trainer, "add_session", &[
            ("id", &id), ("date", "2099-12-09"), ("starts", "18:00"), ("ends", "20:00"), ("place", ""),
            ("online_link", "https://meet.example.org/ditu-milano"), ("counted_hours", ""),
        ]).await;
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let file_path = format!("{}/calendar.ics", cycle_path(&id));
        let before = guardian.get(app.url(&file_path)).send().await.unwrap();
        assert_eq!(before.headers()["content-type"], "text/calendar; charset=utf-8");
        let before = before.text().await.unwrap();
        // 09:30 in Rome in December is 08:30 UTC.
        assert!(before.contains("BEGIN:VEVENT") && before.contains("DTSTART:20991202T083000Z") && before.contains("SUMMARY:Milano\\, inverno"), "{before}");
        assert!(!before.contains("meet.example.org"), "the link waits for enrolment, in the file too");
        let elsewhere = app.staff_account("guardian@brescia.it", &[(Role::Guardian, District::Brescia)]).await;
        assert_eq!(elsewhere.get(app.url(&file_path)).send().await.unwrap().status(), StatusCode::NOT_FOUND);

        post(&app, &guardian, "enrol", &[("id", &id)]).await;
        let (_, list) = page(&app, &guardian, "/training/cycles").await;
        assert!(list.contains("Attiva il calendario personale") && !list.contains("/calendar/"), "off until asked for");
        assert_eq!(location(&post(&app, &guardian, "renew_feed", &[]).await), "/training/cycles");
        let feed_address = |body: &str| {
            let at = body.find("http://").expect("the address is shown");
            body[at..].split('"').next().unwrap().to_owned()
        };
        let (_, list) = page(&app, &guardian, "/training/cycles").await;
        let first = feed_address(&list[list.find("calendar-address").unwrap()..]);
        assert!(first.contains("/calendar/"), "{first}");
        // A calendar program does not sign in.
        let feed = app.client.get(&first).send().await.unwrap().text().await.unwrap();
        assert!(feed.contains("LOCATION:Aula 3\\, via Leopardi") && feed.contains("https://meet.example.org/ditu-milano"), "{feed}");

        post(&app, &guardian, "renew_feed", &[]).await;
        assert_eq!(app.client.get(&first).send().await.unwrap().status(), StatusCode::NOT_FOUND, "a new address revokes the old");
        let (_, list) = page(&app, &guardian, "/training/cycles").await;
        let second = feed_address(&list[list.find("calendar-address").unwrap()..]);
        assert_ne!(first, second);
        assert_eq!(app.client.get(&second).send().await.unwrap().status(), StatusCode::OK);
        let forged = format!("{}x", &second[..second.len() - 1]);
        assert_eq!(app.client.get(&forged).send().await.unwrap().status(), StatusCode::NOT_FOUND);
        post(&app, &guardian, "stop_feed", &[]).await;
        assert_eq!(app.client.get(&second).send().await.unwrap().status(), StatusCode::NOT_FOUND, "turned off");
        // The trainer's own feed carries the cycles they train.
        let trainer_id = app.user_id("trainer@example.it").await;
        post(&app, &trainer, "save_cycle", &cycle_fields(&course, &[("id", &id), ("trainers[0]", &trainer_id)])).await;
        post(&app, &trainer, "renew_feed", &[]).await;
        let (_, list) = page(&app, &trainer, "/training/cycles").await;
        let trainer_feed = app.client.get(feed_address(&list[list.find("calendar-address").unwrap()..])).send().await.unwrap().text().await.unwrap();
        assert_eq!(trainer_feed.matches("BEGIN:VEVENT").count(), 2, "{trainer_feed}");
        // A cancelled cycle's meetings leave the feed.
        post(&app, &trainer, "cycle_status", &[("id", &id), ("to", "cancelled")]).await;
        let trainer_feed = app.client.get(feed_address(&list[list.find("calendar-address").unwrap()..])).send().await.unwrap().text().await.unwrap();
        assert_eq!(trainer_feed.matches("BEGIN:VEVENT").count(), 0, "{trainer_feed}");
    }
    async fn trainers_mark_attendance_and_learners_see_their_way_to_completion(app: TestApp) {
        let (course, _) = small_course(&app).await;
        let trainer = app.staff_account("trainer@example.it", &[(Role::Trainer, District::Milano)]).await;
        let id = open_cycle(&app, &trainer, &course, &[]).await;
        for (date, starts, ends) in [("2099-12-02", "09:00", "12:00"), ("2099-12-09", "18:00", "19:00")] {
            post(&app, &trainer, "add_session", &[
                ("id", &id), ("date", date), ("starts", starts), ("ends", ends), ("place", "Aula 3"), ("online_link", ""), ("counted_hours", ""),
            ]).await;
        }
        let sessions: Vec<String> = {
            let (_, body) = page(&app, &trainer, &cycle_path(&id)).await;
            body.match_indices(&format!("{}/sessions/", cycle_path(&id))).map(|(at, _)| body[at..].split('"').next().unwrap().to_owned()).collect()
        };
        assert_eq!(sessions.len(), 2, "a register per session");
        let first = guardian_enrolled(&app, "g1@example.it", &id).await;
        let second = guardian_enrolled(&app, "g2@example.it", &id).await;
        let (g1, g2) = (app.user_id("g1@example.it").await, app.user_id("g2@example.it").await);
        let session = |path: &str| path.rsplit('/').next().unwrap().to_owned();
        let (s1, s2) = (session(&sessions[0]), session(&sessions[1]));

        // The register is the staff's: a learner cannot read or write it.
        assert_eq!(page(&app, &first, &sessions[0]).await.0, StatusCode::NOT_FOUND);
        let forged = post_json(&app, &first, "mark_attendance", &[("id", &id), ("session", &s1), ("marks[0]", &format!("{g1}:present"))]).await;
        assert_eq!(forged.status(), StatusCode::NOT_FOUND);

        let (status, sheet) = page(&app, &trainer, &sessions[0]).await;
        assert_eq!(status, StatusCode::OK);
        assert!(sheet.contains("Segna tutti presenti") && sheet.contains(&format!("value=\"{g1}:justified\"")), "{sheet}");
        let marked = post(&app, &trainer, "mark_attendance", &[
            ("id", &id), ("session", &s1), ("marks[0]", &format!("{g1}:present")), ("marks[1]", &format!("{g2}:justified")),
        ]).await;
        assert_eq!(location(&marked), sessions[0]);
        // Nobody outside the cycle is marked, and nothing changes then.
        let outsider = app.user_id("trainer@example.it").await;
        let refused = post_json(&app, &trainer, "mark_attendance", &[("id", &id), ("session", &s1), ("marks[0]", &format!("{outsider}:present"))]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.count("SELECT COUNT(*) FROM attendance").await, 2);
        post(&app, &trainer, "mark_attendance", &[("id", &id), ("session", &s2), ("all_present", "on")]).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM attendance WHERE mark = 'present'").await, 3);

        // 3 h + 1 h counted: the first attended both (100%), the second one hour (25%).
        let (_, own) = page(&app, &first, &cycle_path(&id)).await;
        assert!(own.contains("Percorso completato") && own.contains("(100%, minimo 75%)") && own.contains(">Presente<"), "{own}");
        let (_, other) = page(&app, &second, &cycle_path(&id)).await;
        assert!(other.contains("Non ancora completato") && other.contains("(25%, minimo 75%)") && other.contains(">Assenza giustificata<"), "{other}");
        let (_, staff) = page(&app, &trainer, &cycle_path(&id)).await;
        assert!(staff.contains(">100%<") && staff.contains(">25%<"), "the staff see everyone's attendance");
        // A correction is recomputed at once.
        post(&app, &trainer, "mark_attendance", &[("id", &id), ("session", &s1), ("marks[0]", &format!("{g2}:present"))]).await;
        let (_, other) = page(&app, &second, &cycle_path(&id)).await;
        assert!(other.contains("Percorso completato"), "{other}");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'cycle.attendance'").await, 3);

        // The staff download the same as a spreadsheet; nobody else can.
        let csv_path = format!("{}/progress.csv", cycle_path(&id));
        let export = trainer.get(app.url(&csv_path)).send().await.unwrap();
        assert_eq!(export.headers()["content-type"], "text/csv; charset=utf-8");
        let export = export.text().await.unwrap();
        let lines: Vec<&str> = export.lines().collect();
        assert_eq!(lines.len(), 3, "{export}");
        assert!(lines[0].starts_with("Partecipante,Email del partecipante,Iscrizione,Lezioni lette"), "{export}");
        assert!(lines[1..].iter().all(|l| l.contains(",Iscritto,0,0,0,0,4.0,4.0,100,sì")), "{export}");
        assert_eq!(first.get(app.url(&csv_path)).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    }
    async fn the_enrolled_are_reminded_of_a_meeting_the_day_before_and_only_once(app: TestApp) {
        use tutela_app::domain::{rome_clock, rome_date};
        let (course, _) = small_course(&app).await;
        let trainer = app.staff_account("trainer@example.it", &[(Role::Trainer, District::Milano)]).await;
        let now = tutela_app::ssr::clock::now();
        let today = rome_date(now);
        let id = open_cycle(&app, &trainer, &course, &[("starts_on", &today), ("capacity", "1")]).await;
        // Learners first: the job reminds those enrolled when a meeting comes within a day.
        guardian_enrolled(&app, "g1@example.it", &id).await;
        let waiting = app.staff_account("g2@example.it", &[(Role::Guardian, District::Milano)]).await;
        post(&app, &waiting, "enrol", &[("id", &id)]).await;
        // A meeting a few hours from now, within one day in Rome.
        let starts = [2, 6, 12].into_iter().map(|hours| now + hours * 3_600).find(|&at| rome_date(at) == rome_date(at + 1_800)).unwrap();
        let (day, from, to) = (rome_date(starts), rome_clock(starts), rome_clock(starts + 1_800));
        let added = post(&app, &trainer, "add_session", &[
            ("id", &id), ("date", &day), ("starts", &from), ("ends", &to), ("place", "Aula 3"), ("online_link", ""), ("counted_hours", ""),
        ]).await;
        assert_eq!(location(&added), cycle_path(&id));
        post(&app, &trainer, "add_session", &[
            ("id", &id), ("date", "2099-12-02"), ("starts", "09:00"), ("ends", "10:00"), ("place", "Aula 3"), ("online_link", ""), ("counted_hours", ""),
        ]).await;

        let mail = app.mail.wait_for("g1@example.it", "ti ricordiamo l'incontro").await.decoded();
        assert!(mail.contains(&format!("{from}–{to}")) && mail.contains("Aula 3"), "{mail}");
        app.wait_until_count("SELECT COUNT(*) FROM cycle_session WHERE reminded_at IS NOT NULL", 1).await;
        // Another pass of the job tells nobody again; the waiting list is not told.
        tokio::time::sleep(std::time::Duration::from_millis(2_500)).await;
        assert_eq!(app.mail.received_for("g1@example.it").await, 2, "the enrolment and one reminder");
        assert_eq!(app.mail.received_for("g2@example.it").await, 1, "only the waiting-list mail");
    }
}

on_both_engines! {
    async fn guardians_who_could_enrol_hear_that_enrolment_closes_once_unless_they_opted_out(app: TestApp) {
        use tutela_app::{domain::rome_date, ssr::clock};
        let (course, _) = small_course(&app).await;
        let trainer = app.staff_account("trainer@example.it", &[(Role::Trainer, District::Milano)]).await;
        let id = open_cycle(&app, &trainer, &course, &[]).await;
        guardian_enrolled(&app, "g1@example.it", &id).await;
        app.staff_account("g2@example.it", &[(Role::Guardian, District::Milano)]).await;
        let quiet = app.staff_account("g3@example.it", &[(Role::Guardian, District::Milano)]).await;
        let (_, settings) = page(&app, &quiet, "/account/notifications").await;
        assert!(settings.contains("Ricevi i promemoria della formazione") && settings.contains("checked"), "on by default");
        let off = quiet.post(app.url("/api/notifications/set_training_reminders")).form(&[("x", "")]).send().await.unwrap();
        assert_eq!(location(&off), "/account/notifications");
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\" WHERE training_reminders = false").await, 1);
        app.staff_account("b1@example.it", &[(Role::Guardian, District::Brescia)]).await;

        // Enrolment now closes in two days, with places left.
        let soon = rome_date(clock::now() + 2 * clock::DAY);
        let changed = post(&app, &trainer, "save_cycle", &cycle_fields(&course, &[("id", &id), ("enrol_until", &soon)])).await;
        assert_eq!(location(&changed), cycle_path(&id));
        let mail = app.mail.wait_for("g2@example.it", "le iscrizioni al ciclo di formazione").await.decoded();
        assert!(mail.contains(&cycle_path(&id)) && mail.contains("/account/notifications"), "{mail}");
        app.wait_until_count("SELECT COUNT(*) FROM training_cycle WHERE closing_announced_at IS NOT NULL", 1).await;
        tokio::time::sleep(std::time::Duration::from_millis(2_500)).await;
        assert_eq!(app.mail.received_for("g2@example.it").await, 1, "once");
        assert_eq!(app.mail.received_for("g1@example.it").await, 1, "the enrolled only had their enrolment's mail");
        assert_eq!(app.mail.received_for("g3@example.it").await, 0, "reminders turned off");
        assert_eq!(app.mail.received_for("b1@example.it").await, 0, "another district");
    }

    async fn a_learner_who_left_the_course_aside_for_two_weeks_is_reminded_once_a_fortnight(app: TestApp) {
        use sea_orm::{ActiveValue::Set, ColumnTrait as _, EntityTrait as _, QueryFilter as _, sea_query::Expr};
        use tutela_app::{
            domain::rome_date,
            ssr::{
                clock,
                entities::{enrolment, lesson},
            },
        };
        let (course, modules) = small_course(&app).await;
        lesson::Entity::insert(lesson::ActiveModel {
            id: Set(uuid::Uuid::new_v4()),
            course_id: Set(uuid::Uuid::parse_str(&course).unwrap()),
            module_id: Set(uuid::Uuid::parse_str(&modules[0]).unwrap()),
            key: Set("ruolo".into()),
            position: Set(1),
            minutes: Set(5),
            title_it: Set("Il ruolo".into()),
            title_en: Set("The role".into()),
            summary_it: Set(String::new()),
            summary_en: Set(String::new()),
            body: Set("Testo.".into()),
            body_html: Set("<p>Testo.</p>".into()),
            version: Set(1),
            status: Set("published".into()),
            updated_at: Set(0),
        })
        .exec_without_returning(&app.db)
        .await
        .unwrap();
        let trainer = app.staff_account("trainer@example.it", &[(Role::Trainer, District::Milano)]).await;
        let today = rome_date(clock::now());
        let id = open_cycle(&app, &trainer, &course, &[("starts_on", &today)]).await;
        guardian_enrolled(&app, "idle@example.it", &id).await;
        guardian_enrolled(&app, "recent@example.it", &id).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM enrolment WHERE nudged_at IS NOT NULL").await, 0, "nobody new is reminded");
        // Both enrolled fifteen days ago; the second read nothing either, but was reminded a week ago.
        let fortnight_ago = clock::now() - 15 * clock::DAY;
        let week_ago = clock::now() - 7 * clock::DAY;
        let recent = uuid::Uuid::parse_str(&app.user_id("recent@example.it").await).unwrap();
        enrolment::Entity::update_many().col_expr(enrolment::Column::QueuedAt, Expr::value(fortnight_ago)).exec(&app.db).await.unwrap();
        enrolment::Entity::update_many()
            .col_expr(enrolment::Column::NudgedAt, Expr::value(week_ago))
            .filter(enrolment::Column::UserId.eq(recent))
            .exec(&app.db)
            .await
            .unwrap();
        let mail = app.mail.wait_for("idle@example.it", "da due settimane non leggi lezioni").await.decoded();
        assert!(mail.contains("Ti restano 1 lezioni da leggere e 0 verifiche") && mail.contains(&format!("/training/courses/{course}")), "{mail}");
        app.wait_until_count("SELECT COUNT(*) FROM enrolment WHERE nudged_at IS NOT NULL", 2).await;
        tokio::time::sleep(std::time::Duration::from_millis(2_500)).await;
        assert_eq!(app.mail.received_for("idle@example.it").await, 2, "the enrolment and one reminder");
        assert_eq!(app.mail.received_for("recent@example.it").await, 1, "reminded a week ago: not again yet");
    }
}
