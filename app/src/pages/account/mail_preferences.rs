//! How notifications reach the reader's inbox.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::{
    api::notifications::{
        load_mail_settings::load_mail_settings, set_mail_frequency::SetMailFrequency, set_training_reminders::SetTrainingReminders,
    },
    components::{
        form::{CheckboxField, PostForm, RadioGroup, SubmitButton},
        page::{LoadError, SignedIn},
    },
    domain::notifications::{MailFrequency, MailSettings},
    i18n::{Texts, use_texts},
    routes::paths,
};
use leptos::server_fn::ServerFn as _;

fn frequency_text(t: &'static Texts, frequency: MailFrequency) -> &'static str {
    match frequency {
        MailFrequency::Immediately => t.mail_preferences_immediately,
        MailFrequency::Daily => t.mail_preferences_daily,
        MailFrequency::Weekly => t.mail_preferences_weekly,
        MailFrequency::Never => t.mail_preferences_never,
    }
}

#[component]
pub fn MailPreferences() -> impl IntoView {
    let t = use_texts();
    let current = Resource::new(|| (), |()| load_mail_settings());
    view! {
        <Title text=t.mail_preferences_title/>
        <p class="breadcrumb"><A href=paths::ACCOUNT>{t.profile_title}</A></p>
        <h1>{t.mail_preferences_title}</h1>
        <SignedIn>
            <p class="lead">{t.mail_preferences_lead}</p>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || current.get().map(|result| {
                    let options = MailFrequency::ALL.into_iter().map(|f| (f.code().to_owned(), frequency_text(t, f).to_owned())).collect::<Vec<_>>();
                    match result {
                        Err(error) => view! { <LoadError error/> }.into_any(),
                        Ok(MailSettings { frequency, training_reminders }) => view! {
                            <section class="panel">
                                <PostForm action=SetMailFrequency::url() id="set_mail_frequency">
                                    <RadioGroup name="frequency" legend=t.mail_preferences_legend options value=frequency.code().to_owned() required=true/>
                                    <SubmitButton label=t.form_save/>
                                </PostForm>
                            </section>
                            <section class="panel" aria-labelledby="training-reminders">
                                <h2 id="training-reminders">{t.mail_preferences_training_title}</h2>
                                <p>{t.mail_preferences_training_explained}</p>
                                <PostForm action=SetTrainingReminders::url() id="set_training_reminders">
                                    <CheckboxField name="on".to_owned() label=t.mail_preferences_training_on.to_owned() checked=training_reminders/>
                                    <SubmitButton label=t.form_save/>
                                </PostForm>
                            </section>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
            <p>{t.mail_preferences_watch_hint}</p>
            <p><A href=paths::NOTIFICATIONS>{t.notifications_title}</A></p>
        </SignedIn>
    }
}
