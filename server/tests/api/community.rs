//! Communities of practice: who takes part where, topics and replies,
//! what a post may contain, and the privacy guard before anything is saved.

use reqwest::{Client, StatusCode};
use tutela_app::domain::{District, Role};

use crate::{
    helpers::{TestApp, location},
    on_both_engines,
};

pub(crate) async fn page(app: &TestApp, client: &Client, path: &str) -> (StatusCode, String) {
    let response = client.get(app.url(path)).send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

pub(crate) async fn open_topic(app: &TestApp, client: &Client, slug: &str, title: &str, body: &str) -> reqwest::Response {
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
        // Another member: the author's own page also has the text, inert, in the edit form.
        let reader = app.staff_account("reader@example.it", &[(Role::Guardian, District::Milano)]).await;
        let (_, shown) = page(&app, &reader, &topic).await;
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
        guardian.post(app.url("/api/community/change_topic")).form(&[("topic", id.as_str()), ("change", "lock")]).send().await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_topic WHERE locked").await, 0, "members do not close topics");
        let coordinator = app.coordinator().await;
        coordinator.post(app.url("/api/community/change_topic")).form(&[("topic", id.as_str()), ("change", "lock")]).send().await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_topic WHERE locked").await, 1, "a moderator does");
        guardian.post(app.url("/api/community/reply")).form(&[("id", id.as_str()), ("body", "Una risposta tardiva")]).send().await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_post").await, 1, "no reply in a closed topic");
        let (_, shown) = page(&app, &guardian, &topic).await;
        assert!(shown.contains("è chiusa"), "{shown}");
        assert_eq!(app.count("SELECT COUNT(*) FROM post_draft WHERE body = 'Una risposta tardiva'").await, 1, "the text is kept");
    }
}

/// Replies to the topic at `topic` (its path) and checks that the reply landed there.
pub(crate) async fn reply(app: &TestApp, client: &Client, topic: &str, body: &str) {
    let response = client
        .post(app.url("/api/community/reply"))
        .form(&[("id", topic.trim_start_matches("/community/t/")), ("body", body)])
        .send()
        .await
        .unwrap();
    assert!(location(&response).starts_with(topic), "replied");
}

/// The id of the only post with `text` in it.
pub(crate) async fn post_id(app: &TestApp, text: &str) -> String {
    use sea_orm::{ColumnTrait as _, EntityTrait as _, QueryFilter as _};
    use tutela_app::ssr::entities::forum_post;
    forum_post::Entity::find()
        .filter(forum_post::Column::BodyMarkdown.contains(text))
        .one(&app.db)
        .await
        .unwrap()
        .expect("the post")
        .id
        .to_string()
}

on_both_engines! {
    async fn a_flagged_post_is_hidden_by_a_moderator_and_its_author_told(app: TestApp) {
        let author = app.staff_account("author@example.it", &[(Role::Guardian, District::Milano)]).await;
        let topic = location(&open_topic(&app, &author, "milano", "Un incontro in comunità", "Il messaggio da segnalare.").await);
        let topic_id = topic.trim_start_matches("/community/t/").to_owned();
        let post = post_id(&app, "da segnalare").await;
        let reader = app.staff_account("reader@example.it", &[(Role::Operator, District::Milano)]).await;
        for _ in 0..2 {
            reader.post(app.url("/api/community/flag_post")).form(&[("post", post.as_str()), ("topic", topic_id.as_str()), ("reason", "minor_data"), ("note", "c'è un nome")]).send().await.unwrap();
        }
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_flag").await, 1, "flagging twice is one flag");
        reader.post(app.url("/api/community/flag_post")).form(&[("post", post.as_str()), ("topic", topic_id.as_str()), ("reason", "nonsense"), ("note", "")]).send().await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_flag").await, 1, "an unknown reason changes nothing");

        assert_eq!(page(&app, &reader, "/community/moderation").await.0, StatusCode::FORBIDDEN, "members have no queue");
        let denied = reader.post(app.url("/api/community/hide_post")).header("accept", "application/json").form(&[("post", post.as_str()), ("back", topic.as_str()), ("reason", "x")]).send().await.unwrap();
        assert_eq!(denied.status(), StatusCode::FORBIDDEN);
        let trainer = app.staff_account("trainer@example.it", &[(Role::Trainer, District::Milano)]).await;
        let denied = trainer.post(app.url("/api/community/hide_post")).header("accept", "application/json").form(&[("post", post.as_str()), ("back", topic.as_str()), ("reason", "x")]).send().await.unwrap();
        assert_eq!(denied.status(), StatusCode::FORBIDDEN, "trainers moderate their own room only");

        let coordinator = app.coordinator().await;
        let (_, queue) = page(&app, &coordinator, "/community/moderation").await;
        assert!(queue.contains("Il messaggio da segnalare.") && queue.contains("Contiene dati di un minore") && (queue.contains("c&#x27;è un nome") || queue.contains("c'è un nome")), "{queue}");
        let hidden = coordinator.post(app.url("/api/community/hide_post")).form(&[("post", post.as_str()), ("back", "https://evil.example/"), ("reason", "Contiene il nome del ragazzo")]).send().await.unwrap();
        assert_eq!(location(&hidden), "/community", "back only to our own pages");
        let (_, seen) = page(&app, &reader, &topic).await;
        assert!(seen.contains("Messaggio nascosto dai moderatori") && !seen.contains("da segnalare"), "participants see where it was, not what it said");
        let (_, moderated) = page(&app, &coordinator, &topic).await;
        assert!(moderated.contains("da segnalare") && moderated.contains("Contiene il nome del ragazzo"), "moderators see both");
        app.mail.wait_for("author@example.it", "Contiene il nome del ragazzo").await;
        assert!(page(&app, &coordinator, "/community/moderation").await.1.contains("la coda è vuota"));

        coordinator.post(app.url("/api/community/restore_post")).form(&[("post", post.as_str()), ("back", topic.as_str())]).send().await.unwrap();
        assert!(page(&app, &reader, &topic).await.1.contains("da segnalare"), "restored");
        for action in ["forum.post_hidden", "forum.post_restored"] {
            assert_eq!(app.count(&format!("SELECT COUNT(*) FROM audit_entry WHERE action = '{action}'")).await, 1, "{action}");
        }
    }

    async fn trainers_moderate_the_trainers_room_and_dismissed_flags_leave_the_post(app: TestApp) {
        let trainer = app.staff_account("trainer@example.it", &[(Role::Trainer, District::Brescia)]).await;
        let topic = location(&open_topic(&app, &trainer, "formatori", "Materiali del modulo 3", "Un materiale discusso.").await);
        let topic_id = topic.trim_start_matches("/community/t/").to_owned();
        let post = post_id(&app, "materiale discusso").await;
        let colleague = app.staff_account("colleague@example.it", &[(Role::Trainer, District::Milano)]).await;
        colleague.post(app.url("/api/community/flag_post")).form(&[("post", post.as_str()), ("topic", topic_id.as_str()), ("reason", "spam"), ("note", "")]).send().await.unwrap();
        let (status, queue) = page(&app, &trainer, "/community/moderation").await;
        assert_eq!(status, StatusCode::OK);
        assert!(queue.contains("materiale discusso"), "{queue}");
        trainer.post(app.url("/api/community/dismiss_flags")).form(&[("post", post.as_str())]).send().await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_flag WHERE resolved_at IS NULL").await, 0);
        assert!(page(&app, &colleague, &topic).await.1.contains("materiale discusso"), "still visible");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'forum.flags_dismissed'").await, 1);
    }
}

on_both_engines! {
    async fn authors_edit_within_a_day_and_moderators_read_the_earlier_text(app: TestApp) {
        let author = app.staff_account("author@example.it", &[(Role::Guardian, District::Milano)]).await;
        let topic = location(&open_topic(&app, &author, "salute", "Il medico di base", "Prima versione del testo.").await);
        let post = post_id(&app, "Prima versione").await;
        let edit = |client: &Client, body: &str| {
            let fields = [("post", post.clone()), ("back", topic.clone()), ("body", body.to_owned())];
            client.post(app.url("/api/community/edit_post")).form(&fields).send()
        };
        edit(&author, "Seconda versione, più chiara.").await.unwrap();
        let reader = app.staff_account("reader@example.it", &[(Role::Operator, District::Brescia)]).await;
        let (_, seen) = page(&app, &reader, &topic).await;
        assert!(seen.contains("Seconda versione") && seen.contains("modificato") && !seen.contains("Prima versione"), "{seen}");
        let coordinator = app.coordinator().await;
        let (_, moderated) = page(&app, &coordinator, &topic).await;
        assert!(moderated.contains("Versioni precedenti: 1") && moderated.contains("Prima versione del testo."), "moderators read the history");

        edit(&reader, "Non è mio.").await.unwrap();
        edit(&author, "Ahmed, 16 anni, dal medico.").await.unwrap();
        assert!(page(&app, &author, &topic).await.1.contains("Prima di pubblicare"), "an edit meets the privacy guard too");
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_post WHERE body_markdown LIKE 'Seconda%'").await, 1, "neither changed it");

        {
            use sea_orm::{ColumnTrait as _, EntityTrait as _, QueryFilter as _, sea_query::Expr};
            use tutela_app::ssr::entities::forum_post;
            let old = tutela_app::ssr::clock::now() - 2 * tutela_app::ssr::clock::DAY;
            forum_post::Entity::update_many().col_expr(forum_post::Column::CreatedAt, Expr::value(old)).filter(forum_post::Column::Id.eq(post.parse::<uuid::Uuid>().unwrap())).exec(&app.db).await.unwrap();
        }
        edit(&author, "Terza versione, troppo tardi.").await.unwrap();
        assert!(page(&app, &author, &topic).await.1.contains("Il tempo per modificare questo messaggio è scaduto"));
        edit(&coordinator, "Versione del moderatore.").await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_post WHERE body_markdown = 'Versione del moderatore.'").await, 1, "moderators edit at any time");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'forum.post_edited'").await, 1);
    }

    async fn an_author_deletes_their_post_and_only_its_place_stays(app: TestApp) {
        let author = app.staff_account("author@example.it", &[(Role::Guardian, District::Milano)]).await;
        let topic = location(&open_topic(&app, &author, "benessere", "Una serata difficile", "Un testo da ritirare.").await);
        let post = post_id(&app, "da ritirare").await;
        let other = app.staff_account("other@example.it", &[(Role::Guardian, District::Milano)]).await;
        let refused = other.post(app.url("/api/community/delete_post")).header("accept", "application/json").form(&[("post", post.as_str()), ("back", topic.as_str())]).send().await.unwrap();
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "only its author");
        author.post(app.url("/api/community/delete_post")).form(&[("post", post.as_str()), ("back", topic.as_str())]).send().await.unwrap();
        let (_, seen) = page(&app, &other, &topic).await;
        assert!(seen.contains("Messaggio eliminato dall") && !seen.contains("da ritirare"));
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_post WHERE body_markdown LIKE '%ritirare%' OR body_html LIKE '%ritirare%'").await, 0, "the text is gone");
    }

    async fn quoting_a_post_starts_the_reply_with_it_after_what_was_written(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let topic = location(&open_topic(&app, &guardian, "scuola", "Età per il CPIA", "Il CPIA accetta **sedicenni**?\n\nO solo dai 18?").await);
        let quoted = post_id(&app, "sedicenni").await;
        let operator = app.staff_account("operator@example.it", &[(Role::Operator, District::Milano)]).await;
        let (_, shown) = page(&app, &operator, &format!("{topic}?page=1&quote={quoted}")).await;
        assert!(shown.contains("> **Staff Member** ha scritto:\n>\n> Il CPIA accetta **sedicenni**?\n>\n> O solo dai 18?"), "{shown}");
        assert!(shown.contains(&format!("href=\"{topic}?page=1&amp;quote={quoted}#reply-title\"")), "each post offers its quote link");

        // What the reader had written (kept by the privacy guard) stays first.
        let id = topic.trim_start_matches("/community/t/");
        operator.post(app.url("/api/community/reply")).form(&[("id", id), ("body", "Roberto, 16 anni, ha chiesto: ")]).send().await.unwrap();
        let (_, kept) = page(&app, &operator, &format!("{topic}?quote={quoted}")).await;
        assert!(kept.contains("Roberto, 16 anni, ha chiesto:\n\n> **Staff Member**"), "{kept}");
        let (_, elsewhere) = page(&app, &operator, &format!("{topic}?quote=00000000-0000-4000-8000-000000000000")).await;
        assert!(elsewhere.contains("Roberto, 16 anni, ha chiesto:") && !elsewhere.contains("> **Staff Member**"), "a post not in the topic is not quoted");
    }
}

on_both_engines! {
    config = "community_edit_minutes = 1";

    async fn the_edit_window_is_a_setting(app: TestApp) {
        let author = app.staff_account("author@example.it", &[(Role::Guardian, District::Milano)]).await;
        let topic = location(&open_topic(&app, &author, "salute", "Vaccinazioni", "Quali vaccini servono per la scuola?").await);
        let post = post_id(&app, "Quali vaccini").await;
        {
            use sea_orm::{ColumnTrait as _, EntityTrait as _, QueryFilter as _, sea_query::Expr};
            use tutela_app::ssr::entities::forum_post;
            let two_minutes_ago = tutela_app::ssr::clock::now() - 2 * tutela_app::ssr::clock::MINUTE;
            forum_post::Entity::update_many().col_expr(forum_post::Column::CreatedAt, Expr::value(two_minutes_ago)).filter(forum_post::Column::Id.eq(post.parse::<uuid::Uuid>().unwrap())).exec(&app.db).await.unwrap();
        }
        let fields = [("post", post.as_str()), ("back", topic.as_str()), ("body", "Troppo tardi per cambiarlo.")];
        author.post(app.url("/api/community/edit_post")).form(&fields).send().await.unwrap();
        assert!(page(&app, &author, &topic).await.1.contains("Il tempo per modificare questo messaggio è scaduto"));
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_post WHERE body_markdown LIKE 'Troppo tardi%'").await, 0);
    }
}

on_both_engines! {
    async fn moderators_pin_a_topic_and_move_it_where_search_then_finds_it(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let first = location(&open_topic(&app, &guardian, "scuola", "Una domanda sul permesso", "Rinnovo del permesso di soggiorno a scuola.").await);
        open_topic(&app, &guardian, "scuola", "Una discussione più recente", "Altro argomento.").await;
        let id = first.trim_start_matches("/community/t/").to_owned();
        let change = |client: &Client, change: &'static str, category: Option<&'static str>| {
            let mut fields = vec![("topic", id.clone()), ("change", change.to_owned())];
            fields.extend(category.map(|c| ("category", c.to_owned())));
            client.post(app.url("/api/community/change_topic")).form(&fields).send()
        };
        change(&guardian, "pin", None).await.unwrap();
        change(&guardian, "move", Some("documenti")).await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_topic WHERE pinned OR category_slug = 'documenti'").await, 0, "members do neither");

        let coordinator = app.coordinator().await;
        change(&coordinator, "pin", None).await.unwrap();
        let (_, listed) = page(&app, &guardian, "/community/c/scuola").await;
        assert!(listed.find("Una domanda sul permesso").unwrap() < listed.find("Una discussione più recente").unwrap(), "pinned first");
        change(&coordinator, "move", Some("no-such")).await.unwrap();
        change(&coordinator, "move", Some("scuola")).await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_topic WHERE category_slug = 'scuola'").await, 2, "nowhere, or where it is, is no move");
        let response = change(&coordinator, "move", Some("documenti")).await.unwrap();
        assert_eq!(location(&response), first);
        let (_, moved) = page(&app, &guardian, &first).await;
        assert!(moved.contains("Documenti e permessi") || moved.contains("/community/c/documenti"), "{moved}");
        let (_, found) = page(&app, &guardian, "/search?q=rinnovo&place=documenti").await;
        assert!(found.contains("Una domanda sul permesso"), "search finds it in its new category: {found}");
        let (_, not_found) = page(&app, &guardian, "/search?q=rinnovo&place=scuola").await;
        assert!(!not_found.contains("Una domanda sul permesso"), "and no longer in the old one");
        for action in ["forum.topic_pinned", "forum.topic_moved"] {
            assert_eq!(app.count(&format!("SELECT COUNT(*) FROM audit_entry WHERE action = '{action}'")).await, 1, "{action}");
        }
    }

    async fn a_coordinator_of_the_authors_district_stops_them_writing_for_a_while(app: TestApp) {
        let author = app.staff_account("author@example.it", &[(Role::Guardian, District::Milano)]).await;
        let topic = location(&open_topic(&app, &author, "milano", "Tono della discussione", "Un messaggio da moderare.").await);
        let post = post_id(&app, "da moderare").await;
        let silence = |client: &Client, days: &'static str, reason: &'static str| {
            let fields = [("post", post.clone()), ("back", topic.clone()), ("days", days.to_owned()), ("reason", reason.to_owned())];
            client.post(app.url("/api/community/silence_author")).form(&fields).send()
        };
        let silenced = "SELECT COUNT(*) FROM \"user\" WHERE silenced_until IS NOT NULL";
        let trainer = app.staff_account("trainer@example.it", &[(Role::Trainer, District::Milano)]).await;
        assert_eq!(silence(&trainer, "7", "Toni offensivi").await.unwrap().status(), StatusCode::FORBIDDEN);
        let other_district = app.staff_account("coord.brescia@example.it", &[(Role::Coordinator, District::Brescia)]).await;
        assert_eq!(silence(&other_district, "7", "Toni offensivi").await.unwrap().status(), StatusCode::FORBIDDEN);
        assert!(!page(&app, &trainer, &topic).await.1.contains("Sospendi l'autore"), "no form for who may not");
        let coordinator = app.coordinator().await;
        assert!(page(&app, &coordinator, &topic).await.1.contains("Sospendi l'autore"));
        silence(&coordinator, "7", "  ").await.unwrap();
        silence(&coordinator, "3", "Toni offensivi").await.unwrap();
        assert_eq!(app.count(silenced).await, 0, "a reason and a listed length are needed");

        silence(&coordinator, "7", "Toni offensivi").await.unwrap();
        assert_eq!(app.count(silenced).await, 1);
        app.mail.wait_for("author@example.it", "Toni offensivi").await;
        let id = topic.trim_start_matches("/community/t/");
        author.post(app.url("/api/community/reply")).form(&[("id", id), ("body", "Una risposta durante la sospensione.")]).send().await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_post").await, 1, "no post while silenced");
        let (_, shown) = page(&app, &author, &topic).await;
        assert!(shown.contains("ha sospeso per un periodo") && shown.contains("Una risposta durante la sospensione."), "told, and the text kept");

        silence(&coordinator, "0", "").await.unwrap();
        assert_eq!(app.count(silenced).await, 0);
        reply(&app, &author, &topic, "Una risposta dopo la sospensione.").await;
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action IN ('forum.member_silenced', 'forum.member_unsilenced')").await, 2);
    }

    async fn a_category_tells_what_is_new_since_the_last_visit_and_the_topic_marks_it(app: TestApp) {
        let reader = app.staff_account("reader@example.it", &[(Role::Guardian, District::Milano)]).await;
        let topic = location(&open_topic(&app, &reader, "scuola", "Orari della mensa", "A che ora pranzano i ragazzi?").await);
        page(&app, &reader, &topic).await;
        let (_, listed) = page(&app, &reader, "/community/c/scuola").await;
        assert!(!listed.contains("Messaggi nuovi"), "nothing new after reading it");

        let writer = app.staff_account("writer@example.it", &[(Role::Operator, District::Milano)]).await;
        reply(&app, &writer, &topic, "Alle 12:30 di solito.").await;
        reply(&app, &writer, &topic, "Il venerdì alle 13.").await;
        let (_, listed) = page(&app, &reader, "/community/c/scuola").await;
        assert!(listed.contains(&format!("href=\"{topic}?page=1#first-unread\" class=\"tag tag-new\">Messaggi nuovi: 2<")), "{listed}");
        let (_, shown) = page(&app, &reader, &format!("{topic}?page=1")).await;
        let marker = shown.find("id=\"first-unread\"").expect("the marker");
        assert!(shown.find("A che ora pranzano").unwrap() < marker && marker < shown.find("Alle 12:30").unwrap(), "before the first new post");
        let (_, listed) = page(&app, &reader, "/community/c/scuola").await;
        assert!(!listed.contains("Messaggi nuovi"), "read now");
        let (_, again) = page(&app, &reader, &topic).await;
        assert!(!again.contains("first-unread"), "no marker once read");
        let (_, theirs) = page(&app, &writer, "/community/c/scuola").await;
        assert!(!theirs.contains("Messaggi nuovi"), "the replies' author read them as they landed");
    }
}

on_both_engines! {
    async fn coordinators_manage_their_districts_categories_and_appoint_moderators(app: TestApp) {
        let brescia = app.staff_account("coord.bs@example.it", &[(Role::Coordinator, District::Brescia)]).await;
        let milano = app.staff_account("coord.mi@example.it", &[(Role::Coordinator, District::Milano)]).await;
        let save = |client: &Client, existing: &'static str, name_it: &'static str| {
            let fields = [
                ("existing", existing), ("slug", "lavoro-bs"), ("name_it", name_it), ("name_en", "Work in Brescia"),
                ("description_it", "Tirocini e lavoro per i neomaggiorenni."), ("description_en", "Traineeships and work."),
                ("district", "brescia"), ("role", ""), ("position", "20"),
            ];
            client.post(app.url("/api/admin/save_category")).form(&fields).send()
        };
        let created = save(&brescia, "", "Lavoro a Brescia").await.unwrap();
        assert_eq!(location(&created), "/admin/categories");
        save(&brescia, "", "Lavoro a Brescia").await.unwrap();
        save(&brescia, "lavoro-bs", "").await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_category WHERE slug = 'lavoro-bs' AND name_it = 'Lavoro a Brescia'").await, 1, "taken slug, empty name: nothing changed");
        assert_eq!(save(&milano, "lavoro-bs", "Rubata").await.unwrap().status(), StatusCode::FORBIDDEN, "another district's category");
        let (_, list) = page(&app, &milano, "/admin/categories").await;
        assert!(list.contains("La gestiscono i coordinatori del suo distretto"), "shown, not editable");
        save(&brescia, "lavoro-bs", "Lavoro e tirocini").await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_category WHERE name_it = 'Lavoro e tirocini'").await, 1);

        let guardian_mi = app.staff_account("gm@example.it", &[(Role::Guardian, District::Milano)]).await;
        assert_eq!(page(&app, &guardian_mi, "/community/c/lavoro-bs").await.0, StatusCode::FORBIDDEN, "kept to its district");
        assert_eq!(page(&app, &guardian_mi, "/admin/categories").await.0, StatusCode::FORBIDDEN);
        let writer = app.staff_account("ob@example.it", &[(Role::Operator, District::Brescia)]).await;
        let topic = location(&open_topic(&app, &writer, "lavoro-bs", "Tirocinio in officina", "Un'officina cerca un tirocinante.").await);
        let post = post_id(&app, "officina cerca").await;
        let helper = app.staff_account("gb@example.it", &[(Role::Guardian, District::Brescia)]).await;
        let hide = |client: &Client| {
            let fields = [("post", post.as_str()), ("back", topic.as_str()), ("reason", "Annuncio da verificare")];
            client.post(app.url("/api/community/hide_post")).header("accept", "application/json").form(&fields).send()
        };
        assert_eq!(hide(&helper).await.unwrap().status(), StatusCode::FORBIDDEN, "not a moderator yet");
        brescia.post(app.url("/api/admin/appoint_moderator")).form(&[("slug", "lavoro-bs"), ("email", "nobody@example.it")]).send().await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM category_moderator").await, 0, "an unknown address appoints no one");
        brescia.post(app.url("/api/admin/appoint_moderator")).form(&[("slug", "lavoro-bs"), ("email", "gb@example.it")]).send().await.unwrap();
        assert!(hide(&helper).await.unwrap().status().is_success(), "an appointed moderator hides");
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_post WHERE status = 'hidden'").await, 1);
        let member = app.user_id("gb@example.it").await;
        brescia.post(app.url("/api/admin/remove_moderator")).form(&[("slug", "lavoro-bs"), ("member", member.as_str())]).send().await.unwrap();
        let restore = helper.post(app.url("/api/community/restore_post")).header("accept", "application/json").form(&[("post", post.as_str()), ("back", topic.as_str())]).send().await.unwrap();
        assert_eq!(restore.status(), StatusCode::FORBIDDEN, "no longer once removed");
        let audited = "SELECT COUNT(*) FROM audit_entry WHERE action IN ('forum.category_created', 'forum.category_changed', 'forum.moderator_appointed', 'forum.moderator_removed')";
        assert_eq!(app.count(audited).await, 4);
    }
}

on_both_engines! {
    async fn a_newcomers_first_posts_wait_for_a_moderator_and_are_published_or_returned(app: TestApp) {
        let coordinator = app.coordinator().await;
        let fields = [
            ("existing", ""), ("slug", "accoglienza-mi"), ("name_it", "Accoglienza a Milano"), ("name_en", "Reception in Milano"),
            ("description_it", ""), ("description_en", ""), ("district", "milano"), ("role", ""), ("position", "30"), ("approve_first_posts", "11"),
        ];
        coordinator.post(app.url("/api/admin/save_category")).form(&fields).send().await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_category WHERE slug = 'accoglienza-mi'").await, 0, "more than 10 held posts is refused");
        let fields = fields.map(|(name, value)| (name, if name == "approve_first_posts" { "1" } else { value }));
        coordinator.post(app.url("/api/admin/save_category")).form(&fields).send().await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_category WHERE slug = 'accoglienza-mi' AND approve_first_posts = 1").await, 1);

        let follower = app.staff_account("follower@example.it", &[(Role::Operator, District::Milano)]).await;
        follower.post(app.url("/api/community/set_watch")).form(&[("place", "category:accoglienza-mi"), ("level", "following"), ("back", "/community")]).send().await.unwrap();
        let newcomer = app.staff_account("newcomer@example.it", &[(Role::Guardian, District::Milano)]).await;
        let held = open_topic(&app, &newcomer, "accoglienza-mi", "Prima accoglienza notturna", "Dove trovo un posto letto per stanotte, zafferano?").await;
        assert_eq!(location(&held), "/community/c/accoglienza-mi", "back where it was written");
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_topic").await, 0, "not published yet");
        assert_eq!(app.count("SELECT COUNT(*) FROM awaiting_post").await, 1);
        assert_eq!(app.count("SELECT COUNT(*) FROM notification").await, 0, "nobody is told of it yet");
        let (_, own) = page(&app, &newcomer, "/community/c/accoglienza-mi").await;
        assert!(own.contains("In attesa di approvazione") && own.contains("Prima accoglienza notturna"), "its author sees it waiting");
        let (_, others) = page(&app, &follower, "/community/c/accoglienza-mi").await;
        assert!(!others.contains("Prima accoglienza notturna"), "nobody else does");
        assert!(!page(&app, &follower, "/search?q=zafferano").await.1.contains("Prima accoglienza"), "nor finds it");

        assert_eq!(page(&app, &newcomer, "/community/moderation").await.0, StatusCode::FORBIDDEN);
        let (_, queue) = page(&app, &coordinator, "/community/moderation").await;
        assert!(queue.contains("Messaggi da approvare") && queue.contains("posto letto per stanotte"), "{queue}");
        let held_id = {
            use sea_orm::EntityTrait as _;
            tutela_app::ssr::entities::awaiting_post::Entity::find().one(&app.db).await.unwrap().unwrap().id.to_string()
        };
        let denied = follower.post(app.url("/api/community/approve_post")).header("accept", "application/json").form(&[("held", held_id.as_str())]).send().await.unwrap();
        assert_eq!(denied.status(), StatusCode::FORBIDDEN, "members do not approve");
        let trainer = app.staff_account("trainer@example.it", &[(Role::Trainer, District::Milano)]).await;
        let denied = trainer.post(app.url("/api/community/approve_post")).header("accept", "application/json").form(&[("held", held_id.as_str())]).send().await.unwrap();
        assert_eq!(denied.status(), StatusCode::FORBIDDEN, "nor trainers outside their room");
        let approved = coordinator.post(app.url("/api/community/approve_post")).form(&[("held", held_id.as_str())]).send().await.unwrap();
        assert_eq!(location(&approved), "/community/moderation");
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_topic WHERE title = 'Prima accoglienza notturna'").await, 1, "published");
        assert_eq!(app.count("SELECT COUNT(*) FROM awaiting_post").await, 0);
        app.wait_until_count("SELECT COUNT(*) FROM notification", 1).await;
        assert!(page(&app, &follower, "/search?q=zafferano").await.1.contains("Prima accoglienza"), "found once published");
        let again = coordinator.post(app.url("/api/community/approve_post")).header("accept", "application/json").form(&[("held", held_id.as_str())]).send().await.unwrap();
        assert_eq!(again.status(), StatusCode::NOT_FOUND, "approved once");

        // One post published: the newcomer's next ones go straight out.
        let topic = location(&open_topic(&app, &newcomer, "accoglienza-mi", "Seconda domanda", "Ora pubblico subito.").await);
        assert!(topic.starts_with("/community/t/"), "{topic}");
        let topic_id = topic.trim_start_matches("/community/t/").to_owned();

        // Another newcomer's reply waits; rejected, it comes back as a draft.
        let second = app.staff_account("second@example.it", &[(Role::Guardian, District::Milano)]).await;
        let reply = second.post(app.url("/api/community/reply")).form(&[("id", topic_id.as_str()), ("body", "Scrivetemi in privato, vi spiego tutto.")]).send().await.unwrap();
        assert_eq!(location(&reply), topic);
        assert!(page(&app, &second, &topic).await.1.contains("In attesa di approvazione"));
        assert!(!page(&app, &newcomer, &topic).await.1.contains("Scrivetemi in privato"), "the topic's author does not see it");
        let held_id = {
            use sea_orm::EntityTrait as _;
            tutela_app::ssr::entities::awaiting_post::Entity::find().one(&app.db).await.unwrap().unwrap().id.to_string()
        };
        coordinator.post(app.url("/api/community/reject_post")).form(&[("held", held_id.as_str()), ("reason", " ")]).send().await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM awaiting_post").await, 1, "a rejection says why");
        coordinator.post(app.url("/api/community/reject_post")).form(&[("held", held_id.as_str()), ("reason", "Qui si risponde nel forum, non in privato")]).send().await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM awaiting_post").await, 0);
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_post").await, 2, "not published");
        assert_eq!(app.count("SELECT COUNT(*) FROM post_draft WHERE body = 'Scrivetemi in privato, vi spiego tutto.'").await, 1, "its author finds the text again");
        app.mail.wait_for("second@example.it", "Qui si risponde nel forum, non in privato").await;

        let moderated = location(&open_topic(&app, &coordinator, "accoglienza-mi", "Avviso dei coordinatori", "I moderatori pubblicano subito.").await);
        assert!(moderated.starts_with("/community/t/"), "a moderator's post never waits");
        for action in ["forum.post_approved", "forum.post_rejected"] {
            assert_eq!(app.count(&format!("SELECT COUNT(*) FROM audit_entry WHERE action = '{action}'")).await, 1, "{action}");
        }
    }

    async fn the_preview_shows_the_text_rendered_and_keeps_it(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let topic = location(&open_topic(&app, &guardian, "milano", "Una prova di anteprima", "Il primo messaggio.").await);
        let id = topic.trim_start_matches("/community/t/").to_owned();
        let previewed = guardian.post(app.url("/api/community/reply")).form(&[("id", id.as_str()), ("body", "Un testo **in grassetto**"), ("preview", "1")]).send().await.unwrap();
        assert_eq!(location(&previewed), format!("{topic}#reply-title"), "back to the form");
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_post").await, 1, "nothing published");
        let (_, form) = page(&app, &guardian, &topic).await;
        assert!(form.contains("Anteprima del messaggio") && form.contains("Un testo <strong>in grassetto</strong>"), "rendered below the field");
        assert!(form.contains("Un testo **in grassetto**</textarea>"), "and kept in it");
        let published = guardian.post(app.url("/api/community/reply")).form(&[("id", id.as_str()), ("body", "Un testo **in grassetto**")]).send().await.unwrap();
        assert!(location(&published).contains("#post-"));
        assert_eq!(app.count("SELECT COUNT(*) FROM post_draft").await, 0, "the draft goes once published");

        // The editors' preview, asked by the page's script.
        let rendered = guardian.post(app.url("/api/markdown/preview")).header("accept", "application/json").form(&[("body", "*corsivo* <script>alert(1)</script>")]).send().await.unwrap();
        assert!(rendered.status().is_success(), "{:?}", rendered.status());
        let html: String = rendered.json().await.unwrap();
        assert!(html.contains("<em>corsivo</em>") && !html.contains("<script"), "{html}");
        let long = "x".repeat(20_001);
        let refused = guardian.post(app.url("/api/markdown/preview")).header("accept", "application/json").form(&[("body", long.as_str())]).send().await.unwrap();
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let visitor = app.client.post(app.url("/api/markdown/preview")).header("accept", "application/json").form(&[("body", "ciao")]).send().await.unwrap();
        assert_eq!(visitor.status(), StatusCode::UNAUTHORIZED, "members only");
    }
}
