use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::flag_reason_text;
use crate::{
    api::community::{
        approve_post::ApprovePost, dismiss_flags::DismissFlags, hide_post::HidePost, moderation_queue::moderation_queue,
        reject_post::RejectPost,
    },
    components::{
        form::{PostForm, SubmitButton, TextField},
        page::{LoadError, SignedIn},
    },
    domain::{
        community::{FlaggedPost, HeldPost, ModeratorsQueue},
        rome_time,
    },
    i18n::use_texts,
    routes::paths,
};
use leptos::server_fn::ServerFn as _;

/// The moderators' queue: newcomers' posts held for approval, and flagged
/// posts, with what members said, to hide or to leave as they are.
#[component]
pub fn Moderation() -> impl IntoView {
    let t = use_texts();
    let queue = Resource::new(|| (), |()| moderation_queue());
    view! {
        <Title text=t.community_moderation_title/>
        <p class="breadcrumb"><A href=paths::COMMUNITY>{t.area_community_title}</A></p>
        <h1>{t.community_moderation_title}</h1>
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || queue.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(ModeratorsQueue { flagged, held }) if flagged.is_empty() && held.is_empty() => {
                        view! { <p>{t.community_moderation_empty}</p> }.into_any()
                    }
                    Ok(ModeratorsQueue { flagged, held }) => view! {
                        {(!held.is_empty()).then(|| view! { <HeldQueue held/> })}
                        {(!flagged.is_empty()).then(|| view! { <FlaggedQueue flagged/> })}
                    }
                    .into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

/// Newcomers' posts held for approval: publish, or say why not.
#[component]
fn HeldQueue(held: Vec<HeldPost>) -> impl IntoView {
    let t = use_texts();
    view! {
        <h2>{t.community_moderation_held_title}</h2>
        <ul class="posts">
            {held.into_iter().map(|post| {
                let (approve_instance, approve_field, reject_instance) = (post.id.clone(), post.id.clone(), post.id.clone());
                view! {
                    <li>
                        <article>
                            <header class="post-meta">
                                {(!post.title.is_empty()).then(|| view! { <strong>{post.title}</strong>" · " })}
                                {post.place}" · "
                                {post.author.unwrap_or_else(|| t.community_deleted_author.to_owned())}" · "
                                {rome_time(post.created_at)}
                            </header>
                            <div class="post-body" inner_html=post.html></div>
                            <PostForm action=ApprovePost::url() id="approve_post" instance=approve_instance class="post-action">
                                <input type="hidden" name="held" value=approve_field/>
                                <SubmitButton label=t.community_approve class="btn btn-primary btn-sm"/>
                            </PostForm>
                            <PostForm action=RejectPost::url() id="reject_post" instance=reject_instance>
                                <input type="hidden" name="held" value=post.id/>
                                <TextField name="reason" label=t.community_hide_reason required=true/>
                                <SubmitButton label=t.community_reject class="btn btn-outline-danger btn-sm"/>
                            </PostForm>
                        </article>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// Flagged posts: hide with a reason, or leave as they are.
#[component]
fn FlaggedQueue(flagged: Vec<FlaggedPost>) -> impl IntoView {
    let t = use_texts();
    view! {
        <h2>{t.community_moderation_flagged_title}</h2>
        <ul class="posts">
            {flagged.into_iter().map(|post| {
                let (hide_instance, hide_field, dismiss_instance) = (post.post_id.clone(), post.post_id.clone(), post.post_id.clone());
                view! {
                <li>
                    <article>
                        <header class="post-meta">
                            <A href=format!("{}#post-{}", paths::community_topic(&post.topic_id), post.post_id)>{post.topic_title}</A>
                            " · "{post.category_name}" · "
                            {post.author.unwrap_or_else(|| t.community_deleted_author.to_owned())}
                        </header>
                        <div class="post-body" inner_html=post.html></div>
                        <ul class="flags">
                            {post.flags.into_iter().map(|(reason, note)| view! {
                                <li><strong>{flag_reason_text(t, reason)}</strong>{(!note.is_empty()).then(|| format!(": {note}"))}</li>
                            }).collect_view()}
                        </ul>
                        <PostForm action=HidePost::url() id="hide_post" instance=hide_instance>
                            <input type="hidden" name="post" value=hide_field/>
                            <input type="hidden" name="back" value=paths::COMMUNITY_MODERATION/>
                            <TextField name="reason" label=t.community_hide_reason required=true/>
                            <SubmitButton label=t.community_hide class="btn btn-outline-danger btn-sm"/>
                        </PostForm>
                        <PostForm action=DismissFlags::url() id="dismiss_flags" instance=dismiss_instance class="post-action">
                            <input type="hidden" name="post" value=post.post_id/>
                            <SubmitButton label=t.community_dismiss class="btn btn-outline-secondary btn-sm"/>
                        </PostForm>
                    </article>
                </li>
                }
            }).collect_view()}
        </ul>
    }
}
