//! The frame around every page: header with navigation by role and the
//! language switch, the one-shot notice, and the footer.

use leptos::prelude::*;
use leptos_router::components::A;

use super::page::{use_notice, use_page_context, use_page_problem};
use crate::{
    api::account::{logout::Logout, set_locale::SetLocale},
    domain::Role,
    i18n::{Locale, notice_text, problem_text, use_locale, use_texts},
    islands::NotificationBell,
    routes::paths,
};
use leptos::server_fn::ServerFn as _;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = use_texts();
    view! {
        <a class="skip-link" href="#main">{t.nav_skip_to_content}</a>
        <Header/>
        <main id="main" class="container" tabindex="-1">
            <NoticeBanner/>
            {children()}
        </main>
        <Footer/>
    }
}

#[component]
fn Header() -> impl IntoView {
    let t = use_texts();
    let user = use_page_context().user;
    let mut links = vec![(paths::TRAINING, t.nav_training)];
    if user.is_some() {
        links.push((paths::COMMUNITY, t.nav_community));
        links.push((paths::CONSULTATIONS, t.nav_consultations));
    }
    links.push((paths::FAQ, t.nav_faq));
    links.push((paths::SEARCH, t.nav_search));
    if user.as_ref().is_some_and(|u| u.has_role(Role::Coordinator)) {
        links.push((paths::ADMIN, t.nav_admin));
    }
    let account = match user {
        Some(user) => view! {
            <NotificationBell
                href=paths::NOTIFICATIONS.to_owned()
                count=user.unread_notifications
                label=t.nav_notifications.to_owned()
                unread_label=t.nav_notifications_unread.to_owned()
            />
            <A href=paths::ACCOUNT attr:class="header-link">{user.name}</A>
            <form method="post" action=Logout::url() class="inline-form">
                <button type="submit" class="btn btn-link header-link">{t.nav_logout}</button>
            </form>
        }
        .into_any(),
        None => view! {
            <A href=paths::LOGIN attr:class="header-link">{t.nav_login}</A>
            <A href=paths::REGISTER attr:class="btn btn-primary btn-sm">{t.nav_register}</A>
        }
        .into_any(),
    };
    view! {
        <header class="site-header">
            <div class="slim-header">
                <div class="container header-row">
                    <span>{t.header_programme}</span>
                    <LanguageSwitch/>
                </div>
            </div>
            <div class="center-header">
                <div class="container header-row">
                    <A href=paths::HOME attr:class="brand">
                        <span class="brand-name">{t.app_name}</span>
                        <span class="brand-tagline">{t.app_tagline}</span>
                    </A>
                    <div class="account-links">{account}</div>
                </div>
            </div>
            <nav class="main-nav" aria-label=t.nav_label>
                <ul class="container">
                    {links
                        .into_iter()
                        .map(|(href, label)| view! { <li><A href=href>{label}</A></li> })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}

/// Switches the language with a plain form post, so it works without
/// JavaScript; the server remembers the choice in a cookie and, for a
/// signed-in user, in their profile.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let t = use_texts();
    let current = use_locale();
    view! {
        <form method="post" action=SetLocale::url() class="language-switch" aria-label=t.nav_language>
            {Locale::ALL
                .into_iter()
                .map(|locale| {
                    let is_current = locale == current;
                    view! {
                        <button
                            type="submit"
                            name="locale"
                            value=locale.code()
                            lang=locale.code()
                            class="btn btn-link"
                            aria-current=is_current.then_some("true")
                            disabled=is_current
                        >
                            {locale.native_name()}
                        </button>
                    }
                })
                .collect_view()}
        </form>
    }
}

/// The one-shot messages, shown on the page they were left for only.
#[component]
fn NoticeBanner() -> impl IntoView {
    let t = use_texts();
    move || {
        let notice = use_notice().map(|notice| {
            view! {
                <div class="alert alert-success" role="status">
                    {notice_text(t, notice)}
                </div>
            }
        });
        let problem = use_page_problem().map(|problem| {
            view! {
                <div class="alert alert-danger" role="alert">
                    {problem_text(t, problem)}
                </div>
            }
        });
        (notice, problem)
    }
}

#[component]
fn Footer() -> impl IntoView {
    let t = use_texts();
    view! {
        <footer class="site-footer">
            <div class="container">
                <p class="footer-title">{t.app_name}" · "{t.header_programme}</p>
                <p>{t.footer_privacy_notice}</p>
                <ul class="footer-links">
                    <li><A href=paths::PRIVACY>{t.footer_privacy_link}</A></li>
                    <li><A href=paths::FAQ>{t.nav_faq}</A></li>
                </ul>
            </div>
        </footer>
    }
}
