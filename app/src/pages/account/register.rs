use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::district_options;
use crate::{
    api::account::register::Register as RegisterFn,
    components::form::{PostForm, RadioGroup, SelectField, SubmitButton, TextField},
    i18n::use_texts,
    routes::paths,
};
use leptos::server_fn::ServerFn as _;

#[component]
pub fn Register() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=t.register_title/>
        <div class="narrow">
            <h1>{t.register_title}</h1>
            <p class="lead">{t.register_lead}</p>
            <PostForm action=RegisterFn::url() id="register">
                <TextField name="name" label=t.field_name autocomplete="name" required=true/>
                <TextField name="email" label=t.field_email kind="email" autocomplete="email" required=true/>
                <TextField name="password" label=t.field_password kind="password" autocomplete="new-password" hint=t.field_password_hint required=true/>
                <TextField name="password_confirm" label=t.field_password_confirm kind="password" autocomplete="new-password" required=true/>
                <SelectField name="district" label=t.field_district options=district_options() placeholder=t.field_choose required=true/>
                <RadioGroup
                    name="kind"
                    legend=t.register_kind_legend
                    options=vec![("guardian".to_owned(), t.register_kind_guardian.to_owned()), ("operator".to_owned(), t.register_kind_operator.to_owned())]
                    required=true
                />
                <p class="privacy-hint">{t.register_privacy}" "<A href=paths::PRIVACY>{t.footer_privacy_link}</A></p>
                <SubmitButton label=t.register_submit/>
            </PostForm>
            <p>{t.register_have_account}" "<A href=paths::LOGIN>{t.nav_login}</A></p>
        </div>
    }
}
