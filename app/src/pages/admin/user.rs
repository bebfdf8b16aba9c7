use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::AdminNav;
use crate::{
    api::admin::{reset_second_factor::ResetSecondFactor, set_roles::SetRoles, set_user_active::SetUserActive, user_detail::user_detail},
    components::{
        form::{CheckboxField, PostForm, SubmitButton},
        page::{CoordinatorOnly, LoadError, use_user},
    },
    domain::{District, Role, RoleGrant, UserStatus},
    i18n::{role_name, status_name, use_texts},
};
use leptos::server_fn::ServerFn as _;

/// One user: roles per district the coordinator coordinates, and status.
#[component]
pub fn EditUser() -> impl IntoView {
    let t = use_texts();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let detail = Resource::new(move || id.clone(), user_detail);
    view! {
        <Title text=t.admin_user_title/>
        <CoordinatorOnly>
            <AdminNav/>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || detail.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(row) => {
                        let actor = use_user();
                        let coordinated = actor.map(|a| a.districts_for(Role::Coordinator)).unwrap_or_default();
                        let mut index = 0;
                        let grant_boxes = District::ALL
                            .into_iter()
                            .filter(|d| coordinated.contains(d))
                            .map(|district| {
                                let boxes = Role::ALL
                                    .into_iter()
                                    .map(|role| {
                                        let grant = RoleGrant { role, district };
                                        index += 1;
                                        view! {
                                            <CheckboxField
                                                name=format!("grants[{index}]")
                                                label=role_name(t, role).to_owned()
                                                value=format!("{}:{}", role.code(), district.code())
                                                checked=row.grants.contains(&grant)
                                            />
                                        }
                                    })
                                    .collect_view();
                                view! { <fieldset class="grant-group"><legend>{district.name()}</legend>{boxes}</fieldset> }
                            })
                            .collect_view();
                        let is_active = row.status != UserStatus::Deactivated;
                        let roles_target = row.id.clone();
                        let status_target = row.id.clone();
                        let second_factor_target = row.id.clone();
                        view! {
                            <h1>{row.name.clone()}</h1>
                            <p>{row.email.clone()}" · "{row.home_district.name()}" · "{status_name(t, row.status)}</p>
                            <section class="panel">
                                <h2>{t.admin_roles}</h2>
                                <PostForm action=SetRoles::url() id="set_roles">
                                    <input type="hidden" name="id" value=roles_target/>
                                    {grant_boxes}
                                    <SubmitButton label=t.form_save/>
                                </PostForm>
                            </section>
                            <section class="panel">
                                <h2>{t.admin_status}</h2>
                                <PostForm action=SetUserActive::url() id="set_user_active">
                                    <input type="hidden" name="id" value=status_target/>
                                    <input type="hidden" name="active" value=if is_active { "false" } else { "true" }/>
                                    <SubmitButton
                                        label=if is_active { t.admin_deactivate } else { t.admin_reactivate }
                                        class=if is_active { "btn btn-danger" } else { "btn btn-primary" }
                                    />
                                </PostForm>
                            </section>
                            <section class="panel">
                                <h2>{t.second_factor_title}</h2>
                                {if row.second_factor {
                                    view! {
                                        <p>{t.admin_second_factor_on}</p>
                                        <PostForm action=ResetSecondFactor::url() id="reset_second_factor">
                                            <input type="hidden" name="id" value=second_factor_target/>
                                            <SubmitButton label=t.admin_second_factor_reset class="btn btn-outline-danger"/>
                                        </PostForm>
                                    }
                                    .into_any()
                                } else {
                                    view! { <p>{t.admin_second_factor_off}</p> }.into_any()
                                }}
                            </section>
                        }
                        .into_any()
                    }
                })}
            </Suspense>
        </CoordinatorOnly>
    }
}
