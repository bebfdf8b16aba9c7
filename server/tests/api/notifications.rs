//! Notifications: who hears of a new post (watching, following, muting,
//! access), the unread count and reading, mail at once with a one-click
//! unsubscribe link that works once, and the daily digest.

use reqwest::StatusCode;
use tutela_app::domain::{District, Role};

use crate::{
    community::{open_topic, page, reply},
    helpers::{TestApp, client_sending, location},
    on_both_engines,
};

/// How many notifications the member `email` has, and how many unread.
async fn notifications_of(app: &TestApp, email: &str) -> (i64, i64) {
    let theirs = format!("SELECT COUNT(*) FROM notification n JOIN \"user\" u ON u.id = n.user_id WHERE u.email = '{email}'");
    (app.count(&theirs).await, app.count(&format!("{theirs} AND n.read_at IS NULL")).await)
}

async fn set_watch(app: &TestApp, client: &reqwest::Client, place: &str, level: &str) -> reqwest::Response {
    client
        .post(app.url("/api/community/set_watch"))
        .form(&[("place", place), ("level", level), ("back", "/community")])
        .send()
        .await
        .unwrap()
}

/// The token of the unsubscribe link in the last mail to `email` with `fragment`.
async fn unsubscribe_token(app: &TestApp, email: &str, fragment: &str) -> String {
    let mail = app.mail.wait_for(email, fragment).await;
    let link = mail.link_containing("/unsubscribe/").expect("an unsubscribe link");
    link.rsplit('/').next().unwrap().to_owned()
}

on_both_engines! {
    async fn a_reply_notifies_the_topics_author_at_once_and_reading_the_topic_clears_it(app: TestApp) {
        let author = app.staff_account("author@example.it", &[(Role::Guardian, District::Milano)]).await;
        let topic = location(&open_topic(&app, &author, "scuola", "Iscrizione a scuola a metà anno", "Si può iscrivere un ragazzo a febbraio?").await);
        let replier = app.staff_account("replier@example.it", &[(Role::Operator, District::Brescia)]).await;
        reply(&app, &replier, &topic, "Sì, la scuola deve accoglierlo in ogni momento dell'anno.").await;

        assert_eq!(notifications_of(&app, "author@example.it").await, (1, 1));
        assert_eq!(notifications_of(&app, "replier@example.it").await, (0, 0), "nobody hears of their own post");
        let mail = app.mail.wait_for("author@example.it", "deve accoglierlo").await;
        assert!(mail.data.contains("Iscrizione a scuola a met"), "the topic is named");
        assert!(mail.data.contains("List-Unsubscribe: <http"), "{}", mail.data);
        assert!(mail.data.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        assert!(mail.link_containing("/community/t/").is_some_and(|link| link.contains("#post-")), "a link to the reply itself");

        let (_, home) = page(&app, &author, "/").await;
        assert!(home.contains(r#"class="bell-count">1<span class="visually-hidden">"#) && home.contains("da leggere"), "the header counts it: {home}");
        let (_, list) = page(&app, &author, "/notifications").await;
        assert!(list.contains("ha risposto in «Iscrizione a scuola a metà anno»") && list.contains("deve accoglierlo"), "{list}");
        page(&app, &author, &topic).await;
        assert_eq!(notifications_of(&app, "author@example.it").await, (1, 0), "reading the topic reads its notifications");
        let (_, home) = page(&app, &author, "/").await;
        let at = home.find("bell-count").expect("the count's place");
        let tag = &home[home[..at].rfind('<').unwrap()..at + home[at..].find('>').unwrap()];
        assert!(tag.contains("hidden"), "no count shown once read: {tag}");
    }

    async fn a_muted_topic_stays_silent_and_a_watched_category_tells_of_every_post(app: TestApp) {
        let author = app.staff_account("author@example.it", &[(Role::Guardian, District::Milano)]).await;
        let topic = location(&open_topic(&app, &author, "salute", "Tessera sanitaria", "Come si ottiene la tessera sanitaria?").await);
        let topic_id = topic.trim_start_matches("/community/t/").to_owned();
        let response = set_watch(&app, &author, &format!("topic:{topic_id}"), "muted").await;
        assert_eq!(location(&response), "/community", "saved");
        let watcher = app.staff_account("watcher@example.it", &[(Role::Guardian, District::Brescia)]).await;
        set_watch(&app, &watcher, "category:salute", "watching").await;
        let replier = app.staff_account("replier@example.it", &[(Role::Operator, District::Milano)]).await;
        reply(&app, &replier, &topic, "Serve il codice fiscale provvisorio.").await;
        assert_eq!(notifications_of(&app, "author@example.it").await, (0, 0), "the author muted the topic");
        assert_eq!(notifications_of(&app, "watcher@example.it").await, (1, 1), "the category's watcher hears of every post");

        // Following a category tells of new topics only.
        let follower = app.staff_account("follower@example.it", &[(Role::Guardian, District::Milano)]).await;
        set_watch(&app, &follower, "category:documenti", "following").await;
        let opened = location(&open_topic(&app, &author, "documenti", "Rinnovo del permesso", "Quali documenti servono?").await);
        reply(&app, &replier, &opened, "Il passaporto, se c'è.").await;
        assert_eq!(notifications_of(&app, "follower@example.it").await, (1, 1), "the new topic, not its reply");

        // A topic offers no "following"; an unknown level changes nothing.
        set_watch(&app, &author, &format!("topic:{topic_id}"), "following").await;
        set_watch(&app, &author, &format!("topic:{topic_id}"), "loudly").await;
        assert_eq!(app.count("SELECT COUNT(*) FROM subscription WHERE level NOT IN ('watching', 'following', 'muted')").await, 0);
        let (_, shown) = page(&app, &author, &topic).await;
        assert!(shown.contains(r#"<option value="muted" selected"#), "still muted");
    }

    async fn nobody_is_notified_of_a_category_they_may_not_take_part_in(app: TestApp) {
        let outsider = app.staff_account("outsider@example.it", &[(Role::Guardian, District::Brescia)]).await;
        let response = set_watch(&app, &outsider, "category:milano", "watching").await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.count("SELECT COUNT(*) FROM subscription").await, 0, "no watching a category out of reach");
        // Watched from before: a member who has since lost access.
        let id = app.user_id("outsider@example.it").await.parse().unwrap();
        tutela_app::ssr::notifications::set_level(&app.db, id, "category:formatori", tutela_app::domain::notifications::WatchLevel::Watching).await.unwrap();
        let trainer = app.staff_account("trainer@example.it", &[(Role::Trainer, District::Milano)]).await;
        open_topic(&app, &trainer, "formatori", "Calendario degli incontri", "Proposte per il calendario di gennaio.").await;
        assert_eq!(notifications_of(&app, "outsider@example.it").await, (0, 0));
    }

    async fn the_unsubscribe_link_turns_mail_off_once_without_signing_in(app: TestApp) {
        let author = app.staff_account("author@example.it", &[(Role::Guardian, District::Milano)]).await;
        let topic = location(&open_topic(&app, &author, "scuola", "Mensa scolastica", "Chi paga la mensa?").await);
        let replier = app.staff_account("replier@example.it", &[(Role::Operator, District::Milano)]).await;
        reply(&app, &replier, &topic, "Il Comune, di solito.").await;
        let token = unsubscribe_token(&app, "author@example.it", "Il Comune").await;

        let visitor = client_sending(&[("accept", "text/html")]);
        let (status, confirm) = page(&app, &visitor, &format!("/unsubscribe/{token}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(confirm.contains("Non inviarmi più email di notifica"), "a button, not the visit, turns mail off");
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\" WHERE notify_mail = 'never'").await, 0);

        // A mail program's one-click post: no page, no cookie, no origin.
        let mail_program = client_sending(&[]);
        let response = mail_program.post(app.url(&format!("/unsubscribe/{token}"))).form(&[("List-Unsubscribe", "One-Click")]).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\" WHERE notify_mail = 'never'").await, 1);
        let (_, used) = page(&app, &visitor, &format!("/unsubscribe/{token}")).await;
        assert!(used.contains("Questo link è stato usato"), "{used}");

        // Mail turned back on, the same link does nothing more.
        let form = author.post(app.url("/api/notifications/set_mail_frequency")).form(&[("frequency", "immediately")]).send().await.unwrap();
        assert_eq!(location(&form), "/account/notifications");
        let again = visitor.post(app.url(&format!("/unsubscribe/{token}"))).send().await.unwrap();
        assert_eq!(location(&again), format!("/unsubscribe/{token}"), "a person goes back to the page");
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\" WHERE notify_mail = 'never'").await, 0, "a link works once");

        let forged = format!("{token}x");
        let (_, invalid) = page(&app, &visitor, &format!("/unsubscribe/{forged}")).await;
        assert!(invalid.contains("non è valido"), "{invalid}");
        let response = mail_program.post(app.url(&format!("/unsubscribe/{forged}"))).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }

    async fn a_daily_digest_gathers_what_was_not_read_and_is_sent_once(app: TestApp) {
        let author = app.staff_account("author@example.it", &[(Role::Guardian, District::Milano)]).await;
        let form = author.post(app.url("/api/notifications/set_mail_frequency")).form(&[("frequency", "daily")]).send().await.unwrap();
        assert_eq!(location(&form), "/account/notifications");
        let (_, preferences) = page(&app, &author, "/account/notifications").await;
        assert!(preferences.contains(r#"value="daily" checked"#), "{preferences}");
        let due = "SELECT COUNT(*) FROM \"user\" WHERE notify_mail = 'daily' AND digest_due_at > ";
        assert_eq!(app.count(&format!("{due}{}", tutela_app::ssr::clock::now())).await, 1, "due at the next morning");

        let topic = location(&open_topic(&app, &author, "scuola", "Libri di testo", "Chi compra i libri di testo?").await);
        let replier = app.staff_account("replier@example.it", &[(Role::Operator, District::Milano)]).await;
        reply(&app, &replier, &topic, "La scuola ha un fondo per i libri.").await;
        reply(&app, &replier, &topic, "Chiedete anche al Comune per il comodato d'uso.").await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(app.mail.received_for("author@example.it").await, 0, "nothing at once");

        sea_orm::ConnectionTrait::execute_unprepared(&app.db, "UPDATE \"user\" SET digest_due_at = 1 WHERE notify_mail = 'daily'").await.unwrap();
        let digest = app.mail.wait_for("author@example.it", "comodato").await;
        let text = digest.decoded();
        assert!(text.contains("fondo per i libri") && text.contains("Libri di testo"), "{text}");
        assert!(digest.data.contains("List-Unsubscribe: <http"));
        app.wait_until_count("SELECT COUNT(*) FROM notification WHERE mailed_at IS NULL", 0).await;
        app.wait_until_count(&format!("{due}{}", tutela_app::ssr::clock::now()), 1).await;
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        assert_eq!(app.mail.received_for("author@example.it").await, 1, "one digest");
    }

    async fn the_notification_list_is_the_readers_own_and_can_be_marked_read(app: TestApp) {
        let author = app.staff_account("author@example.it", &[(Role::Guardian, District::Milano)]).await;
        let topic = location(&open_topic(&app, &author, "scuola", "Trasporto scolastico", "Il bus è gratuito?").await);
        let replier = app.staff_account("replier@example.it", &[(Role::Operator, District::Milano)]).await;
        reply(&app, &replier, &topic, "Dipende dal Comune.").await;
        let (_, theirs) = page(&app, &replier, "/notifications").await;
        assert!(!theirs.contains("Trasporto scolastico") && theirs.contains("Non hai ancora notifiche"), "{theirs}");
        let response = author.post(app.url("/api/notifications/mark_all_read")).send().await.unwrap();
        assert_eq!(location(&response), "/notifications");
        assert_eq!(notifications_of(&app, "author@example.it").await, (1, 0));
        let (_, list) = page(&app, &author, "/notifications").await;
        assert!(list.contains("Hai letto tutto") && list.contains("Trasporto scolastico"), "{list}");
        assert_eq!(location(&app.get("/notifications").await), "/login", "visitors sign in first");
        let response = author.post(app.url("/api/notifications/set_mail_frequency")).form(&[("frequency", "hourly")]).send().await.unwrap();
        assert_eq!(location(&response), "/account/notifications");
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\" WHERE notify_mail = 'hourly'").await, 0, "an unknown choice changes nothing");
    }

    async fn a_mention_tells_the_member_named_if_they_may_read_it(app: TestApp) {
        let author = app.staff_account("author@example.it", &[(Role::Guardian, District::Milano)]).await;
        app.staff_account("named@example.it", &[(Role::Operator, District::Milano)]).await;
        app.staff_account("outsider@example.it", &[(Role::Guardian, District::Brescia)]).await;
        let (named, outsider) = (handle_of(&app, "named@example.it").await, handle_of(&app, "outsider@example.it").await);
        assert_ne!(named, outsider, "the same name, two handles");
        let body = format!("Chiedo a @{named} e a @{outsider}: come si rinnova il permesso?");
        let topic = location(&open_topic(&app, &author, "milano", "Rinnovo in Questura", &body).await);
        assert_eq!(notifications_of(&app, "named@example.it").await, (1, 1));
        assert_eq!(notifications_of(&app, "outsider@example.it").await, (0, 0), "not of a category they may not read");
        let mail = app.mail.wait_for("named@example.it", "ti ha menzionato").await;
        assert!(mail.decoded().contains("come si rinnova il permesso"));
        let (_, shown) = page(&app, &author, &topic).await;
        assert!(shown.contains(&format!("@{}", handle_of(&app, "author@example.it").await)), "handles show beside names");
        let (_, profile) = page(&app, &author, "/account").await;
        assert!(profile.contains("Nella comunità gli altri ti menzionano scrivendo"), "{profile}");
    }

    async fn a_mention_added_by_an_edit_tells_the_member_once(app: TestApp) {
        let author = app.staff_account("author@example.it", &[(Role::Guardian, District::Milano)]).await;
        app.staff_account("named@example.it", &[(Role::Operator, District::Milano)]).await;
        let named = handle_of(&app, "named@example.it").await;
        open_topic(&app, &author, "milano", "Tessera sanitaria", "Come si chiede la tessera sanitaria?").await;
        let post = crate::community::post_id(&app, "tessera sanitaria?").await;
        let edit = |body: String| {
            let fields = [("post", post.clone()), ("back", "/community".to_owned()), ("body", body)];
            author.post(app.url("/api/community/edit_post")).form(&fields).send()
        };
        edit(format!("Come si chiede la tessera sanitaria? Forse lo sa @{named}.")).await.unwrap();
        assert_eq!(notifications_of(&app, "named@example.it").await, (1, 1), "the added mention is told");
        app.mail.wait_for("named@example.it", "Forse lo sa").await;
        edit(format!("Come si chiede la tessera sanitaria, anche scaduta? Forse lo sa @{named}.")).await.unwrap();
        assert_eq!(notifications_of(&app, "named@example.it").await, (1, 1), "a mention already there is not told again");
    }
}

async fn handle_of(app: &TestApp, email: &str) -> String {
    use sea_orm::{ColumnTrait as _, EntityTrait as _, QueryFilter as _};
    use tutela_app::ssr::entities::user;
    user::Entity::find().filter(user::Column::Email.eq(email)).one(&app.db).await.unwrap().and_then(|u| u.handle).expect("a handle")
}
