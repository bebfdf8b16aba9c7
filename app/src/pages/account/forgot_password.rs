use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    api::account::forgot_password::ForgotPassword as ForgotPasswordFn,
    components::form::{PostForm, SubmitButton, TextField},
    i18n::use_texts,
};
use leptos::server_fn::ServerFn as _;

#[component]
pub fn ForgotPassword() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=t.forgot_title/>
        <div class="narrow">
            <h1>{t.forgot_title}</h1>
            <p>{t.forgot_lead}</p>
            <PostForm action=ForgotPasswordFn::url() id="forgot_password">
                <TextField name="email" label=t.field_email kind="email" autocomplete="email" required=true/>
                <SubmitButton label=t.forgot_submit/>
            </PostForm>
        </div>
    }
}
