//! The communities of practice: the categories, a category's topics, a
//! topic's posts, and the editor both use.

pub mod category;
pub mod moderation;
pub mod topic;

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::{
    api::community::{categories::categories, set_watch::SetWatch},
    components::{
        form::{PostForm, SelectField, SubmitButton},
        page::{LoadError, SignedIn},
    },
    domain::{
        community::{CommunityIndex, FlagReason, HeldPost},
        notifications::WatchLevel,
        rome_time,
    },
    i18n::{Texts, fill, use_texts},
    routes::paths,
};

/// How a flag's reason reads.
fn flag_reason_text(t: &'static Texts, reason: FlagReason) -> &'static str {
    match reason {
        FlagReason::MinorData => t.community_flag_minor_data,
        FlagReason::Offensive => t.community_flag_offensive,
        FlagReason::Spam => t.community_flag_spam,
        FlagReason::Other => t.community_flag_other,
    }
}

/// The reader's own posts here that wait for a moderator's approval.
#[component]
fn HeldPosts(t: &'static Texts, held: Vec<HeldPost>) -> impl IntoView {
    (!held.is_empty()).then(|| {
        view! {
            <section class="panel held-posts" aria-labelledby="held-title">
                <h2 id="held-title">{t.community_held_title}</h2>
                <p>{t.community_held_lead}</p>
                <ul class="posts">
                    {held.into_iter().map(|post| view! {
                        <li>
                            <article>
                                <p class="post-meta">
                                    {(!post.title.is_empty()).then(|| view! { <strong>{post.title}</strong>" · " })}
                                    {rome_time(post.created_at)}
                                </p>
                                <div class="post-body" inner_html=post.html></div>
                            </article>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// How closely the reader follows a category or a topic, and the form
/// that changes it: a choice and a button, so it works without JavaScript.
#[component]
fn WatchForm(
    t: &'static Texts,
    /// `category:<slug>` or `topic:<id>`.
    place: String,
    levels: &'static [WatchLevel],
    current: WatchLevel,
    back: String,
) -> impl IntoView {
    let options = levels.iter().map(|level| (level.code().to_owned(), watch_level_text(t, *level).to_owned())).collect::<Vec<_>>();
    view! {
        <PostForm action=SetWatch::url() id="set_watch" class="watch-form">
            <input type="hidden" name="place" value=place/>
            <input type="hidden" name="back" value=back/>
            <SelectField name="level" label=t.community_watch_label options value=current.code().to_owned()/>
            <SubmitButton label=t.community_watch_submit class="btn btn-outline-primary btn-sm"/>
        </PostForm>
    }
}

fn watch_level_text(t: &'static Texts, level: WatchLevel) -> &'static str {
    match level {
        WatchLevel::Watching => t.community_watch_watching,
        WatchLevel::Following => t.community_watch_following,
        WatchLevel::Normal => t.community_watch_normal,
        WatchLevel::Muted => t.community_watch_muted,
    }
}

/// The categories the reader may take part in.
#[component]
pub fn Categories() -> impl IntoView {
    let t = use_texts();
    let list = Resource::new(|| (), |()| categories());
    view! {
        <Title text=t.area_community_title/>
        <h1>{t.area_community_title}</h1>
        <p class="lead">{t.area_community_lead}</p>
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || list.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(CommunityIndex { categories, moderates }) => view! {
                        {moderates.then(|| view! { <p><A href=paths::COMMUNITY_MODERATION attr:class="btn btn-outline-primary">{t.community_moderation_title}</A></p> })}
                        <ul class="category-list">
                            {categories.into_iter().map(|category| {
                                let scope = match (category.district, category.restricted) {
                                    (_, true) => t.community_restricted.to_owned(),
                                    (Some(district), false) => fill(t.community_district, &[("district", district.name())]),
                                    (None, false) => t.community_theme.to_owned(),
                                };
                                let activity = category.last_post_at.map(|at| format!(" · {}: {}", t.community_last_activity, rome_time(at)));
                                view! {
                                    <li>
                                        <h2><A href=paths::community_category(&category.slug)>{category.name}</A></h2>
                                        <p>{category.description}</p>
                                        <p class="meta">
                                            <span class="tag">{scope}</span>" "
                                            {fill(t.community_topic_count, &[("count", &category.topics.to_string())])}
                                            {activity}
                                        </p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}
