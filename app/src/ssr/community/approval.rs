//! Pre-moderation: a category may hold a member's first posts in it until
//! a moderator approves them (`approve_first_posts`). A held post waits
//! apart from the topics, seen by its author where they wrote it and by
//! the category's moderators in their queue; approved, it is published as
//! any post (and only then found by search and told to watchers);
//! rejected, its author is told why and finds the text again as a draft.

use std::collections::{BTreeMap, HashMap};

use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, PaginatorTrait as _, QueryFilter as _, QueryOrder as _,
    QuerySelect as _, RelationTrait as _, TransactionTrait as _, prelude::Uuid, sea_query::JoinType,
};

use super::{
    access::can_moderate,
    moderation::audit_moderation,
    read::{category_target, name_in, topic_target},
    write::{Publication, Submission, publish_reply, publish_topic},
};
use crate::{
    domain::{SessionUser, community::HeldPost},
    i18n::Locale,
    routes::paths,
    ssr::{
        audit::checked_reason,
        authz::account_id,
        clock, drafts,
        entities::{awaiting_post, forum_category, forum_post, forum_topic, post_draft, user},
        error::{ServiceError, ServiceResult},
        mail::{self, MailKind},
        notifications,
        state::AppState,
        user_markdown,
    },
};

/// Where a held post goes once approved.
pub enum Place<'a> {
    /// A new topic in this category.
    Category(&'a str),
    /// A reply in this topic.
    Topic(Uuid),
}

/// Whether `author`'s next post in `category` waits for approval: the
/// category holds a member's first posts, and they have published fewer
/// there than it holds. Its moderators' posts never wait.
pub async fn must_wait(db: &impl ConnectionTrait, author: &SessionUser, category: &forum_category::Model) -> ServiceResult<bool> {
    let Ok(held) = u64::try_from(category.approve_first_posts) else { return Ok(false) };
    if held == 0 || can_moderate(author, category) {
        return Ok(false);
    }
    let published = forum_post::Entity::find()
        .join(JoinType::InnerJoin, forum_post::Relation::Topic.def())
        .filter(forum_post::Column::AuthorId.eq(account_id(author)?))
        .filter(forum_topic::Column::CategorySlug.eq(&category.slug))
        .count(db)
        .await?;
    Ok(published < held)
}

/// Holds a checked submission for approval; the author's draft there is
/// done with.
pub async fn hold(db: &sea_orm::DatabaseConnection, author: Uuid, place: Place<'_>, submission: &Submission<'_>) -> ServiceResult<()> {
    let (category_slug, topic_id, target) = match place {
        Place::Category(slug) => (Some(slug.to_owned()), None, category_target(slug)),
        Place::Topic(topic) => (None, Some(topic), topic_target(topic)),
    };
    let txn = db.begin().await?;
    awaiting_post::Entity::insert(awaiting_post::ActiveModel {
        id: Set(Uuid::new_v4()),
        author_id: Set(author),
        category_slug: Set(category_slug),
        topic_id: Set(topic_id),
        title: Set(submission.title.trim().to_owned()),
        body: Set(submission.body.trim().to_owned()),
        created_at: Set(clock::now()),
    })
    .exec_without_returning(&txn)
    .await?;
    drafts::forget(&txn, author, &target).await?;
    txn.commit().await?;
    Ok(())
}

fn as_held(row: awaiting_post::Model, place: String, author: Option<String>) -> HeldPost {
    HeldPost { id: row.id.to_string(), title: row.title, html: user_markdown::render(&row.body), place, author, created_at: row.created_at }
}

/// What `reader` has waiting at `place` (a category's new topics, or a
/// topic's replies), oldest first; nothing where the category holds none.
pub async fn own_held(
    db: &impl ConnectionTrait,
    reader: Uuid,
    category: &forum_category::Model,
    place: Place<'_>,
) -> ServiceResult<Vec<HeldPost>> {
    if category.approve_first_posts == 0 {
        return Ok(Vec::new());
    }
    let mine = awaiting_post::Entity::find().filter(awaiting_post::Column::AuthorId.eq(reader));
    let mine = match place {
        Place::Category(slug) => mine.filter(awaiting_post::Column::CategorySlug.eq(slug)),
        Place::Topic(topic) => mine.filter(awaiting_post::Column::TopicId.eq(topic)),
    };
    let rows = mine.order_by_asc(awaiting_post::Column::CreatedAt).all(db).await?;
    Ok(rows.into_iter().map(|row| as_held(row, String::new(), None)).collect())
}

/// A held post with the category and, for a reply, the topic it would join.
struct Held {
    row: awaiting_post::Model,
    category: forum_category::Model,
    topic: Option<forum_topic::Model>,
}

async fn placed(db: &impl ConnectionTrait, row: awaiting_post::Model) -> ServiceResult<Option<Held>> {
    let topic = match row.topic_id {
        Some(id) => match forum_topic::Entity::find_by_id(id).one(db).await? {
            Some(topic) => Some(topic),
            None => return Ok(None),
        },
        None => None,
    };
    let Some(slug) = topic.as_ref().map(|t| t.category_slug.clone()).or_else(|| row.category_slug.clone()) else { return Ok(None) };
    let category = forum_category::Entity::find_by_id(slug).one(db).await?;
    Ok(category.map(|category| Held { row, category, topic }))
}

/// The posts held in `moderated` (the categories the reader moderates, by
/// slug), oldest first: the held posts with their authors, and the topics
/// the replies would join, in two queries.
pub async fn queue(
    db: &impl ConnectionTrait,
    reader: &SessionUser,
    moderated: &BTreeMap<String, forum_category::Model>,
) -> ServiceResult<Vec<HeldPost>> {
    let rows = awaiting_post::Entity::find().order_by_asc(awaiting_post::Column::CreatedAt).find_also_related(user::Entity).all(db).await?;
    let topics: HashMap<Uuid, forum_topic::Model> = forum_topic::Entity::find()
        .filter(forum_topic::Column::Id.is_in(rows.iter().filter_map(|(row, _)| row.topic_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|topic| (topic.id, topic))
        .collect();
    let mut held = Vec::with_capacity(rows.len());
    for (row, author) in rows {
        let topic = match row.topic_id {
            Some(id) => match topics.get(&id) {
                Some(topic) => Some(topic),
                None => continue,
            },
            None => None,
        };
        let Some(category) = topic.map(|t| &t.category_slug).or(row.category_slug.as_ref()).and_then(|slug| moderated.get(slug)) else {
            continue;
        };
        let category = name_in(category, reader.locale);
        let place = match topic {
            Some(topic) => format!("{} · {category}", topic.title),
            None => category,
        };
        held.push(as_held(row, place, author.map(|a| a.name)));
    }
    Ok(held)
}

/// The held post `id`, if `moderator` moderates where it would go.
async fn moderated(db: &impl ConnectionTrait, moderator: &SessionUser, id: &str) -> ServiceResult<Held> {
    let id = Uuid::parse_str(id).map_err(|_| ServiceError::NotFound)?;
    let row = awaiting_post::Entity::find_by_id(id).one(db).await?.ok_or(ServiceError::NotFound)?;
    let held = placed(db, row).await?.ok_or(ServiceError::NotFound)?;
    if can_moderate(moderator, &held.category) { Ok(held) } else { Err(ServiceError::Forbidden) }
}

/// A moderator approves a held post: it is published as its author wrote
/// it, now, and whom it concerns are told. Returns where it is read.
pub async fn approve(state: &AppState, moderator: &SessionUser, id: &str) -> ServiceResult<String> {
    let Held { row, category, topic } = moderated(&state.db, moderator, id).await?;
    let author = user::Entity::find_by_id(row.author_id).one(&state.db).await?.ok_or(ServiceError::NotFound)?;
    let txn = state.db.begin().await?;
    // Taken off the queue first: of two moderators approving at once, one
    // publishes it.
    if awaiting_post::Entity::delete_by_id(row.id).exec(&txn).await?.rows_affected == 0 {
        return Err(ServiceError::NotFound);
    }
    let publication = Publication { category: &category, author: author.id, author_name: &author.name, title: &row.title, body: &row.body };
    let (link, notified) = if let Some(topic) = &topic {
        publish_reply(&txn, state, topic, &publication).await?
    } else {
        let (id, notified) = publish_topic(&txn, state, &publication).await?;
        (paths::community_topic(&id.to_string()), notified)
    };
    audit_moderation(&txn, moderator, "forum.post_approved", "user", author.id, topic.map(|t| t.title).unwrap_or(row.title), &category)
        .await?;
    txn.commit().await?;
    notifications::changed(state, notified);
    Ok(link)
}

/// A moderator rejects a held post, saying why: its author is told by
/// mail, and finds the text again as their draft where they wrote it
/// (unless they have started another there, which is kept; the mail
/// carries the text too).
pub async fn reject(state: &AppState, moderator: &SessionUser, id: &str, reason: &str) -> ServiceResult<()> {
    let reason = checked_reason(reason)?;
    let Held { row, category, topic } = moderated(&state.db, moderator, id).await?;
    let author = user::Entity::find_by_id(row.author_id).one(&state.db).await?.ok_or(ServiceError::NotFound)?;
    let (target, place, link) = match &topic {
        Some(topic) => (topic_target(topic.id), topic.title.clone(), paths::community_topic(&topic.id.to_string())),
        None => (category_target(&category.slug), row.title.clone(), paths::community_category(&category.slug)),
    };
    let txn = state.db.begin().await?;
    if awaiting_post::Entity::delete_by_id(row.id).exec(&txn).await?.rows_affected == 0 {
        return Err(ServiceError::NotFound);
    }
    let returned = post_draft::Entity::find_by_id((author.id, target.clone())).one(&txn).await?.is_none();
    if returned {
        drafts::keep(&txn, author.id, &target, &row.title, &row.body).await?;
    }
    audit_moderation(&txn, moderator, "forum.post_rejected", "user", author.id, format!("{place} · {reason}"), &category).await?;
    let kind = MailKind::PostRejected {
        name: author.name.clone(),
        place,
        reason: reason.to_owned(),
        text: row.body.clone(),
        link: state.settings.link(&link),
    };
    mail::enqueue(&txn, &author.email, Locale::from_code(&author.locale).unwrap_or_default(), &kind).await?;
    txn.commit().await?;
    Ok(())
}
