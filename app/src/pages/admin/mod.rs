//! Coordinators' pages.

pub mod audit;
pub mod categories;
pub mod invite;
pub mod outbox;
pub mod overview;
pub mod user;
pub mod users;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{i18n::use_texts, routes::paths};

/// The admin area's own navigation, shown on each of its pages.
#[component]
pub fn AdminNav() -> impl IntoView {
    let t = use_texts();
    view! {
        <nav class="sub-nav" aria-label=t.nav_admin>
            <A href=paths::ADMIN_USERS>{t.admin_users_title}</A>
            <A href=paths::ADMIN_INVITE>{t.admin_invite_title}</A>
            <A href=paths::ADMIN_AUDIT>{t.admin_audit_title}</A>
            <A href=paths::ADMIN_OUTBOX>{t.admin_outbox_title}</A>
            <A href=paths::ADMIN_CATEGORIES>{t.admin_categories_title}</A>
        </nav>
    }
}

/// A Unix time as a date and time in Europe/Rome.
pub(crate) fn format_time(unix_seconds: i64) -> String {
    crate::domain::rome_time(unix_seconds)
}
