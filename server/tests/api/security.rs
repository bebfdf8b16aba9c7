//! Refusals: rate limits, cross-site posts, oversize bodies, deactivated users.

use reqwest::{StatusCode, header};

use crate::{helpers::location, on_both_engines};

on_both_engines! {
    async fn repeated_failed_logins_are_slowed_down(app: TestApp) {
        for _ in 0..10 {
            app.login("victim@example.it", "guess guess guess").await;
        }
        let response = app.login("victim@example.it", "guess guess guess").await;
        assert_eq!(location(&response), "/login");
        assert!(app.page("/login").await.contains("Troppi tentativi"));
    }

    async fn a_cross_site_post_is_refused(app: TestApp) {
        let response = app
            .client
            .post(app.url("/api/register"))
            .header(header::ORIGIN, "https://evil.example")
            .form(&[("name", "X Y"), ("email", "x@example.it"), ("password", "long enough pw"), ("password_confirm", "long enough pw"), ("district", "milano"), ("kind", "guardian")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = app.client.post(app.url("/api/logout")).header("sec-fetch-site", "cross-site").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\"").await, 0);
    }

    async fn an_oversize_body_is_refused_with_a_message(app: TestApp) {
        let huge = "x".repeat(200 * 1024);
        let response = app.post_form("/api/register", &[("name", huge.as_str()), ("email", "big@example.it")]).await;
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert!(response.text().await.unwrap().contains("troppo lungo"));
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\"").await, 0);
    }

    async fn health_and_readiness_answer(app: TestApp) {
        assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
        let ready = app.get("/readyz").await;
        assert_eq!(ready.status(), StatusCode::OK);
        assert_eq!(ready.text().await.unwrap(), "ready");
    }

    async fn an_unknown_page_is_a_translated_404(app: TestApp) {
        let response = app.get("/no/such/page").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert!(response.text().await.unwrap().contains("Pagina non trovata"));
    }

    async fn session_cookies_are_http_only_and_same_site(app: TestApp) {
        app.register_verified("cookie@example.it", "una password lunga").await;
        let response = app.login("cookie@example.it", "una password lunga").await;
        let cookie = response
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .find(|c| c.starts_with("tutela_session="))
            .expect("a session cookie");
        assert!(cookie.contains("HttpOnly"));
        assert!(cookie.contains("SameSite=Lax"));
    }

    async fn signing_in_again_rotates_the_session(app: TestApp) {
        app.register_verified("rotate@example.it", "una password lunga").await;
        app.login("rotate@example.it", "una password lunga").await;
        let first = app.count("SELECT COUNT(*) FROM session").await;
        app.login("rotate@example.it", "una password lunga").await;
        assert_eq!(first, 1);
        assert_eq!(app.count("SELECT COUNT(*) FROM session").await, 1, "the previous session was ended, not kept beside the new one");
    }
}
