//! Coordinators' work, and everyone else being kept out of it.

use reqwest::{Client, StatusCode};
use tutela_app::domain::{District, Role};

use crate::{
    helpers::{TestApp, location},
    on_both_engines,
};

/// Every admin server function with arguments that deserialize, so only
/// authorisation can refuse them.
pub(crate) fn admin_calls(target: &str) -> Vec<(&'static str, Vec<(&'static str, String)>)> {
    vec![
        ("/api/admin/list_users", vec![("filter[query]", String::new()), ("filter[page]", "0".into())]),
        ("/api/admin/user_detail", vec![("id", target.to_owned())]),
        ("/api/admin/set_roles", vec![("id", target.to_owned()), ("grants[0]", "coordinator:milano".into())]),
        ("/api/admin/set_user_active", vec![("id", target.to_owned()), ("active", "false".into())]),
        (
            "/api/admin/invite_user",
            vec![
                ("name", "New Jurist".into()),
                ("email", "jurist@example.it".into()),
                ("role", "jurist".into()),
                ("district", "milano".into()),
            ],
        ),
        ("/api/admin/audit_log", vec![("page", "0".into())]),
        ("/api/admin/undelivered_mail", vec![]),
        ("/api/admin/requeue_mail", vec![("id", "1".into())]),
        ("/api/admin/send_test_mail", vec![]),
        ("/api/admin/reset_second_factor", vec![("id", target.to_owned())]),
    ]
}

async fn post(app: &TestApp, client: &Client, path: &str, fields: &[(&str, String)]) -> reqwest::Response {
    client.post(app.url(path)).form(fields).send().await.unwrap()
}

on_both_engines! {
    async fn every_admin_server_function_refuses_non_coordinators(app: TestApp) {
        app.register_verified("guardian@example.it", "una password lunga").await;
        let target = app.user_id("guardian@example.it").await;
        let roles = [
            (Role::Guardian, District::Milano),
            (Role::Operator, District::Milano),
            (Role::Trainer, District::Milano),
            (Role::Jurist, District::Milano),
        ];
        for (index, (role, district)) in roles.into_iter().enumerate() {
            let client = app.staff_account(&format!("staff{index}@example.it"), &[(role, district)]).await;
            for (path, fields) in admin_calls(&target) {
                let response = post(&app, &client, path, &fields).await;
                assert_eq!(response.status(), StatusCode::FORBIDDEN, "{role:?} calling {path}");
            }
        }
        // A visitor is not even signed in.
        for (path, fields) in admin_calls(&target) {
            let response = app.client.post(app.url(path)).header("accept", "application/json").form(&fields).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "visitor calling {path}");
        }
        assert_eq!(app.count("SELECT COUNT(*) FROM user_role WHERE role = 'coordinator'").await, 0);
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\" WHERE status = 'deactivated'").await, 0);
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action NOT IN ('user.created', 'sign_in.succeeded')").await, 0, "nothing done");
    }

    async fn admin_pages_are_forbidden_to_a_guardian(app: TestApp) {
        let guardian = app.staff_account("g@example.it", &[(Role::Guardian, District::Milano)]).await;
        for path in ["/admin", "/admin/users", "/admin/audit", "/admin/outbox", "/admin/users/invite"] {
            let response = guardian.get(app.url(path)).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
            assert!(response.text().await.unwrap().contains("Accesso non consentito"));
        }
        let visitor = app.get("/admin/users").await;
        assert_eq!(visitor.status(), StatusCode::FOUND);
        assert_eq!(location(&visitor), "/login");
    }

    async fn a_coordinator_promotes_a_guardian_to_trainer_and_it_is_audited(app: TestApp) {
        app.register_verified("future.trainer@example.it", "una password lunga").await;
        let target = app.user_id("future.trainer@example.it").await;
        let coordinator = app.coordinator().await;
        let response = post(&app, &coordinator, "/api/admin/set_roles", &[("id", target.clone()), ("grants[0]", "guardian:milano".into()), ("grants[1]", "trainer:milano".into())]).await;
        assert_eq!(response.status(), StatusCode::FOUND);
        assert_eq!(app.count("SELECT COUNT(*) FROM user_role WHERE role = 'trainer' AND district = 'milano'").await, 1);
        assert_eq!(app.count("SELECT COUNT(*) FROM user_role WHERE role = 'guardian'").await, 1, "the guardian role is kept");

        let log = coordinator.get(app.url("/admin/audit")).send().await.unwrap().text().await.unwrap();
        assert!(log.contains("Ruoli modificati"));
        assert!(log.contains("Aggiunti: Formatore (Milano). Tolti: —."));

        let users = coordinator.get(app.url("/admin/users?role=trainer")).send().await.unwrap().text().await.unwrap();
        assert!(users.contains("future.trainer@example.it"));
        assert!(users.contains("Formatore"));
    }

    async fn a_milano_coordinator_cannot_touch_a_brescia_account(app: TestApp) {
        let milano = app.staff_account("coord.mi@example.it", &[(Role::Coordinator, District::Milano)]).await;
        app.staff_account("jurist.bs@example.it", &[(Role::Jurist, District::Brescia)]).await;
        let target = app.user_id("jurist.bs@example.it").await;
        let response = post(&app, &milano, "/api/admin/set_user_active", &[("id", target.clone()), ("active", "false".into())]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = post(&app, &milano, "/api/admin/set_roles", &[("id", target), ("grants[0]", "coordinator:brescia".into())]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\" WHERE status = 'deactivated'").await, 0);
        assert_eq!(app.count("SELECT COUNT(*) FROM user_role WHERE district = 'brescia' AND role = 'coordinator'").await, 0);
    }

    async fn a_deactivated_user_cannot_sign_in_until_reactivated(app: TestApp) {
        app.register_verified("paused@example.it", "una password lunga").await;
        assert_eq!(location(&app.login("paused@example.it", "una password lunga").await), "/");
        let target = app.user_id("paused@example.it").await;
        let coordinator = app.coordinator().await;
        post(&app, &coordinator, "/api/admin/set_user_active", &[("id", target.clone()), ("active", "false".into())]).await;
        assert!(!app.page("/").await.contains("Ciao,"), "the open session ended");
        let refused = app.login("paused@example.it", "una password lunga").await;
        assert_eq!(location(&refused), "/login");
        assert!(app.page("/login").await.contains("non è attivo"));

        post(&app, &coordinator, "/api/admin/set_user_active", &[("id", target), ("active", "true".into())]).await;
        assert_eq!(location(&app.login("paused@example.it", "una password lunga").await), "/");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action IN ('user.deactivated', 'user.reactivated')").await, 2);
    }

    async fn an_invited_jurist_sets_a_password_and_signs_in(app: TestApp) {
        let coordinator = app.coordinator().await;
        let response = post(&app, &coordinator, "/api/admin/invite_user", &[("name", "Giulia Bianchi".into()), ("email", "giulia@example.it".into()), ("role", "jurist".into()), ("district", "brescia".into())]).await;
        assert_eq!(location(&response), "/admin/users");
        let mail = app.mail.wait_for("giulia@example.it", "/password/reset/").await;
        assert!(mail.decoded().contains("Giurista"));
        let link = mail.link_containing("/password/reset/").expect("invitation link");
        let token = link.rsplit('/').next().unwrap().to_owned();
        app.submit("/api/reset_password", &[("token", &token), ("password", "giulia's own password"), ("password_confirm", "giulia's own password")]).await;
        assert_eq!(location(&app.login("giulia@example.it", "giulia's own password").await), "/account/two-factor", "a jurist sets up two-factor sign-in first");
        assert!(app.page("/").await.contains("Giurista"));
    }

    async fn the_users_list_searches_filters_and_pages(app: TestApp) {
        let coordinator = app.coordinator().await;
        for i in 0..30 {
            app.staff_account(&format!("person{i:02}@example.it"), &[(if i % 3 == 0 { Role::Trainer } else { Role::Guardian }, District::Milano)]).await;
        }
        let first = coordinator.get(app.url("/admin/users")).send().await.unwrap().text().await.unwrap();
        assert!(first.contains("31 utenti trovati"));
        assert!(first.contains("Pagina 1 di 2"));
        let second = coordinator.get(app.url("/admin/users?page=2")).send().await.unwrap().text().await.unwrap();
        assert!(second.contains("Pagina 2 di 2"));
        let trainers = coordinator.get(app.url("/admin/users?role=trainer")).send().await.unwrap().text().await.unwrap();
        assert!(trainers.contains("10 utenti trovati"));
        let search = coordinator.get(app.url("/admin/users?q=PERSON07")).send().await.unwrap().text().await.unwrap();
        assert!(search.contains("1 utente trovato") && search.contains("person07@example.it"));
    }

    async fn the_last_coordinator_of_a_district_stays(app: TestApp) {
        let coordinator = app.staff_account("only@example.it", &[(Role::Coordinator, District::Milano)]).await;
        let me = app.user_id("only@example.it").await;
        let response = post(&app, &coordinator, "/api/admin/set_roles", &[("id", me)]).await;
        assert_eq!(location(&response), format!("/admin/users/{}", app.user_id("only@example.it").await));
        assert_eq!(app.count("SELECT COUNT(*) FROM user_role WHERE role = 'coordinator'").await, 1);
    }

    async fn a_coordinator_reads_the_people_log_and_mail_of_their_districts_only(app: TestApp) {
        // Mail stays undelivered, so the outbox page lists it.
        app.mail.refuse_mail();
        let milano = app.staff_account("coord.mi@example.it", &[(Role::Coordinator, District::Milano)]).await;
        let brescia = app.staff_account("coord.bs@example.it", &[(Role::Coordinator, District::Brescia)]).await;
        for (coordinator, name, email, district) in [(&milano, "Marta Milanese", "marta@example.it", "milano"), (&brescia, "Bruno Bresciano", "bruno@example.it", "brescia")] {
            let response = post(&app, coordinator, "/api/admin/invite_user", &[("name", name.into()), ("email", email.into()), ("role", "jurist".into()), ("district", district.into())]).await;
            assert_eq!(location(&response), "/admin/users");
        }
        let read = |client: &Client, path: &'static str| {
            let request = client.get(app.url(path));
            async move { request.send().await.unwrap().text().await.unwrap() }
        };
        for path in ["/admin/users", "/admin/users?district=brescia", "/admin/audit", "/admin/outbox"] {
            let page = read(&milano, path).await;
            assert!(!page.contains("bruno@example.it") && !page.contains("coord.bs@example.it"), "{path} shows Brescia's people to Milano");
        }
        assert!(read(&milano, "/admin/users").await.contains("marta@example.it"));
        assert!(read(&milano, "/admin/audit").await.contains("Marta Milanese"));
        assert!(read(&milano, "/admin/outbox").await.contains("marta@example.it"));
        assert!(read(&brescia, "/admin/users").await.contains("bruno@example.it"));
        assert!(!read(&brescia, "/admin/outbox").await.contains("marta@example.it"));

        let both = app.coordinator().await;
        for path in ["/admin/users", "/admin/outbox"] {
            let page = read(&both, path).await;
            assert!(page.contains("marta@example.it") && page.contains("bruno@example.it"), "{path} for a coordinator of both");
        }
        let log = read(&both, "/admin/audit").await;
        assert!(log.contains("Marta Milanese") && log.contains("Bruno Bresciano"));
    }

    async fn invited_and_deactivated_coordinators_do_not_keep_a_district_coordinated(app: TestApp) {
        let coordinator = app.staff_account("active@example.it", &[(Role::Coordinator, District::Milano)]).await;
        let response = post(&app, &coordinator, "/api/admin/invite_user", &[("name", "Ines Invitata".into()), ("email", "invited@example.it".into()), ("role", "coordinator".into()), ("district", "milano".into())]).await;
        assert_eq!(location(&response), "/admin/users");
        let me = app.user_id("active@example.it").await;
        let response = post(&app, &coordinator, "/api/admin/set_roles", &[("id", me.clone())]).await;
        let page = coordinator.get(app.url(&location(&response))).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("senza coordinatori attivi"), "refused with the reason");
        assert_eq!(app.count("SELECT COUNT(*) FROM user_role WHERE role = 'coordinator' AND district = 'milano'").await, 2, "an invitation does not coordinate");
    }

    async fn the_last_active_coordinator_cannot_be_deactivated(app: TestApp) {
        // The coordinator of both districts is the only one of Brescia.
        let both = app.coordinator().await;
        let milano = app.staff_account("coord.mi@example.it", &[(Role::Coordinator, District::Milano)]).await;
        let target = app.user_id("coord@tutela.test").await;
        post(&app, &milano, "/api/admin/set_user_active", &[("id", target), ("active", "false".into())]).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\" WHERE status = 'deactivated'").await, 0, "Brescia keeps its coordinator");
        // With a second coordinator in each district, it is allowed.
        drop(both);
        app.staff_account("coord.bs@example.it", &[(Role::Coordinator, District::Brescia)]).await;
        let target = app.user_id("coord@tutela.test").await;
        post(&app, &milano, "/api/admin/set_user_active", &[("id", target), ("active", "false".into())]).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\" WHERE status = 'deactivated'").await, 1);
    }

    async fn two_coordinators_removing_each_other_at_once_leave_one(app: TestApp) {
        for round in 0..5 {
            let (a, b) = (format!("a{round}@example.it"), format!("b{round}@example.it"));
            let district = if round % 2 == 0 { District::Milano } else { District::Brescia };
            // Each round in a district that only these two coordinate.
            sea_orm::ConnectionTrait::execute_unprepared(&app.db, &format!("DELETE FROM user_role WHERE role = 'coordinator' AND district = '{}'", district.code())).await.unwrap();
            let client_a = app.staff_account(&a, &[(Role::Coordinator, district)]).await;
            let client_b = app.staff_account(&b, &[(Role::Coordinator, district)]).await;
            let (id_a, id_b) = (app.user_id(&a).await, app.user_id(&b).await);
            let (a_removes_b, b_removes_a) = ([("id", id_b)], [("id", id_a)]);
            let (first, second) = tokio::join!(
                post(&app, &client_a, "/api/admin/set_roles", &a_removes_b),
                post(&app, &client_b, "/api/admin/set_roles", &b_removes_a),
            );
            // Each is done, refused, or (if the other removal landed first) no longer a coordinator's to make.
            for response in [&first, &second] {
                assert!(response.status().is_redirection() || response.status() == StatusCode::FORBIDDEN, "{}", response.status());
            }
            let left = app.count(&format!("SELECT COUNT(*) FROM user_role WHERE role = 'coordinator' AND district = '{}'", district.code())).await;
            assert_eq!(left, 1, "round {round}: exactly one of the two removals went through");
        }
    }
}
