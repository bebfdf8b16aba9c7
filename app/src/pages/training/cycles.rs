//! `/training/cycles`: the reader's cycles, those open to them for
//! enrolment, and for trainers and coordinators those they run.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::{
    api::training::cycles::{RenewCalendarFeed, StopCalendarFeed, load_cycles},
    components::{
        form::{PostForm, SubmitButton},
        page::{LoadError, SignedIn},
    },
    domain::{
        cycles::{CycleCard, CycleList, CycleStatus, EnrolmentStatus},
        italian_date,
    },
    i18n::{Texts, fill, use_texts},
    routes::paths,
};

#[component]
pub fn Cycles() -> impl IntoView {
    let t = use_texts();
    let data = Resource::new(|| (), |()| load_cycles());
    view! {
        <Title text=t.cycles_title/>
        <p class="breadcrumb"><A href=paths::TRAINING>{t.area_training_title}</A></p>
        <h1>{t.cycles_title}</h1>
        <p class="lead">{t.cycles_lead}</p>
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(list) => view! { <Lists t list/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

#[component]
fn Lists(t: &'static Texts, list: CycleList) -> impl IntoView {
    let CycleList { mine, enrolling, managed, can_create, lists_certificates, calendar_feed } = list;
    let mine = (!mine.is_empty()).then(|| view! { <CycleSection t heading="my-cycles" title=t.cycles_mine cycles=mine/> });
    let enrolling = if enrolling.is_empty() {
        view! {
            <section aria-labelledby="enrolling">
                <h2 id="enrolling">{t.cycles_enrolling}</h2>
                <p>{t.cycles_enrolling_none}</p>
            </section>
        }
        .into_any()
    } else {
        view! { <CycleSection t heading="enrolling" title=t.cycles_enrolling cycles=enrolling/> }.into_any()
    };
    let managed = can_create.then(|| {
        view! {
            <section aria-labelledby="managed">
                <h2 id="managed">{t.cycles_managed}</h2>
                <p class="button-row">
                    <A href=paths::TRAINING_CYCLE_NEW attr:class="btn btn-primary">{t.cycles_new}</A>
                    {lists_certificates.then(|| view! { <A href=paths::TRAINING_CERTIFICATES attr:class="btn btn-outline-primary">{t.certificates_title}</A> })}
                </p>
                {if managed.is_empty() {
                    view! { <p>{t.cycles_managed_none}</p> }.into_any()
                } else {
                    view! { <ul class="cycle-list">{managed.into_iter().map(|cycle| view! { <CycleItem t cycle/> }).collect_view()}</ul> }.into_any()
                }}
            </section>
        }
    });
    view! { {mine}{enrolling}{managed}<CalendarFeed t address=calendar_feed/> }
}

/// The personal calendar feed: its address, a new one, or turning it on and off.
#[component]
fn CalendarFeed(t: &'static Texts, address: Option<String>) -> impl IntoView {
    let body = match address {
        Some(address) => view! {
            <div class="form-field">
                <label for="calendar-address">{t.cycles_calendar_address}</label>
                <p class="field-hint" id="calendar-address-hint">{t.cycles_calendar_address_hint}</p>
                <input id="calendar-address" type="text" readonly=true value=address aria-describedby="calendar-address-hint"/>
            </div>
            <div class="button-row">
                <PostForm action=RenewCalendarFeed::url() id="calendar_feed">
                    <SubmitButton label=t.cycles_calendar_renew class="btn btn-outline-primary"/>
                </PostForm>
                <PostForm action=StopCalendarFeed::url() id="calendar_feed_stop">
                    <SubmitButton label=t.cycles_calendar_off class="btn btn-outline-danger"/>
                </PostForm>
            </div>
        }
        .into_any(),
        None => view! {
            <PostForm action=RenewCalendarFeed::url() id="calendar_feed">
                <SubmitButton label=t.cycles_calendar_on class="btn btn-outline-primary"/>
            </PostForm>
        }
        .into_any(),
    };
    view! {
        <section class="panel" aria-labelledby="calendar">
            <h2 id="calendar">{t.cycles_calendar}</h2>
            <p>{t.cycles_calendar_lead}</p>
            {body}
        </section>
    }
}

#[component]
fn CycleSection(t: &'static Texts, heading: &'static str, title: &'static str, cycles: Vec<CycleCard>) -> impl IntoView {
    view! {
        <section aria-labelledby=heading>
            <h2 id=heading>{title}</h2>
            <ul class="cycle-list">{cycles.into_iter().map(|cycle| view! { <CycleItem t cycle/> }).collect_view()}</ul>
        </section>
    }
}

/// A cycle's state in words, as a tag.
#[component]
pub(crate) fn StatusTag(t: &'static Texts, status: CycleStatus) -> impl IntoView {
    let (text, class) = match status {
        CycleStatus::Draft => (t.cycles_status_draft, "tag"),
        CycleStatus::Open => (t.cycles_status_open, "tag tag-answer"),
        CycleStatus::Running => (t.cycles_status_running, "tag tag-open"),
        CycleStatus::Completed => (t.cycles_status_completed, "tag"),
        CycleStatus::Cancelled => (t.cycles_status_cancelled, "tag tag-overdue"),
    };
    view! { <span class=class>{text}</span> }
}

/// "From … to …" for two `YYYY-MM-DD` dates.
pub(crate) fn date_range(t: &'static Texts, from: &str, to: &str) -> String {
    fill(t.cycles_dates, &[("from", &italian_date(from)), ("to", &italian_date(to))])
}

/// The reader's place, in words.
pub(crate) fn place_text(t: &'static Texts, status: EnrolmentStatus) -> &'static str {
    match status {
        EnrolmentStatus::Enrolled => t.cycles_you_enrolled,
        EnrolmentStatus::Waiting => t.cycles_you_waiting,
        EnrolmentStatus::Withdrawn | EnrolmentStatus::Removed => t.cycles_you_left,
    }
}

#[component]
fn CycleItem(t: &'static Texts, cycle: CycleCard) -> impl IntoView {
    let CycleCard { id, title, course, district, starts_on, ends_on, enrol_until, status, places_left, mine } = cycle;
    let places = if status == CycleStatus::Open {
        let places =
            if places_left > 0 { fill(t.cycles_places_left, &[("count", &places_left.to_string())]) } else { t.cycles_full.to_owned() };
        Some(view! { <p class="meta">{places}" · "{fill(t.cycles_enrol_until, &[("date", &italian_date(&enrol_until))])}</p> })
    } else {
        None
    };
    view! {
        <li class="course-card">
            <h3><A href=paths::training_cycle(&id)>{title}</A></h3>
            <p class="meta">{course}" · "{district.name()}" · "{date_range(t, &starts_on, &ends_on)}</p>
            <p><StatusTag t status/>{mine.map(|mine| view! { " "<span class="tag tag-answer">{place_text(t, mine)}</span> })}</p>
            {places}
        </li>
    }
}
