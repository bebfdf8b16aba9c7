//! Legal consultations: who sees a request, filing with bad input, the
//! thread's states and service levels, internal notes kept from the
//! requester, the queue, and the mails at each step.

use reqwest::{Client, StatusCode};
use tutela_app::domain::{District, Role};

use crate::{
    community::page,
    helpers::{TestApp, location},
    on_both_engines,
};

const QUESTION: &str = "Il ragazzo compie 18 anni a marzo: il permesso per minore età si converte da solo o serve chiedere il parere?";

/// Files a request with `changes` over a valid one; returns the response.
async fn file(app: &TestApp, client: &Client, changes: &[(&str, &str)]) -> reqwest::Response {
    let mut fields: Vec<(&str, &str)> = vec![
        ("topic", "diciotto"),
        ("district", "milano"),
        ("urgency", "normal"),
        ("deadline", ""),
        ("subject", "Conversione del permesso a 18 anni"),
        ("body", QUESTION),
    ];
    for (name, value) in changes {
        fields.retain(|(field, _)| field != name);
        fields.push((name, value));
    }
    client.post(app.url("/api/consultations/file")).form(&fields).send().await.unwrap()
}

/// A guardian of Milano's request, filed; its address.
async fn filed(app: &TestApp, guardian: &Client) -> String {
    let response = file(app, guardian, &[]).await;
    let at = location(&response);
    assert!(at.starts_with("/consultations/") && at.len() > "/consultations/".len() + 30, "{at}");
    at
}

fn id_of(path: &str) -> &str {
    path.trim_start_matches("/consultations/")
}

async fn act(app: &TestApp, client: &Client, action: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    client.post(app.url(&format!("/api/consultations/{action}"))).form(fields).send().await.unwrap()
}

/// The same, asking for the JSON answer a script gets, with its status.
async fn act_json(app: &TestApp, client: &Client, action: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    client.post(app.url(&format!("/api/consultations/{action}"))).header("accept", "application/json").form(fields).send().await.unwrap()
}

async fn status_of(app: &TestApp, path: &str) -> String {
    use sea_orm::EntityTrait as _;
    let id = sea_orm::prelude::Uuid::parse_str(id_of(path)).unwrap();
    tutela_app::ssr::entities::consultation::Entity::find_by_id(id).one(&app.db).await.unwrap().unwrap().status
}

on_both_engines! {
    async fn a_request_is_seen_by_its_guardian_its_districts_jurists_and_coordinators_only(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let jurist = app.staff_account("jurist@example.it", &[(Role::Jurist, District::Milano)]).await;
        let request = filed(&app, &guardian).await;
        let (status, shown) = page(&app, &guardian, &request).await;
        assert_eq!(status, StatusCode::OK);
        assert!(shown.contains("Conversione del permesso a 18 anni") && shown.contains("il permesso per minore età si converte"), "{shown}");
        assert!(shown.contains("Nuova") && shown.contains("C-"), "status and reference shown");

        let (status, staff_view) = page(&app, &jurist, &request).await;
        assert_eq!(status, StatusCode::OK);
        assert!(staff_view.contains("Risposta entro il") && staff_view.contains("Prendi in carico"), "the jurist sees the due times and can take it");
        let coordinator = app.coordinator().await;
        assert_eq!(page(&app, &coordinator, &request).await.0, StatusCode::OK);
        for (email, role, district) in [
            ("brescia-jurist@example.it", Role::Jurist, District::Brescia),
            ("other-guardian@example.it", Role::Guardian, District::Milano),
            ("trainer@example.it", Role::Trainer, District::Milano),
            ("operator@example.it", Role::Operator, District::Milano),
            ("brescia-coordinator@example.it", Role::Coordinator, District::Brescia),
        ] {
            let outsider = app.staff_account(email, &[(role, district)]).await;
            let (status, body) = page(&app, &outsider, &request).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{email}");
            assert!(!body.contains("il permesso per minore età si converte"), "{email} read nothing");
            let denied = act_json(&app, &outsider, "write", &[("id", id_of(&request)), ("body", "Intrusione"), ("step", "note")]).await;
            assert_eq!(denied.status(), StatusCode::NOT_FOUND, "{email} cannot write");
        }
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation_message").await, 1, "nobody else wrote");
        assert_eq!(location(&app.get(&request).await), "/login", "visitors sign in first");
        assert_eq!(page(&app, &jurist, "/consultations/not-a-request").await.0, StatusCode::NOT_FOUND);

        // The queue: Milano's jurist finds it; Brescia's does not; a guardian has none.
        let (_, queue) = page(&app, &jurist, "/consultations/queue").await;
        assert!(queue.contains("Conversione del permesso a 18 anni"), "{queue}");
        let brescia = app.staff_account("brescia-jurist-2@example.it", &[(Role::Jurist, District::Brescia)]).await;
        let (_, other_queue) = page(&app, &brescia, "/consultations/queue").await;
        assert!(!other_queue.contains("Conversione del permesso"), "another district's queue");
        assert_eq!(page(&app, &guardian, "/consultations/queue").await.0, StatusCode::FORBIDDEN);

        // Milano's jurist is told by mail, without the question's text.
        let mail = app.mail.wait_for("jurist@example.it", "Nuova richiesta di consulenza").await.decoded();
        assert!(mail.contains(&format!("/consultations/{}", id_of(&request))), "{mail}");
        assert!(!mail.contains("si converte da solo"), "the mail carries no content");
    }

    async fn bad_requests_are_refused_with_a_message_and_the_text_is_kept(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        for (changes, message) in [
            (vec![("body", "   ")], "Questo campo è obbligatorio"),
            (vec![("topic", "astrologia")], "Scegli una delle opzioni"),
            (vec![("deadline", "2020-01-10")], "La scadenza è già passata"),
            (vec![("deadline", "2027-02-30")], "Scrivi una data valida"),
            (vec![("district", "brescia")], "Scegli il distretto di Milano o di Brescia"),
            (vec![("subject", "No")], "da 3 a 150 caratteri"),
            (vec![("urgency", "subito")], "Scegli una delle opzioni"),
        ] {
            let response = file(&app, &guardian, &changes).await;
            let back = location(&response);
            assert!(back.starts_with("/consultations/new"), "{changes:?} → {back}");
            let (_, form) = page(&app, &guardian, &back).await;
            assert!(form.contains(message), "{changes:?}: {message}");
            assert!(form.contains("alert-danger") || form.contains("field-error"), "{changes:?}: the form says what is wrong");
        }
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation").await, 0, "nothing filed");
        let (_, form) = page(&app, &guardian, "/consultations/new").await;
        assert!(form.contains("Conversione del permesso a 18 anni"), "the subject waits as a draft");

        // The privacy guard warns first; confirmed, the request goes.
        let identifying = "Ahmed, 17 anni, nato il 12/03/2008: la Questura chiede il passaporto.";
        let warned = file(&app, &guardian, &[("body", identifying)]).await;
        assert!(location(&warned).starts_with("/consultations/new"));
        let (_, form) = page(&app, &guardian, "/consultations/new").await;
        assert!(form.contains("privacy-check") && form.contains("Ahmed, 17 anni"), "the warning, and the text kept");
        let confirmed = file(&app, &guardian, &[("body", identifying), ("privacy_confirmed", "on")]).await;
        assert!(location(&confirmed).starts_with("/consultations/"), "confirmed, it is filed");
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation").await, 1);
        assert_eq!(app.count("SELECT COUNT(*) FROM post_draft").await, 0, "the draft is done with");

        // Only guardians file.
        let jurist = app.staff_account("jurist@example.it", &[(Role::Jurist, District::Milano)]).await;
        assert_eq!(file(&app, &jurist, &[]).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(page(&app, &jurist, "/consultations/new").await.0, StatusCode::FORBIDDEN);
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation").await, 1);
    }

    async fn internal_notes_never_reach_the_requester(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let jurist = app.staff_account("jurist@example.it", &[(Role::Jurist, District::Milano)]).await;
        let request = filed(&app, &guardian).await;
        let id = id_of(&request);
        act(&app, &jurist, "write", &[("id", id), ("body", "NOTA-RISERVATA: sentire il collega dell'ufficio immigrazione"), ("step", "note")]).await;
        act(&app, &jurist, "write", &[("id", id), ("body", "Il ragazzo ha già un parere del Comitato?"), ("step", "ask")]).await;
        assert_eq!(status_of(&app, &request).await, "waiting");

        let (_, staff_view) = page(&app, &jurist, &request).await;
        assert!(staff_view.contains("NOTA-RISERVATA") && staff_view.contains("Nota interna"), "jurists read the note");
        let (_, guardian_view) = page(&app, &guardian, &request).await;
        assert!(guardian_view.contains("parere del Comitato"), "the question reaches the guardian");
        assert!(!guardian_view.contains("NOTA-RISERVATA") && !guardian_view.contains("Nota interna"), "the note does not");
        let data = guardian.post(app.url("/api/consultations/load")).header("accept", "application/json").form(&[("id", id)]).send().await.unwrap();
        assert_eq!(data.status(), StatusCode::OK);
        let data = data.text().await.unwrap();
        assert!(data.contains("parere del Comitato") && !data.contains("NOTA-RISERVATA"), "nor the data sent to the browser: {data}");
        let mail = app.mail.wait_for("guardian@example.it", "altre informazioni").await.decoded();
        assert!(!mail.contains("NOTA-RISERVATA") && !mail.contains("parere del Comitato"), "mails carry no content");
        // The guardian cannot write a note.
        let refused = act_json(&app, &guardian, "write", &[("id", id), ("body", "Una nota"), ("step", "note")]).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation_message WHERE kind = 'note'").await, 1);
    }

    async fn a_request_moves_through_its_states_with_its_clock_and_history(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let jurist = app.staff_account("jurist@example.it", &[(Role::Jurist, District::Milano)]).await;
        let request = filed(&app, &guardian).await;
        let id = id_of(&request);
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation WHERE due_at IS NOT NULL AND first_response_at IS NULL").await, 1, "due from the start");

        // Out of turn: nothing changes, and the page says why.
        let early = act(&app, &guardian, "step", &[("id", id), ("step", "close")]).await;
        assert_eq!(location(&early), request);
        let (_, shown) = page(&app, &guardian, &request).await;
        assert!(shown.contains("Non è possibile in questo stato"), "{shown}");
        assert_eq!(status_of(&app, &request).await, "new");

        act(&app, &jurist, "step", &[("id", id), ("step", "claim")]).await;
        assert_eq!(status_of(&app, &request).await, "assigned");
        act(&app, &jurist, "write", &[("id", id), ("body", "Mi serve sapere se c'è già un parere."), ("step", "ask")]).await;
        assert_eq!(status_of(&app, &request).await, "waiting");
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation WHERE due_at IS NULL AND paused_since IS NOT NULL AND first_response_at IS NOT NULL").await, 1, "the clock stops");
        act(&app, &guardian, "write", &[("id", id), ("body", "Non ancora, lo chiediamo questa settimana.")]).await;
        assert_eq!(status_of(&app, &request).await, "assigned");
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation WHERE due_at IS NOT NULL AND paused_since IS NULL AND awaiting_reply_since IS NOT NULL").await, 1, "and runs again");
        app.mail.wait_for("jurist@example.it", "nuovo messaggio del tutore").await;
        act(&app, &jurist, "write", &[("id", id), ("body", "La conversione richiede il parere: ecco come chiederlo."), ("step", "answer")]).await;
        assert_eq!(status_of(&app, &request).await, "answered");
        app.mail.wait_for("guardian@example.it", "è arrivata la risposta").await;
        let (_, answered) = page(&app, &guardian, &request).await;
        assert!(answered.contains("Chiudi la richiesta"), "the guardian may close it");

        act(&app, &guardian, "step", &[("id", id), ("step", "close")]).await;
        assert_eq!(status_of(&app, &request).await, "closed");
        let refused = act_json(&app, &guardian, "write", &[("id", id), ("body", "Ancora una cosa")]).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT, "a closed request takes no message");
        let refused = act_json(&app, &jurist, "write", &[("id", id), ("body", "Ancora una cosa"), ("step", "answer")]).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation_message").await, 4);

        act(&app, &guardian, "step", &[("id", id), ("step", "reopen")]).await;
        assert_eq!(status_of(&app, &request).await, "reopened");
        app.mail.wait_for("jurist@example.it", "riaperta").await;
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation WHERE due_at IS NOT NULL AND first_response_at IS NULL AND closed_at IS NULL").await, 1, "targets run again");
        // Closed more than 14 days ago: too late.
        act(&app, &jurist, "write", &[("id", id), ("body", "Confermo quanto scritto."), ("step", "answer")]).await;
        act(&app, &guardian, "step", &[("id", id), ("step", "close")]).await;
        let long_ago = tutela_app::ssr::clock::now() - 15 * tutela_app::ssr::clock::DAY;
        execute(&app, &format!("UPDATE consultation SET closed_at = {long_ago}")).await;
        let late = act_json(&app, &guardian, "step", &[("id", id), ("step", "reopen")]).await;
        assert_eq!(late.status(), StatusCode::CONFLICT);
        assert_eq!(status_of(&app, &request).await, "closed");

        let events = app.count("SELECT COUNT(*) FROM consultation_event WHERE event <> 'viewed'").await;
        assert_eq!(events, 9, "filed, claimed, asked, requester wrote, answered, closed, reopened, answered, closed");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'consultation.%' AND action <> 'consultation.viewed'").await, events);
        let (_, history) = page(&app, &jurist, &request).await;
        assert!(history.contains("Cronologia") && history.contains("presa in carico"), "jurists read the history");
        page(&app, &jurist, &request).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation_event WHERE event = 'viewed'").await, 1, "the jurist's visit is in the history, once per visit");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'consultation.viewed'").await, 1, "and in the audit log");
        let (_, own) = page(&app, &guardian, &request).await;
        assert!(!own.contains("Cronologia"), "requesters do not");
    }

    async fn coordinators_assign_to_their_districts_jurists_and_two_jurists_see_each_other(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let jurist = app.staff_account("jurist@example.it", &[(Role::Jurist, District::Milano)]).await;
        let colleague = app.staff_account("colleague@example.it", &[(Role::Jurist, District::Milano)]).await;
        app.staff_account("brescia-jurist@example.it", &[(Role::Jurist, District::Brescia)]).await;
        let coordinator = app.coordinator().await;
        let request = filed(&app, &guardian).await;
        let id = id_of(&request);
        let elsewhere = app.user_id("brescia-jurist@example.it").await;
        let refused = act(&app, &coordinator, "assign", &[("id", id), ("jurist", &elsewhere)]).await;
        assert_eq!(location(&refused), request);
        assert_eq!(status_of(&app, &request).await, "new", "not to another district's jurist");
        let refused = act_json(&app, &jurist, "assign", &[("id", id), ("jurist", &app.user_id("colleague@example.it").await)]).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "jurists do not assign");

        let chosen = app.user_id("jurist@example.it").await;
        act(&app, &coordinator, "assign", &[("id", id), ("jurist", &chosen)]).await;
        assert_eq!(status_of(&app, &request).await, "assigned");
        app.mail.wait_for("jurist@example.it", "Ti è stata assegnata").await;
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation WHERE assignee_id IS NOT NULL").await, 1);

        page(&app, &jurist, &request).await;
        let (_, seen) = page(&app, &colleague, &request).await;
        assert!(seen.contains("ha aperto questa richiesta negli ultimi minuti"), "the colleague is warned: {seen}");
        let (_, own_view) = page(&app, &guardian, &request).await;
        assert!(!own_view.contains("negli ultimi minuti"), "the guardian is not");
    }

    async fn the_queue_filters_sorts_and_counts_its_views(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let jurist = app.staff_account("jurist@example.it", &[(Role::Jurist, District::Milano)]).await;
        location(&file(&app, &guardian, &[("urgency", "low"), ("subject", "Domanda generale sul codice fiscale"), ("topic", "salute-cf")]).await);
        location(&file(&app, &guardian, &[("urgency", "urgent"), ("subject", "Udienza al tribunale la settimana prossima"), ("topic", "tribunale-comunita")]).await);
        let normal = filed(&app, &guardian).await;
        act(&app, &jurist, "step", &[("id", id_of(&normal)), ("step", "claim")]).await;

        let (_, queue) = page(&app, &jurist, "/consultations/queue").await;
        let (u, n, l) = (queue.find("Udienza al tribunale").unwrap(), queue.find("Conversione del permesso").unwrap(), queue.find("Domanda generale").unwrap());
        assert!(u < n && n < l, "by due time: urgent, normal, low");
        let count_of = |view: &str| {
            let at = queue.find(&format!("view={view}\"")).expect(view);
            let link = &queue[at..at + queue[at..].find("</a>").unwrap()];
            link[link.find("count\">").unwrap() + 7..].split('<').next().unwrap().to_owned()
        };
        assert_eq!((count_of("mine"), count_of("unassigned"), count_of("open"), count_of("overdue")), ("1".into(), "2".into(), "3".into(), "0".into()));
        let (_, mine) = page(&app, &jurist, "/consultations/queue?view=mine").await;
        assert!(mine.contains("Conversione del permesso") && !mine.contains("Udienza al tribunale"), "mine");
        let (_, unassigned) = page(&app, &jurist, "/consultations/queue?view=unassigned").await;
        assert!(!unassigned.contains("Conversione del permesso") && unassigned.contains("Udienza al tribunale"), "unassigned");
        let (_, by_topic) = page(&app, &jurist, "/consultations/queue?topic=salute-cf").await;
        assert!(by_topic.contains("Domanda generale") && !by_topic.contains("Udienza al tribunale"), "by topic");
        let (_, by_urgency) = page(&app, &jurist, "/consultations/queue?urgency=urgent").await;
        assert!(by_urgency.contains("Udienza al tribunale") && !by_urgency.contains("Domanda generale"), "by urgency");

        execute(&app, "UPDATE consultation SET due_at = 1000 WHERE urgency = 'urgent'").await;
        let (_, overdue) = page(&app, &jurist, "/consultations/queue?view=overdue").await;
        assert!(overdue.contains("Udienza al tribunale") && overdue.contains("Scaduta") && !overdue.contains("Domanda generale"), "overdue stands out");
        let (status, junk) = page(&app, &jurist, "/consultations/queue?view=nonsense&status=??&page=99").await;
        assert_eq!(status, StatusCode::OK, "unknown filters are ignored");
        assert!(junk.contains("Udienza al tribunale"));
    }
}

/// Changes the database behind the server's back, as time passing would.
async fn execute(app: &TestApp, sql: &str) {
    use sea_orm::ConnectionTrait as _;
    app.db.execute_unprepared(sql).await.unwrap();
}
