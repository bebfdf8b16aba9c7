use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    api::account::reset_password::ResetPassword as ResetPasswordFn,
    components::form::{PostForm, SubmitButton, TextField},
    i18n::use_texts,
};
use leptos::server_fn::ServerFn as _;

/// Sets a password from a reset link or a staff invitation.
#[component]
pub fn ResetPassword() -> impl IntoView {
    let t = use_texts();
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    view! {
        <Title text=t.reset_title/>
        <div class="narrow">
            <h1>{t.reset_title}</h1>
            <PostForm action=ResetPasswordFn::url() id="reset_password">
                <input type="hidden" name="token" value=token/>
                <TextField name="password" label=t.field_new_password kind="password" autocomplete="new-password" hint=t.field_password_hint required=true/>
                <TextField name="password_confirm" label=t.field_password_confirm kind="password" autocomplete="new-password" required=true/>
                <SubmitButton label=t.reset_submit/>
            </PostForm>
        </div>
    }
}
