//! Legal consultations: the guardian's requests, the filing form, a
//! request's thread, and the jurists' queue.

pub mod join;
pub mod new;
pub mod queue;
pub mod replies;
pub mod stats;
pub mod thread;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::{
    api::consultations::load_own::load_own_consultations,
    components::page::{LoadError, SignedIn},
    domain::{
        consultations::{ConsultationRow, OwnConsultations, Status},
        rome_time,
    },
    i18n::{Texts, consultation_status_name, topic_name, use_texts},
    routes::paths,
};

/// A request's state as a tag; answered ones stand out for the guardian.
#[component]
fn StatusTag(t: &'static Texts, status: Status) -> impl IntoView {
    let class = match status {
        Status::Answered => "tag tag-new",
        Status::Closed => "tag",
        _ => "tag tag-open",
    };
    view! { <span class=class>{consultation_status_name(t, status)}</span> }
}

/// "N working days", as the targets are told.
fn working_days(t: &'static Texts, days: i64) -> String {
    if days == 1 {
        t.consultations_one_working_day.to_owned()
    } else {
        crate::i18n::fill(t.consultations_working_days, &[("count", &days.to_string())])
    }
}

/// The consultations' entry: a guardian's own requests and the form's
/// link; the queue's link for jurists and coordinators.
#[component]
pub fn Consultations() -> impl IntoView {
    let t = use_texts();
    let data = Resource::new(|| (), |()| load_own_consultations());
    view! {
        <Title text=t.area_consultations_title/>
        <h1>{t.area_consultations_title}</h1>
        <p class="lead">{t.area_consultations_lead}</p>
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(own) => view! { <Own t own/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

#[component]
fn Own(t: &'static Texts, own: OwnConsultations) -> impl IntoView {
    let OwnConsultations { rows, works_queue, may_file } = own;
    let queue = works_queue.then(|| {
        view! {
            <section class="panel" aria-labelledby="queue-link-title">
                <h2 id="queue-link-title">{t.consultations_queue_link_title}</h2>
                <p>{t.consultations_queue_link_body}</p>
                <p><A href=paths::CONSULTATIONS_QUEUE attr:class="btn btn-primary">{t.consultations_queue_title}</A></p>
            </section>
        }
    });
    let mine = (may_file || !rows.is_empty()).then(|| {
        let list = if rows.is_empty() {
            view! { <p>{t.consultations_own_empty}</p> }.into_any()
        } else {
            view! { <ul class="topic-list">{rows.into_iter().map(|row| view! { <OwnRow t row/> }).collect_view()}</ul> }.into_any()
        };
        view! {
            {may_file.then(|| view! { <p><A href=paths::CONSULTATIONS_NEW attr:class="btn btn-primary">{t.consultations_new_button}</A></p> })}
            <p>{t.consultations_who_sees}</p>
            <section aria-labelledby="own-title">
                <h2 id="own-title">{t.consultations_own_title}</h2>
                {list}
            </section>
        }
    });
    let neither = (!works_queue && mine.is_none()).then(|| view! { <p>{t.consultations_nobody_body}</p> });
    view! { {mine}{queue}{neither} }
}

#[component]
fn OwnRow(t: &'static Texts, row: ConsultationRow) -> impl IntoView {
    view! {
        <li>
            <A href=paths::consultation(&row.id)>{row.subject}</A>" "<StatusTag t status=row.status/>
            <br/>
            <small>{row.reference}" · "{topic_name(t, row.topic)}" · "{rome_time(row.updated_at)}</small>
        </li>
    }
}
