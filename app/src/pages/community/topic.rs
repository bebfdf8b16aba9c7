use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};

use super::{HeldPosts, WatchForm, flag_reason_text};
use crate::components::post_body::PostBody;
use crate::{
    api::community::{
        accept_answer::AcceptAnswer, change_topic::ChangeTopic, delete_post::DeletePost, edit_post::EditPost, flag_post::FlagPost,
        hide_post::HidePost, load_topic::load_topic, react::React, reply::Reply, restore_post::RestorePost, silence_author::SilenceAuthor,
    },
    components::{
        form::{PostForm, SelectField, SubmitButton, TextField},
        page::{LoadError, SignedIn},
        pagination::{Pagination, use_page_number},
    },
    domain::{
        community::{AcceptedAnswer, FlagReason, PostState, PostView, Reaction, ReactionCount, SilencePeriod, TopicPage},
        notifications::WatchLevel,
        rome_time,
    },
    i18n::{Texts, fill, use_texts},
    routes::paths,
};
use leptos::server_fn::ServerFn as _;

/// A topic: its posts, oldest first, and the reply form.
#[component]
pub fn Topic() -> impl IntoView {
    let t = use_texts();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let page = use_page_number();
    let quote = use_query_map().with_untracked(|q| q.get("quote"));
    let data = Resource::new(move || (id.clone(), page.get(), quote.clone()), |(id, page, quote)| load_topic(id, page, quote));
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

/// One post: its text (or, hidden, a note where it was), and what the
/// reader may do with it: flag it, or as a moderator hide or restore it.
#[component]
fn Post(t: &'static Texts, post: PostView, topic: String, moderator: bool, back: String, quotable: bool) -> impl IntoView {
    let PostView {
        id,
        author,
        author_handle,
        created_at,
        html,
        state,
        edited_at,
        edit,
        own,
        revisions,
        reactions,
        answer,
        may,
        first_unread,
    } = post;
    // Where what the reader has not seen begins: the category links here.
    let unread_marker = first_unread.then(|| view! { <p id="first-unread" class="unread-marker">{t.community_unread_marker}</p> });
    let (hidden, hidden_reason) = match &state {
        PostState::Hidden { reason } => (true, reason.clone()),
        PostState::Visible | PostState::Deleted => (false, None),
    };
    let (form_instance, post_field, anchor) = (id.clone(), id.clone(), format!("post-{id}"));
    if state == PostState::Deleted {
        return view! {
            <li id=anchor>
                {unread_marker}
                <p class="post-hidden">{t.community_post_deleted}</p>
            </li>
        }
        .into_any();
    }
    let (edit_instance, edit_field, edit_back) = (id.clone(), id.clone(), back.clone());
    let edit_form = edit.map(|draft| {
        // Open again after a refused edit, so its problems show.
        let open = !draft.findings.is_empty() || draft.body.is_empty() || draft.preview_html.is_some();
        view! {
            <details class="post-action" open=open>
                <summary>{t.community_edit}</summary>
                <PostForm action=EditPost::url() id="edit_post" instance=edit_instance>
                    <input type="hidden" name="post" value=edit_field/>
                    <input type="hidden" name="back" value=edit_back/>
                    <PostBody t draft=Some(draft) label=t.community_body hint=t.community_body_hint/>
                    <SubmitButton label=t.community_edit_submit class="btn btn-outline-primary btn-sm"/>
                </PostForm>
            </details>
        }
        .into_any()
    });
    let (delete_instance, delete_field, delete_back) = (id.clone(), id.clone(), back.clone());
    let delete_form = own.then(|| {
        view! {
            <details class="post-action">
                <summary>{t.community_delete}</summary>
                <p>{t.community_delete_lead}</p>
                <PostForm action=DeletePost::url() id="delete_post" instance=delete_instance>
                    <input type="hidden" name="post" value=delete_field/>
                    <input type="hidden" name="back" value=delete_back/>
                    <SubmitButton label=t.community_delete_submit class="btn btn-outline-danger btn-sm"/>
                </PostForm>
            </details>
        }
        .into_any()
    });
    let history = (!revisions.is_empty()).then(|| {
        view! {
            <details class="post-action">
                <summary>{fill(t.community_revisions, &[("count", &revisions.len().to_string())])}</summary>
                <ol class="revisions">
                    {revisions.into_iter().map(|(at, text)| view! { <li><small>{rome_time(at)}</small><pre>{text}</pre></li> }).collect_view()}
                </ol>
            </details>
        }
        .into_any()
    });
    let reactions = view! { <Reactions t post=id.clone() back=back.clone() reactions own/> };
    let (accept_post, accept_topic, accept_back, accept_instance) = (id.clone(), topic.clone(), back.clone(), id.clone());
    let accept_form = may.accept.then(|| {
        view! {
            <PostForm action=AcceptAnswer::url() id="accept_answer" instance=accept_instance>
                <input type="hidden" name="topic" value=accept_topic/>
                <input type="hidden" name="post" value=accept_post/>
                <input type="hidden" name="accepted" value=if answer { "false" } else { "true" }/>
                <input type="hidden" name="back" value=accept_back/>
                <SubmitButton label=if answer { t.community_unaccept } else { t.community_accept } class="btn btn-outline-success btn-sm"/>
            </PostForm>
        }
        .into_any()
    });
    let (silence_instance, silence_field, silence_back) = (id.clone(), id.clone(), back.clone());
    let silence_form = may.silence.then(|| {
        let days = SilencePeriod::ALL
            .into_iter()
            .map(|period| (period.days().to_string(), silence_period_text(t, period).to_owned()))
            .chain(std::iter::once(("0".to_owned(), t.community_silence_lift.to_owned())))
            .collect::<Vec<_>>();
        view! {
            <details class="post-action">
                <summary>{t.community_silence}</summary>
                <PostForm action=SilenceAuthor::url() id="silence_author" instance=silence_instance>
                    <input type="hidden" name="post" value=silence_field/>
                    <input type="hidden" name="back" value=silence_back/>
                    <SelectField name="days" label=t.community_silence_days options=days required=true/>
                    <TextField name="reason" label=t.community_hide_reason/>
                    <SubmitButton label=t.community_silence_submit class="btn btn-outline-danger btn-sm"/>
                </PostForm>
            </details>
        }
        .into_any()
    });
    // A link, not a form: the reply below opens with the post quoted.
    let quote_link = (quotable && !hidden).then(|| {
        view! { <a class="btn btn-outline-secondary btn-sm" href=format!("{back}&quote={id}#reply-title")>{t.community_quote}</a> }
            .into_any()
    });
    let reasons = FlagReason::ALL.into_iter().map(|r| (r.code().to_owned(), flag_reason_text(t, r).to_owned())).collect::<Vec<_>>();
    let body = if hidden && !moderator {
        view! { <p class="post-hidden">{t.community_post_hidden}</p> }.into_any()
    } else {
        view! {
            {hidden.then(|| view! { <p class="post-hidden">{t.community_post_hidden_for_moderators}" "{hidden_reason.unwrap_or_default()}</p> })}
            <div class="post-body" inner_html=html></div>
        }
        .into_any()
    };
    let actions = if moderator {
        if hidden {
            view! {
                <PostForm action=RestorePost::url() id="restore_post" instance=form_instance class="post-action">
                    <input type="hidden" name="post" value=post_field/>
                    <input type="hidden" name="back" value=back/>
                    <SubmitButton label=t.community_restore class="btn btn-outline-primary btn-sm"/>
                </PostForm>
            }
            .into_any()
        } else {
            view! {
                <details class="post-action">
                    <summary>{t.community_hide}</summary>
                    <PostForm action=HidePost::url() id="hide_post" instance=form_instance>
                        <input type="hidden" name="post" value=post_field/>
                        <input type="hidden" name="back" value=back/>
                        <TextField name="reason" label=t.community_hide_reason required=true/>
                        <SubmitButton label=t.community_hide class="btn btn-outline-danger btn-sm"/>
                    </PostForm>
                </details>
            }
            .into_any()
        }
    } else if own {
        // Nobody flags their own post: they edit or delete it.
        ().into_any()
    } else {
        view! {
            <details class="post-action">
                <summary>{t.community_flag}</summary>
                <PostForm action=FlagPost::url() id="flag_post" instance=form_instance>
                    <input type="hidden" name="post" value=post_field/>
                    <input type="hidden" name="topic" value=topic/>
                    <SelectField name="reason" label=t.community_flag_reason options=reasons required=true placeholder=t.field_choose/>
                    <TextField name="note" label=t.community_flag_note/>
                    <SubmitButton label=t.community_flag_submit class="btn btn-outline-primary btn-sm"/>
                </PostForm>
            </details>
        }
        .into_any()
    };
    view! {
        <li id=anchor.clone() class:hidden-post=hidden>
            {unread_marker}
            <article>
                <header class="post-meta">
                    <strong>{author.unwrap_or_else(|| t.community_deleted_author.to_owned())}</strong>
                    {author_handle.map(|handle| view! { " " <span class="handle">"@"{handle}</span> })}" · "
                    <a href=format!("#{anchor}")>{rome_time(created_at)}</a>
                    {edited_at.map(|at| view! { " · " {t.community_edited}" " {rome_time(at)} })}
                    {answer.then(|| view! { " " <span class="tag tag-answer">{t.community_answer_tag}</span> })}
                </header>
                {body}
                <div class="post-tools">
                    {reactions}
                    {accept_form}
                    {quote_link}
                </div>
                {edit_form}
                {delete_form}
                {history}
                {actions}
                {silence_form}
            </article>
        </li>
    }
    .into_any()
}

/// A post's reactions: buttons that add or take back the reader's own, or
/// for the author only the counts.
#[component]
fn Reactions(t: &'static Texts, post: String, back: String, reactions: Vec<ReactionCount>, own: bool) -> impl IntoView {
    if reactions.is_empty() {
        return ().into_any();
    }
    let label = |reaction: Reaction| match reaction {
        Reaction::Helpful => t.community_reaction_helpful,
        Reaction::Thanks => t.community_reaction_thanks,
        Reaction::Same => t.community_reaction_same,
    };
    if own {
        let given: Vec<String> = reactions.iter().filter(|r| r.count > 0).map(|r| format!("{} {}", label(r.reaction), r.count)).collect();
        return (!given.is_empty())
            .then(|| view! { <p class="reactions reaction-counts" aria-label=t.community_reactions>{given.join(" · ")}</p> })
            .into_any();
    }
    let instance = post.clone();
    view! {
        <PostForm action=React::url() id="react" instance class="reactions">
            <input type="hidden" name="post" value=post/>
            <input type="hidden" name="back" value=back/>
            <div role="group" aria-label=t.community_reactions>
                {reactions.into_iter().map(|ReactionCount { reaction, count, mine }| view! {
                    <button
                        type="submit"
                        name="change"
                        value=format!("{}:{}", reaction.code(), if mine { "off" } else { "on" })
                        class="btn btn-sm reaction"
                        aria-pressed=if mine { "true" } else { "false" }
                    >
                        {label(reaction)}
                        {(count > 0).then(|| view! { " " <span class="count">{count}</span> })}
                    </button>
                }).collect_view()}
            </div>
        </PostForm>
    }
    .into_any()
}

#[component]
fn TopicView(page: TopicPage) -> impl IntoView {
    let t = use_texts();
    let TopicPage {
        id,
        title,
        category_slug,
        category_name,
        locked,
        pinned,
        moderator,
        move_to,
        posts,
        page,
        pages,
        draft,
        held,
        answer,
        watch,
    } = page;
    let link_id = id.clone();
    let reply_target = format!("topic:{id}");
    let back = format!("{}?page={}", paths::community_topic(&id), page + 1);
    let (lock_topic, pin_topic, move_topic) = (id.clone(), id.clone(), id.clone());
    let tools = moderator.then(move || {
        let categories = (!move_to.is_empty()).then(|| {
            view! {
                <PostForm action=ChangeTopic::url() id="move_topic" class="watch-form">
                    <input type="hidden" name="topic" value=move_topic/>
                    <input type="hidden" name="change" value="move"/>
                    <SelectField name="category" label=t.community_move_label options=move_to required=true placeholder=t.field_choose/>
                    <SubmitButton label=t.community_move_submit class="btn btn-outline-secondary btn-sm"/>
                </PostForm>
            }
        });
        view! {
            <PostForm action=ChangeTopic::url() id="lock_topic">
                <input type="hidden" name="topic" value=lock_topic/>
                <input type="hidden" name="change" value=if locked { "unlock" } else { "lock" }/>
                <SubmitButton label=if locked { t.community_reopen } else { t.community_lock } class="btn btn-outline-secondary btn-sm"/>
            </PostForm>
            <PostForm action=ChangeTopic::url() id="pin_topic">
                <input type="hidden" name="topic" value=pin_topic/>
                <input type="hidden" name="change" value=if pinned { "unpin" } else { "pin" }/>
                <SubmitButton label=if pinned { t.community_unpin } else { t.community_pin } class="btn btn-outline-secondary btn-sm"/>
            </PostForm>
            {categories}
        }
        .into_any()
    });
    view! {
        <Title text=title.clone()/>
        <p class="breadcrumb">
            <A href=paths::COMMUNITY>{t.area_community_title}</A>" › "
            <A href=paths::community_category(&category_slug)>{category_name}</A>
        </p>
        <h1>{title}</h1>
        {answer.map(|AcceptedAnswer { author, link }| view! {
            <p class="alert alert-success answer-note">
                {fill(t.community_answer_note, &[("author", &author.unwrap_or_else(|| t.community_deleted_author.to_owned()))])}" "
                <a href=link>{t.community_answer_link}</a>
            </p>
        })}
        <div class="topic-tools">
            <WatchForm t place=format!("topic:{id}") levels=&WatchLevel::FOR_TOPIC current=watch back=back.clone()/>
            {tools}
        </div>
        <ol class="posts">
            {posts.into_iter().map(|post| view! { <Post t post topic=id.clone() moderator back=back.clone() quotable=!locked/> }).collect_view()}
        </ol>
        <Pagination page pages link=move |n| format!("{}?page={}", paths::community_topic(&link_id), n + 1)/>
        <HeldPosts t held/>
        {if locked {
            view! { <p class="alert alert-info" role="status">{t.community_locked_note}</p> }.into_any()
        } else {
            view! {
                <section class="panel" aria-labelledby="reply-title">
                    <h2 id="reply-title">{t.community_reply}</h2>
                    <PostForm action=Reply::url() id="reply">
                        <input type="hidden" name="id" value=id/>
                        <PostBody t draft label=t.community_body hint=t.community_body_hint keep_as=reply_target/>
                        <SubmitButton label=t.community_reply_submit/>
                    </PostForm>
                </section>
            }
            .into_any()
        }}
    }
}

fn silence_period_text(t: &'static Texts, period: SilencePeriod) -> &'static str {
    match period {
        SilencePeriod::Day => t.community_silence_day,
        SilencePeriod::Week => t.community_silence_week,
        SilencePeriod::Month => t.community_silence_month,
    }
}
