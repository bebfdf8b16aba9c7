use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

use super::{HeldPosts, WatchForm};
use crate::components::post_body::PostBody;
use crate::{
    api::community::{create_topic::CreateTopic, load_category::load_category},
    components::{
        form::{PostForm, SubmitButton, TextField},
        page::{LoadError, SignedIn},
        pagination::{Pagination, use_page_number},
    },
    domain::{community::CategoryPage, notifications::WatchLevel, rome_time},
    i18n::{fill, use_texts},
    routes::paths,
};
use leptos::server_fn::ServerFn as _;

/// A category: its topics, and a form to open one.
#[component]
pub fn Category() -> impl IntoView {
    let t = use_texts();
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let page = use_page_number();
    let data = Resource::new(move || (slug.clone(), page.get()), |(slug, page)| load_category(slug, page));
    view! {
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <Title text=t.area_community_title/><h1>{t.area_community_title}</h1><LoadError error/> }.into_any(),
                    Ok(page) => view! { <CategoryView page/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

#[component]
fn CategoryView(page: CategoryPage) -> impl IntoView {
    let t = use_texts();
    let CategoryPage { category, topics, page, pages, draft, watch, held } = page;
    let slug = category.slug.clone();
    let title = draft.as_ref().map(|d| d.title.clone()).unwrap_or_default();
    let list = if topics.is_empty() {
        view! { <p>{t.community_no_topics}</p> }.into_any()
    } else {
        view! {
            <ul class="topic-list">
                {topics.into_iter().map(|topic| view! {
                    <li>
                        <A href=paths::community_topic(&topic.id)>{topic.title}</A>
                        {topic.pinned.then(|| view! { " " <span class="tag">{t.community_pinned}</span> })}
                        {topic.locked.then(|| view! { " " <span class="tag">{t.community_locked}</span> })}
                        {topic.unread.map(|(count, link)| view! {
                            " " <a class="tag tag-new" href=link>{fill(t.community_new_posts, &[("count", &count.to_string())])}</a>
                        })}
                        <br/>
                        <small>
                            {topic.author.unwrap_or_else(|| t.community_deleted_author.to_owned())}" · "
                            {fill(t.community_post_count, &[("count", &topic.posts.to_string())])}" · "
                            {rome_time(topic.last_post_at)}
                        </small>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let link_slug = slug.clone();
    let new_topic_target = format!("category:{slug}");
    let back = format!("{}?page={}", paths::community_category(&slug), page + 1);
    view! {
        <Title text=category.name.clone()/>
        <p class="breadcrumb"><A href=paths::COMMUNITY>{t.area_community_title}</A></p>
        <h1>{category.name}</h1>
        <p class="lead">{category.description}</p>
        <WatchForm t place=format!("category:{slug}") levels=&WatchLevel::FOR_CATEGORY current=watch back/>
        {list}
        <Pagination page pages link=move |n| format!("{}?page={}", paths::community_category(&link_slug), n + 1)/>
        <HeldPosts t held/>
        <section class="panel" aria-labelledby="new-topic-title">
            <h2 id="new-topic-title">{t.community_new_topic}</h2>
            <PostForm action=CreateTopic::url() id="new_topic">
                <input type="hidden" name="slug" value=slug/>
                <TextField name="title" label=t.community_topic_title value=title required=true/>
                <PostBody t draft label=t.community_body hint=t.community_body_hint keep_as=new_topic_target/>
                <SubmitButton label=t.community_new_topic_submit/>
            </PostForm>
        </section>
    }
}
