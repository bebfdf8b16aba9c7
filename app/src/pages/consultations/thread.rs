use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};

use super::StatusTag;
use crate::{
    api::consultations::{
        assign::AssignConsultation, invite::InviteToConsultation, load::load_consultation, rate::RateConsultation, step::ConsultationStep,
        write::WriteConsultation,
    },
    api::faq::StartFaqEntry,
    components::{
        form::{FileField, PostForm, RadioGroup, SelectField, SubmitButton, TextArea, TextField},
        page::{LoadError, SignedIn},
        post_body::PostBody,
    },
    domain::{
        consultations::{Action, ConsultationPage, DueTimes, Message, MessageKind, RATINGS, Status},
        files::FileKind,
        italian_date, rome_time,
    },
    i18n::{Texts, event_text, fill, topic_name, urgency_name, use_texts},
    routes::paths,
};

/// A request: its thread, what the reader may do, and for its jurists the
/// service levels and history.
#[component]
pub fn Consultation() -> impl IntoView {
    let t = use_texts();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let canned = use_query_map().with_untracked(|q| q.get("canned"));
    let data = Resource::new(move || (id.clone(), canned.clone()), |(id, canned)| load_consultation(id, canned));
    view! {
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <Title text=t.area_consultations_title/><h1>{t.area_consultations_title}</h1><LoadError error/> }.into_any(),
                    Ok(page) => view! { <Thread t page/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

#[component]
fn Thread(t: &'static Texts, page: ConsultationPage) -> impl IntoView {
    let ConsultationPage { row, due, messages, history, also_open, jurists, allowed, rating, members, canned, staff, draft, now } = page;
    // Copy, so each form below can carry it.
    let id = StoredValue::new(row.id.clone());
    let id_field = move || view! { <input type="hidden" name="id" value=id.get_value()/> };
    let back =
        if staff { (paths::CONSULTATIONS_QUEUE, t.consultations_queue_title) } else { (paths::CONSULTATIONS, t.area_consultations_title) };
    let also_open = (!also_open.is_empty()).then(|| {
        view! { <p class="alert alert-warning" role="status">{fill(t.consultations_also_open, &[("names", &also_open.join(", "))])}</p> }
    });
    let service = staff.then(|| view! { <ServiceLevels t due paused=row.status == Status::WaitingForGuardian now/> });
    // `id` names the form on the page; `step` is what the server does.
    let step_button = move |id: &'static str, step: &'static str, label: &'static str, class: &'static str| {
        view! {
            <PostForm action=ConsultationStep::url() id class="inline-form">
                {id_field()}
                <input type="hidden" name="step" value=step/>
                <SubmitButton label class/>
            </PostForm>
        }
    };
    let claim = allowed.may(Action::Claim).then(|| step_button("consultation_claim", "claim", t.consultations_claim, "btn btn-primary"));
    let assign = (allowed.may(Action::Assign) && !jurists.is_empty()).then(|| {
        view! {
            <PostForm action=AssignConsultation::url() id="consultation_assign" class="inline-form">
                {id_field()}
                <SelectField name="jurist" label=t.consultations_assign options=jurists required=true/>
                <SubmitButton label=t.consultations_assign_submit class="btn btn-outline-primary"/>
            </PostForm>
        }
    });
    // A GET form: the page comes back with the reply's field filled in.
    let canned = (!canned.is_empty()).then(|| {
        view! {
            <form method="get" action=paths::consultation(&id.get_value()) id="canned" class="filters">
                <SelectField name="canned" label=t.consultations_canned options=canned placeholder=t.consultations_canned_choose/>
                <SubmitButton label=t.consultations_canned_use class="btn btn-outline-primary"/>
            </form>
            <p><A href=paths::CONSULTATIONS_REPLIES>{t.consultations_canned_manage}</A></p>
        }
    });
    let reply = (allowed.may(Action::Answer) || allowed.may(Action::Note) || allowed.may(Action::Write)).then(|| {
        let buttons = if staff {
            view! {
                <p class="field-hint">{t.consultations_note_hint}</p>
                <div class="button-row">
                    {allowed.may(Action::Answer).then(|| view! {
                        <button type="submit" name="step" value="answer" class="btn btn-primary">{t.consultations_answer}</button>
                        <button type="submit" name="step" value="ask" class="btn btn-outline-primary">{t.consultations_ask}</button>
                    })}
                    <button type="submit" name="step" value="note" class="btn btn-outline-secondary">{t.consultations_note}</button>
                </div>
            }
            .into_any()
        } else {
            view! { <SubmitButton label=t.consultations_send/> }.into_any()
        };
        view! {
            <section class="panel" aria-labelledby="reply">
                <h2 id="reply">{t.consultations_reply_title}</h2>
                {canned}
                <PostForm action=WriteConsultation::url() id="consultation_reply" with_files=true>
                    {id_field()}
                    <PostBody t draft label=t.consultations_reply_body hint=t.consultations_reply_hint keep_as=format!("consultation:{}", id.get_value())/>
                    <FileField name="files" label=t.consultations_files hint=t.consultations_files_hint again=t.consultations_files_again accept=FileKind::extensions(&FileKind::ALL)/>
                    {buttons}
                </PostForm>
            </section>
        }
    });
    let close = allowed.may(Action::Close).then(|| {
        view! {
            <section class="panel">
                {(!staff).then(|| view! { <p>{t.consultations_close_hint}</p> })}
                {step_button("consultation_close", "close", t.consultations_close, "btn btn-outline-primary")}
            </section>
        }
    });
    let reopen = allowed.may(Action::Reopen).then(|| {
        view! {
            <section class="panel">
                <p>{t.consultations_reopen_hint}</p>
                {step_button("consultation_reopen", "reopen", t.consultations_reopen, "btn btn-outline-primary")}
            </section>
        }
    });
    let rate = allowed.may(Action::Rate).then(|| {
        let stars: Vec<(String, String)> =
            RATINGS.rev().map(|n| (n.to_string(), fill(t.consultations_rating_option, &[("stars", &n.to_string())]))).collect();
        view! {
            <section class="panel" aria-labelledby="rate">
                <h2 id="rate">{t.consultations_rate_title}</h2>
                <p>{t.consultations_rate_lead}</p>
                <PostForm action=RateConsultation::url() id="consultation_rate">
                    {id_field()}
                    <RadioGroup name="rating" legend=t.consultations_rating options=stars required=true/>
                    <TextArea name="comment" label=t.consultations_rating_comment rows=3/>
                    <SubmitButton label=t.consultations_rate_submit/>
                </PostForm>
            </section>
        }
    });
    let rating = rating.map(|rating| {
        view! {
            <p class="rating">
                <strong>{fill(t.consultations_rated, &[("stars", &rating.stars.to_string())])}</strong>
                {rating.comment.map(|comment| view! { " — "<q>{comment}</q> })}
            </p>
        }
    });
    let invite = allowed.may(Action::Invite).then(|| {
        view! {
            <section class="panel" aria-labelledby="invite">
                <h2 id="invite">{t.consultations_invite_title}</h2>
                <p>{t.consultations_invite_lead}</p>
                <PostForm action=InviteToConsultation::url() id="consultation_invite">
                    {id_field()}
                    <TextField name="email" kind="email" label=t.consultations_invite_email autocomplete="off" required=true/>
                    <SubmitButton label=t.consultations_invite_submit class="btn btn-outline-primary"/>
                </PostForm>
            </section>
        }
    });
    let make_faq = allowed.may(Action::MakeFaq).then(|| {
        view! {
            <section class="panel">
                <p>{t.faq_start_hint}</p>
                <PostForm action=StartFaqEntry::url() id="faq_start">
                    <input type="hidden" name="consultation" value=id.get_value()/>
                    <SubmitButton label=t.faq_start class="btn btn-outline-primary"/>
                </PostForm>
            </section>
        }
    });
    let members = (!members.is_empty()).then(|| view! { " · "{t.consultations_members}": "{members.join(", ")} });
    let history = (!history.is_empty()).then(|| {
        view! {
            <details class="panel history">
                <summary>{t.consultations_history_title}</summary>
                <ol>
                    {history.into_iter().map(|entry| view! {
                        <li>
                            {rome_time(entry.at)}" · "{event_text(t, entry.event)}
                            {entry.actor.map(|name| view! { " · "{name} })}
                            {(!entry.detail.is_empty()).then(|| view! { " · "{entry.detail} })}
                        </li>
                    }).collect_view()}
                </ol>
            </details>
        }
    });
    view! {
        <Title text=row.subject.clone()/>
        <p class="breadcrumb"><A href=back.0>{back.1}</A></p>
        <h1>{row.subject.clone()}</h1>
        <p class="post-meta">
            <StatusTag t status=row.status/>" "
            {t.consultations_reference}": "<strong>{row.reference.clone()}</strong>" · "
            {topic_name(t, row.topic)}" · "{urgency_name(t, row.urgency)}" · "{row.district.name()}" · "
            {fill(t.consultations_filed_at, &[("time", &rome_time(row.created_at))])}
            {row.deadline.map(|date| view! { " · "<strong>{fill(t.consultations_deadline_at, &[("date", &italian_date(&date))])}</strong> })}
        </p>
        <p class="post-meta">
            {t.consultations_assignee}": "{row.assignee.unwrap_or_else(|| t.consultations_unassigned.to_owned())}
            {staff.then(|| row.requester.map(|name| view! { " · "{t.role_guardian}": "{name} }))}
            {members}
        </p>
        {also_open}
        {service}
        <div class="button-row">{claim}{assign}</div>
        <section aria-labelledby="thread-title">
            <h2 id="thread-title">{t.consultations_thread_title}</h2>
            <ol class="posts consultation-thread">
                {messages.into_iter().map(|message| view! { <MessageItem t consultation=id.get_value() message/> }).collect_view()}
            </ol>
        </section>
        {rating}
        // Once answered, saying how it went comes first.
        {rate}
        {reply}
        {invite}
        {close}
        {reopen}
        {make_faq}
        {history}
    }
}

#[component]
fn ServiceLevels(t: &'static Texts, due: DueTimes, paused: bool, now: i64) -> impl IntoView {
    let line = move |text: &'static str, at: Option<i64>| {
        at.map(|at| {
            let overdue = at < now;
            view! {
                <li class:overdue=overdue>
                    {fill(text, &[("time", &rome_time(at))])}
                    {overdue.then(|| view! { " "<span class="tag tag-overdue">{t.consultations_overdue}</span> })}
                </li>
            }
        })
    };
    view! {
        <ul class="service-levels">
            {paused.then(|| view! { <li>{t.consultations_due_paused}</li> })}
            {line(t.consultations_due_response, due.response)}
            {line(t.consultations_due_resolution, due.resolution)}
        </ul>
    }
}

/// A file's size as people read it.
fn size_text(bytes: i64) -> String {
    const MB: i64 = 1024 * 1024;
    if bytes < MB {
        format!("{} KB", (bytes + 1023) / 1024)
    } else {
        let tenths = bytes * 10 / MB;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

#[component]
fn MessageItem(t: &'static Texts, consultation: String, message: Message) -> impl IntoView {
    let (label, class) = match message.kind {
        MessageKind::Request => (t.consultations_kind_request, "message"),
        MessageKind::Requester => (t.consultations_kind_requester, "message"),
        MessageKind::Question => (t.consultations_kind_question, "message message-jurist"),
        MessageKind::Answer => (t.consultations_kind_answer, "message message-jurist"),
        MessageKind::InternalNote => (t.consultations_kind_note, "message message-note"),
    };
    view! {
        <li id=format!("message-{}", message.id)>
            <article class=class>
                <p class="post-meta">
                    <strong>{label}</strong>" · "
                    {message.author.unwrap_or_else(|| t.consultations_deleted_author.to_owned())}" · "
                    {rome_time(message.created_at)}
                </p>
                <div class="post-body" inner_html=message.html></div>
                {(!message.attachments.is_empty()).then(|| view! {
                    <p class="attachments-title">{t.consultations_attachments}</p>
                    <ul class="attachments">
                        {message.attachments.into_iter().map(|file| view! {
                            <li>
                                <a href=paths::consultation_file(&consultation, &file.id) download=file.name.clone()>{file.name.clone()}</a>
                                " "<small>{file.kind.code().to_uppercase()}" · "{size_text(file.size)}</small>
                            </li>
                        }).collect_view()}
                    </ul>
                })}
            </article>
        </li>
    }
}
