//! Refusals: rate limits, cross-site posts, oversize bodies, deactivated users.

use reqwest::{StatusCode, header};

use tutela_app::domain::{District, Role};

use crate::{
    helpers::{Engine, TestApp, client_sending, location},
    on_both_engines,
};

on_both_engines! {
    async fn a_cross_site_post_is_refused(app: TestApp) {
        let registration = [("name", "X Y"), ("email", "x@example.it"), ("password", "long enough pw"), ("password_confirm", "long enough pw"), ("district", "milano"), ("kind", "guardian")];
        // An older browser sends only `Origin`.
        let without_fetch_metadata = client_sending(&[("accept", "text/html")]);
        let response = without_fetch_metadata.post(app.url("/api/register")).header(header::ORIGIN, "https://evil.example").form(&registration).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = app.client.post(app.url("/api/logout")).header("sec-fetch-site", "cross-site").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\"").await, 0);
    }

    async fn a_post_that_names_no_page_of_ours_is_refused(app: TestApp) {
        let registration = [("name", "X Y"), ("email", "x@example.it"), ("password", "long enough pw"), ("password_confirm", "long enough pw"), ("district", "milano"), ("kind", "guardian")];
        let without_fetch_metadata = client_sending(&[("accept", "text/html")]);
        let response = without_fetch_metadata.post(app.url("/api/register")).form(&registration).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "neither Sec-Fetch-Site nor Origin");
        // The Host header is the client's to choose: the origin must be the public URL's.
        let other_host = app.address.trim_start_matches("http://").replace("127.0.0.1", "localhost");
        let response = without_fetch_metadata
            .post(app.url("/api/register"))
            .header(header::HOST, other_host.clone())
            .header(header::ORIGIN, format!("http://{other_host}"))
            .form(&registration)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "an origin that matches Host but not the public URL");
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\"").await, 0);

        let response = without_fetch_metadata.post(app.url("/api/register")).header(header::ORIGIN, app.address.clone()).form(&registration).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FOUND, "the public URL's origin passes");
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\"").await, 1);
    }

    async fn a_dead_reset_link_is_refused_first_and_guessing_links_is_rate_limited(app: TestApp) {
        let page = app.submit("/api/reset_password", &[("token", "not-a-live-token"), ("password", "short"), ("password_confirm", "different")]).await;
        assert!(page.contains("Il link non è valido"), "the link is judged first");
        assert!(!page.contains("non coincidono"), "the passwords are not even looked at");
        for _ in 0..10 {
            app.post_form("/api/reset_password", &[("token", "guess"), ("password", "long enough pw"), ("password_confirm", "long enough pw")]).await;
        }
        let page = app.submit("/api/reset_password", &[("token", "guess"), ("password", "long enough pw"), ("password_confirm", "long enough pw")]).await;
        assert!(page.contains("Troppi tentativi"));
    }

    async fn guessing_the_current_password_from_an_open_session_is_rate_limited(app: TestApp) {
        app.register_verified("borrowed@example.it", "una password lunga").await;
        app.login("borrowed@example.it", "una password lunga").await;
        for attempt in 0..10 {
            let guess = format!("guess number {attempt}");
            app.post_form("/api/change_password", &[("current_password", guess.as_str()), ("new_password", "taken over pw"), ("password_confirm", "taken over pw")]).await;
        }
        let page = app.submit("/api/change_password", &[("current_password", "una password lunga"), ("new_password", "taken over pw"), ("password_confirm", "taken over pw")]).await;
        assert!(page.contains("Troppi tentativi"), "even the right password waits out the window");
        assert_eq!(location(&app.login("borrowed@example.it", "una password lunga").await), "/", "the password is unchanged");
    }

    async fn pages_run_only_their_own_scripts_under_a_strict_policy(app: TestApp) {
        for path in ["/", "/login", "/no/such/page"] {
            let response = app.get(path).await;
            let headers = response.headers().clone();
            let policy = headers.get(header::CONTENT_SECURITY_POLICY).expect("a policy").to_str().unwrap().to_owned();
            let nonce = policy.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).expect("a nonce").to_owned();
            assert!(policy.contains("frame-ancestors 'none'") && policy.contains("object-src 'none'"), "{policy}");
            let html = response.text().await.unwrap();
            let scripts = html.matches("<script").count();
            assert!(scripts > 0, "{path} has inline scripts to check");
            assert_eq!(html.matches(&format!("<script nonce=\"{nonce}\"")).count() + html.matches(&format!("<script type=\"module\" nonce=\"{nonce}\"")).count(), scripts, "{path}: every script carries the nonce");
            assert_eq!(headers.get("cross-origin-opener-policy").unwrap(), "same-origin");
            assert!(headers.get("permissions-policy").unwrap().to_str().unwrap().contains("camera=()"));
            assert!(headers.get(header::STRICT_TRANSPORT_SECURITY).is_none(), "no HSTS over plain http");
        }
        let second = app.get("/").await.headers().get(header::CONTENT_SECURITY_POLICY).unwrap().to_str().unwrap().to_owned();
        let first = app.get("/").await.headers().get(header::CONTENT_SECURITY_POLICY).unwrap().to_str().unwrap().to_owned();
        assert_ne!(first, second, "a new nonce for every page");
        let health = app.get("/healthz").await;
        assert_eq!(health.headers().get(header::CONTENT_SECURITY_POLICY).unwrap(), "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    }

    async fn sign_ins_sign_outs_and_opened_details_are_audited_with_their_origin(app: TestApp) {
        app.register_verified("anna@example.it", "una password lunga").await;
        app.login("anna@example.it", "not her password").await;
        app.login("nobody@example.it", "not a password").await;
        app.login("anna@example.it", "una password lunga").await;
        app.post_form("/api/logout", &[]).await;
        let coordinator = app.coordinator().await;
        let id = app.user_id("anna@example.it").await;
        coordinator.get(app.url(&format!("/admin/users/{id}"))).send().await.unwrap();

        for (action, expected) in [("sign_in.failed", 2), ("sign_in.succeeded", 2), ("sign_out", 1), ("user.viewed", 1)] {
            assert_eq!(app.count(&format!("SELECT COUNT(*) FROM audit_entry WHERE action = '{action}'")).await, expected, "{action}");
        }
        assert_eq!(
            app.count("SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'sign_%' AND client = '127.0.0.1' AND request_id <> ''").await,
            5,
            "each carries the address and the request id"
        );
        let log = coordinator.get(app.url("/admin/audit")).send().await.unwrap().text().await.unwrap();
        assert!(log.contains("Accesso non riuscito") && log.contains("127.0.0.1") && log.contains("nobody@example.it"));
    }

    async fn a_tripped_rate_limit_is_audited_once_per_window(app: TestApp) {
        for n in 0..15 {
            app.login(&format!("victim{n}@example.it"), "guess guess guess").await;
        }
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'rate_limit.tripped'").await, 1);
    }

    async fn an_oversize_body_is_refused_with_a_message(app: TestApp) {
        let huge = "x".repeat(200 * 1024);
        let response = app.post_form("/api/register", &[("name", huge.as_str()), ("email", "big@example.it")]).await;
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert!(response.text().await.unwrap().contains("troppo grande"));
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
        let cookie = set_cookie(&response, "tutela_session=").expect("a session cookie");
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_https_the_session_cookie_is_secure_and_host_only() {
    let app = TestApp::spawn_with(Engine::Sqlite, "public_url = \"https://tutela.example.org\"").await;
    app.staff_account("secure@example.it", &[(Role::Guardian, District::Milano)]).await;
    let response = app.login("secure@example.it", "staff-password-1").await;
    let cookie = set_cookie(&response, "__Host-tutela_session=").expect("a host-only session cookie");
    assert!(cookie.contains("Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"), "{cookie}");
    assert_eq!(response.headers().get(header::STRICT_TRANSPORT_SECURITY).unwrap(), "max-age=31536000", "HSTS over https");
    let pair = cookie.split(';').next().unwrap().to_owned();
    // The prefixed name is the one read back; the plain one means nothing.
    let plain = client_sending(&[("accept", "text/html")]);
    let home = |cookie: String| plain.get(app.url("/")).header(header::COOKIE, cookie).send();
    assert!(home(pair.clone()).await.unwrap().text().await.unwrap().contains("Ciao,"));
    let unprefixed = pair.trim_start_matches("__Host-").to_owned();
    assert!(!home(unprefixed).await.unwrap().text().await.unwrap().contains("Ciao,"));
}

/// The `Set-Cookie` header of `response` that starts with `prefix`.
fn set_cookie(response: &reqwest::Response, prefix: &str) -> Option<String> {
    response.headers().get_all(header::SET_COOKIE).iter().map(|v| v.to_str().unwrap().to_owned()).find(|c| c.starts_with(prefix))
}
