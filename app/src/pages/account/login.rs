use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::{
    api::account::login::Login as LoginFn,
    components::form::{PostForm, SubmitButton, TextField},
    i18n::use_texts,
    routes::paths,
};
use leptos::server_fn::ServerFn as _;

#[component]
pub fn Login() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=t.login_title/>
        <div class="narrow">
            <h1>{t.login_title}</h1>
            <PostForm action=LoginFn::url() id="login">
                <TextField name="email" label=t.field_email kind="email" autocomplete="username" required=true/>
                <TextField name="password" label=t.field_password kind="password" autocomplete="current-password" required=true/>
                <SubmitButton label=t.login_submit/>
            </PostForm>
            <p><A href=paths::PASSWORD_FORGOT>{t.login_forgot}</A></p>
            <p>{t.login_no_account}" "<A href=paths::REGISTER>{t.nav_register}</A></p>
        </div>
    }
}
