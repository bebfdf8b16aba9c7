//! Certificates: issued by itself when a learner completes a cycle, told
//! by mail, downloaded as a PDF by its holder and the district's staff,
//! verified by anyone with its code, revoked by a coordinator of its
//! district, and listed for the juvenile court.

use reqwest::{Client, StatusCode};
use tutela_app::domain::{District, Role};

use crate::{
    community::page,
    cycles::{cycle_path, guardian_enrolled, open_cycle, post, post_json, small_course},
    helpers::{TestApp, browser_client, location},
    on_both_engines,
};

/// A Milano cycle of the small course with one three-hour meeting, its
/// trainer, and two enrolled guardians; returns (cycle, session, trainer, first, second).
async fn cycle_with_two_learners(app: &TestApp) -> (String, String, Client, Client, Client) {
    let (course, _) = small_course(app).await;
    let trainer = app.staff_account("trainer@example.it", &[(Role::Trainer, District::Milano)]).await;
    let trainer_id = app.user_id("trainer@example.it").await;
    let id = open_cycle(app, &trainer, &course, &[("trainers[0]", &trainer_id)]).await;
    post(
        app,
        &trainer,
        "add_session",
        &[
            ("id", &id),
            ("date", "2099-12-02"),
            ("starts", "09:00"),
            ("ends", "12:00"),
            ("place", "Aula 3"),
            ("online_link", ""),
            ("counted_hours", ""),
        ],
    )
    .await;
    let (_, body) = page(app, &trainer, &cycle_path(&id)).await;
    let prefix = format!("{}/sessions/", cycle_path(&id));
    let at = body.find(&prefix).expect("a register link");
    let session = body[at + prefix.len()..].split('"').next().unwrap().to_owned();
    let first = guardian_enrolled(app, "g1@example.it", &id).await;
    let second = guardian_enrolled(app, "g2@example.it", &id).await;
    (id, session, trainer, first, second)
}

/// The verification code on a page: the first `/verify/XXXX-XXXX-XXXX` link.
fn code_on(body: &str) -> Option<String> {
    let at = body.find("/verify/")?;
    Some(body[at + "/verify/".len()..].chars().take(14).collect())
}

on_both_engines! {
    async fn completing_a_cycle_issues_a_certificate_anyone_can_verify(app: TestApp) {
        let (id, session, trainer, first, second) = cycle_with_two_learners(&app).await;
        let (g1, g2) = (app.user_id("g1@example.it").await, app.user_id("g2@example.it").await);
        let (_, before) = page(&app, &first, &cycle_path(&id)).await;
        assert!(!before.contains("Scarica l'attestato"), "nothing before completion");

        // Marking the register completes the first learner only.
        post(&app, &trainer, "mark_attendance", &[
            ("id", &id), ("session", &session), ("marks[0]", &format!("{g1}:present")), ("marks[1]", &format!("{g2}:absent")),
        ])
        .await;
        assert_eq!(app.count("SELECT COUNT(*) FROM certificate").await, 1);
        let mail = app.mail.wait_for("g1@example.it", "hai completato il ciclo di formazione").await.decoded();
        assert!(mail.contains(&cycle_path(&id)), "{mail}");
        let (_, own) = page(&app, &first, &cycle_path(&id)).await;
        assert!(own.contains("il tuo attestato è pronto") && own.contains("Scarica l'attestato (PDF)"), "{own}");
        let code = code_on(&own).expect("the certificate's code on its holder's page");
        let (_, other) = page(&app, &second, &cycle_path(&id)).await;
        assert!(code_on(&other).is_none(), "the other learner has none");
        // Marking again issues no second certificate, and sends no second mail.
        post(&app, &trainer, "mark_attendance", &[("id", &id), ("session", &session), ("marks[0]", &format!("{g1}:present"))]).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM certificate").await, 1);
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'certificate.issue'").await, 1);

        // The PDF: for its holder and the district's staff, nobody else.
        let pdf_path = format!("/training/certificates/{code}/certificate.pdf");
        let pdf = first.get(app.url(&pdf_path)).send().await.unwrap();
        assert_eq!(pdf.status(), StatusCode::OK);
        assert_eq!(pdf.headers()["content-type"], "application/pdf");
        assert!(pdf.headers()["content-disposition"].to_str().unwrap().contains(&format!("attestato-{code}.pdf")));
        let bytes = pdf.bytes().await.unwrap();
        assert!(bytes.starts_with(b"%PDF-") && bytes.len() > 5_000, "a PDF with its font: {} bytes", bytes.len());
        assert_eq!(trainer.get(app.url(&pdf_path)).send().await.unwrap().status(), StatusCode::OK);
        assert_eq!(second.get(app.url(&pdf_path)).send().await.unwrap().status(), StatusCode::NOT_FOUND);
        let brescia = app.staff_account("trainer.bs@example.it", &[(Role::Trainer, District::Brescia)]).await;
        assert_eq!(brescia.get(app.url(&pdf_path)).send().await.unwrap().status(), StatusCode::NOT_FOUND);

        // The verification page: anyone, without an account, with the code
        // as printed or as typed; not the reason of a revocation.
        let visitor = browser_client();
        let (status, verified) = page(&app, &visitor, &format!("/verify/{code}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(verified.contains("Attestato valido") && verified.contains("Staff Member") && verified.contains("Milano, inverno"), "{verified}");
        assert!(verified.contains("3 h 00 min") && verified.contains("noindex"), "{verified}");
        assert!(!verified.contains("Revoca l'attestato"), "a visitor revokes nothing");
        let typed = code.to_lowercase().replace('-', " ");
        let (_, by_query) = page(&app, &visitor, &format!("/verify?code={}", typed.replace(' ', "+"))).await;
        assert!(by_query.contains("Attestato valido"), "{by_query}");
        let (status, unknown) = page(&app, &visitor, "/verify/0000-0000-0000").await;
        assert_eq!(status, StatusCode::OK);
        assert!(unknown.contains("Nessun attestato ha il codice 0000-0000-0000"), "{unknown}");

        // The trainer sees who holds one.
        let (_, staff) = page(&app, &trainer, &cycle_path(&id)).await;
        assert!(staff.contains(&format!("/verify/{code}")), "the code beside its holder");
    }

    async fn a_coordinator_of_its_district_revokes_a_certificate_and_the_page_says_since_when(app: TestApp) {
        let (id, session, trainer, first, _) = cycle_with_two_learners(&app).await;
        post(&app, &trainer, "mark_attendance", &[("id", &id), ("session", &session), ("all_present", "on")]).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM certificate").await, 2);
        let (_, own) = page(&app, &first, &cycle_path(&id)).await;
        let code = code_on(&own).unwrap();

        // Who may not: the holder, the trainer, Brescia's coordinator.
        let brescia = app.staff_account("coord.bs@example.it", &[(Role::Coordinator, District::Brescia)]).await;
        for (who, client) in [("holder", &first), ("trainer", &trainer), ("Brescia's coordinator", &brescia)] {
            let refused = post_json(&app, client, "revoke_certificate", &[("code", &code), ("reason", "Errore")]).await;
            assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{who}");
        }
        let milano = app.staff_account("coord.mi@example.it", &[(Role::Coordinator, District::Milano)]).await;
        let (_, staff_view) = page(&app, &milano, &format!("/verify/{code}")).await;
        assert!(staff_view.contains("Revoca l'attestato"), "{staff_view}");
        // A reason is required.
        let empty = post_json(&app, &milano, "revoke_certificate", &[("code", &code), ("reason", "  ")]).await;
        assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.count("SELECT COUNT(*) FROM certificate WHERE revoked_at IS NOT NULL").await, 0);

        let revoked = post(&app, &milano, "revoke_certificate", &[("code", &code), ("reason", "Presenze registrate per errore")]).await;
        assert_eq!(location(&revoked), format!("/verify/{code}"));
        assert_eq!(app.count("SELECT COUNT(*) FROM certificate WHERE revoked_at IS NOT NULL").await, 1);
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'certificate.revoke'").await, 1);
        app.mail.wait_for("g1@example.it", "ha revocato il tuo attestato").await;

        let (_, public) = page(&app, &browser_client(), &format!("/verify/{code}")).await;
        assert!(public.contains("Attestato revocato il") && !public.contains("Attestato valido"), "{public}");
        assert!(!public.contains("Presenze registrate per errore"), "the reason is for coordinators");
        let (_, staff_view) = page(&app, &milano, &format!("/verify/{code}")).await;
        assert!(staff_view.contains("Presenze registrate per errore") && !staff_view.contains("Revoca l'attestato"), "{staff_view}");
        // Once revoked, it is no longer handed out, nor revoked twice.
        let pdf = first.get(app.url(&format!("/training/certificates/{code}/certificate.pdf"))).send().await.unwrap();
        assert_eq!(pdf.status(), StatusCode::NOT_FOUND);
        let again = post_json(&app, &milano, "revoke_certificate", &[("code", &code), ("reason", "Di nuovo")]).await;
        assert_eq!(again.status(), StatusCode::CONFLICT);
        let (_, own) = page(&app, &first, &cycle_path(&id)).await;
        assert!(own.contains("Il tuo attestato è stato revocato il"), "{own}");
    }

    async fn coordinators_export_their_districts_certified_guardians(app: TestApp) {
        let (id, session, trainer, _, _) = cycle_with_two_learners(&app).await;
        post(&app, &trainer, "mark_attendance", &[("id", &id), ("session", &session), ("all_present", "on")]).await;
        let milano = app.staff_account("coord.mi@example.it", &[(Role::Coordinator, District::Milano)]).await;
        let (status, list) = page(&app, &milano, "/training/certificates").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(list.matches("/verify/").count(), 2, "both certificates listed");
        let export = milano.get(app.url("/training/certificates.csv?district=milano")).send().await.unwrap();
        assert_eq!(export.headers()["content-type"], "text/csv; charset=utf-8");
        let export = export.text().await.unwrap();
        let lines: Vec<&str> = export.lines().collect();
        assert_eq!(lines.len(), 3, "{export}");
        assert!(lines[0].starts_with("Titolare,Email del partecipante,Distretto,Ciclo"), "{export}");
        assert!(lines[1..].iter().all(|l| l.contains(",Milano,Milano, inverno,") || l.contains(",Milano,\"Milano, inverno\",")), "{export}");

        // Brescia's coordinator sees none of Milano's; others see nothing.
        let brescia = app.staff_account("coord.bs@example.it", &[(Role::Coordinator, District::Brescia)]).await;
        let (_, theirs) = page(&app, &brescia, "/training/certificates").await;
        assert_eq!(theirs.matches("/verify/").count(), 0);
        let foreign = brescia.get(app.url("/training/certificates.csv?district=milano")).send().await.unwrap();
        assert_eq!(foreign.status(), StatusCode::NOT_FOUND, "a district they do not coordinate");
        for client in [&trainer, &app.staff_account("g3@example.it", &[(Role::Guardian, District::Milano)]).await] {
            let (status, _) = page(&app, client, "/training/certificates").await;
            assert_eq!(status, StatusCode::FORBIDDEN);
            assert_eq!(client.get(app.url("/training/certificates.csv")).send().await.unwrap().status(), StatusCode::NOT_FOUND);
        }
    }
}
