//! The public FAQ: an entry written from an answered request, kept from
//! everyone but staff until a second jurist or a coordinator approves it,
//! then public, searchable and offered on the filing form.

use reqwest::{Client, StatusCode};
use tutela_app::domain::{District, Role};

use crate::{
    community::page,
    consultations::{file, filed, id_of, write},
    helpers::{TestApp, location},
    on_both_engines,
};

const ANSWER: &str = "Prima dei 18 anni il tutore chiede alla questura la conversione del permesso (art. 32 d.lgs. 286/1998), \
                      con il parere del Comitato se serve.";

async fn faq(app: &TestApp, client: &Client, action: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    client.post(app.url(&format!("/api/faq/{action}"))).form(fields).send().await.unwrap()
}

async fn faq_json(app: &TestApp, client: &Client, action: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    client.post(app.url(&format!("/api/faq/{action}"))).header("accept", "application/json").form(fields).send().await.unwrap()
}

async fn entry_status(app: &TestApp, id: &str) -> String {
    use sea_orm::EntityTrait as _;
    let id = sea_orm::prelude::Uuid::parse_str(id).unwrap();
    tutela_app::ssr::entities::faq_entry::Entity::find_by_id(id).one(&app.db).await.unwrap().unwrap().status
}

on_both_engines! {
    async fn an_answered_request_becomes_a_public_faq_entry_once_someone_else_approves_it(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let jurist = app.staff_account("jurist@example.it", &[(Role::Jurist, District::Milano)]).await;
        let request = filed(&app, &guardian).await;
        let consultation = id_of(&request);

        // Not before an answer, and never by the requester or another district.
        let early = faq_json(&app, &jurist, "start", &[("consultation", consultation)]).await;
        assert_eq!(early.status(), StatusCode::CONFLICT);
        write(&app, &jurist, &[("id", consultation), ("body", ANSWER), ("step", "answer")], &[]).await;
        assert_eq!(faq_json(&app, &guardian, "start", &[("consultation", consultation)]).await.status(), StatusCode::FORBIDDEN);
        let brescia = app.staff_account("brescia-jurist@example.it", &[(Role::Jurist, District::Brescia)]).await;
        assert_eq!(faq_json(&app, &brescia, "start", &[("consultation", consultation)]).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.count("SELECT COUNT(*) FROM faq_entry").await, 0, "nothing started");

        // The jurist starts it from the request: the question quoted, the answer below.
        let (_, thread) = page(&app, &jurist, &request).await;
        assert!(thread.contains("Crea una voce FAQ"), "the request offers it");
        let entry = location(&faq(&app, &jurist, "start", &[("consultation", consultation)]).await);
        assert!(entry.starts_with("/faq/"), "{entry}");
        let id = entry.trim_start_matches("/faq/").to_owned();
        let again = location(&faq(&app, &jurist, "start", &[("consultation", consultation)]).await);
        assert_eq!(again, entry, "one entry per request");
        let (status, draft) = page(&app, &jurist, &entry).await;
        assert_eq!(status, StatusCode::OK);
        assert!(draft.contains("> Il ragazzo compie 18 anni") && draft.contains("conversione del permesso"), "{draft}");
        assert!(draft.contains("Bozza") && draft.contains("Dalla richiesta C-"), "state and source for staff");

        // Nobody else sees a draft: not visitors, not guardians.
        assert_eq!(app.get(&entry).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(page(&app, &guardian, &entry).await.0, StatusCode::NOT_FOUND);
        assert!(!app.page("/faq").await.contains("Conversione del permesso"), "not listed");

        // The privacy guard warns; the text is kept, the entry unchanged.
        let identifying = "Ahmed, 17 anni, nato il 03/04/2008: il tutore chiede la conversione.";
        let fields = [("id", id.as_str()), ("title", "Che cosa succede al permesso a 18 anni?"), ("topic", "diciotto"), ("body", identifying)];
        let refused = faq_json(&app, &jurist, "save", &fields).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let (_, kept) = page(&app, &jurist, &entry).await;
        assert!(kept.contains("privacy-check") && kept.contains("Ahmed, 17 anni"), "the warning, and the text kept");
        assert_eq!(app.count("SELECT COUNT(*) FROM faq_entry WHERE body LIKE '%Ahmed%'").await, 0, "nothing saved");
        let bad_topic = faq_json(&app, &jurist, "save", &[("id", &id), ("title", "Una domanda"), ("topic", "astrologia"), ("body", ANSWER)]).await;
        assert_eq!(bad_topic.status(), StatusCode::UNPROCESSABLE_ENTITY);

        let answer = format!("{ANSWER}\n\nIl permesso per minore età non si converte da solo.");
        let fields = [("id", id.as_str()), ("title", "Che cosa succede al permesso a 18 anni?"), ("topic", "diciotto"), ("body", answer.as_str())];
        assert_eq!(location(&faq(&app, &jurist, "save", &fields).await), entry);
        assert_eq!(location(&faq(&app, &jurist, "step", &[("id", &id), ("step", "submit")]).await), entry);
        assert_eq!(entry_status(&app, &id).await, "submitted");

        // Its author cannot approve it; a guardian cannot either.
        let own = faq_json(&app, &jurist, "step", &[("id", &id), ("step", "approve")]).await;
        assert_eq!(own.status(), StatusCode::BAD_REQUEST);
        assert!(own.text().await.unwrap().contains("OwnEntry"));
        assert_eq!(faq_json(&app, &guardian, "step", &[("id", &id), ("step", "approve")]).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(entry_status(&app, &id).await, "submitted");
        let (_, waiting) = page(&app, &jurist, &entry).await;
        assert!(!waiting.contains("Approva e pubblica") && waiting.contains("L'approvazione spetta"), "no approve button for the author");

        // A jurist of another district approves it: it is public.
        let (_, to_approve) = page(&app, &brescia, "/faq").await;
        assert!(to_approve.contains("Da approvare") && to_approve.contains("Che cosa succede al permesso"), "{to_approve}");
        assert_eq!(location(&faq(&app, &brescia, "step", &[("id", &id), ("step", "approve")]).await), entry);
        assert_eq!(entry_status(&app, &id).await, "published");
        let public = app.page("/faq").await;
        assert!(public.contains("Compimento dei 18 anni"), "listed under its topic: {public}");
        assert!(public.contains(&entry) && public.contains("Che cosa succede al permesso a 18 anni?"));
        let shown = app.page(&entry).await;
        assert!(shown.contains("non si converte da solo") && !shown.contains("jurist@example.it") && !shown.contains("Scritta da"), "{shown}");
        assert!(!shown.contains("Dalla richiesta"), "visitors never learn the request");
        let refused_edit = faq_json(&app, &jurist, "save", &fields).await;
        assert_eq!(refused_edit.status(), StatusCode::CONFLICT, "a published entry is withdrawn before it changes");

        // The shared search finds it, for visitors too.
        let found = app.page("/search?q=permesso+converte").await;
        assert!(found.contains(&entry), "{found}");

        // The filing form offers it while the guardian writes a similar question.
        let similar = "Tra poco il ragazzo diventa maggiorenne: come si converte il permesso di soggiorno?";
        let previewed = file(&app, &guardian, &[("body", similar), ("preview", "1")]).await;
        assert_eq!(previewed.status(), StatusCode::FOUND);
        let (_, form) = page(&app, &guardian, &location(&previewed)).await;
        assert!(form.contains("Domande simili") && form.contains(&entry), "{form}");

        // Withdrawn, it is gone from the public FAQ and the search.
        assert_eq!(location(&faq(&app, &jurist, "step", &[("id", &id), ("step", "withdraw")]).await), entry);
        assert_eq!(app.get(&entry).await.status(), StatusCode::NOT_FOUND);
        assert!(!app.page("/search?q=permesso+converte").await.contains(&entry));
        assert!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'faq.%'").await >= 5, "every step audited");

        // A draft can be thrown away, by staff only.
        assert_eq!(faq_json(&app, &guardian, "step", &[("id", &id), ("step", "discard")]).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(location(&faq(&app, &jurist, "step", &[("id", &id), ("step", "discard")]).await), "/faq");
        assert_eq!(app.count("SELECT COUNT(*) FROM faq_entry").await, 0);
    }
}
