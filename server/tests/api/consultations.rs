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

/// A form as a browser posts one that carries files.
fn multipart(fields: &[(&str, &str)], files: &[(&str, &[u8])]) -> reqwest::multipart::Form {
    let mut form = reqwest::multipart::Form::new();
    for (name, value) in fields {
        form = form.text((*name).to_owned(), (*value).to_owned());
    }
    for (name, bytes) in files {
        form = form.part("files", reqwest::multipart::Part::bytes(bytes.to_vec()).file_name((*name).to_owned()));
    }
    form
}

/// Files a request with `changes` over a valid one and `files`; returns the response.
async fn file_with(app: &TestApp, client: &Client, changes: &[(&str, &str)], files: &[(&str, &[u8])]) -> reqwest::Response {
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
    client.post(app.url("/api/consultations/file")).multipart(multipart(&fields, files)).send().await.unwrap()
}

pub(crate) async fn file(app: &TestApp, client: &Client, changes: &[(&str, &str)]) -> reqwest::Response {
    file_with(app, client, changes, &[]).await
}

/// A message in the thread, as the page's form sends it.
pub(crate) async fn write(app: &TestApp, client: &Client, fields: &[(&str, &str)], files: &[(&str, &[u8])]) -> reqwest::Response {
    client.post(app.url("/api/consultations/write")).multipart(multipart(fields, files)).send().await.unwrap()
}

/// The same, asking for the JSON answer a script gets.
async fn write_json(app: &TestApp, client: &Client, fields: &[(&str, &str)]) -> reqwest::Response {
    client
        .post(app.url("/api/consultations/write"))
        .header("accept", "application/json")
        .multipart(multipart(fields, &[]))
        .send()
        .await
        .unwrap()
}

/// A guardian of Milano's request, filed; its address.
pub(crate) async fn filed(app: &TestApp, guardian: &Client) -> String {
    let response = file(app, guardian, &[]).await;
    let at = location(&response);
    assert!(at.starts_with("/consultations/") && at.len() > "/consultations/".len() + 30, "{at}");
    at
}

pub(crate) fn id_of(path: &str) -> &str {
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
            let denied = write_json(&app, &outsider, &[("id", id_of(&request)), ("body", "Intrusione"), ("step", "note")]).await;
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
        write(&app, &jurist, &[("id", id), ("body", "NOTA-RISERVATA: sentire il collega dell'ufficio immigrazione"), ("step", "note")], &[]).await;
        write(&app, &jurist, &[("id", id), ("body", "Il ragazzo ha già un parere del Comitato?"), ("step", "ask")], &[]).await;
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
        let refused = write_json(&app, &guardian, &[("id", id), ("body", "Una nota"), ("step", "note")]).await;
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
        write(&app, &jurist, &[("id", id), ("body", "Mi serve sapere se c'è già un parere."), ("step", "ask")], &[]).await;
        assert_eq!(status_of(&app, &request).await, "waiting");
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation WHERE due_at IS NULL AND paused_since IS NOT NULL AND first_response_at IS NOT NULL").await, 1, "the clock stops");
        write(&app, &guardian, &[("id", id), ("body", "Non ancora, lo chiediamo questa settimana.")], &[]).await;
        assert_eq!(status_of(&app, &request).await, "assigned");
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation WHERE due_at IS NOT NULL AND paused_since IS NULL AND awaiting_reply_since IS NOT NULL").await, 1, "and runs again");
        app.mail.wait_for("jurist@example.it", "nuovo messaggio del tutore").await;
        write(&app, &jurist, &[("id", id), ("body", "La conversione richiede il parere: ecco come chiederlo."), ("step", "answer")], &[]).await;
        assert_eq!(status_of(&app, &request).await, "answered");
        app.mail.wait_for("guardian@example.it", "è arrivata la risposta").await;
        let (_, answered) = page(&app, &guardian, &request).await;
        assert!(answered.contains("Chiudi la richiesta"), "the guardian may close it");

        act(&app, &guardian, "step", &[("id", id), ("step", "close")]).await;
        assert_eq!(status_of(&app, &request).await, "closed");
        let refused = write_json(&app, &guardian, &[("id", id), ("body", "Ancora una cosa")]).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT, "a closed request takes no message");
        let refused = write_json(&app, &jurist, &[("id", id), ("body", "Ancora una cosa"), ("step", "answer")]).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation_message").await, 4);

        act(&app, &guardian, "step", &[("id", id), ("step", "reopen")]).await;
        assert_eq!(status_of(&app, &request).await, "reopened");
        app.mail.wait_for("jurist@example.it", "riaperta").await;
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation WHERE due_at IS NOT NULL AND first_response_at IS NULL AND closed_at IS NULL").await, 1, "targets run again");
        // Closed more than 14 days ago: too late.
        write(&app, &jurist, &[("id", id), ("body", "Confermo quanto scritto."), ("step", "answer")], &[]).await;
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
        let (_, by_assignee) = page(&app, &jurist, &format!("/consultations/queue?view=all&assignee={}", app.user_id("jurist@example.it").await)).await;
        assert!(by_assignee.contains("Conversione del permesso") && !by_assignee.contains("Udienza al tribunale"), "by assignee");
        let (_, by_urgency) = page(&app, &jurist, "/consultations/queue?urgency=urgent").await;
        assert!(by_urgency.contains("Udienza al tribunale") && !by_urgency.contains("Domanda generale"), "by urgency");

        execute(&app, "UPDATE consultation SET due_at = 1000 WHERE urgency = 'urgent'").await;
        let (_, overdue) = page(&app, &jurist, "/consultations/queue?view=overdue").await;
        assert!(overdue.contains("Udienza al tribunale") && overdue.contains("Scaduta") && !overdue.contains("Domanda generale"), "overdue stands out");
        let (status, junk) = page(&app, &jurist, "/consultations/queue?view=nonsense&status=??&page=99").await;
        assert_eq!(status, StatusCode::OK, "unknown filters are ignored");
        assert!(junk.contains("Udienza al tribunale"));
    }

    async fn attachments_are_checked_by_content_and_served_only_to_whom_may_read_them(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let jurist = app.staff_account("jurist@example.it", &[(Role::Jurist, District::Milano)]).await;
        let pdf: &[u8] = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

        // A program named like a PDF, and a file over the limit: refused, nothing stored, the text kept.
        let disguised = file_with(&app, &guardian, &[], &[("decreto.pdf", b"MZ\x90\0\x03\0\0\0 this program cannot be run in DOS mode")]).await;
        assert!(location(&disguised).starts_with("/consultations/new"));
        let (_, form) = page(&app, &guardian, &location(&disguised)).await;
        assert!(form.contains("letto nel contenuto, non è uno di questi") && form.contains("sceglili di nuovo"), "{form}");
        let mut large = pdf.to_vec();
        large.resize(10 * 1024 * 1024 + 1, b' ');
        let too_large = file_with(&app, &guardian, &[], &[("scansione.pdf", &large)]).await;
        let (_, form) = page(&app, &guardian, &location(&too_large)).await;
        assert!(form.contains("supera i 10 MB"), "too large");
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation").await + app.count("SELECT COUNT(*) FROM stored_file").await, 0);

        let filed = file_with(&app, &guardian, &[], &[("decreto di nomina.pdf", pdf)]).await;
        let request = location(&filed);
        assert!(request.starts_with("/consultations/") && !request.contains("new"), "{request}");
        let id = id_of(&request).to_owned();
        write(&app, &jurist, &[("id", &id), ("body", "Bozza di parere da rivedere"), ("step", "note")], &[("bozza-interna.pdf", pdf)]).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM stored_file").await, 2);

        let (_, staff_view) = page(&app, &jurist, &request).await;
        let link = |html: &str, name: &str| -> String {
            let at = html.find(name).unwrap_or_else(|| panic!("{name} listed"));
            let href = html[..at].rfind("href=\"").unwrap() + 6;
            html[href..href + html[href..].find('"').unwrap()].to_owned()
        };
        let decree = link(&staff_view, ">decreto di nomina.pdf<");
        let draft = link(&staff_view, ">bozza-interna.pdf<");
        let served = jurist.get(app.url(&decree)).send().await.unwrap();
        assert_eq!(served.status(), StatusCode::OK);
        assert_eq!(served.headers()["content-type"], "application/pdf");
        assert!(served.headers()["content-disposition"].to_str().unwrap().starts_with("attachment;"));
        assert_eq!(served.headers()["x-content-type-options"], "nosniff");
        assert_eq!(&served.bytes().await.unwrap()[..], pdf, "the same bytes back");

        // The guardian reads their own file, never the note's.
        let (_, own_view) = page(&app, &guardian, &request).await;
        assert!(own_view.contains("decreto di nomina.pdf") && !own_view.contains("bozza-interna.pdf"));
        assert_eq!(guardian.get(app.url(&decree)).send().await.unwrap().status(), StatusCode::OK);
        assert_eq!(guardian.get(app.url(&draft)).send().await.unwrap().status(), StatusCode::NOT_FOUND);
        // Nobody else reads either.
        let outsider = app.staff_account("brescia-jurist@example.it", &[(Role::Jurist, District::Brescia)]).await;
        assert_eq!(outsider.get(app.url(&decree)).send().await.unwrap().status(), StatusCode::NOT_FOUND);
        let other = app.staff_account("other-guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        assert_eq!(other.get(app.url(&decree)).send().await.unwrap().status(), StatusCode::NOT_FOUND);
        assert_eq!(location(&app.get(&decree).await), "/login");
        // A file of another request, through this one's address: not found.
        let second = location(&file_with(&app, &guardian, &[("subject", "Seconda richiesta")], &[("altro.pdf", pdf)]).await);
        let (_, second_view) = page(&app, &guardian, &second).await;
        let other_file = link(&second_view, ">altro.pdf<");
        let crossed = other_file.replace(id_of(&second), &id);
        assert_eq!(guardian.get(app.url(&crossed)).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    }

    async fn the_guardian_rates_an_answered_request_which_closes_it(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let jurist = app.staff_account("jurist@example.it", &[(Role::Jurist, District::Milano)]).await;
        let request = filed(&app, &guardian).await;
        let id = id_of(&request).to_owned();
        let early = act_json(&app, &guardian, "rate", &[("id", &id), ("rating", "5"), ("comment", "")]).await;
        assert_eq!(early.status(), StatusCode::CONFLICT, "nothing to rate before the answer");
        write(&app, &jurist, &[("id", &id), ("body", "Serve il parere del Comitato: ecco come chiederlo."), ("step", "answer")], &[]).await;
        let (_, answered) = page(&app, &guardian, &request).await;
        assert!(answered.contains("Com&#x27;è andata?") || answered.contains("Com'è andata?"), "the rating form");

        for wrong in ["0", "6", "cinque", ""] {
            let refused = act(&app, &guardian, "rate", &[("id", &id), ("rating", wrong), ("comment", "")]).await;
            assert_eq!(location(&refused), format!("{request}#rate"), "{wrong}");
        }
        let too_long = "x".repeat(1001);
        act(&app, &guardian, "rate", &[("id", &id), ("rating", "4"), ("comment", &too_long)]).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation WHERE rating IS NOT NULL").await, 0, "nothing rated");
        let denied = act_json(&app, &jurist, "rate", &[("id", &id), ("rating", "5"), ("comment", "")]).await;
        assert_eq!(denied.status(), StatusCode::FORBIDDEN, "only the requester rates");

        act(&app, &guardian, "rate", &[("id", &id), ("rating", "4"), ("comment", "Chiara e veloce.")]).await;
        assert_eq!(status_of(&app, &request).await, "closed", "rating closes it");
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation WHERE rating = 4 AND rating_comment = 'Chiara e veloce.' AND closed_at IS NOT NULL").await, 1);
        let (_, staff_view) = page(&app, &jurist, &request).await;
        assert!(staff_view.contains("Valutazione: 4 su 5") && staff_view.contains("Chiara e veloce."), "the jurist reads the rating");
        let (_, own_view) = page(&app, &guardian, &request).await;
        assert!(!own_view.contains("Invia la valutazione") && own_view.contains("Riapri la richiesta"), "rated once; reopening stays possible");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'consultation.rated'").await, 1);
    }

    async fn jurists_are_reminded_before_a_due_time_and_coordinators_told_of_a_breach_once(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let jurist = app.staff_account("jurist@example.it", &[(Role::Jurist, District::Milano)]).await;
        app.staff_account("coordinator@example.it", &[(Role::Coordinator, District::Milano)]).await;
        app.staff_account("brescia-coordinator@example.it", &[(Role::Coordinator, District::Brescia)]).await;
        let request = filed(&app, &guardian).await;
        act(&app, &jurist, "step", &[("id", id_of(&request)), ("step", "claim")]).await;
        let now = tutela_app::ssr::clock::now();

        execute(&app, &format!("UPDATE consultation SET due_at = {}", now + 3600)).await;
        let soon = app.mail.wait_for("jurist@example.it", "in scadenza").await.decoded();
        assert!(soon.contains(&format!("/consultations/{}", id_of(&request))) && !soon.contains("converte da solo"), "a link, no content");
        app.wait_until_count("SELECT COUNT(*) FROM consultation WHERE warned_due_at IS NOT NULL", 1).await;

        execute(&app, &format!("UPDATE consultation SET due_at = {}", now - 60)).await;
        app.mail.wait_for("jurist@example.it", "tempo di risposta superato").await;
        app.mail.wait_for("coordinator@example.it", "tempo di risposta superato").await;
        app.wait_until_count("SELECT COUNT(*) FROM consultation WHERE breached_due_at IS NOT NULL", 1).await;
        let (jurist_mails, coordinator_mails) = (app.mail.received_for("jurist@example.it").await, app.mail.received_for("coordinator@example.it").await);
        tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
        assert_eq!(app.mail.received_for("jurist@example.it").await, jurist_mails, "told once");
        assert_eq!(app.mail.received_for("coordinator@example.it").await, coordinator_mails, "told once");
        assert_eq!(app.mail.received_for("brescia-coordinator@example.it").await, 0, "not another district's coordinators");
        // The guardian is never told of the service levels.
        assert_eq!(app.mail.received_for("guardian@example.it").await, 0);
    }

    async fn a_guardian_invites_the_social_worker_who_then_reads_and_writes_but_never_sees_notes(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let jurist = app.staff_account("jurist@example.it", &[(Role::Jurist, District::Milano)]).await;
        let worker = app.staff_account("worker@example.it", &[(Role::Operator, District::Milano)]).await;
        let stranger = app.staff_account("stranger@example.it", &[(Role::Operator, District::Milano)]).await;
        let request = filed(&app, &guardian).await;
        let id = id_of(&request).to_owned();
        write(&app, &jurist, &[("id", &id), ("body", "NOTA-RISERVATA sul caso"), ("step", "note")], &[]).await;
        assert_eq!(page(&app, &worker, &request).await.0, StatusCode::NOT_FOUND, "not before joining");

        let refused = act(&app, &guardian, "invite", &[("id", &id), ("email", "non-un-indirizzo")]).await;
        assert_eq!(location(&refused), format!("{request}#invite"));
        let denied = act_json(&app, &jurist, "invite", &[("id", &id), ("email", "worker@example.it")]).await;
        assert_eq!(denied.status(), StatusCode::FORBIDDEN, "only the guardian invites");
        act(&app, &guardian, "invite", &[("id", &id), ("email", "Worker@Example.it")]).await;
        let mail = app.mail.wait_for("worker@example.it", "ti invita a seguire la richiesta").await;
        let link = mail.link_containing("/consultations/join/").expect("the invitation's link");
        let path = &link[link.find("/consultations/join/").unwrap()..];
        assert!(!mail.decoded().contains("si converte da solo"), "the invitation carries no content");

        // Someone else holding the link cannot use it.
        let (_, offer) = page(&app, &stranger, path).await;
        assert!(offer.contains("esci e accedi con quell") && !offer.contains("Partecipa alla richiesta"), "{offer}");
        let token = path.trim_start_matches("/consultations/join/");
        act(&app, &stranger, "join", &[("token", token)]).await;
        assert_eq!(page(&app, &stranger, &request).await.0, StatusCode::NOT_FOUND);

        let (_, offer) = page(&app, &worker, path).await;
        assert!(offer.contains("Partecipa alla richiesta"), "{offer}");
        let joined = act(&app, &worker, "join", &[("token", token)]).await;
        assert_eq!(location(&joined), request);
        let again = act_json(&app, &worker, "join", &[("token", token)]).await;
        assert_eq!(again.status(), StatusCode::BAD_REQUEST, "a link works once");

        let (status, shown) = page(&app, &worker, &request).await;
        assert_eq!(status, StatusCode::OK);
        assert!(shown.contains("il permesso per minore età si converte") && !shown.contains("NOTA-RISERVATA"), "the thread, never the notes");
        let (_, list) = page(&app, &worker, "/consultations").await;
        assert!(list.contains("Conversione del permesso a 18 anni"), "in the worker's own list");
        write(&app, &worker, &[("id", &id), ("body", "Sono l'assistente sociale: il ragazzo ha il passaporto.")], &[]).await;
        write(&app, &jurist, &[("id", &id), ("body", "Grazie: serve anche il parere del Comitato?"), ("step", "ask")], &[]).await;
        app.mail.wait_for("worker@example.it", "altre informazioni").await;
        app.mail.wait_for("guardian@example.it", "altre informazioni").await;
        let (_, staff_view) = page(&app, &jurist, &request).await;
        assert!(staff_view.contains("il ragazzo ha il passaporto") && staff_view.contains("Partecipano anche"), "{staff_view}");
        let refused = act_json(&app, &worker, "step", &[("id", &id), ("step", "close")]).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "closing stays the guardian's");
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation_event WHERE event IN ('invited', 'joined')").await, 2);
    }

    async fn jurists_keep_canned_replies_and_start_an_answer_from_one_filled_for_the_request(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let jurist = app.staff_account("jurist@example.it", &[(Role::Jurist, District::Milano)]).await;
        let request = location(&file(&app, &guardian, &[("deadline", "2099-03-15")]).await);
        assert_eq!(page(&app, &guardian, "/consultations/replies").await.0, StatusCode::FORBIDDEN);
        let denied = act_json(&app, &guardian, "save_reply", &[("id", ""), ("title", "Mia"), ("body", "Testo")]).await;
        assert_eq!(denied.status(), StatusCode::FORBIDDEN);

        let refused = act(&app, &jurist, "save_reply", &[("id", ""), ("title", " "), ("body", "Testo")]).await;
        assert_eq!(location(&refused), "/consultations/replies");
        assert_eq!(app.count("SELECT COUNT(*) FROM canned_reply").await, 0);
        let body = "Gentile {tutore}, sulla richiesta {riferimento} ({tema}, scadenza {scadenza}): serve il parere del Comitato. {giurista}";
        act(&app, &jurist, "save_reply", &[("id", ""), ("title", "Parere per la conversione"), ("body", body)]).await;
        let (_, replies) = page(&app, &jurist, "/consultations/replies").await;
        assert!(replies.contains("Parere per la conversione"), "{replies}");
        let id = {
            let at = replies.find("name=\"id\" value=\"").unwrap() + 17;
            replies[at..at + 36].to_owned()
        };

        let (_, started) = page(&app, &jurist, &format!("{request}?canned={id}")).await;
        let reference = format!("C-{}", id_of(&request)[..8].to_uppercase());
        let filled = format!("Gentile Staff Member, sulla richiesta {reference} (Compimento dei 18 anni, scadenza 15/03/2099): serve il parere del Comitato. Staff Member");
        assert!(started.contains(&filled), "the placeholders filled: {started}");
        let (_, guardian_view) = page(&app, &guardian, &format!("{request}?canned={id}")).await;
        assert!(!guardian_view.contains("serve il parere del Comitato"), "only a jurist starts from one");

        act(&app, &jurist, "save_reply", &[("id", &id), ("title", "Parere del Comitato"), ("body", "Nuovo testo")]).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM canned_reply WHERE title = 'Parere del Comitato' AND body = 'Nuovo testo'").await, 1);
        act(&app, &jurist, "delete_reply", &[("id", &id)]).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM canned_reply").await, 0);
    }
}

/// Changes the database behind the server's back, as time passing would.
async fn execute(app: &TestApp, sql: &str) {
    use sea_orm::ConnectionTrait as _;
    app.db.execute_unprepared(sql).await.unwrap();
}

on_both_engines! {
    config = "round_robin_districts = \"milano\"";

    async fn new_requests_go_to_the_available_jurists_in_turn_where_the_district_says_so(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let brescia_guardian = app.staff_account("guardian-bs@example.it", &[(Role::Guardian, District::Brescia)]).await;
        app.staff_account("brescia-jurist@example.it", &[(Role::Jurist, District::Brescia)]).await;
        let mut jurists = Vec::new();
        for email in ["anna@example.it", "bruno@example.it", "carla@example.it"] {
            jurists.push((email, app.staff_account(email, &[(Role::Jurist, District::Milano)]).await));
        }
        let away = &jurists[2].1;
        act(&app, away, "set_turn", &[("district", "milano")]).await;
        let (_, queue) = page(&app, away, "/consultations/queue").await;
        assert!(queue.contains("Ricevo a turno le nuove richieste di Milano") && !queue.contains("checked"), "the away jurist's box is unticked");
        let denied = act_json(&app, &guardian, "set_turn", &[("district", "milano"), ("available", "on")]).await;
        assert_eq!(denied.status(), StatusCode::FORBIDDEN);

        for n in 0..4 {
            file(&app, &guardian, &[("subject", &format!("Richiesta numero {n}"))]).await;
        }
        let given = |email: &str| format!("SELECT COUNT(*) FROM consultation c JOIN \"user\" u ON u.id = c.assignee_id WHERE u.email = '{email}'");
        let counts = (app.count(&given("anna@example.it")).await, app.count(&given("bruno@example.it")).await, app.count(&given("carla@example.it")).await);
        assert_eq!(counts, (2, 2, 0), "in turn, the away jurist left out");
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation WHERE status = 'assigned' AND due_at IS NOT NULL").await, 4);
        app.mail.wait_for("anna@example.it", "Ti è stata assegnata").await;
        app.mail.wait_for("bruno@example.it", "Ti è stata assegnata").await;
        assert_eq!(app.mail.received_for("carla@example.it").await, 0, "nothing for the jurist away");

        // A district without round-robin keeps the queue.
        file(&app, &brescia_guardian, &[("district", "brescia")]).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation WHERE district = 'brescia' AND status = 'new' AND assignee_id IS NULL").await, 1);
        app.mail.wait_for("brescia-jurist@example.it", "Nuova richiesta di consulenza").await;
    }
}

on_both_engines! {
    config = "consultation_retention_days = 30\nhousekeeping_seconds = 1";

    async fn closed_requests_past_the_retention_period_are_anonymised(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let jurist = app.staff_account("jurist@example.it", &[(Role::Jurist, District::Milano)]).await;
        let pdf: &[u8] = b"%PDF-1.4\n%%EOF\n";
        let body = "Ahmed, 16 anni, telefono 347 123 4567: la Questura chiede il passaporto per il permesso.";
        let old = location(&file_with(&app, &guardian, &[("body", body), ("privacy_confirmed", "on"), ("subject", "Passaporto di Ahmed")], &[("passaporto.pdf", pdf)]).await);
        let recent = filed(&app, &guardian).await;
        act(&app, &guardian, "invite", &[("id", id_of(&old)), ("email", "worker@example.it")]).await;
        for request in [&old, &recent] {
            write(&app, &jurist, &[("id", id_of(request)), ("body", "Il passaporto non serve per il permesso per minore età."), ("step", "answer")], &[]).await;
            act(&app, &guardian, "step", &[("id", id_of(request)), ("step", "close")]).await;
        }
        let (_, before) = page(&app, &jurist, &old).await;
        let file_link = {
            let at = before.find("/files/").unwrap();
            let start = before[..at].rfind('"').unwrap() + 1;
            before[start..at + before[at..].find('"').unwrap()].to_owned()
        };
        let long_ago = tutela_app::ssr::clock::now() - 31 * tutela_app::ssr::clock::DAY;
        execute(&app, &format!("UPDATE consultation SET closed_at = {long_ago} WHERE subject = 'Passaporto di Ahmed'")).await;

        app.wait_until_count("SELECT COUNT(*) FROM consultation WHERE anonymised_at IS NOT NULL", 1).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation WHERE anonymised_at IS NOT NULL AND requester_id IS NULL AND subject LIKE 'C-%' AND topic = 'diciotto' AND district = 'milano'").await, 1, "kept for statistics, without who asked");
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation_message WHERE body LIKE '%Ahmed%' OR body LIKE '%347 123 4567%' OR body_html LIKE '%Ahmed%'").await, 0, "the identifying passages are gone");
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation_message WHERE body LIKE '%la Questura chiede il passaporto per il permesso%'").await, 1, "the rest of the text stays");
        assert_eq!(app.count("SELECT COUNT(*) FROM stored_file").await, 0, "its files are deleted");
        assert_eq!(jurist.get(app.url(&file_link)).send().await.unwrap().status(), StatusCode::NOT_FOUND);
        assert_eq!(page(&app, &guardian, &old).await.0, StatusCode::NOT_FOUND, "no longer anyone's own request");
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation_event WHERE event = 'anonymised'").await, 1);
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation WHERE anonymised_at IS NULL AND requester_id IS NOT NULL").await, 1, "a recent one is untouched");
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation_invite").await, 0, "the invitation and its address are gone");
        assert_eq!(app.count("SELECT COUNT(*) FROM consultation_event WHERE detail LIKE '%worker@example.it%'").await, 0);
    }
}

on_both_engines! {
    async fn coordinators_see_their_districts_statistics_and_download_them(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let jurist = app.staff_account("jurist@example.it", &[(Role::Jurist, District::Milano)]).await;
        app.staff_account("idle-jurist@example.it", &[(Role::Jurist, District::Milano)]).await;
        let answered = filed(&app, &guardian).await;
        filed(&app, &guardian).await;
        write(&app, &jurist, &[("id", id_of(&answered)), ("body", "La risposta, con l'art. 32 TU."), ("step", "answer")], &[]).await;
        act(&app, &guardian, "rate", &[("id", id_of(&answered)), ("rating", "4"), ("comment", "")]).await;

        let coordinator = app.coordinator().await;
        let (status, shown) = page(&app, &coordinator, "/consultations/stats").await;
        assert_eq!(status, StatusCode::OK);
        assert!(shown.contains("<svg") && shown.contains("Richieste ricevute per mese"), "the charts, drawn on the server");
        assert!(shown.contains("Staff Member") && shown.contains("4.0 (1)"), "the jurist with their rating\n{shown}");
        let months = coordinator.get(app.url("/consultations/stats.csv?of=months")).send().await.unwrap();
        assert_eq!(months.status(), StatusCode::OK);
        assert!(months.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
        let months = months.text().await.unwrap();
        let this_month = months.lines().last().unwrap();
        assert!(months.starts_with("Mese,Ricevute,Con risposta,") && this_month.contains(",2,1,") && this_month.ends_with(",1,4.0"), "{months}");
        let jurists = coordinator.get(app.url("/consultations/stats.csv?of=jurists&district=milano")).send().await.unwrap().text().await.unwrap();
        assert_eq!(jurists.lines().count(), 3, "a line per Milano jurist, the idle one too\n{jurists}");
        assert!(jurists.contains("Staff Member,Milano,0,0,1,"), "{jurists}");

        // Nobody else: jurists, guardians, another district's coordinator, visitors.
        for client in [&jurist, &guardian] {
            assert_eq!(page(&app, client, "/consultations/stats").await.0, StatusCode::FORBIDDEN);
            assert_eq!(client.get(app.url("/consultations/stats.csv?of=months")).send().await.unwrap().status(), StatusCode::NOT_FOUND);
        }
        let brescia = app.staff_account("brescia-coordinator@example.it", &[(Role::Coordinator, District::Brescia)]).await;
        let other = brescia.get(app.url("/consultations/stats.csv?of=months&district=milano")).send().await.unwrap();
        assert_eq!(other.status(), StatusCode::NOT_FOUND, "another district's figures");
        let own = brescia.get(app.url("/consultations/stats.csv?of=months")).send().await.unwrap().text().await.unwrap();
        assert!(own.lines().skip(1).all(|line| line.contains(",0,0,,,0,")), "Brescia has no requests\n{own}");
        assert_eq!(location(&app.get("/consultations/stats.csv?of=months").await), "/login");
    }
}
