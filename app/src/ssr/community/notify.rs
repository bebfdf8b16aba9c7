//! Whom a new post concerns, and how a community notification reads.
//!
//! A new post notifies the members who watch its topic, or who watch its
//! category (or follow it, for a new topic) without having muted the topic,
//! and those it @mentions; never its author, and only members who may still
//! take part in the category. Authors watch the topics they open or reply to, unless they
//! chose otherwise. Those who want mail at once get it in the same
//! transaction, through the outbox.

use std::collections::HashMap;

use sea_orm::{ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QuerySelect as _, prelude::Uuid};

use super::{
    access::member_may_take_part,
    post_link,
    read::{category_for, category_target, name_in, topic_for, topic_target},
};
use crate::{
    domain::{
        Problem, SessionUser, UserStatus,
        notifications::{MailFrequency, NotificationKind, NotificationView, WatchLevel},
    },
    i18n::Locale,
    ssr::{
        authz::account_id,
        entities::{forum_category, forum_post, forum_topic, notification, user, user_role},
        error::{ServiceError, ServiceResult},
        handles,
        mail::{self, MailKind},
        notifications::{self, NewNotification, unsubscribe},
        people::names,
        search::analysis::plain_text,
        sessions::grant_of,
        state::AppState,
    },
};

/// Characters of a post quoted in a notification.
const EXCERPT_CHARS: usize = 240;

/// The start of a post's text, as a notification quotes it.
pub fn excerpt(markdown: &str) -> String {
    let text = plain_text(markdown);
    if text.chars().count() <= EXCERPT_CHARS {
        return text;
    }
    let cut: String = text.chars().take(EXCERPT_CHARS).collect();
    // End on a whole word.
    format!("{}…", cut.rsplit_once(' ').map_or(cut.as_str(), |(start, _)| start))
}

/// A post just written, as its notifications need it.
pub struct NewPost<'a> {
    pub category: &'a forum_category::Model,
    pub topic: Uuid,
    pub topic_title: &'a str,
    pub post: Uuid,
    pub position: i32,
    pub author: Uuid,
    pub author_name: &'a str,
    pub body: &'a str,
}

/// Whether a member's levels for a topic and its category ask to hear of
/// a post in it.
fn wants(topic: Option<WatchLevel>, category: Option<WatchLevel>, new_topic: bool) -> bool {
    match topic {
        Some(level) => level == WatchLevel::Watching,
        None => category == Some(WatchLevel::Watching) || (new_topic && category == Some(WatchLevel::Following)),
    }
}

/// Notifies whom `post` concerns, in the caller's transaction, and has its
/// author watch the topic. Returns the members notified, for
/// [`notifications::changed`] once the transaction has committed.
pub async fn on_new_post(db: &impl ConnectionTrait, state: &AppState, post: &NewPost<'_>) -> ServiceResult<Vec<Uuid>> {
    let new_topic = post.position == 1;
    let topic_key = topic_target(post.topic);
    let category_key = category_target(&post.category.slug);
    notifications::watch_unless_set(db, post.author, &topic_key).await?;
    let mut levels: HashMap<Uuid, (Option<WatchLevel>, Option<WatchLevel>)> = HashMap::new();
    for (member, target, level) in notifications::levels(db, &[topic_key.clone(), category_key], post.author).await? {
        let entry = levels.entry(member).or_default();
        if target == topic_key {
            entry.0 = Some(level);
        } else {
            entry.1 = Some(level);
        }
    }
    let watching = if new_topic { NotificationKind::NewTopic } else { NotificationKind::Reply };
    let mut wanted: HashMap<Uuid, NotificationKind> =
        levels.iter().filter(|(_, (topic, category))| wants(*topic, *category, new_topic)).map(|(member, _)| (*member, watching)).collect();
    // Those it mentions, unless they muted the topic; a mention says more
    // than a watched topic, so it is what they are told.
    for member in mentioned(db, handles::mentioned(post.body), post.author).await? {
        if levels.get(&member).and_then(|(topic, _)| *topic) != Some(WatchLevel::Muted) {
            wanted.insert(member, NotificationKind::Mention);
        }
    }
    deliver(db, state, post, wanted).await
}

/// The members other than `author` with one of `handles`.
async fn mentioned(db: &impl ConnectionTrait, handles: Vec<String>, author: Uuid) -> ServiceResult<Vec<Uuid>> {
    if handles.is_empty() {
        return Ok(Vec::new());
    }
    Ok(user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Handle.is_in(handles))
        .filter(user::Column::Id.ne(author))
        .into_tuple()
        .all(db)
        .await?)
}

/// When a post's text changes from `earlier`, tells the members it now
/// mentions and did not before, unless they muted the topic or were told
/// of this post already. Returns whom it told.
pub async fn on_edit(db: &impl ConnectionTrait, state: &AppState, post: &NewPost<'_>, earlier: &str) -> ServiceResult<Vec<Uuid>> {
    let before = handles::mentioned(earlier);
    let added: Vec<String> = handles::mentioned(post.body).into_iter().filter(|handle| !before.contains(handle)).collect();
    let candidates = mentioned(db, added, post.author).await?;
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    let topic_key = topic_target(post.topic);
    let muted: Vec<Uuid> = notifications::levels(db, std::slice::from_ref(&topic_key), post.author)
        .await?
        .into_iter()
        .filter(|(_, _, level)| *level == WatchLevel::Muted)
        .map(|(member, _, _)| member)
        .collect();
    let told: Vec<Uuid> = notification::Entity::find()
        .select_only()
        .column(notification::Column::UserId)
        .filter(notification::Column::PostId.eq(post.post))
        .into_tuple()
        .all(db)
        .await?;
    let wanted = candidates
        .into_iter()
        .filter(|member| !muted.contains(member) && !told.contains(member))
        .map(|member| (member, NotificationKind::Mention))
        .collect();
    deliver(db, state, post, wanted).await
}

/// Tells each of `wanted` of `post` as the kind given, if they may still
/// take part in its category: stored, and mailed now to those who want
/// mail at once. Returns whom it told.
async fn deliver(
    db: &impl ConnectionTrait,
    state: &AppState,
    post: &NewPost<'_>,
    wanted: HashMap<Uuid, NotificationKind>,
) -> ServiceResult<Vec<Uuid>> {
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let topic_key = topic_target(post.topic);
    let members = user::Entity::find()
        .filter(user::Column::Id.is_in(wanted.keys().copied()))
        .filter(user::Column::Status.eq(UserStatus::Active.code()))
        .find_with_related(user_role::Entity)
        .all(db)
        .await?;
    let link = state.settings.link(&post_link(post.topic, post.position, post.post));
    let mut stored = Vec::new();
    for (member, roles) in members {
        let grants: Vec<_> = roles.iter().filter_map(grant_of).collect();
        let home = member.home();
        let Some(&kind) = wanted.get(&member.id).filter(|_| member_may_take_part(home, &grants, post.category)) else {
            continue;
        };
        let at_once = MailFrequency::from_code(&member.notify_mail).unwrap_or_default() == MailFrequency::Immediately;
        if at_once {
            let locale = Locale::from_code(&member.locale).unwrap_or_default();
            let mail = MailKind::NewPost {
                name: member.name.clone(),
                actor: post.author_name.to_owned(),
                topic: post.topic_title.to_owned(),
                category: name_in(post.category, locale),
                excerpt: excerpt(post.body),
                link: link.clone(),
                kind,
                unsubscribe: unsubscribe::link(&state.settings, &state.signing_key, member.id),
            };
            mail::enqueue(db, &member.email, locale, &mail).await?;
        }
        stored.push(NewNotification {
            recipient: member.id,
            kind,
            target: topic_key.clone(),
            post: post.post,
            actor: Some(post.author),
            mailed: at_once,
        });
    }
    let notified = stored.iter().map(|n| n.recipient).collect();
    notifications::store(db, stored).await?;
    Ok(notified)
}

/// Sets how closely the reader follows `place`: a category
/// (`category:<slug>`) or a topic (`topic:<id>`) they may take part in.
pub async fn set_watch(state: &AppState, reader: &SessionUser, place: &str, level: &str) -> ServiceResult<()> {
    let level = WatchLevel::from_code(level).ok_or(ServiceError::field("level", Problem::ChoiceInvalid))?;
    let target = match place.split_once(':') {
        Some(("category", slug)) => category_target(&category_for(&state.db, reader, slug).await?.slug),
        Some(("topic", id)) if WatchLevel::FOR_TOPIC.contains(&level) => topic_target(topic_for(&state.db, reader, id).await?.0.id),
        Some(("topic", _)) => return Err(ServiceError::field("level", Problem::ChoiceInvalid)),
        _ => return Err(ServiceError::NotFound),
    };
    notifications::set_level(&state.db, account_id(reader)?, &target, level).await
}

/// How stored notifications read in `locale`, leaving out those of
/// categories `may_see` refuses (a member who lost access) and of posts no
/// longer there. A post no longer shown to everyone is named, not quoted.
pub async fn describe(
    db: &impl ConnectionTrait,
    rows: &[notification::Model],
    locale: Locale,
    may_see: impl Fn(&forum_category::Model) -> bool,
) -> ServiceResult<Vec<NotificationView>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let posts: HashMap<Uuid, (forum_post::Model, forum_topic::Model)> = forum_post::Entity::find()
        .filter(forum_post::Column::Id.is_in(rows.iter().map(|row| row.post_id)))
        .find_also_related(forum_topic::Entity)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(post, topic)| Some((post.id, (post, topic?))))
        .collect();
    let categories: HashMap<String, forum_category::Model> =
        forum_category::Entity::find().all(db).await?.into_iter().map(|category| (category.slug.clone(), category)).collect();
    let actors = names(db, rows.iter().map(|row| row.actor_id)).await?;
    Ok(rows
        .iter()
        .filter_map(|row| {
            let kind = NotificationKind::from_code(&row.kind)?;
            let (post, topic) = posts.get(&row.post_id)?;
            let category = categories.get(&topic.category_slug).filter(|category| may_see(category))?;
            Some(NotificationView {
                kind,
                actor: row.actor_id.and_then(|id| actors.get(&id).cloned()),
                topic: topic.title.clone(),
                category: name_in(category, locale),
                excerpt: (post.status == "visible").then(|| excerpt(&post.body_markdown)),
                link: post_link(topic.id, post.position, post.id),
                created_at: row.created_at,
                unread: row.read_at.is_none(),
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_level_decides_before_the_category_level() {
        use WatchLevel::{Following, Muted, Watching};
        assert!(wants(Some(Watching), None, false));
        assert!(wants(Some(Watching), Some(Muted), false), "a watched topic in a muted category");
        assert!(!wants(Some(Muted), Some(Watching), false), "a muted topic in a watched category");
        assert!(wants(None, Some(Watching), false));
        assert!(!wants(None, Some(Following), false), "following a category tells of new topics only");
        assert!(wants(None, Some(Following), true));
        assert!(!wants(None, Some(Muted), true));
        assert!(!wants(None, None, true));
    }

    #[test]
    fn a_long_post_is_quoted_up_to_a_whole_word() {
        let long = "parola ".repeat(100);
        let quoted = excerpt(&long);
        assert!(quoted.ends_with("parola…"), "{quoted}");
        assert!(quoted.chars().count() <= EXCERPT_CHARS + 1);
        assert_eq!(excerpt("Un **breve** messaggio."), "Un breve messaggio.");
    }
}
