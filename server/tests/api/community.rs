//! Communities of practice: who takes part where, topics and replies,
//! what a post may contain, and the privacy guard before anything is saved.

use reqwest::{Client, StatusCode};
use tutela_app::domain::{District, Role};

use crate::{
    helpers::{TestApp, location},
    on_both_engines,
};

async fn page(app: &TestApp, client: &Client, path: &str) -> (StatusCode, String) {
    let response = client.get(app.url(path)).send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

async fn open_topic(app: &TestApp, client: &Client, slug: &str, title: &str, body: &str) -> reqwest::Response {
    client.post(app.url("/api/community/create_topic")).form(&[("slug", slug), ("title", title), ("body", body)]).send().await.unwrap()
}

on_both_engines! {
    async fn members_take_part_in_their_district_and_the_themes_only(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let (_, list) = page(&app, &guardian, "/community").await;
        assert!(list.contains("Distretto di Milano") && list.contains("Scuola e formazione") && list.contains("Verso i 18 anni"), "{list}");
        assert!(!list.contains("Distretto di Brescia") && !list.contains("Spazio formatori"), "the other district and the trainers' room stay hidden");
        assert_eq!(page(&app, &guardian, "/community/c/brescia").await.0, StatusCode::FORBIDDEN);
        assert_eq!(page(&app, &guardian, "/community/c/formatori").await.0, StatusCode::FORBIDDEN);
        assert_eq!(page(&app, &guardian, "/community/c/no-such").await.0, StatusCode::NOT_FOUND);
        open_topic(&app, &guardian, "brescia", "Una domanda", "Come funziona a Brescia?").await;
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_topic").await, 0, "no topic where the reader may not go");

        let trainer = app.staff_account("trainer@example.it", &[(Role::Trainer, District::Brescia)]).await;
        let (status, _) = page(&app, &trainer, "/community/c/formatori").await;
        assert_eq!(status, StatusCode::OK);
        let coordinator = app.coordinator().await;
        let (_, all) = page(&app, &coordinator, "/community").await;
        assert!(all.contains("Distretto di Brescia") && all.contains("Spazio formatori"), "coordinators see every category");
        assert_eq!(location(&app.get("/community/c/milano").await), "/login", "visitors sign in first");
    }

    async fn a_topic_and_its_replies_are_shown_in_order_where_they_landed(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let response = open_topic(&app, &guardian, "scuola", "Iscrizione al CPIA a metà anno", "Si può iscrivere un ragazzo **a febbraio**?").await;
        let topic = location(&response);
        assert!(topic.starts_with("/community/t/"), "{topic}");
        let operator = app.staff_account("operator@example.it", &[(Role::Operator, District::Brescia)]).await;
        let reply = operator.post(app.url("/api/community/reply")).form(&[("id", topic.trim_start_matches("/community/t/")), ("body", "Sì, il CPIA accetta iscrizioni tutto l'anno.")]).send().await.unwrap();
        let landed = location(&reply);
        assert!(landed.starts_with(&format!("{topic}?page=1#post-")), "{landed}");
        let (_, shown) = page(&app, &operator, &topic).await;
        assert!(shown.contains("<strong>a febbraio</strong>"), "Markdown rendered when it was written");
        let first = shown.find("Si può iscrivere").unwrap();
        let second = shown.find("il CPIA accetta").unwrap();
        assert!(first < second, "oldest first");
        let (_, category) = page(&app, &guardian, "/community/c/scuola").await;
        assert!(category.contains("Iscrizione al CPIA a metà anno") && category.contains("Messaggi: 2"), "{category}");
    }

    async fn scripts_and_javascript_links_are_stored_inert(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let body = "<script>alert('x1')</script> [apri](javascript:alert('x2')) <img src=x onerror=\"alert('x3')\">";
        let topic = location(&open_topic(&app, &guardian, "salute", "Prova di sicurezza", body).await);
        let (_, shown) = page(&app, &guardian, &topic).await;
        for active in ["alert('x1')", "href=\"javascript:", "onerror"] {
            assert!(!shown.contains(active), "{active} reached the page");
        }
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_post WHERE body_html LIKE '%<script%' OR body_html LIKE '%href=\"javascript%' OR body_html LIKE '%onerror%'").await, 0);
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_post WHERE body_html LIKE '%apri%'").await, 1, "the link's text stays, as plain text");
    }

    async fn the_privacy_guard_warns_keeps_the_text_and_lets_the_author_confirm(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let body = "Ahmed, 16 anni, ha un colloquio: chiamatemi al 347 123 4567.";
        let response = open_topic(&app, &guardian, "documenti", "Colloquio in Questura", body).await;
        assert_eq!(location(&response), "/community/c/documenti", "back to the form");
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_topic").await, 0, "nothing published yet");
        let (_, form) = page(&app, &guardian, "/community/c/documenti").await;
        assert!(form.contains("Prima di pubblicare, controlla questi passaggi"));
        assert!(form.contains("Ahmed, 16 anni") && form.contains("347 123 4567"), "the passages are shown");
        assert!(form.contains("chiamatemi al 347 123 4567.</textarea>"), "the text is kept in the form");
        assert!(form.contains("value=\"Colloquio in Questura\""), "and the title");

        let anonymised = "A., 16 anni, ha un colloquio in Questura: come mi preparo?";
        let response = open_topic(&app, &guardian, "documenti", "Colloquio in Questura", anonymised).await;
        assert!(location(&response).starts_with("/community/t/"), "anonymised wording passes");
        assert_eq!(app.count("SELECT COUNT(*) FROM post_draft").await, 0, "the draft goes once published");

        let confirmed = guardian
            .post(app.url("/api/community/create_topic"))
            .form(&[("slug", "documenti"), ("title", "Sportello comunale"), ("body", "Lo sportello risponde allo 02 1234 5678."), ("privacy_confirmed", "on")])
            .send()
            .await
            .unwrap();
        assert!(location(&confirmed).starts_with("/community/t/"), "a confirmed post is published");
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_topic").await, 2);
    }

    async fn bad_posts_are_explained_and_change_nothing(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        open_topic(&app, &guardian, "milano", "", "Un testo").await;
        let (_, form) = page(&app, &guardian, "/community/c/milano").await;
        assert!(form.contains("Questo campo è obbligatorio"), "an empty title");
        open_topic(&app, &guardian, "milano", "Ok", "Un testo").await;
        assert!(page(&app, &guardian, "/community/c/milano").await.1.contains("da 3 a 150 caratteri"));
        let long = "parola ".repeat(3000);
        open_topic(&app, &guardian, "milano", "Un messaggio lungo", &long).await;
        assert!(page(&app, &guardian, "/community/c/milano").await.1.contains("al massimo 20.000 caratteri"));
        open_topic(&app, &guardian, "milano", "Solo spazi", "   ").await;
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_topic").await, 0);

        let topic = location(&open_topic(&app, &guardian, "milano", "Una discussione chiusa", "Primo messaggio").await);
        let id = topic.trim_start_matches("/community/t/").to_owned();
        {
            use sea_orm::{ColumnTrait as _, EntityTrait as _, QueryFilter as _, sea_query::Expr};
            use tutela_app::ssr::entities::forum_topic;
            let uuid: uuid::Uuid = id.parse().unwrap();
            forum_topic::Entity::update_many().col_expr(forum_topic::Column::Locked, Expr::value(true)).filter(forum_topic::Column::Id.eq(uuid)).exec(&app.db).await.unwrap();
        }
        guardian.post(app.url("/api/community/reply")).form(&[("id", id.as_str()), ("body", "Una risposta tardiva")]).send().await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_post").await, 1, "no reply in a closed topic");
        let (_, shown) = page(&app, &guardian, &topic).await;
        assert!(shown.contains("è chiusa"), "{shown}");
        assert_eq!(app.count("SELECT COUNT(*) FROM post_draft WHERE body = 'Una risposta tardiva'").await, 1, "the text is kept");
    }
}
