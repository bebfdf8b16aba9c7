use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

use super::StatusTag;
use crate::{
    api::consultations::{load_queue::load_queue, set_turn::SetTurn},
    components::{
        form::{CheckboxField, GetForm, PostForm, SelectField, SubmitButton},
        page::{LoadError, SignedIn, use_user},
        pagination::{Pagination, use_page_number},
    },
    domain::{
        FormFeedback, Role,
        consultations::{QueueFilter, QueuePage, QueueView, Status, Topic, Urgency},
        rome_time,
    },
    i18n::{Texts, consultation_status_name, fill, topic_name, urgency_name, use_texts},
    routes::paths,
};

fn view_name(t: &'static Texts, view: QueueView) -> &'static str {
    match view {
        QueueView::Mine => t.consultations_view_mine,
        QueueView::Unassigned => t.consultations_view_unassigned,
        QueueView::Overdue => t.consultations_view_overdue,
        QueueView::Open => t.consultations_view_open,
        QueueView::All => t.consultations_view_all,
    }
}

/// The queue's address for `filter` at `page` (0-based).
fn queue_link(filter: &QueueFilter, page: u64) -> String {
    let page = (page + 1).to_string();
    paths::with_query(
        paths::CONSULTATIONS_QUEUE,
        &[
            ("view", filter.view.map_or("", QueueView::code)),
            ("status", filter.status.map_or("", Status::code)),
            ("topic", filter.topic.map_or("", Topic::code)),
            ("urgency", filter.urgency.map_or("", Urgency::code)),
            ("district", filter.district.map_or("", |d| d.code())),
            ("assignee", filter.assignee.as_deref().unwrap_or_default()),
            ("page", if page == "1" { "" } else { &page }),
        ],
    )
}

/// The jurists' queue: saved views with their counts, filters (a GET form,
/// so a filtered queue is a link), and the requests by due time.
#[component]
pub fn Queue() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let page = use_page_number();
    let data = Resource::new(
        move || (query.get(), page.get()),
        |(query, page)| {
            let get = |name: &str| query.get(name).unwrap_or_default();
            load_queue(get("view"), get("status"), get("topic"), get("urgency"), get("district"), get("assignee"), page)
        },
    );
    let coordinator = use_user().is_some_and(|user| user.has_role(Role::Coordinator));
    view! {
        <Title text=t.consultations_queue_title/>
        <p class="breadcrumb"><A href=paths::CONSULTATIONS>{t.area_consultations_title}</A></p>
        <h1>{t.consultations_queue_title}</h1>
        <p class="lead">{t.consultations_queue_lead}</p>
        {coordinator.then(|| view! { <p><A href=paths::CONSULTATIONS_STATS>{t.stats_title}</A></p> })}
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(page) => view! { <QueueTable t page/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

#[component]
fn QueueTable(t: &'static Texts, page: QueuePage) -> impl IntoView {
    let QueuePage { turns, rows, counts, districts, jurists, filter, page, pages, now } = page;
    let turns = (!turns.is_empty()).then(|| {
        view! {
            <section class="panel" aria-labelledby="turns-title">
                <h2 id="turns-title">{t.consultations_turns_title}</h2>
                <p>{t.consultations_turns_lead}</p>
                {turns.into_iter().map(|(district, available)| view! {
                    <PostForm action=SetTurn::url() id="set_turn" instance=district.code() class="watch-form">
                        <input type="hidden" name="district" value=district.code()/>
                        <CheckboxField name="available".to_owned() label=fill(t.consultations_turn_available, &[("district", district.name())]) checked=available/>
                        <SubmitButton label=t.consultations_turn_save class="btn btn-outline-primary btn-sm"/>
                    </PostForm>
                }).collect_view()}
            </section>
        }
    });
    let current = filter.view;
    let tabs = counts
        .into_iter()
        .map(|(view, count)| {
            let link = queue_link(&QueueFilter { view: Some(view), ..QueueFilter::default() }, 0);
            let here = current == Some(view);
            view! {
                <a href=link aria-current=here.then_some("page")>{view_name(t, view)}" "<span class="count">{count}</span></a>
            }
        })
        .collect_view();
    let statuses = Status::ALL.into_iter().map(|s| (s.code().to_owned(), consultation_status_name(t, s).to_owned())).collect();
    let topics = Topic::ALL.into_iter().map(|s| (s.code().to_owned(), topic_name(t, s).to_owned())).collect();
    let urgencies = Urgency::ALL.into_iter().map(|s| (s.code().to_owned(), urgency_name(t, s).to_owned())).collect();
    let values: BTreeMap<String, String> = [
        ("status", filter.status.map_or("", Status::code)),
        ("topic", filter.topic.map_or("", Topic::code)),
        ("urgency", filter.urgency.map_or("", Urgency::code)),
        ("district", filter.district.map_or("", |d| d.code())),
        ("assignee", filter.assignee.as_deref().unwrap_or_default()),
    ]
    .into_iter()
    .map(|(name, value)| (name.to_owned(), value.to_owned()))
    .collect();
    let feedback = FormFeedback { form: "queue".to_owned(), problems: Vec::new(), values };
    let district_filter = (districts.len() > 1).then(|| {
        let options = districts.iter().map(|d| (d.code().to_owned(), d.name().to_owned())).collect();
        view! { <SelectField name="district" label=t.consultations_district options placeholder=t.consultations_filter_any/> }
    });
    let table = if rows.is_empty() {
        view! { <p role="status">{t.consultations_queue_empty}</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap">
                <table class="table stack-on-phone queue">
                    <thead>
                        <tr>
                            <th scope="col">{t.consultations_col_request}</th>
                            <th scope="col">{t.consultations_col_status}</th>
                            <th scope="col">{t.consultations_col_urgency}</th>
                            <th scope="col">{t.consultations_col_assignee}</th>
                            <th scope="col">{t.consultations_col_due}</th>
                            <th scope="col">{t.consultations_col_updated}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|row| {
                            let overdue = row.is_overdue(now);
                            view! {
                                <tr class:overdue=overdue>
                                    <td data-label=t.consultations_col_request>
                                        <A href=paths::consultation(&row.id)>{row.subject}</A>
                                        <br/><small>{row.reference}" · "{topic_name(t, row.topic)}" · "{row.district.name()}</small>
                                    </td>
                                    <td data-label=t.consultations_col_status><StatusTag t status=row.status/></td>
                                    <td data-label=t.consultations_col_urgency>{urgency_name(t, row.urgency)}</td>
                                    <td data-label=t.consultations_col_assignee>{row.assignee.unwrap_or_else(|| "—".to_owned())}</td>
                                    <td data-label=t.consultations_col_due>
                                        {row.due_at.map_or_else(|| "—".to_owned(), rome_time)}
                                        {overdue.then(|| view! { " "<span class="tag tag-overdue">{t.consultations_overdue}</span> })}
                                    </td>
                                    <td data-label=t.consultations_col_updated>{rome_time(row.updated_at)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let link_filter = filter.clone();
    view! {
        {turns}
        <nav class="sub-nav" aria-label=t.consultations_views_label>{tabs}</nav>
        <GetForm action=paths::CONSULTATIONS_QUEUE id="queue" feedback class="filters">
            <input type="hidden" name="view" value=current.map_or("", QueueView::code)/>
            <SelectField name="status" label=t.consultations_filter_status options=statuses placeholder=t.consultations_filter_any/>
            <SelectField name="topic" label=t.consultations_col_topic options=topics placeholder=t.consultations_filter_any/>
            <SelectField name="urgency" label=t.consultations_col_urgency options=urgencies placeholder=t.consultations_filter_any/>
            {district_filter}
            <SelectField name="assignee" label=t.consultations_col_assignee options=jurists placeholder=t.consultations_filter_any/>
            <SubmitButton label=t.consultations_filter_submit class="btn btn-outline-primary"/>
        </GetForm>
        {table}
        <Pagination page pages link=move |n| queue_link(&link_filter, n)/>
    }
}
