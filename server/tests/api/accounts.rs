//! Registering, verifying, signing in and out, resetting a password.

use reqwest::StatusCode;

use crate::{helpers::location, on_both_engines};

on_both_engines! {
    async fn a_newcomer_registers_verifies_by_mail_and_signs_in_and_out(app: TestApp) {
        let page = app.register("Anna Rossi", "anna@example.it", "una password lunga").await;
        assert!(page.contains("Ti abbiamo inviato un&#x27;email") || page.contains("Ti abbiamo inviato un'email"), "the login page confirms the registration");

        // Before verification, the right password still does not open the account.
        let refused = app.login("anna@example.it", "una password lunga").await;
        assert_eq!(location(&refused), "/login");
        assert!(app.page("/login").await.contains("non è attivo"));

        let mail = app.mail.wait_for("anna@example.it", "/verify-email/").await;
        assert!(mail.decoded().contains("Conferma il tuo indirizzo email"), "the mail is in Italian");
        let link = mail.link_containing("/verify-email/").expect("the mail carries a verification link");
        assert!(link.starts_with(&app.address), "the link points at this server: {link}");
        let confirm_page = app.page(link.trim_start_matches(&app.address)).await;
        assert!(confirm_page.contains("Conferma l&#x27;indirizzo") || confirm_page.contains("Conferma l'indirizzo"));
        let token = link.rsplit('/').next().unwrap();
        let page = app.submit("/api/verify_email", &[("token", token)]).await;
        assert!(page.contains("Indirizzo email confermato"));

        let signed_in = app.login("anna@example.it", "una password lunga").await;
        assert_eq!(signed_in.status(), StatusCode::FOUND);
        assert_eq!(location(&signed_in), "/");
        let home = app.page("/").await;
        assert!(home.contains("Ciao, Anna Rossi"), "the home page greets the user");
        assert!(home.contains("Tutore volontario"), "and shows what to do as a guardian");

        let page = app.submit("/api/logout", &[]).await;
        assert!(page.contains("Sei uscito da Tutela"));
        assert!(!app.page("/").await.contains("Ciao, Anna Rossi"));
        assert_eq!(app.count("SELECT COUNT(*) FROM session").await, 0, "logout ends the session on the server");
    }

    async fn a_verification_link_works_only_once(app: TestApp) {
        app.register_verified("once@example.it", "una password lunga").await;
        let mail = app.mail.wait_for("once@example.it", "/verify-email/").await;
        let token = mail.link_containing("/verify-email/").unwrap().rsplit('/').next().unwrap().to_owned();
        let page = app.submit("/api/verify_email", &[("token", &token)]).await;
        assert!(page.contains("Il link non è valido o è scaduto"));
    }

    async fn unknown_email_and_wrong_password_get_the_same_answer(app: TestApp) {
        app.register_verified("known@example.it", "una password lunga").await;
        let wrong_password = app.login("known@example.it", "not the password").await;
        let wrong_password_page = app.page(&location(&wrong_password)).await;
        let unknown = app.login("nobody@example.it", "not the password").await;
        let unknown_page = app.page(&location(&unknown)).await;
        assert!(wrong_password_page.contains("Email o password non corrette"));
        assert!(unknown_page.contains("Email o password non corrette"));
        assert_eq!(location(&wrong_password), location(&unknown));
    }

    async fn registering_a_taken_address_tells_its_owner_not_the_stranger(app: TestApp) {
        app.register_verified("taken@example.it", "una password lunga").await;
        let page = app.register("Someone Else", "taken@example.it", "another long password").await;
        assert!(page.contains("Ti abbiamo inviato"), "the stranger sees the usual confirmation");
        let notice = app.mail.wait_for("taken@example.it", "Qualcuno ha provato").await;
        assert!(notice.decoded().contains("Qualcuno ha provato a registrarsi"), "the owner is told");
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\"").await, 1, "no second account");
    }

    async fn a_forgotten_password_is_reset_by_mail_and_old_sessions_end(app: TestApp) {
        app.register_verified("reset@example.it", "old password 123").await;
        assert_eq!(app.login("reset@example.it", "old password 123").await.status(), StatusCode::FOUND);
        assert_eq!(app.count("SELECT COUNT(*) FROM session").await, 1);

        let page = app.submit("/api/forgot_password", &[("email", "reset@example.it")]).await;
        assert!(page.contains("riceverai un&#x27;email") || page.contains("riceverai un'email"));
        let mail = app.mail.wait_for("reset@example.it", "/password/reset/").await;
        let link = mail.link_containing("/password/reset/").expect("reset link");
        let token = link.rsplit('/').next().unwrap().to_owned();
        let page = app.submit("/api/reset_password", &[("token", &token), ("password", "new password 456"), ("password_confirm", "new password 456")]).await;
        assert!(page.contains("Password aggiornata"));
        assert_eq!(app.count("SELECT COUNT(*) FROM session").await, 0, "every session ended");
        let notice = app.mail.wait_for("reset@example.it", "La password del tuo account Tutela").await;
        assert!(notice.link_containing("/password/forgot").is_some(), "the owner is told, with a way back in");

        let old = app.login("reset@example.it", "old password 123").await;
        assert_eq!(location(&old), "/login");
        let new = app.login("reset@example.it", "new password 456").await;
        assert_eq!(location(&new), "/");
    }

    async fn asking_a_reset_for_an_unknown_address_says_the_same_and_sends_nothing(app: TestApp) {
        let page = app.submit("/api/forgot_password", &[("email", "ghost@example.it")]).await;
        assert!(page.contains("Se l&#x27;indirizzo corrisponde") || page.contains("Se l'indirizzo corrisponde"));
        assert_eq!(app.count("SELECT COUNT(*) FROM outbox_mail").await, 0);
    }

    async fn bad_registration_input_is_explained_and_changes_nothing(app: TestApp) {
        let response = app
            .post_form(
                "/api/register",
                &[("name", "Anna"), ("email", "not-an-email"), ("password", "short"), ("password_confirm", "short"), ("district", "roma"), ("kind", "guardian")],
            )
            .await;
        assert_eq!(location(&response), "/register");
        let page = app.page("/register").await;
        assert!(page.contains("Scrivi un indirizzo email valido"), "malformed email explained");
        assert!(page.contains("almeno 10 caratteri"), "short password explained");
        assert!(page.contains("Scegli il distretto di Milano o di Brescia"), "unknown district explained");
        assert!(page.contains("value=\"Anna\""), "what the user typed is kept");
        assert!(!page.contains("value=\"short\""), "passwords are never sent back");
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\"").await, 0);
        assert_eq!(app.count("SELECT COUNT(*) FROM outbox_mail").await, 0);
    }

    async fn messages_follow_the_chosen_language(app: TestApp) {
        let response = app.post_form("/api/set_locale", &[("locale", "en")]).await;
        assert!(response.status().is_redirection() || response.status().is_success());
        let page = app.page("/register").await;
        assert!(page.contains("<html lang=\"en\""));
        assert!(page.contains("Create your account"));
        app.post_form("/api/register", &[("name", ""), ("email", "x"), ("password", ""), ("password_confirm", ""), ("district", ""), ("kind", "")]).await;
        let page = app.page("/register").await;
        assert!(page.contains("This field is required."));
        assert!(page.contains("Enter a valid email address"));
    }

    async fn a_user_changes_name_language_and_password(app: TestApp) {
        app.register_verified("me@example.it", "una password lunga").await;
        app.login("me@example.it", "una password lunga").await;
        let page = app.submit("/api/update_profile", &[("name", "Anna Maria Rossi"), ("locale", "en")]).await;
        assert!(page.contains("Profile saved."), "the notice is in the new language");
        assert!(page.contains("value=\"Anna Maria Rossi\""));

        let wrong = app.post_form("/api/change_password", &[("current_password", "wrong one here"), ("new_password", "brand new password"), ("password_confirm", "brand new password")]).await;
        assert_eq!(location(&wrong), "/account");
        assert!(app.page("/account").await.contains("Wrong email or password."));
        let page = app.submit("/api/change_password", &[("current_password", "una password lunga"), ("new_password", "brand new password"), ("password_confirm", "brand new password")]).await;
        assert!(page.contains("Password updated"));
        app.mail.wait_for("me@example.it", "The password of your Tutela account has changed").await;
        assert_eq!(location(&app.login("me@example.it", "brand new password").await), "/");
    }

    async fn a_new_address_counts_only_once_confirmed(app: TestApp) {
        app.register_verified("old@example.it", "una password lunga").await;
        app.login("old@example.it", "una password lunga").await;
        app.submit("/api/change_email", &[("new_email", "new@example.it"), ("current_password", "una password lunga")]).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\" WHERE email = 'old@example.it'").await, 1, "the old address stays until confirmed");
        let mail = app.mail.wait_for("new@example.it", "/verify-email/").await;
        let token = mail.link_containing("/verify-email/").unwrap().rsplit('/').next().unwrap().to_owned();
        let elsewhere = crate::helpers::browser_client();
        elsewhere.post(app.url("/api/login")).form(&[("email", "old@example.it"), ("password", "una password lunga")]).send().await.unwrap();
        app.submit("/api/verify_email", &[("token", &token)]).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\" WHERE email = 'new@example.it'").await, 1);

        let told = app.mail.wait_for("old@example.it", "new@example.it").await;
        assert!(told.decoded().contains("indirizzo email del tuo account Tutela"), "the old address is told");
        let other_home = elsewhere.get(app.url("/")).send().await.unwrap().text().await.unwrap();
        assert!(!other_home.contains("Ciao,"), "the other device is signed out");
        assert!(app.page("/").await.contains("Ciao,"), "the device that confirmed stays signed in");
        assert_eq!(app.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'account.email_changed'").await, 1);
    }

    async fn a_user_deletes_their_account_after_confirming(app: TestApp) {
        app.register_verified("leaving@example.it", "una password lunga").await;
        app.login("leaving@example.it", "una password lunga").await;
        let data_page = app.page("/account/data").await;
        assert!(data_page.contains("ex partecipante"), "the page says what happens to posts");

        let unconfirmed = app.post_form("/api/delete_account", &[("current_password", "una password lunga")]).await;
        assert_eq!(location(&unconfirmed), "/account/data");
        assert!(app.page("/account/data").await.contains("Spunta la casella per confermare"));
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\"").await, 1);

        let page = app.submit("/api/delete_account", &[("current_password", "una password lunga"), ("confirm", "on")]).await;
        assert!(page.contains("Il tuo account è stato eliminato"));
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\"").await, 0);
        assert_eq!(app.count("SELECT COUNT(*) FROM session").await, 0);
    }

    async fn registering_an_unconfirmed_address_again_replaces_the_first_registration(app: TestApp) {
        app.register("Anna Rossi", "shared@example.it", "la prima password").await;
        let first = app.mail.wait_for("shared@example.it", "Anna").await.link_containing("/verify-email/").unwrap();
        app.register("Bruna Bianchi", "shared@example.it", "la seconda password").await;
        let second = app.mail.wait_for("shared@example.it", "Bruna").await.link_containing("/verify-email/").unwrap();
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\"").await, 1);

        let page = app.submit("/api/verify_email", &[("token", first.rsplit('/').next().unwrap())]).await;
        assert!(page.contains("non è valido"), "the replaced registration's link is dead");
        let page = app.submit("/api/verify_email", &[("token", second.rsplit('/').next().unwrap())]).await;
        assert!(page.contains("Indirizzo email confermato"));
        assert_eq!(location(&app.login("shared@example.it", "la seconda password").await), "/");
        assert!(app.page("/account").await.contains("Bruna Bianchi"));
    }

    async fn a_confirmed_address_is_never_replaced_by_registering_it_again(app: TestApp) {
        app.register_verified("owner@example.it", "la password vera").await;
        app.register("Intruso", "owner@example.it", "un'altra password").await;
        app.mail.wait_for("owner@example.it", "/password/forgot").await;
        assert_eq!(location(&app.login("owner@example.it", "la password vera").await), "/");
        assert_eq!(location(&app.login("owner@example.it", "un'altra password").await), "/login");
    }
}

on_both_engines! {
    config = "housekeeping_seconds = 1";

    async fn a_registration_not_confirmed_in_48_hours_is_removed(app: TestApp) {
        app.register("Anna Rossi", "late@example.it", "una password lunga").await;
        app.register_verified("prompt@example.it", "una password lunga").await;
        let aged = sea_orm::ConnectionTrait::execute_unprepared(&app.db, "UPDATE \"user\" SET created_at = created_at - 49 * 3600").await.unwrap();
        assert_eq!(aged.rows_affected(), 2);
        app.wait_until_count("SELECT COUNT(*) FROM \"user\" WHERE email = 'late@example.it'", 0).await;
        assert_eq!(app.count("SELECT COUNT(*) FROM \"user\" WHERE email = 'prompt@example.it'").await, 1, "a confirmed account stays");
    }
}
