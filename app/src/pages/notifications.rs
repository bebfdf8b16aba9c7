//! The reader's notifications: what happened where they watch, newest
//! first, the unread ones marked.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::{
    api::notifications::{load_notifications::load_notifications, mark_all_read::MarkAllRead},
    components::{
        form::{PostForm, SubmitButton},
        page::{LoadError, SignedIn},
        pagination::{Pagination, use_page_number},
    },
    domain::{
        notifications::{NotificationKind, NotificationView, NotificationsPage},
        rome_time,
    },
    i18n::{Texts, fill, use_texts},
    routes::paths,
};
use leptos::server_fn::ServerFn as _;

#[component]
pub fn Notifications() -> impl IntoView {
    let t = use_texts();
    let page = use_page_number();
    let data = Resource::new(move || page.get(), load_notifications);
    view! {
        <Title text=t.notifications_title/>
        <h1>{t.notifications_title}</h1>
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(page) => view! { <NotificationList t page/> }.into_any(),
                })}
            </Suspense>
            <p><A href=paths::ACCOUNT_NOTIFICATIONS>{t.notifications_preferences_link}</A></p>
        </SignedIn>
    }
}

#[component]
fn NotificationList(t: &'static Texts, page: NotificationsPage) -> impl IntoView {
    let NotificationsPage { notifications, unread, page, pages } = page;
    if notifications.is_empty() {
        return view! { <p>{t.notifications_empty}</p> }.into_any();
    }
    view! {
        <p class="lead">
            {if unread == 0 { t.notifications_all_read.to_owned() } else { fill(t.notifications_unread_count, &[("count", &unread.to_string())]) }}
        </p>
        {(unread > 0).then(|| view! {
            <PostForm action=MarkAllRead::url() id="mark_all_read">
                <SubmitButton label=t.notifications_mark_all_read class="btn btn-outline-primary btn-sm"/>
            </PostForm>
        })}
        <ul class="notification-list">
            {notifications.into_iter().map(|notification| view! { <NotificationItem t notification/> }).collect_view()}
        </ul>
        <Pagination page pages link=|n| format!("{}?page={}", paths::NOTIFICATIONS, n + 1)/>
    }
    .into_any()
}

#[component]
fn NotificationItem(t: &'static Texts, notification: NotificationView) -> impl IntoView {
    let NotificationView { kind, actor, topic, category, excerpt, link, created_at, unread } = notification;
    let actor = actor.unwrap_or_else(|| t.community_deleted_author.to_owned());
    let template = match kind {
        NotificationKind::Reply => t.notifications_reply,
        NotificationKind::NewTopic => t.notifications_new_topic,
        NotificationKind::Mention => t.notifications_mention,
    };
    let headline = fill(template, &[("actor", &actor), ("topic", &topic)]);
    view! {
        <li class:unread=unread>
            <a href=link>{headline}</a>
            {unread.then(|| view! { " " <span class="tag">{t.notifications_new}</span> })}
            <br/>
            <small>{category}" · "{rome_time(created_at)}</small>
            {excerpt.map(|text| view! { <p class="excerpt">{text}</p> })}
        </li>
    }
}
