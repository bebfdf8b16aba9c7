use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    api::account::verify_email::VerifyEmail as VerifyEmailFn,
    components::form::{PostForm, SubmitButton},
    i18n::use_texts,
};
use leptos::server_fn::ServerFn as _;

/// The page a verification link opens. Confirming is a button, not the
/// visit itself, so mail scanners that follow links cannot use the token.
#[component]
pub fn VerifyEmail() -> impl IntoView {
    let t = use_texts();
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    view! {
        <Title text=t.verify_title/>
        <div class="narrow">
            <h1>{t.verify_title}</h1>
            <p>{t.verify_lead}</p>
            <PostForm action=VerifyEmailFn::url() id="verify_email">
                <input type="hidden" name="token" value=token/>
                <SubmitButton label=t.verify_submit/>
            </PostForm>
        </div>
    }
}
