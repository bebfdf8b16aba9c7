use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    api::account::delete_account::DeleteAccount,
    components::{
        form::{CheckboxField, PostForm, SubmitButton, TextField},
        page::SignedIn,
    },
    i18n::use_texts,
};
use leptos::server_fn::ServerFn as _;

/// The user's data: what happens on deletion, and the deletion itself.
#[component]
pub fn AccountData() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=t.data_title/>
        <SignedIn>
            <h1>{t.data_title}</h1>
            <section class="panel danger-zone">
                <h2>{t.delete_title}</h2>
                <p>{t.delete_lead}</p>
                <ul>
                    <li>{t.delete_what_account}</li>
                    <li>{t.delete_what_posts}</li>
                    <li>{t.delete_what_consultations}</li>
                    <li>{t.delete_what_audit}</li>
                </ul>
                <PostForm action=DeleteAccount::url() id="delete_account">
                    <TextField name="current_password" label=t.field_current_password kind="password" autocomplete="current-password" required=true/>
                    <CheckboxField name="confirm".to_owned() label=t.delete_confirm.to_owned()/>
                    <SubmitButton label=t.delete_submit class="btn btn-danger"/>
                </PostForm>
            </section>
        </SignedIn>
    }
}
