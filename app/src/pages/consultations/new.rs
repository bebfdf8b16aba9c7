use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

use super::working_days;
use crate::{
    api::consultations::{file::FileConsultation, load_form::load_consultation_form},
    components::{
        form::{FileField, PostForm, RadioGroup, SelectField, SubmitButton, TextField},
        page::{LoadError, SignedIn},
        post_body::PostBody,
    },
    domain::{
        consultations::{NewConsultationForm, Topic, Urgency},
        files::FileKind,
    },
    i18n::{Texts, fill, topic_name, urgency_name, use_texts},
    routes::paths,
};

/// The filing form. Its choices come from the address after a preview, so
/// nothing typed is lost without JavaScript either.
#[component]
pub fn NewConsultation() -> impl IntoView {
    let t = use_texts();
    let data = Resource::new(|| (), |()| load_consultation_form());
    view! {
        <Title text=t.consultations_new_title/>
        <p class="breadcrumb"><A href=paths::CONSULTATIONS>{t.area_consultations_title}</A></p>
        <h1>{t.consultations_new_title}</h1>
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(form) => view! { <Form t form/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

#[component]
fn Form(t: &'static Texts, form: NewConsultationForm) -> impl IntoView {
    let query = use_query_map();
    let chosen = move |name: &str| query.with_untracked(|q| q.get(name)).unwrap_or_default();
    let NewConsultationForm { districts, home_district, draft, similar } = form;
    let subject = draft.as_ref().map(|d| d.title.clone()).unwrap_or_default();
    let topics = Topic::ALL.into_iter().map(|topic| (topic.code().to_owned(), topic_name(t, topic).to_owned())).collect();
    let urgencies = Urgency::ALL
        .into_iter()
        .rev()
        .map(|urgency| {
            let desc = match urgency {
                Urgency::Low => t.consultations_urgency_low_desc,
                Urgency::Normal => t.consultations_urgency_normal_desc,
                Urgency::Urgent => t.consultations_urgency_urgent_desc,
            };
            let days = working_days(t, urgency.targets().first_response);
            let label = fill(t.consultations_urgency_option, &[("urgency", urgency_name(t, urgency)), ("desc", desc), ("days", &days)]);
            (urgency.code().to_owned(), label)
        })
        .collect();
    let urgency = Some(chosen("urgency")).filter(|u| !u.is_empty()).unwrap_or_else(|| Urgency::Normal.code().to_owned());
    let district = Some(chosen("district")).filter(|d| !d.is_empty()).unwrap_or_else(|| {
        if districts.contains(&home_district) { home_district.code().to_owned() } else { districts[0].code().to_owned() }
    });
    let district_field = if districts.len() > 1 {
        let options = districts.iter().map(|d| (d.code().to_owned(), d.name().to_owned())).collect();
        view! { <SelectField name="district" label=t.consultations_district options value=district required=true/> }.into_any()
    } else {
        view! { <input type="hidden" name="district" value=district/> }.into_any()
    };
    let similar = (!similar.is_empty()).then(|| {
        view! {
            <section class="panel similar-questions" aria-labelledby="similar">
                <h2 id="similar">{t.faq_similar_title}</h2>
                <p>{t.faq_similar_lead}</p>
                <ul class="faq-list">
                    {similar.into_iter().map(|link| view! { <li><A href=paths::faq_entry(&link.id)>{link.title}</A></li> }).collect_view()}
                </ul>
            </section>
        }
    });
    view! {
        <p class="lead">{t.consultations_new_lead}</p>
        {similar}
        <div class="alert alert-info" role="note">
            <p class="alert-title">{t.consultations_privacy_title}</p>
            <p>{t.consultations_privacy_body}</p>
        </div>
        <PostForm action=FileConsultation::url() id="new_consultation" with_files=true>
            <TextField name="subject" label=t.consultations_subject hint=t.consultations_subject_hint value=subject required=true/>
            <SelectField name="topic" label=t.consultations_topic options=topics value=chosen("topic") placeholder=t.consultations_topic_choose required=true/>
            {district_field}
            <RadioGroup name="urgency" legend=t.consultations_urgency options=urgencies value=urgency required=true/>
            <TextField name="deadline" kind="date" label=t.consultations_deadline hint=t.consultations_deadline_hint value=chosen("deadline")/>
            <PostBody t draft label=t.consultations_body hint=t.consultations_body_hint keep_as="consultation:new".to_owned()/>
            <FileField name="files" label=t.consultations_files hint=t.consultations_files_hint again=t.consultations_files_again accept=FileKind::extensions(&FileKind::ALL)/>
            <SubmitButton label=t.consultations_submit/>
        </PostForm>
    }
}
