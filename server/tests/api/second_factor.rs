//! Two-factor sign-in: setting it up, signing in with a code or a recovery
//! code (each accepted once), its requirement for jurists and coordinators,
//! and a coordinator's reset.

use reqwest::{Client, StatusCode};
use tutela_app::domain::{District, Role};

use crate::{
    helpers::{TestApp, browser_client, location, totp_code},
    on_both_engines,
};

const PASSWORD: &str = "una password lunga";

/// The value of the hidden input `name` in `html`.
fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker).unwrap_or_else(|| panic!("no hidden {name}")) + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}

/// Turns two-factor sign-in on from the set-up page; returns the secret,
/// the recovery codes and the code that confirmed it (by the time a test
/// uses it again, the clock may be in the next 30-second step).
async fn enrol(app: &TestApp, client: &Client) -> (String, Vec<String>, String) {
    let page = client.get(app.url("/account/two-factor")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("<svg"), "a QR code drawn on the server");
    let (secret, codes, proof) = (hidden(&page, "secret"), hidden(&page, "recovery_codes"), hidden(&page, "proof"));
    let code = totp_code(&secret, 0);
    let response = client
        .post(app.url("/api/enable_second_factor"))
        .form(&[("secret", secret.as_str()), ("recovery_codes", codes.as_str()), ("proof", proof.as_str()), ("code", code.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&response), "/account/two-factor");
    (secret, codes.split(' ').map(str::to_owned).collect(), code)
}

async fn sign_in_with_password(app: &TestApp, client: &Client, email: &str) -> String {
    let response = client.post(app.url("/api/login")).form(&[("email", email), ("password", PASSWORD)]).send().await.unwrap();
    location(&response)
}

async fn send_code(app: &TestApp, client: &Client, code: &str) -> String {
    location(&client.post(app.url("/api/login_code")).form(&[("code", code)]).send().await.unwrap())
}

on_both_engines! {
    async fn once_on_every_sign_in_asks_for_a_code_accepted_once(app: TestApp) {
        app.register_verified("anna@example.it", PASSWORD).await;
        let browser = browser_client();
        assert_eq!(sign_in_with_password(&app, &browser, "anna@example.it").await, "/");
        let (secret, recovery, used_at_enrolment) = enrol(&app, &browser).await;
        let page = browser.get(app.url("/account/two-factor")).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("attivo") && page.contains("Codici di recupero ancora validi: 10"), "{page}");
        browser.post(app.url("/api/logout")).send().await.unwrap();

        assert_eq!(sign_in_with_password(&app, &browser, "anna@example.it").await, "/login/code", "the password alone is not enough");
        assert_eq!(location(&browser.get(app.url("/account")).send().await.unwrap()), "/login", "no session before the code");
        assert_eq!(send_code(&app, &browser, "000000").await, "/login/code");
        let page = browser.get(app.url("/login/code")).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("non è corretto"), "a wrong code is refused");
        assert_eq!(send_code(&app, &browser, &used_at_enrolment).await, "/login/code", "the code given at set-up is spent");
        let next = totp_code(&secret, 1);
        assert_eq!(send_code(&app, &browser, &next).await, "/", "the app's next code signs in");
        browser.post(app.url("/api/logout")).send().await.unwrap();

        sign_in_with_password(&app, &browser, "anna@example.it").await;
        assert_eq!(send_code(&app, &browser, &next).await, "/login/code", "the same code twice is refused");
        let typed_loosely = recovery[3].to_uppercase().replace('-', " ");
        assert_eq!(send_code(&app, &browser, &typed_loosely).await, "/", "a recovery code, however typed");
        browser.post(app.url("/api/logout")).send().await.unwrap();
        sign_in_with_password(&app, &browser, "anna@example.it").await;
        assert_eq!(send_code(&app, &browser, &recovery[3]).await, "/login/code", "a recovery code works once");

        for action in ["second_factor.enabled", "second_factor.recovery_code_used", "sign_in.code_failed"] {
            assert!(app.count(&format!("SELECT COUNT(*) FROM audit_entry WHERE action = '{action}'")).await >= 1, "{action}");
        }
    }

    async fn a_mistyped_code_keeps_the_offer_and_a_forged_one_is_refused(app: TestApp) {
        app.register_verified("anna@example.it", PASSWORD).await;
        let browser = browser_client();
        sign_in_with_password(&app, &browser, "anna@example.it").await;
        let page = browser.get(app.url("/account/two-factor")).send().await.unwrap().text().await.unwrap();
        let (secret, codes, proof) = (hidden(&page, "secret"), hidden(&page, "recovery_codes"), hidden(&page, "proof"));
        let fields = |code: &'static str| [("secret", secret.clone()), ("recovery_codes", codes.clone()), ("proof", proof.clone()), ("code", code.to_owned())];
        browser.post(app.url("/api/enable_second_factor")).form(&fields("123456")).send().await.unwrap();
        let again = browser.get(app.url("/account/two-factor")).send().await.unwrap().text().await.unwrap();
        assert!(again.contains("non è corretto"));
        assert_eq!(hidden(&again, "secret"), secret, "the same QR code, so the app keeps working");

        let forged = [("secret", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ".to_owned()), ("recovery_codes", "aaaaa-aaaaa".to_owned()), ("proof", proof.clone()), ("code", totp_code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 0))];
        browser.post(app.url("/api/enable_second_factor")).form(&forged).send().await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\" WHERE totp_enabled_at IS NOT NULL").await, 0, "only what the server offered");
    }

    async fn jurists_and_coordinators_reach_their_pages_only_with_a_second_factor(app: TestApp) {
        use tutela_app::{domain::RoleGrant, ssr::accounts::{NewAccount, create_active_account}};
        let grants = [RoleGrant { role: Role::Coordinator, district: District::Milano }];
        create_active_account(&app.db, NewAccount { name: "Nuova Coordinatrice", email: "new.coord@example.it", password: PASSWORD, home_district: District::Milano, grants: &grants }).await.unwrap();
        let browser = browser_client();
        assert_eq!(sign_in_with_password(&app, &browser, "new.coord@example.it").await, "/account/two-factor", "sent to set it up");
        let users = browser.get(app.url("/admin/users")).send().await.unwrap();
        assert_eq!(users.status(), StatusCode::FORBIDDEN);
        assert!(users.text().await.unwrap().contains("richiede l'accesso in due passaggi"));
        let own_id = app.user_id("new.coord@example.it").await;
        for (path, fields) in crate::admin::admin_calls(&own_id) {
            let response = browser.post(app.url(path)).header("accept", "application/json").form(&fields).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}: the server functions refuse too");
        }
        let page = browser.get(app.url("/account/two-factor")).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("richiede l'accesso in due passaggi"), "the set-up page says why");
        enrol(&app, &browser).await;
        assert_eq!(browser.get(app.url("/admin/users")).send().await.unwrap().status(), StatusCode::OK);

        let refused = browser.post(app.url("/api/disable_second_factor")).form(&[("current_password", PASSWORD)]).send().await.unwrap();
        assert_eq!(location(&refused), "/account/two-factor");
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\" WHERE totp_enabled_at IS NOT NULL").await, 1, "a coordinator cannot turn it off");
    }

    async fn a_guardian_may_turn_it_off_with_the_password_and_is_told(app: TestApp) {
        app.register_verified("anna@example.it", PASSWORD).await;
        let browser = browser_client();
        sign_in_with_password(&app, &browser, "anna@example.it").await;
        enrol(&app, &browser).await;
        browser.post(app.url("/api/disable_second_factor")).form(&[("current_password", "not the password")]).send().await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\" WHERE totp_enabled_at IS NOT NULL").await, 1, "a wrong password changes nothing");
        browser.post(app.url("/api/disable_second_factor")).form(&[("current_password", PASSWORD)]).send().await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\" WHERE totp_enabled_at IS NOT NULL").await, 0);
        assert_eq!(app.count("SELECT COUNT(*) FROM recovery_code").await, 0);
        app.mail.wait_for("anna@example.it", "disattivato").await;
    }

    async fn a_coordinator_resets_a_second_factor_in_their_district_only(app: TestApp) {
        let jurist = app.staff_account("jurist@example.it", &[(Role::Jurist, District::Brescia)]).await;
        let id = app.user_id("jurist@example.it").await;
        let milano = app.staff_account("coord.milano@example.it", &[(Role::Coordinator, District::Milano)]).await;
        milano.post(app.url("/api/admin/reset_second_factor")).form(&[("id", id.as_str())]).send().await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\" WHERE totp_enabled_at IS NOT NULL AND email = 'jurist@example.it'").await, 1, "not Milano's to reset");

        let brescia = app.staff_account("coord.brescia@example.it", &[(Role::Coordinator, District::Brescia)]).await;
        let page = brescia.get(app.url(&format!("/admin/users/{id}"))).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("Azzera l&#x27;accesso in due passaggi") || page.contains("Azzera l'accesso in due passaggi"), "{page}");
        let response = brescia.post(app.url("/api/admin/reset_second_factor")).form(&[("id", id.as_str())]).send().await.unwrap();
        assert_eq!(location(&response), format!("/admin/users/{id}"));
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\" WHERE totp_enabled_at IS NOT NULL AND email = 'jurist@example.it'").await, 0);
        assert_eq!(location(&jurist.get(app.url("/account")).send().await.unwrap()), "/login", "signed out everywhere");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'user.second_factor_reset'").await, 1);
        app.mail.wait_for("jurist@example.it", "disattivato").await;
    }
}
