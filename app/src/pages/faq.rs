//! The public FAQ: the questions by topic, each entry's page, and for
//! jurists and coordinators the entries being prepared with their form and
//! the steps to publication.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

use crate::{
    api::faq::{FaqStep as FaqStepFn, SaveFaqEntry, load_faq, load_faq_entry},
    components::{
        form::{PostForm, SelectField, SubmitButton, TextField},
        page::LoadError,
        post_body::PostBody,
    },
    domain::{
        consultations::Topic,
        faq::{FaqEntryPage, FaqIndex, FaqRow, FaqStatus, FaqStep},
        rome_time,
    },
    i18n::{Texts, fill, topic_name, use_texts},
    routes::paths,
};

fn status_name(t: &'static Texts, status: FaqStatus) -> &'static str {
    match status {
        FaqStatus::Draft => t.faq_status_draft,
        FaqStatus::Submitted => t.faq_status_submitted,
        FaqStatus::Published => t.faq_status_published,
    }
}

#[component]
fn StatusTag(t: &'static Texts, status: FaqStatus) -> impl IntoView {
    let class = if status == FaqStatus::Submitted { "tag tag-open" } else { "tag" };
    view! { <span class=class>{status_name(t, status)}</span> }
}

/// `/faq`: readable by anyone, signed in or not.
#[component]
pub fn Faq() -> impl IntoView {
    let t = use_texts();
    let data = Resource::new(|| (), |()| load_faq());
    view! {
        <Title text=t.faq_title/>
        <h1>{t.faq_title}</h1>
        <p class="lead">{t.faq_lead}</p>
        <form method="get" action=paths::SEARCH role="search" class="search-words">
            <input type="hidden" name="place" value=crate::domain::faq::SEARCH_PLACE/>
            <TextField name="q" label=t.faq_search kind="search"/>
            <button type="submit" class="btn btn-primary">{t.faq_search_button}</button>
        </form>
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || data.get().map(|result| match result {
                Err(error) => view! { <LoadError error/> }.into_any(),
                Ok(index) => view! { <Index t index/> }.into_any(),
            })}
        </Suspense>
        <p><A href=paths::CONSULTATIONS_NEW>{t.faq_ask}</A></p>
    }
}

#[component]
fn Index(t: &'static Texts, index: FaqIndex) -> impl IntoView {
    let FaqIndex { topics, preparing, staff } = index;
    let preparing = staff.then(|| view! { <Preparing t rows=preparing/> });
    let topics = if topics.is_empty() {
        view! { <p>{t.faq_empty}</p> }.into_any()
    } else {
        view! {
            <nav class="faq-topics" aria-label=t.faq_topic>
                <ul>
                    {topics.iter().map(|(topic, _)| view! { <li><a href=format!("#{}", topic.code())>{topic_name(t, *topic)}</a></li> }).collect_view()}
                </ul>
            </nav>
            {topics.into_iter().map(|(topic, links)| view! {
                <section aria-labelledby=topic.code()>
                    <h2 id=topic.code()>{topic_name(t, topic)}</h2>
                    <ul class="faq-list">
                        {links.into_iter().map(|link| view! { <li><A href=paths::faq_entry(&link.id)>{link.title}</A></li> }).collect_view()}
                    </ul>
                </section>
            }).collect_view()}
        }
        .into_any()
    };
    view! { {preparing}{topics} }
}

#[component]
fn Preparing(t: &'static Texts, rows: Vec<FaqRow>) -> impl IntoView {
    let list = if rows.is_empty() {
        view! { <p>{t.faq_preparing_empty}</p> }.into_any()
    } else {
        view! {
            <ul class="faq-list">
                {rows.into_iter().map(|row| view! {
                    <li>
                        <A href=paths::faq_entry(&row.id)>{row.title}</A>" "<StatusTag t status=row.status/>
                        <span class="meta">
                            " · "{topic_name(t, row.topic)}
                            {row.author.map(|name| view! { " · "{fill(t.faq_by, &[("name", &name)])} })}
                            " · "{rome_time(row.updated_at)}
                        </span>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="panel" aria-labelledby="preparing">
            <h2 id="preparing">{t.faq_preparing}</h2>
            <p class="field-hint">{t.faq_preparing_lead}</p>
            {list}
        </section>
    }
}

/// `/faq/{id}`: a published entry for anyone; for staff its state, its form
/// while it is not public, and the steps to publication.
#[component]
pub fn FaqEntry() -> impl IntoView {
    let t = use_texts();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(move || id.clone(), load_faq_entry);
    view! {
        <Suspense fallback=move || view! { <p>{t.loading}</p> }>
            {move || data.get().map(|result| match result {
                Err(error) => view! { <Title text=t.faq_title/><h1>{t.faq_title}</h1><LoadError error/> }.into_any(),
                Ok(page) => view! { <Entry t page/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Entry(t: &'static Texts, page: FaqEntryPage) -> impl IntoView {
    let FaqEntryPage { id, title, topic, html, status, published_at, updated_at, staff, author, approver, source, steps, draft } = page;
    let dated = match published_at {
        Some(at) if status == FaqStatus::Published => fill(t.faq_published, &[("date", &rome_time(at))]),
        _ => fill(t.faq_updated, &[("date", &rome_time(updated_at))]),
    };
    let staff_meta = staff.then(|| {
        view! {
            <p class="post-meta">
                <StatusTag t status/>
                {author.map(|name| view! { " · "{fill(t.faq_written_by, &[("name", &name)])} })}
                {approver.map(|name| view! { " · "{fill(t.faq_approved_by, &[("name", &name)])} })}
                {source.map(|(request, reference)| view! {
                    " · "<A href=paths::consultation(&request)>{fill(t.faq_source, &[("reference", &reference)])}</A>
                })}
            </p>
        }
    });
    let id = StoredValue::new(id);
    let form = draft.map(|draft| {
        let topics: Vec<(String, String)> =
            Topic::ALL.into_iter().map(|topic| (topic.code().to_owned(), topic_name(t, topic).to_owned())).collect();
        view! {
            <section class="panel" aria-labelledby="edit">
                <h2 id="edit">{t.faq_edit_title}</h2>
                <PostForm action=SaveFaqEntry::url() id="faq_entry">
                    <input type="hidden" name="id" value=id.get_value()/>
                    <TextField name="title" label=t.faq_question hint=t.faq_question_hint value=draft.title.clone() required=true/>
                    <SelectField name="topic" label=t.faq_topic options=topics value=topic.code().to_owned() required=true/>
                    <PostBody t draft=Some(draft) label=t.faq_answer hint=t.faq_answer_hint/>
                    <SubmitButton label=t.faq_save/>
                </PostForm>
            </section>
        }
    });
    let steps = (!steps.is_empty()).then(|| {
        let own_entry = status == FaqStatus::Submitted && !steps.contains(&FaqStep::Approve);
        view! {
            <section class="panel" aria-labelledby="steps">
                <h2 id="steps">{t.faq_steps_title}</h2>
                {own_entry.then(|| view! { <p class="field-hint">{t.faq_own_entry_note}</p> })}
                <div class="button-row">
                    {steps.into_iter().map(|step| {
                        let (label, class) = match step {
                            FaqStep::Submit => (t.faq_submit, "btn btn-primary"),
                            FaqStep::Approve => (t.faq_approve, "btn btn-primary"),
                            FaqStep::SendBack => (t.faq_send_back, "btn btn-outline-primary"),
                            FaqStep::Withdraw => (t.faq_withdraw, "btn btn-outline-primary"),
                            FaqStep::Discard => (t.faq_discard, "btn btn-outline-danger"),
                        };
                        view! {
                            <PostForm action=FaqStepFn::url() id="faq_step" instance=step.code() class="inline-form">
                                <input type="hidden" name="id" value=id.get_value()/>
                                <input type="hidden" name="step" value=step.code()/>
                                <SubmitButton label class/>
                            </PostForm>
                        }
                    }).collect_view()}
                </div>
            </section>
        }
    });
    view! {
        <Title text=title.clone()/>
        <p class="breadcrumb"><a href=paths::FAQ>{t.faq_title}</a>" › "<a href=format!("{}#{}", paths::FAQ, topic.code())>{topic_name(t, topic)}</a></p>
        <h1>{title}</h1>
        {staff_meta}
        <article class="post-body faq-answer" inner_html=html></article>
        <p class="post-meta">{dated}</p>
        {steps}
        {form}
        <p><A href=paths::CONSULTATIONS_NEW>{t.faq_ask}</A></p>
    }
}
