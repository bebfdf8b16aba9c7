use leptos::prelude::*;
use leptos_meta::Title;

use super::AdminNav;
use crate::{
    api::admin::invite_user::InviteUser,
    components::{
        form::{PostForm, SelectField, SubmitButton, TextField},
        page::{CoordinatorOnly, use_user},
    },
    domain::Role,
    i18n::{role_name, use_texts},
};
use leptos::server_fn::ServerFn as _;

/// Invites a trainer, jurist or coordinator into a district the coordinator runs.
#[component]
pub fn Invite() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=t.admin_invite_title/>
        <CoordinatorOnly>
            <h1>{t.admin_invite_title}</h1>
            <AdminNav/>
            <p>{t.admin_invite_lead}</p>
            <InviteForm/>
        </CoordinatorOnly>
    }
}

#[component]
fn InviteForm() -> impl IntoView {
    let t = use_texts();
    let districts = use_user()
        .map(|u| u.districts_for(Role::Coordinator))
        .unwrap_or_default()
        .into_iter()
        .map(|d| (d.code().to_owned(), d.name().to_owned()))
        .collect::<Vec<_>>();
    let roles = [Role::Trainer, Role::Jurist, Role::Coordinator]
        .into_iter()
        .map(|r| (r.code().to_owned(), role_name(t, r).to_owned()))
        .collect::<Vec<_>>();
    view! {
            <div class="narrow">
                <PostForm action=InviteUser::url() id="invite_user">
                    <TextField name="name" label=t.field_name required=true/>
                    <TextField name="email" label=t.field_email kind="email" required=true/>
                    <SelectField name="role" label=t.admin_role options=roles placeholder=t.field_choose required=true/>
                    <SelectField name="district" label=t.field_district options=districts placeholder=t.field_choose required=true/>
                    <SubmitButton label=t.admin_invite_submit/>
                </PostForm>
            </div>
    }
}
