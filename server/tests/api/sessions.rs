//! Session limits: jurists and coordinators are held to shorter ones; ended
//! sessions are removed unasked; a user sees their sessions and ends the
//! others.

use reqwest::{Client, StatusCode, header};
use tutela_app::domain::{District, Role};

use crate::{
    helpers::{TestApp, client_sending, location},
    on_both_engines,
};

const FIREFOX_ON_LINUX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const CHROME_ON_ANDROID: &str =
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

async fn signed_in(app: &TestApp, client: &Client) -> bool {
    client.get(app.url("/")).send().await.unwrap().text().await.unwrap().contains("Ciao,")
}

/// Moves every session of `email` back in time by `seconds`: its sign-in
/// (`created_at`) or its last use (`last_seen_at`).
async fn age_sessions(app: &TestApp, email: &str, column: &str, seconds: i64) {
    let sql =
        format!("UPDATE session SET {column} = {column} - {seconds} WHERE user_id IN (SELECT id FROM \"user\" WHERE email = '{email}')");
    let aged = sea_orm::ConnectionTrait::execute_unprepared(&app.db, &sql).await.unwrap();
    assert!(aged.rows_affected() > 0, "{email} has a session");
}

/// A browser of the given kind, signed in as `email`.
async fn browser_signed_in(app: &TestApp, email: &str, user_agent: &'static str) -> Client {
    let client = client_sending(&[("accept", "text/html"), ("sec-fetch-site", "same-origin"), ("user-agent", user_agent)]);
    let response = client.post(app.url("/api/login")).form(&[("email", email), ("password", "staff-password-1")]).send().await.unwrap();
    assert_eq!(location(&response), "/");
    client
}

// Each request asks the database, so that a session aged in the database is
// judged as it now stands.
on_both_engines! {
    config = "session_cache_seconds = 0";

    async fn a_coordinator_idle_for_an_hour_is_signed_out_and_a_guardian_is_not(app: TestApp) {
        let coordinator = app.staff_account("coord.mi@example.it", &[(Role::Coordinator, District::Milano)]).await;
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        age_sessions(&app, "coord.mi@example.it", "last_seen_at", 61 * 60).await;
        age_sessions(&app, "guardian@example.it", "last_seen_at", 61 * 60).await;
        assert!(!signed_in(&app, &coordinator).await);
        assert!(signed_in(&app, &guardian).await);
        assert_eq!(app.count("SELECT COUNT(*) FROM session").await, 1, "the ended session is deleted");
    }

    async fn a_jurist_session_ends_twelve_hours_after_sign_in_however_busy(app: TestApp) {
        let jurist = app.staff_account("jurist@example.it", &[(Role::Jurist, District::Brescia)]).await;
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        age_sessions(&app, "jurist@example.it", "created_at", 12 * 3600 + 60).await;
        age_sessions(&app, "guardian@example.it", "created_at", 12 * 3600 + 60).await;
        assert!(!signed_in(&app, &jurist).await);
        assert!(signed_in(&app, &guardian).await);
    }

    async fn a_guardian_session_ends_after_a_week_unused_and_use_keeps_it(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        age_sessions(&app, "guardian@example.it", "last_seen_at", 6 * 24 * 3600).await;
        assert!(signed_in(&app, &guardian).await, "six days unused: still open");
        assert_eq!(
            app.count(&format!("SELECT COUNT(*) FROM session WHERE last_seen_at > {}", tutela_app::ssr::clock::now() - 60)).await,
            1,
            "the use was recorded"
        );
        age_sessions(&app, "guardian@example.it", "last_seen_at", 7 * 24 * 3600 + 60).await;
        assert!(!signed_in(&app, &guardian).await);
    }

    async fn a_role_with_shorter_limits_shortens_an_open_session(app: TestApp) {
        let promoted = app.staff_account("promoted@example.it", &[(Role::Guardian, District::Milano)]).await;
        age_sessions(&app, "promoted@example.it", "last_seen_at", 2 * 3600).await;
        assert!(signed_in(&app, &promoted).await, "a guardian idle two hours is still signed in");
        age_sessions(&app, "promoted@example.it", "last_seen_at", 2 * 3600).await;
        let coordinator = app.coordinator().await;
        let id = app.user_id("promoted@example.it").await;
        let response = coordinator
            .post(app.url("/api/admin/set_roles"))
            .form(&[("id", id.as_str()), ("grants[0]", "guardian:milano"), ("grants[1]", "jurist:milano")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FOUND);
        assert!(!signed_in(&app, &promoted).await, "as a jurist, two idle hours end it");
    }

    async fn the_cookie_lasts_as_long_as_the_session_may(app: TestApp) {
        app.staff_account("coord.mi@example.it", &[(Role::Coordinator, District::Milano)]).await;
        app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        for (email, max_age) in [("coord.mi@example.it", "Max-Age=43200"), ("guardian@example.it", "Max-Age=2592000")] {
            let response = app.sign_in_staff(&crate::helpers::browser_client(), email).await;
            let cookie = response
                .headers()
                .get_all(header::SET_COOKIE)
                .iter()
                .map(|v| v.to_str().unwrap().to_owned())
                .find(|c| c.starts_with("tutela_session="))
                .expect("a session cookie");
            assert!(cookie.contains(max_age), "{email}: {cookie}");
        }
    }
}

on_both_engines! {
    config = "housekeeping_seconds = 1";

    async fn ended_sessions_are_removed_without_being_presented(app: TestApp) {
        app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        app.staff_account("coord.mi@example.it", &[(Role::Coordinator, District::Milano)]).await;
        app.staff_account("live@example.it", &[(Role::Coordinator, District::Brescia)]).await;
        age_sessions(&app, "guardian@example.it", "last_seen_at", 8 * 24 * 3600).await;
        age_sessions(&app, "coord.mi@example.it", "last_seen_at", 2 * 3600).await;
        app.wait_until_count("SELECT COUNT(*) FROM session", 1).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM session WHERE user_id IN (SELECT id FROM \"user\" WHERE email = 'live@example.it')").await, 1);
    }
}

on_both_engines! {
    async fn a_user_sees_their_sessions_and_signs_out_every_other(app: TestApp) {
        app.staff_account("anna@example.it", &[(Role::Guardian, District::Milano)]).await;
        let laptop = browser_signed_in(&app, "anna@example.it", FIREFOX_ON_LINUX).await;
        let phone = browser_signed_in(&app, "anna@example.it", CHROME_ON_ANDROID).await;
        let account = laptop.get(app.url("/account")).send().await.unwrap().text().await.unwrap();
        assert!(account.contains("Firefox su Linux") && account.contains("Chrome su Android"), "both devices listed");
        assert!(account.contains("Questo dispositivo"));

        let response = laptop.post(app.url("/api/sign_out_elsewhere")).send().await.unwrap();
        assert_eq!(location(&response), "/account");
        assert!(!signed_in(&app, &phone).await, "the phone is signed out at once");
        assert!(signed_in(&app, &laptop).await, "this device stays signed in");
        let account = laptop.get(app.url("/account")).send().await.unwrap().text().await.unwrap();
        assert!(!account.contains("Chrome su Android"));
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'sessions.ended_elsewhere'").await, 1);
    }

    async fn signing_out_elsewhere_needs_a_session(app: TestApp) {
        let visitor = client_sending(&[("accept", "application/json"), ("sec-fetch-site", "same-origin")]);
        let response = visitor.post(app.url("/api/sign_out_elsewhere")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        let response = visitor.post(app.url("/api/own_sessions")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
}
