use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::{
    api::account::{
        change_email::ChangeEmail, change_password::ChangePassword, own_sessions::own_sessions, sign_out_elsewhere::SignOutElsewhere,
        update_profile::UpdateProfile,
    },
    components::{
        form::{PostForm, SelectField, SubmitButton, TextField},
        page::{LoadError, SignedIn, use_user},
    },
    domain::{OwnSession, rome_time},
    i18n::{Locale, Texts, fill, role_name, use_texts},
    routes::paths,
};
use leptos::server_fn::ServerFn as _;

/// The signed-in user's profile: name and language, address, password,
/// and where they are signed in.
#[component]
pub fn Profile() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=t.profile_title/>
        <SignedIn>
            {move || use_user().map(|user| {
                let locales = Locale::ALL.into_iter().map(|l| (l.code().to_owned(), l.native_name().to_owned())).collect::<Vec<_>>();
                let roles = user
                    .grants
                    .iter()
                    .map(|g| format!("{} ({})", role_name(t, g.role), g.district.name()))
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <h1>{t.profile_title}</h1>
                    <p>{t.profile_roles}": "{roles}</p>
                    {user.handle.clone().map(|handle| view! { <p>{t.profile_handle}" "<strong class="handle">"@"{handle}</strong></p> })}
                    <section class="panel">
                        <h2>{t.profile_details_title}</h2>
                        <PostForm action=UpdateProfile::url() id="profile">
                            <TextField name="name" label=t.field_name autocomplete="name" value=user.name.clone() required=true/>
                            <SelectField name="locale" label=t.field_language options=locales value=user.locale.code().to_owned() required=true/>
                            <SubmitButton label=t.form_save/>
                        </PostForm>
                    </section>
                    <section class="panel">
                        <h2>{t.profile_email_title}</h2>
                        <p>{t.profile_email_current}": "<strong>{user.email.clone()}</strong></p>
                        <p>{t.profile_email_lead}</p>
                        <PostForm action=ChangeEmail::url() id="change_email">
                            <TextField name="new_email" label=t.field_new_email kind="email" autocomplete="email" required=true/>
                            <TextField name="current_password" label=t.field_current_password kind="password" autocomplete="current-password" required=true/>
                            <SubmitButton label=t.profile_email_submit/>
                        </PostForm>
                    </section>
                    <section class="panel">
                        <h2>{t.profile_password_title}</h2>
                        <PostForm action=ChangePassword::url() id="change_password">
                            <TextField name="current_password" label=t.field_current_password kind="password" autocomplete="current-password" required=true/>
                            <TextField name="new_password" label=t.field_new_password kind="password" autocomplete="new-password" hint=t.field_password_hint required=true/>
                            <TextField name="password_confirm" label=t.field_password_confirm kind="password" autocomplete="new-password" required=true/>
                            <SubmitButton label=t.profile_password_submit/>
                        </PostForm>
                    </section>
                    <section class="panel">
                        <h2>{t.profile_second_factor_link}</h2>
                        <p>{t.profile_second_factor_lead}" "<A href=paths::ACCOUNT_SECOND_FACTOR>{t.profile_second_factor_link}</A></p>
                    </section>
                    <OwnSessions/>
                    <p><A href=paths::ACCOUNT_DATA>{t.data_title}</A></p>
                }
            })}
        </SignedIn>
    }
}

/// Where the user is signed in, and a way to end every other session.
#[component]
fn OwnSessions() -> impl IntoView {
    let t = use_texts();
    let sessions = Resource::new(|| (), |()| own_sessions());
    view! {
        <section class="panel" aria-labelledby="sessions-title">
            <h2 id="sessions-title">{t.profile_sessions_title}</h2>
            <p>{t.profile_sessions_lead}</p>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || sessions.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(rows) => {
                        let others = rows.iter().any(|row| !row.current);
                        view! {
                            <ul class="sessions">
                                {rows.into_iter().map(|row| view! { <SessionItem t row/> }).collect_view()}
                            </ul>
                            {others.then(|| view! {
                                <PostForm action=SignOutElsewhere::url() id="sign_out_elsewhere">
                                    <SubmitButton label=t.profile_sessions_end_others class="btn btn-outline-primary"/>
                                </PostForm>
                            })}
                        }
                        .into_any()
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn SessionItem(t: &'static Texts, row: OwnSession) -> impl IntoView {
    let device = fill(
        t.profile_sessions_device,
        &[
            ("browser", row.browser.as_deref().unwrap_or(t.profile_sessions_unknown_browser)),
            ("system", row.system.as_deref().unwrap_or(t.profile_sessions_unknown_system)),
        ],
    );
    view! {
        <li class:current=row.current>
            <strong>{device}</strong>
            {row.current.then(|| view! { " " <span class="tag">{t.profile_sessions_this_device}</span> })}
            <br/>
            <small>
                {t.profile_sessions_started}": "{rome_time(row.started_at)}" · "
                {t.profile_sessions_last_seen}": "{rome_time(row.last_seen_at)}
            </small>
        </li>
    }
}
