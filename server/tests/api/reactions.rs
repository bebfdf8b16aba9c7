//! Reactions to posts and a topic's accepted answer: who may give them,
//! once each, and what the topic page shows.

use reqwest::{Client, StatusCode};
use tutela_app::domain::{District, Role};

use crate::{
    community::{open_topic, page, post_id, reply},
    helpers::{TestApp, location},
    on_both_engines,
};

async fn react(app: &TestApp, client: &Client, post: &str, back: &str, change: &str) -> reqwest::Response {
    client.post(app.url("/api/community/react")).form(&[("post", post), ("back", back), ("change", change)]).send().await.unwrap()
}

async fn accept(app: &TestApp, client: &Client, topic: &str, post: &str, accepted: bool) -> reqwest::Response {
    let accepted = if accepted { "true" } else { "false" };
    client
        .post(app.url("/api/community/accept_answer"))
        .header("accept", "application/json")
        .form(&[("topic", topic), ("post", post), ("accepted", accepted), ("back", "/community")])
        .send()
        .await
        .unwrap()
}

on_both_engines! {
    async fn members_react_once_each_way_to_others_posts(app: TestApp) {
        let author = app.staff_account("author@example.it", &[(Role::Guardian, District::Milano)]).await;
        let topic = location(&open_topic(&app, &author, "milano", "Trasporti per la scuola", "Il Comune paga l'abbonamento?").await);
        let post = post_id(&app, "abbonamento").await;
        let reader = app.staff_account("reader@example.it", &[(Role::Operator, District::Milano)]).await;

        let done = react(&app, &reader, &post, &topic, "helpful:on").await;
        assert_eq!(location(&done), format!("{topic}#post-{post}"), "back at the post");
        let (_, shown) = page(&app, &reader, &topic).await;
        assert!(shown.contains("value=\"helpful:off\"") && shown.contains("aria-pressed=\"true\""), "pressed, and pressing again takes it back");
        react(&app, &reader, &post, &topic, "helpful:on").await;
        assert!(page(&app, &reader, &topic).await.1.contains("Hai già reagito così a questo messaggio"), "twice is explained");
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_reaction").await, 1, "and counts once");
        react(&app, &reader, &post, &topic, "thanks:on").await;
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_reaction").await, 2, "another way is another reaction");
        let (_, seen_by_author) = page(&app, &author, &topic).await;
        assert!(seen_by_author.contains("Utile 1 · Grazie 1"), "the author sees the counts\n{seen_by_author}");
        assert!(!seen_by_author.contains("name=\"change\""), "and has no buttons");

        react(&app, &author, &post, &topic, "helpful:on").await;
        assert!(page(&app, &author, &topic).await.1.contains("Non si reagisce ai propri messaggi"));
        react(&app, &reader, &post, &topic, "applause:on").await;
        react(&app, &reader, &post, &topic, "helpful").await;
        let outsider = app.staff_account("outsider@example.it", &[(Role::Guardian, District::Brescia)]).await;
        let refused = outsider.post(app.url("/api/community/react")).header("accept", "application/json").form(&[("post", post.as_str()), ("back", topic.as_str()), ("change", "helpful:on")]).send().await.unwrap();
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "another district's member cannot reach it");
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_reaction").await, 2, "nothing else changed");

        react(&app, &reader, &post, &topic, "thanks:off").await;
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_reaction WHERE kind = 'thanks'").await, 0, "taken back");
        app.coordinator().await.post(app.url("/api/community/hide_post")).form(&[("post", post.as_str()), ("back", topic.as_str()), ("reason", "Prova")]).send().await.unwrap();
        let hidden = reader.post(app.url("/api/community/react")).header("accept", "application/json").form(&[("post", post.as_str()), ("back", topic.as_str()), ("change", "same:on")]).send().await.unwrap();
        assert_eq!(hidden.status(), StatusCode::NOT_FOUND, "no reacting to a hidden post");
    }

    async fn the_author_or_a_moderator_marks_the_reply_that_answered(app: TestApp) {
        let author = app.staff_account("author@example.it", &[(Role::Guardian, District::Milano)]).await;
        let topic = location(&open_topic(&app, &author, "documenti", "Rinnovo del passaporto", "Serve il consenso del tutore?").await);
        let topic_id = topic.trim_start_matches("/community/t/").to_owned();
        let helper = app.staff_account("helper@example.it", &[(Role::Operator, District::Milano)]).await;
        reply(&app, &helper, &topic, "Sì, il tutore firma la richiesta in Questura.").await;
        reply(&app, &helper, &topic, "E serve anche una foto recente.").await;
        let (opening, answer, other) = (post_id(&app, "consenso del tutore").await, post_id(&app, "firma la richiesta").await, post_id(&app, "foto recente").await);

        assert_eq!(accept(&app, &helper, &topic_id, &answer, true).await.status(), StatusCode::FORBIDDEN, "only the topic's author or a moderator");
        assert_eq!(accept(&app, &author, &topic_id, &opening, true).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "the question is not its answer");
        let elsewhere = location(&open_topic(&app, &author, "documenti", "Un'altra domanda", "Altro testo qui.").await);
        assert_eq!(accept(&app, &author, elsewhere.trim_start_matches("/community/t/"), &answer, true).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "nor a reply elsewhere");
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_topic WHERE accepted_post_id IS NOT NULL").await, 0);

        assert!(accept(&app, &author, &topic_id, &answer, true).await.status().is_success());
        let (_, shown) = page(&app, &helper, &topic).await;
        assert!(shown.contains("Questa domanda ha una risposta accettata, di Staff Member") && shown.contains(&format!("?page=1#post-{answer}")), "{shown}");
        assert_eq!(shown.matches("Risposta accettata</span>").count(), 1, "one post carries the mark");
        assert!(page(&app, &author, &topic).await.1.contains("Non è più la risposta"), "the author can take it back");

        let coordinator = app.coordinator().await;
        assert!(accept(&app, &coordinator, &topic_id, &other, true).await.status().is_success(), "a moderator changes it");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'forum.answer_accepted'").await, 1, "a moderator's choice is audited");
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_topic WHERE accepted_post_id IS NOT NULL AND title = 'Rinnovo del passaporto'").await, 1);
        coordinator.post(app.url("/api/community/hide_post")).form(&[("post", other.as_str()), ("back", topic.as_str()), ("reason", "Prova")]).send().await.unwrap();
        assert!(!page(&app, &helper, &topic).await.1.contains("risposta accettata"), "a hidden answer is not shown as one");
        coordinator.post(app.url("/api/community/restore_post")).form(&[("post", other.as_str()), ("back", topic.as_str())]).send().await.unwrap();
        assert!(accept(&app, &author, &topic_id, &other, false).await.status().is_success());
        assert!(!page(&app, &helper, &topic).await.1.contains("risposta accettata"), "unmarked");
    }
}
