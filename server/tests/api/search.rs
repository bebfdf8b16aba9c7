//! The shared search: Italian stemming and accents, snippets, filters, and
//! never a result the reader could not open.

use reqwest::{Client, StatusCode};
use sea_orm::ConnectionTrait as _;
use tutela_app::domain::{District, Role};

use crate::{
    community::{open_topic, page, post_id, reply},
    helpers::{TestApp, location},
    on_both_engines,
};

/// The search page for `query` (already a query string).
async fn search(app: &TestApp, client: &Client, query: &str) -> String {
    let (status, body) = page(app, client, &format!("/search?{query}")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

on_both_engines! {
    async fn other_forms_of_a_word_and_missing_accents_still_find_it(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let topic = location(&open_topic(&app, &guardian, "scuola", "Iscrizione a scuola in corso d'anno", "Il tutore può chiedere l'iscrizione anche a metà anno.").await);
        reply(&app, &guardian, &topic, "Noi tutori l'abbiamo fatto in città, con il CPIA.").await;

        // In the forum the posts were written in: the course's lessons speak of tutori too.
        let found = search(&app, &guardian, "place=scuola&q=tutori").await;
        assert!(found.contains("Risultati: 2"), "both posts: tutore and tutori are one word\n{found}");
        assert!(found.contains("<mark>tutore</mark>") && found.contains("<mark>tutori</mark>"), "each form marked where it stands");
        assert!(found.contains(&format!("href=\"{topic}?page=1#post-")), "results link to the post");
        assert!(search(&app, &guardian, "place=scuola&q=citta").await.contains("Un risultato"), "accents do not matter");
        assert!(search(&app, &guardian, "place=scuola&q=Iscrizioni%20scuola").await.contains("Un risultato"), "the title finds the opening post, not each reply");
        assert!(search(&app, &guardian, "place=scuola&q=tutore%20pediatra").await.contains("Nessun risultato"), "every word must match");
        assert!(search(&app, &guardian, "place=scuola&q=il%20di").await.contains("almeno una parola significativa"));
        let syntax = search(&app, &guardian, "place=scuola&q=%22tutori*%22%20-(%20%3A%5E").await;
        assert!(syntax.contains("Risultati: 2"), "search syntax is read as words\n{syntax}");
    }

    async fn search_never_finds_what_the_reader_could_not_open(app: TestApp) {
        let milano = app.staff_account("guardian.milano@example.it", &[(Role::Guardian, District::Milano)]).await;
        let brescia = app.staff_account("operator.brescia@example.it", &[(Role::Operator, District::Brescia)]).await;
        let trainer = app.staff_account("trainer@example.it", &[(Role::Trainer, District::Brescia)]).await;
        let coordinator = app.coordinator().await;
        open_topic(&app, &milano, "milano", "Udienza a Milano", "Zafferano nel distretto di Milano.").await;
        open_topic(&app, &brescia, "brescia", "Udienza a Brescia", "Zafferano nel distretto di Brescia.").await;
        open_topic(&app, &trainer, "formatori", "Materiali riservati", "Zafferano nella stanza dei formatori.").await;
        let theme = location(&open_topic(&app, &milano, "salute", "Visite mediche", "Zafferano per tutti i distretti.").await);
        reply(&app, &milano, &theme, "Zafferano in un messaggio che sarà nascosto.").await;
        reply(&app, &milano, &theme, "Zafferano in un messaggio che sarà eliminato.").await;
        let hidden = post_id(&app, "sarà nascosto").await;
        let deleted = post_id(&app, "sarà eliminato").await;
        coordinator.post(app.url("/api/community/hide_post")).form(&[("post", hidden.as_str()), ("back", theme.as_str()), ("reason", "Prova")]).send().await.unwrap();
        milano.post(app.url("/api/community/delete_post")).form(&[("post", deleted.as_str()), ("back", theme.as_str())]).send().await.unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM forum_post WHERE status <> 'visible'").await, 2);

        let seen = search(&app, &milano, "q=zafferano").await;
        assert!(seen.contains("Risultati: 2") && seen.contains("distretto di Milano") && seen.contains("per tutti i distretti"), "{seen}");
        assert!(!seen.contains("Brescia.") && !seen.contains("formatori.") && !seen.contains("sarà nascosto") && !seen.contains("sarà eliminato"), "{seen}");
        let seen = search(&app, &brescia, "q=zafferano").await;
        assert!(seen.contains("Risultati: 2") && seen.contains("distretto di Brescia"), "{seen}");
        let seen = search(&app, &trainer, "q=zafferano").await;
        assert!(seen.contains("Risultati: 3") && seen.contains("stanza dei formatori"), "{seen}");
        let seen = search(&app, &coordinator, "q=zafferano").await;
        assert!(seen.contains("Risultati: 4") && !seen.contains("sarà nascosto"), "hidden posts are for the topic page's moderators, not search\n{seen}");

        let refused = search(&app, &milano, "q=zafferano&place=formatori").await;
        assert!(refused.contains("Scegli una delle opzioni proposte") && !refused.contains("stanza dei formatori"), "a place out of reach is refused");
        let visitor = app.page("/search?q=zafferano").await;
        assert!(visitor.contains("accedi per cercare anche") && !visitor.contains("Zafferano nel"), "visitors find only what is public");

        coordinator.post(app.url("/api/community/restore_post")).form(&[("post", hidden.as_str()), ("back", theme.as_str())]).send().await.unwrap();
        assert!(search(&app, &milano, "q=zafferano").await.contains("sarà nascosto"), "a restored post is found again");
        let edited = milano
            .post(app.url("/api/community/edit_post"))
            .form(&[("post", hidden.as_str()), ("back", theme.as_str()), ("body", "Ora parla di curcuma.")])
            .send()
            .await
            .unwrap();
        assert!(location(&edited).starts_with(&theme), "edited");
        assert!(search(&app, &milano, "q=curcuma").await.contains("Un risultato"), "an edit is found by its new words");
        assert!(!search(&app, &milano, "q=zafferano").await.contains("sarà nascosto"), "and no longer by its old ones");
    }

    async fn filters_narrow_by_place_author_and_day_and_bad_ones_are_explained(app: TestApp) {
        let giulia = app.staff_account("giulia@example.it", &[(Role::Guardian, District::Milano)]).await;
        let marco = app.staff_account("marco@example.it", &[(Role::Operator, District::Milano)]).await;
        app.db.execute_unprepared("UPDATE \"user\" SET name = 'Giulia Rossi' WHERE email = 'giulia@example.it'").await.unwrap();
        app.db.execute_unprepared("UPDATE \"user\" SET name = 'Marco Bianchi' WHERE email = 'marco@example.it'").await.unwrap();
        open_topic(&app, &giulia, "scuola", "Permesso e scuola", "Il permesso di soggiorno per la scuola.").await;
        open_topic(&app, &marco, "documenti", "Permesso e documenti", "Il permesso di soggiorno in Questura.").await;

        assert!(search(&app, &giulia, "q=permesso").await.contains("Risultati: 2"));
        let by_place = search(&app, &giulia, "q=permesso&place=documenti").await;
        assert!(by_place.contains("Un risultato") && by_place.contains("in Questura"), "{by_place}");
        let by_author = search(&app, &giulia, "q=permesso&author=ross").await;
        assert!(by_author.contains("Un risultato") && by_author.contains("per la scuola") && by_author.contains("Giulia Rossi"), "{by_author}");
        assert!(search(&app, &giulia, "q=permesso&author=%25").await.contains("Nessun risultato"), "a % in a name is a character, not a wildcard");
        assert!(search(&app, &giulia, "q=permesso&from=2000-01-01&to=2000-12-31").await.contains("Nessun risultato"));
        assert!(search(&app, &giulia, "q=permesso&from=2000-01-01").await.contains("Risultati: 2"));

        let bad = search(&app, &giulia, "q=permesso&from=31%2F12%2F2026").await;
        assert!(bad.contains("Scrivi una data valida") && !bad.contains("Risultati"), "{bad}");
        assert!(bad.contains("value=\"31/12/2026\""), "what was typed stays in the form");
        let reversed = search(&app, &giulia, "q=permesso&from=2026-12-31&to=2026-01-01").await;
        assert!(reversed.contains("viene prima di quella di inizio") && !reversed.contains("Risultati"), "{reversed}");
    }

    async fn a_rebuilt_index_finds_what_the_pages_show(app: TestApp) {
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let topic = location(&open_topic(&app, &guardian, "benessere", "Sport e tempo libero", "La piscina comunale accoglie i ragazzi.").await);
        reply(&app, &guardian, &topic, "Anche la palestra del quartiere.").await;
        let hidden = post_id(&app, "palestra").await;
        app.coordinator().await.post(app.url("/api/community/hide_post")).form(&[("post", hidden.as_str()), ("back", topic.as_str()), ("reason", "Prova")]).send().await.unwrap();
        app.db.execute_unprepared("DELETE FROM search_entry").await.unwrap();
        assert!(search(&app, &guardian, "q=piscina").await.contains("Nessun risultato"), "an empty index finds nothing");
        let lessons = app.count("SELECT COUNT(*) FROM lesson WHERE status = 'published'").await;
        assert_eq!(tutela_app::ssr::search::rebuild(&app.db).await.unwrap(), 1 + u64::try_from(lessons).unwrap(), "the visible post only, and the lessons");
        assert!(search(&app, &guardian, "q=piscina").await.contains("Un risultato"));
        assert!(search(&app, &guardian, "q=palestra").await.contains("Nessun risultato"), "the hidden one stays out");
    }
}

on_both_engines! {
    async fn a_common_word_is_counted_up_to_a_thousand_matches(app: TestApp) {
        use tutela_app::ssr::search::{Document, put_many};
        let documents = (0..1001)
            .map(|n| Document {
                kind: "post",
                source_id: format!("sample-{n}"),
                scope: "scuola".to_owned(),
                title: "Iscrizione",
                body: "Il permesso di soggiorno serve per l'iscrizione.",
                title_is_searched: false,
                link: format!("/community/t/sample#{n}"),
                author: None,
                created_at: 1_790_000_000 + n,
            })
            .collect();
        put_many(&app.db, documents).await.unwrap();
        let guardian = app.staff_account("guardian@example.it", &[(Role::Guardian, District::Milano)]).await;
        let found = search(&app, &guardian, "q=permesso").await;
        assert!(found.contains("Più di 1000 risultati"), "past a thousand the count stops\n{found}");
        assert!(found.contains("Pagina 1 di 50"), "fifty pages of twenty are offered");
        let last = search(&app, &guardian, "q=permesso&page=50").await;
        assert!(last.contains("Pagina 50 di 50") && last.contains("sample#"), "and the last of them has results");
    }
}
