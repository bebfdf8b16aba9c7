use leptos::prelude::*;
use leptos_meta::Title;

use super::{AdminNav, format_time};
use crate::{
    api::admin::audit_log::audit_log,
    components::{
        page::{CoordinatorOnly, LoadError},
        pagination::{Pagination, use_page_number},
    },
    domain::{RoleGrant, admin::AuditDetail},
    i18n::{Texts, audit_action_text, fill, role_name, use_texts},
    routes::paths,
};

fn grants_text(t: &Texts, grants: &[RoleGrant]) -> String {
    if grants.is_empty() {
        return "—".to_owned();
    }
    grants.iter().map(|g| format!("{} ({})", role_name(t, g.role), g.district.name())).collect::<Vec<_>>().join(", ")
}

fn detail_text(t: &Texts, detail: &AuditDetail) -> String {
    match detail {
        AuditDetail::None => String::new(),
        AuditDetail::Roles { added, removed } => {
            fill(t.audit_roles_detail, &[("added", &grants_text(t, added)), ("removed", &grants_text(t, removed))])
        }
        AuditDetail::Grant(grant) => grants_text(t, std::slice::from_ref(grant)),
        AuditDetail::SessionsEnded(count) => fill(t.audit_sessions_ended_detail, &[("count", &count.to_string())]),
    }
}

/// The audit log, newest first.
#[component]
pub fn AuditLog() -> impl IntoView {
    let t = use_texts();
    let page = use_page_number();
    let entries = Resource::new(move || page.get(), audit_log);
    view! {
        <Title text=t.admin_audit_title/>
        <CoordinatorOnly>
            <h1>{t.admin_audit_title}</h1>
            <AdminNav/>
            <p>{t.admin_audit_lead}</p>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || entries.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(log) => view! {
                        <div class="table-wrap">
                            <table class="table stack-on-phone">
                                <thead><tr>
                                    <th scope="col">{t.admin_when}</th>
                                    <th scope="col">{t.admin_who}</th>
                                    <th scope="col">{t.admin_what}</th>
                                    <th scope="col">{t.admin_subject}</th>
                                    <th scope="col">{t.admin_detail}</th>
                                    <th scope="col">{t.admin_origin}</th>
                                </tr></thead>
                                <tbody>
                                    {log.rows.into_iter().map(|row| view! {
                                        <tr>
                                            <td data-label=t.admin_when>{format_time(row.at)}</td>
                                            <td data-label=t.admin_who>{row.actor.unwrap_or_else(|| if row.client.is_empty() { t.admin_system } else { t.admin_unknown_person }.to_owned())}</td>
                                            <td data-label=t.admin_what>{audit_action_text(t, &row.action)}</td>
                                            <td data-label=t.admin_subject>{row.subject}</td>
                                            <td data-label=t.admin_detail>{detail_text(t, &row.detail)}</td>
                                            <td data-label=t.admin_origin>
                                                {row.client}
                                                {(!row.request_id.is_empty()).then(|| view! { <br/><small class="request-id">{row.request_id}</small> })}
                                            </td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <Pagination page=log.page pages=log.pages link=|n| format!("{}?page={}", paths::ADMIN_AUDIT, n + 1)/>
                    }
                    .into_any(),
                })}
            </Suspense>
        </CoordinatorOnly>
    }
}
