use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    api::account::logout::Logout as LogoutFn,
    components::form::{PostForm, SubmitButton},
    i18n::use_texts,
};
use leptos::server_fn::ServerFn as _;

/// Signing out is a post; this page asks for it when someone follows a link.
#[component]
pub fn Logout() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=t.logout_title/>
        <div class="narrow">
            <h1>{t.logout_title}</h1>
            <PostForm action=LogoutFn::url() id="logout">
                <SubmitButton label=t.nav_logout/>
            </PostForm>
        </div>
    }
}
