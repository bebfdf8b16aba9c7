//! Several instances on one database: a session ended, an account
//! deactivated or a role taken away on one instance counts at once on that
//! instance, and on every other once what it remembered of the session is
//! older than `session_cache_seconds` (the second instance here keeps it
//! for `SECOND_INSTANCE_CACHE`).

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use tutela_app::domain::{District, Role};

use crate::{
    helpers::{SECOND_INSTANCE_CACHE, location},
    on_both_engines,
};

/// Asks `check` until it holds, and fails if that takes longer than the
/// other instance's bound (plus a margin for a slow machine).
async fn holds_within_the_bound<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let started = Instant::now();
    let deadline = SECOND_INSTANCE_CACHE + Duration::from_secs(2);
    while !check().await {
        assert!(started.elapsed() < deadline, "{what}: still not seen after {:?}", started.elapsed());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

on_both_engines! {
    async fn signing_out_on_one_instance_ends_the_session_on_another(app: TestApp) {
        let (other, _server) = app.second_instance().await;
        let coordinator = app.coordinator().await;
        let page = coordinator.get(format!("{other}/admin/users")).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::OK, "the session works on the other instance");

        coordinator.post(app.url("/api/logout")).send().await.unwrap();
        let page = coordinator.get(app.url("/admin/users")).send().await.unwrap();
        assert_eq!(location(&page), "/login", "signed out at once where it was done");
        holds_within_the_bound("the sign-out on the other instance", || async {
            location(&coordinator.get(format!("{other}/admin/users")).send().await.unwrap()) == "/login"
        })
        .await;
    }

    async fn a_deactivation_on_one_instance_refuses_the_user_on_another(app: TestApp) {
        let (other, _server) = app.second_instance().await;
        let jurist = app.staff_account("jurist.mi@example.it", &[(Role::Jurist, District::Milano)]).await;
        assert!(jurist.get(app.url("/")).send().await.unwrap().text().await.unwrap().contains("Ciao,"));
        assert!(jurist.get(format!("{other}/")).send().await.unwrap().text().await.unwrap().contains("Ciao,"));

        let coordinator = app.coordinator().await;
        let target = app.user_id("jurist.mi@example.it").await;
        let response = coordinator.post(app.url("/api/admin/set_user_active")).form(&[("id", target.as_str()), ("active", "false")]).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FOUND);
        let home = jurist.get(app.url("/")).send().await.unwrap().text().await.unwrap();
        assert!(!home.contains("Ciao,"), "refused at once where it was done");
        holds_within_the_bound("the deactivation on the other instance", || async {
            !jurist.get(format!("{other}/")).send().await.unwrap().text().await.unwrap().contains("Ciao,")
        })
        .await;
    }

    async fn a_role_taken_away_on_one_instance_counts_on_another(app: TestApp) {
        let (other, _server) = app.second_instance().await;
        let colleague = app.staff_account("coord.bs@example.it", &[(Role::Coordinator, District::Brescia)]).await;
        assert_eq!(colleague.get(app.url("/admin/users")).send().await.unwrap().status(), StatusCode::OK);
        assert_eq!(colleague.get(format!("{other}/admin/users")).send().await.unwrap().status(), StatusCode::OK);

        let coordinator = app.coordinator().await;
        let target = app.user_id("coord.bs@example.it").await;
        let response = coordinator.post(app.url("/api/admin/set_roles")).form(&[("id", target.as_str()), ("grants[0]", "jurist:brescia")]).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FOUND);
        assert_eq!(colleague.get(app.url("/admin/users")).send().await.unwrap().status(), StatusCode::FORBIDDEN, "at once where it was done");
        holds_within_the_bound("the role change on the other instance", || async {
            colleague.get(format!("{other}/admin/users")).send().await.unwrap().status() == StatusCode::FORBIDDEN
        })
        .await;
    }
}
