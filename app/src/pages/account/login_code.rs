use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::{
    api::account::login_code::LoginCode as LoginCodeFn,
    components::form::{PostForm, SubmitButton, TextField},
    i18n::use_texts,
    routes::paths,
};
use leptos::server_fn::ServerFn as _;

/// The second step of signing in, for accounts with two-factor sign-in.
#[component]
pub fn LoginCode() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=t.login_code_title/>
        <div class="narrow">
            <h1>{t.login_code_title}</h1>
            <p>{t.login_code_lead}</p>
            <PostForm action=LoginCodeFn::url() id="login_code">
                <TextField name="code" label=t.field_code autocomplete="one-time-code" hint=t.login_code_hint required=true/>
                <SubmitButton label=t.login_code_submit/>
            </PostForm>
            <p><A href=paths::LOGIN>{t.login_code_back}</A></p>
        </div>
    }
}
