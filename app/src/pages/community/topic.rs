use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

use super::PostBody;
use crate::{
    api::community::{load_topic::load_topic, reply::Reply},
    components::{
        form::{PostForm, SubmitButton},
        page::{LoadError, SignedIn},
        pagination::{Pagination, use_page_number},
    },
    domain::{community::TopicPage, rome_time},
    i18n::use_texts,
    routes::paths,
};
use leptos::server_fn::ServerFn as _;

/// A topic: its posts, oldest first, and the reply form.
#[component]
pub fn Topic() -> impl IntoView {
    let t = use_texts();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let page = use_page_number();
    let data = Resource::new(move || (id.clone(), page.get()), |(id, page)| load_topic(id, page));
    view! {
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <Title text=t.area_community_title/><h1>{t.area_community_title}</h1><LoadError error/> }.into_any(),
                    Ok(page) => view! { <TopicView page/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

#[component]
fn TopicView(page: TopicPage) -> impl IntoView {
    let t = use_texts();
    let TopicPage { id, title, category_slug, category_name, locked, posts, page, pages, draft } = page;
    let link_id = id.clone();
    view! {
        <Title text=title.clone()/>
        <p class="breadcrumb">
            <A href=paths::COMMUNITY>{t.area_community_title}</A>" › "
            <A href=paths::community_category(&category_slug)>{category_name}</A>
        </p>
        <h1>{title}</h1>
        <ol class="posts">
            {posts.into_iter().map(|post| view! {
                <li id=format!("post-{}", post.id)>
                    <article>
                        <header class="post-meta">
                            <strong>{post.author.unwrap_or_else(|| t.community_deleted_author.to_owned())}</strong>" · "
                            <a href=format!("#post-{}", post.id)>{rome_time(post.created_at)}</a>
                        </header>
                        <div class="post-body" inner_html=post.html></div>
                    </article>
                </li>
            }).collect_view()}
        </ol>
        <Pagination page pages link=move |n| format!("{}?page={}", paths::community_topic(&link_id), n + 1)/>
        {if locked {
            view! { <p class="alert alert-info" role="status">{t.community_locked_note}</p> }.into_any()
        } else {
            view! {
                <section class="panel" aria-labelledby="reply-title">
                    <h2 id="reply-title">{t.community_reply}</h2>
                    <PostForm action=Reply::url() id="reply">
                        <input type="hidden" name="id" value=id/>
                        <PostBody t draft/>
                        <SubmitButton label=t.community_reply_submit/>
                    </PostForm>
                </section>
            }
            .into_any()
        }}
    }
}
