//! The outbox: mail waits through an SMTP outage and goes out afterwards.

use crate::{helpers::location, on_both_engines};

on_both_engines! {
    async fn mail_waits_in_the_outbox_while_smtp_is_down_and_goes_out_after(app: TestApp) {
        app.mail.refuse_mail();
        app.register("Luca Verdi", "luca@example.it", "una password lunga").await;
        // Let the worker try and fail at least once.
        let mut attempts = 0;
        for _ in 0..50 {
            attempts = app.count("SELECT CAST(COALESCE(MAX(attempts), 0) AS BIGINT) FROM outbox_mail").await;
            if attempts > 0 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(attempts > 0, "the worker tried to send");
        assert_eq!(app.count("SELECT COUNT(*) FROM outbox_mail WHERE status = 'pending'").await, 1, "the mail waits");

        app.mail.accept_mail();
        let mail = app.mail.wait_for("luca@example.it", "/verify-email/").await;
        assert!(mail.link_containing("/verify-email/").is_some());
        // The catcher has the mail before the worker records it as sent.
        app.wait_until_count("SELECT COUNT(*) FROM outbox_mail WHERE status = 'sent'", 1).await;
    }

    async fn mail_is_written_in_the_recipients_language(app: TestApp) {
        app.post_form("/api/set_locale", &[("locale", "en")]).await;
        app.register("Mary Smith", "mary@example.it", "a long password").await;
        let mail = app.mail.wait_for("mary@example.it", "/verify-email/").await;
        assert!(mail.decoded().contains("Confirm your email address on Tutela"));
        assert!(mail.decoded().contains("Content-Type: text/html"), "an HTML part");
        assert!(mail.decoded().contains("Content-Type: text/plain"), "and a text part");
    }
}

on_both_engines! {
    async fn a_sent_mail_keeps_no_link_in_the_outbox(app: TestApp) {
        app.register("Luca Verdi", "luca@example.it", "una password lunga").await;
        app.mail.wait_for("luca@example.it", "/verify-email/").await;
        app.wait_until_count("SELECT COUNT(*) FROM outbox_mail WHERE status = 'sent'", 1).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM outbox_mail WHERE body_text LIKE '%verify-email%' OR body_html LIKE '%verify-email%'").await, 0);
    }

    async fn a_mail_that_failed_for_a_day_is_requeued_by_a_coordinator(app: TestApp) {
        let coordinator = app.coordinator().await;
        app.mail.refuse_mail();
        app.register("Luca Verdi", "luca@example.it", "una password lunga").await;
        // As if it had been retried for a day already.
        sea_orm::ConnectionTrait::execute_unprepared(&app.db, "UPDATE outbox_mail SET retry_until = 0").await.unwrap();
        app.wait_until_count("SELECT COUNT(*) FROM outbox_mail WHERE status = 'failed'", 1).await;
        let page = coordinator.get(app.url("/admin/outbox")).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("Riprova l&#x27;invio") || page.contains("Riprova l'invio"), "failed mail can be requeued");

        let guardian = app.staff_account("guardian@example.it", &[(tutela_app::domain::Role::Guardian, tutela_app::domain::District::Milano)]).await;
        let id = app.count("SELECT CAST(id AS BIGINT) FROM outbox_mail WHERE status = 'failed'").await.to_string();
        let refused = guardian.post(app.url("/api/admin/requeue_mail")).form(&[("id", id.as_str())]).send().await.unwrap();
        assert_eq!(refused.status(), reqwest::StatusCode::FORBIDDEN);
        assert_eq!(app.count("SELECT COUNT(*) FROM outbox_mail WHERE status = 'failed'").await, 1);

        let response = coordinator.post(app.url("/api/admin/requeue_mail")).form(&[("id", id.as_str())]).send().await.unwrap();
        assert_eq!(location(&response), "/admin/outbox");
        app.mail.accept_mail();
        app.mail.wait_for("luca@example.it", "/verify-email/").await;
        app.wait_until_count("SELECT COUNT(*) FROM outbox_mail WHERE status = 'sent'", 1).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'mail.requeued'").await, 1);
    }

    async fn every_queued_mail_goes_out_once_with_two_instances_and_an_outage(app: TestApp) {
        app.mail.refuse_mail();
        let (_second, _running) = app.second_instance().await;
        for i in 0..12 {
            tutela_app::ssr::mail::enqueue(&app.db, &format!("person{i}@example.it"), tutela_app::i18n::Locale::It, &tutela_app::ssr::mail::MailKind::Test).await.unwrap();
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        app.mail.accept_mail();
        app.wait_until_count("SELECT COUNT(*) FROM outbox_mail WHERE status = 'sent'", 12).await;
        for i in 0..12 {
            assert_eq!(app.mail.received_for(&format!("person{i}@example.it")).await, 1, "person{i} got the mail once");
        }
    }
}

on_both_engines! {
    config = "housekeeping_seconds = 1";

    async fn mail_sent_over_a_month_ago_is_removed(app: TestApp) {
        app.register("Luca Verdi", "luca@example.it", "una password lunga").await;
        app.wait_until_count("SELECT COUNT(*) FROM outbox_mail WHERE status = 'sent'", 1).await;
        sea_orm::ConnectionTrait::execute_unprepared(&app.db, "UPDATE outbox_mail SET created_at = created_at - 31 * 86400").await.unwrap();
        app.wait_until_count("SELECT COUNT(*) FROM outbox_mail", 0).await;
    }
}
