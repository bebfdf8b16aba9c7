//! The outbox: mail waits through an SMTP outage and goes out afterwards.

use crate::on_both_engines;

on_both_engines! {
    async fn mail_waits_in_the_outbox_while_smtp_is_down_and_goes_out_after(app: TestApp) {
        let mut app = app;
        app.mail.stop().await;
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

        app.mail.restart().await;
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
