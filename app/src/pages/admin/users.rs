use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

use super::AdminNav;
use crate::{
    api::admin::list_users::list_users,
    components::{
        page::{CoordinatorOnly, LoadError},
        pagination::Pagination,
    },
    domain::{District, Role, UserStatus, admin::UserFilter},
    i18n::{role_name, status_name, use_texts},
    routes::paths,
};

/// Reads the filter from the page's query string; unknown values are ignored.
fn filter_from_query(query: &leptos_router::params::ParamsMap) -> UserFilter {
    UserFilter {
        query: query.get("q").unwrap_or_default(),
        role: query.get("role").and_then(|r| Role::from_code(&r)),
        district: query.get("district").and_then(|d| District::from_code(&d)),
        status: query.get("status").and_then(|s| UserStatus::from_code(&s)),
        page: query.get("page").and_then(|p| p.parse::<u64>().ok()).unwrap_or(1).saturating_sub(1),
    }
}

fn page_link(filter: &UserFilter, page: u64) -> String {
    let page = (page + 1).to_string();
    paths::with_query(
        paths::ADMIN_USERS,
        &[
            ("page", &page),
            ("q", &filter.query),
            ("role", filter.role.map_or("", Role::code)),
            ("district", filter.district.map_or("", District::code)),
            ("status", filter.status.map_or("", UserStatus::code)),
        ],
    )
}

/// The users list: search, filters by role, district and status, pages.
#[component]
pub fn Users() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(filter_from_query));
    let users = Resource::new(move || filter.get(), list_users);
    view! {
        <Title text=t.admin_users_title/>
        <CoordinatorOnly>
            <h1>{t.admin_users_title}</h1>
            <AdminNav/>
            <FilterForm filter=filter.get_untracked()/>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || users.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(page) => {
                        let current = filter.get_untracked();
                        view! {
                            <p class="result-count">{if page.total == 1 { t.admin_users_count_one.to_owned() } else { crate::i18n::fill(t.admin_users_count, &[("count", &page.total.to_string())]) }}</p>
                            <div class="table-wrap">
                                <table class="table stack-on-phone">
                                    <caption class="visually-hidden">{t.admin_users_title}</caption>
                                    <thead><tr>
                                        <th scope="col">{t.field_name}</th>
                                        <th scope="col">{t.field_email}</th>
                                        <th scope="col">{t.field_district}</th>
                                        <th scope="col">{t.admin_roles}</th>
                                        <th scope="col">{t.admin_status}</th>
                                    </tr></thead>
                                    <tbody>
                                        {page.rows.into_iter().map(|row| {
                                            let roles = row.grants.iter().map(|g| format!("{} ({})", role_name(t, g.role), g.district.name())).collect::<Vec<_>>().join(", ");
                                            let name = if row.manageable {
                                                view! { <A href=paths::admin_user(&row.id)>{row.name.clone()}</A> }.into_any()
                                            } else {
                                                view! { <span>{row.name.clone()}</span> }.into_any()
                                            };
                                            view! {
                                                <tr>
                                                    <td data-label=t.field_name>{name}</td>
                                                    <td data-label=t.field_email>{row.email}</td>
                                                    <td data-label=t.field_district>{row.home_district.name()}</td>
                                                    <td data-label=t.admin_roles>{roles}</td>
                                                    <td data-label=t.admin_status>{status_name(t, row.status)}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <Pagination page=page.page pages=page.pages link=move |n| page_link(&current, n)/>
                        }
                        .into_any()
                    }
                })}
            </Suspense>
        </CoordinatorOnly>
    }
}

/// The filters, as a GET form so results have a shareable URL.
#[component]
fn FilterForm(filter: UserFilter) -> impl IntoView {
    let t = use_texts();
    let option =
        |value: &'static str, label: &'static str, selected: bool| view! { <option value=value selected=selected>{label}</option> };
    view! {
        <form method="get" action=paths::ADMIN_USERS class="filters" role="search">
            <div class="form-field">
                <label for="filter-q">{t.admin_search}</label>
                <input id="filter-q" type="search" name="q" value=filter.query.clone()/>
            </div>
            <div class="form-field">
                <label for="filter-role">{t.admin_roles}</label>
                <select id="filter-role" name="role">
                    {option("", t.admin_any, filter.role.is_none())}
                    {Role::ALL.into_iter().map(|r| option(r.code(), role_name(t, r), filter.role == Some(r))).collect_view()}
                </select>
            </div>
            <div class="form-field">
                <label for="filter-district">{t.field_district}</label>
                <select id="filter-district" name="district">
                    {option("", t.admin_any, filter.district.is_none())}
                    {District::ALL.into_iter().map(|d| option(d.code(), d.name(), filter.district == Some(d))).collect_view()}
                </select>
            </div>
            <div class="form-field">
                <label for="filter-status">{t.admin_status}</label>
                <select id="filter-status" name="status">
                    {option("", t.admin_any, filter.status.is_none())}
                    {[UserStatus::Active, UserStatus::Unverified, UserStatus::Invited, UserStatus::Deactivated]
                        .into_iter()
                        .map(|s| option(s.code(), status_name(t, s), filter.status == Some(s)))
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="btn btn-primary">{t.admin_filter}</button>
        </form>
    }
}
