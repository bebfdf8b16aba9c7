//! Several instances on one database: a session ended, an account
//! deactivated or a role taken away on one instance counts on every other
//! at its next request (sessions are resolved from the database each time,
//! so the bound is zero seconds).

use reqwest::StatusCode;
use tutela_app::domain::{District, Role};

use crate::{helpers::location, on_both_engines};

on_both_engines! {
    async fn signing_out_on_one_instance_ends_the_session_on_another(app: TestApp) {
        let (other, _server) = app.second_instance().await;
        let coordinator = app.coordinator().await;
        let page = coordinator.get(format!("{other}/admin/users")).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::OK, "the session works on the other instance");

        coordinator.post(app.url("/api/logout")).send().await.unwrap();
        let page = coordinator.get(format!("{other}/admin/users")).send().await.unwrap();
        assert_eq!(location(&page), "/login", "signed out everywhere");
    }

    async fn a_deactivation_on_one_instance_refuses_the_user_on_another(app: TestApp) {
        let (other, _server) = app.second_instance().await;
        let jurist = app.staff_account("jurist.mi@example.it", &[(Role::Jurist, District::Milano)]).await;
        assert!(jurist.get(format!("{other}/")).send().await.unwrap().text().await.unwrap().contains("Ciao,"));

        let coordinator = app.coordinator().await;
        let target = app.user_id("jurist.mi@example.it").await;
        let response = coordinator.post(app.url("/api/admin/set_user_active")).form(&[("id", target.as_str()), ("active", "false")]).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FOUND);
        let home = jurist.get(format!("{other}/")).send().await.unwrap().text().await.unwrap();
        assert!(!home.contains("Ciao,"), "the other instance no longer knows the jurist");
    }

    async fn a_role_taken_away_on_one_instance_counts_on_another(app: TestApp) {
        let (other, _server) = app.second_instance().await;
        let colleague = app.staff_account("coord.bs@example.it", &[(Role::Coordinator, District::Brescia)]).await;
        assert_eq!(colleague.get(format!("{other}/admin/users")).send().await.unwrap().status(), StatusCode::OK);

        let coordinator = app.coordinator().await;
        let target = app.user_id("coord.bs@example.it").await;
        let response = coordinator.post(app.url("/api/admin/set_roles")).form(&[("id", target.as_str()), ("grants[0]", "jurist:brescia")]).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FOUND);
        assert_eq!(colleague.get(format!("{other}/admin/users")).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    }
}
