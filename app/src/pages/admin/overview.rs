use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::AdminNav;
use crate::{components::page::CoordinatorOnly, i18n::use_texts, routes::paths};

#[component]
pub fn AdminOverview() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=t.nav_admin/>
        <CoordinatorOnly>
            <h1>{t.nav_admin}</h1>
            <AdminNav/>
            <ul class="card-grid">
                <li class="card"><h2><A href=paths::ADMIN_USERS>{t.admin_users_title}</A></h2><p>{t.home_coordinator_users_body}</p></li>
                <li class="card"><h2><A href=paths::ADMIN_AUDIT>{t.admin_audit_title}</A></h2><p>{t.admin_audit_lead}</p></li>
                <li class="card"><h2><A href=paths::ADMIN_OUTBOX>{t.admin_outbox_title}</A></h2><p>{t.home_coordinator_outbox_body}</p></li>
                <li class="card"><h2><A href=paths::ADMIN_CATEGORIES>{t.admin_categories_title}</A></h2><p>{t.admin_categories_lead}</p></li>
            </ul>
        </CoordinatorOnly>
    }
}
