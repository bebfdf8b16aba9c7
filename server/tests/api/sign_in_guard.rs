//! Brute-force protection of sign-in: failures only are counted, in the
//! database, per client network (behind a trusted proxy, the address it
//! forwards) and per typed address, and an account's owner is never locked
//! out of the devices they use.

use reqwest::{Client, Response};

use crate::{
    helpers::{TestApp, browser_client, location},
    on_both_engines,
};

const OWNER: &str = "anna@example.it";
const PASSWORD: &str = "una password lunga";

/// A sign-in sent through the proxy on loopback, for a client at `network`.
async fn login_from(app: &TestApp, client: &Client, network: &str, email: &str, password: &str) -> Response {
    client
        .post(app.url("/api/login"))
        .header("x-forwarded-for", network)
        .form(&[("email", email), ("password", password)])
        .send()
        .await
        .unwrap()
}

/// What the login page says after a refused sign-in on `client`.
async fn login_page(app: &TestApp, client: &Client) -> String {
    client.get(app.url("/login")).send().await.unwrap().text().await.unwrap()
}

on_both_engines! {
    config = "trusted_proxies = \"127.0.0.1\"";

    async fn failures_from_one_network_lock_out_neither_other_clients_nor_the_owner(app: TestApp) {
        app.register_verified(OWNER, PASSWORD).await;
        let attacker = browser_client();
        for n in 0..30 {
            login_from(&app, &attacker, "203.0.113.7", &format!("user{n}@example.it"), "guess guess guess").await;
        }
        let refused = login_from(&app, &attacker, "203.0.113.7", OWNER, PASSWORD).await;
        assert_eq!(location(&refused), "/login", "the guessing network is refused, even with a right password");
        assert!(login_page(&app, &attacker).await.contains("Troppi tentativi"));
        let owner = browser_client();
        assert_eq!(location(&login_from(&app, &owner, "198.51.100.2", OWNER, PASSWORD).await), "/", "the owner, elsewhere, gets in");
    }

    async fn an_ipv6_client_is_counted_by_its_64(app: TestApp) {
        let attacker = browser_client();
        for n in 1..=10 {
            login_from(&app, &attacker, &format!("2001:db8:1:2::{n:x}"), &format!("user{n}@example.it"), "guess guess guess").await;
        }
        login_from(&app, &attacker, "2001:db8:1:2:ffff::1", "fresh@example.it", "guess guess guess").await;
        assert!(login_page(&app, &attacker).await.contains("Troppi tentativi"), "another address in the same /64");
        app.register_verified(OWNER, PASSWORD).await;
        let neighbour = browser_client();
        assert_eq!(location(&login_from(&app, &neighbour, "2001:db8:1:3::1", OWNER, PASSWORD).await), "/", "the next /64 is someone else");
    }

    async fn guessing_one_account_from_many_networks_slows_it_down_tells_its_owner_and_spares_their_device(app: TestApp) {
        app.register_verified(OWNER, PASSWORD).await;
        let owners_phone = browser_client();
        assert_eq!(location(&login_from(&app, &owners_phone, "198.51.100.2", OWNER, PASSWORD).await), "/");
        owners_phone.post(app.url("/api/logout")).send().await.unwrap();

        let attacker = browser_client();
        for n in 1..=6 {
            let response = login_from(&app, &attacker, &format!("203.0.113.{n}"), OWNER, "guess guess guess").await;
            assert_eq!(location(&response), "/login");
            assert!(login_page(&app, &attacker).await.contains("non corrette"), "attempt {n} is checked");
        }
        login_from(&app, &attacker, "203.0.113.99", OWNER, "guess guess guess").await;
        assert!(login_page(&app, &attacker).await.contains("Troppi tentativi non riusciti con questo indirizzo"), "the address now waits");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'sign_in.failed'").await, 6, "the refused attempt checked no password");

        let new_laptop = browser_client();
        assert_eq!(location(&login_from(&app, &new_laptop, "198.51.100.3", OWNER, PASSWORD).await), "/login", "a new device waits too");
        let mail = app.mail.wait_for(OWNER, "password sbagliata").await;
        assert!(mail.decoded().contains("Subject: Tentativi di accesso non riusciti"), "{}", mail.data);
        assert!(mail.link_containing("/password/forgot").is_some());
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'sign_in.slowed_down'").await, 1);

        assert_eq!(location(&login_from(&app, &owners_phone, "198.51.100.2", OWNER, PASSWORD).await), "/", "the owner's device gets in at once");
    }

    async fn a_known_device_that_keeps_failing_is_known_no_more(app: TestApp) {
        app.register_verified(OWNER, PASSWORD).await;
        let stolen = browser_client();
        login_from(&app, &stolen, "198.51.100.2", OWNER, PASSWORD).await;
        stolen.post(app.url("/api/logout")).send().await.unwrap();
        for _ in 0..5 {
            login_from(&app, &stolen, "198.51.100.2", OWNER, "guess guess guess").await;
        }
        assert_eq!(app.count("SELECT COUNT(*) FROM known_device").await, 0, "five wrong passwords and the device is forgotten");
        let attacker = browser_client();
        for n in 1..=6 {
            login_from(&app, &attacker, &format!("203.0.113.{n}"), OWNER, "guess guess guess").await;
        }
        assert_eq!(location(&login_from(&app, &stolen, "198.51.100.2", OWNER, PASSWORD).await), "/login", "it waits like any other");
    }

    async fn every_instance_counts_the_same_failures(app: TestApp) {
        let (other, _server) = app.second_instance().await;
        let attacker = browser_client();
        for n in 0..10 {
            let base = if n % 2 == 0 { app.address.clone() } else { other.clone() };
            attacker
                .post(format!("{base}/api/login"))
                .header("x-forwarded-for", "203.0.113.7")
                .form(&[("email", format!("user{n}@example.it").as_str()), ("password", "guess guess guess")])
                .send()
                .await
                .unwrap();
        }
        login_from(&app, &attacker, "203.0.113.7", "next@example.it", "guess guess guess").await;
        assert!(login_page(&app, &attacker).await.contains("Troppi tentativi"), "five failures on each instance make ten");
    }
}

on_both_engines! {
    async fn successful_sign_ins_never_count(app: TestApp) {
        app.register_verified(OWNER, PASSWORD).await;
        for attempt in 0..15 {
            assert_eq!(location(&app.login(OWNER, PASSWORD).await), "/", "sign-in {attempt}");
        }
    }

    async fn without_a_trusted_proxy_the_forwarded_address_is_ignored(app: TestApp) {
        let attacker = browser_client();
        for n in 0..10 {
            login_from(&app, &attacker, &format!("203.0.113.{n}"), &format!("user{n}@example.it"), "guess guess guess").await;
        }
        login_from(&app, &attacker, "198.51.100.77", "next@example.it", "guess guess guess").await;
        assert!(login_page(&app, &attacker).await.contains("Troppi tentativi"), "a header anyone can write changes nothing");
    }
}
