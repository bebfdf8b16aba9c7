//! New topics and replies. What the author wrote is never lost: until a
//! post is saved, it waits as their draft for that category or topic, and
//! the page gives it back. Before saving, the privacy guard reads it; what
//! it finds is shown, and the post waits until the author has changed it
//! or confirmed it identifies nobody. Where the category holds a
//! newcomer's first posts for approval, the post waits for a moderator
//! (see `approval`), and is published by the same code once approved.

use sea_orm::{
    ActiveModelTrait as _,
    ActiveValue::Set,
    ColumnTrait as _, ConnectionTrait, DatabaseTransaction, EntityTrait as _, QueryFilter as _, TransactionTrait as _,
    prelude::Uuid,
    sea_query::{Expr, ExprTrait as _},
};

use super::{
    access::can_moderate,
    approval, findable, may_edit,
    moderation::audit_moderation,
    notify::{self, NewPost},
    post_link, post_target,
    read::{category_for, category_target, post_for, topic_for, topic_target},
};
use crate::{
    domain::{Problem, SessionUser},
    ssr::{
        authz::account_id,
        clock, drafts,
        entities::{forum_category, forum_flag, forum_post, forum_post_revision, forum_topic},
        error::{ServiceError, ServiceResult, Validation},
        notifications,
        state::AppState,
        user_markdown,
    },
};

pub const TITLE_MIN_CHARS: usize = 3;
pub const TITLE_MAX_CHARS: usize = 150;

/// A post as submitted.
pub struct Submission<'a> {
    /// Empty for a reply.
    pub title: &'a str,
    pub body: &'a str,
    /// The author has read the privacy guard's findings and keeps the text.
    pub privacy_confirmed: bool,
    /// The author asks to see it rendered, not to publish it yet.
    pub preview: bool,
}

/// What became of a submission.
#[derive(Debug)]
pub enum Outcome {
    /// Published: it is read at this address.
    Published(String),
    /// Held until a moderator approves it.
    AwaitingApproval,
    /// Kept as the author's draft, which the form shows rendered.
    Previewed,
}

/// Checks a submission: problems with the fields, then the privacy guard.
/// On any refusal the text is kept as the author's draft at `target`.
async fn check(
    db: &impl ConnectionTrait,
    author: &SessionUser,
    target: &str,
    submission: &Submission<'_>,
    with_title: bool,
) -> ServiceResult<()> {
    if author.is_silenced(clock::now()) {
        drafts::keep(db, account_id(author)?, target, submission.title, submission.body).await?;
        return Err(ServiceError::Refused(Problem::Silenced));
    }
    let mut validation = Validation::default();
    let title_chars = submission.title.trim().chars().count();
    if with_title && !(TITLE_MIN_CHARS..=TITLE_MAX_CHARS).contains(&title_chars) {
        validation.add("title", if title_chars == 0 { Problem::Required } else { Problem::TitleInvalid });
    }
    user_markdown::check_body(&mut validation, submission.title, submission.body, submission.privacy_confirmed);
    let result = validation.finish();
    if result.is_err() {
        drafts::keep(db, account_id(author)?, target, submission.title, submission.body).await?;
    }
    result
}

async fn insert_post(db: &impl ConnectionTrait, topic: Uuid, position: i32, author: Uuid, body: &str, now: i64) -> ServiceResult<Uuid> {
    let id = Uuid::new_v4();
    forum_post::ActiveModel {
        id: Set(id),
        topic_id: Set(topic),
        position: Set(position),
        author_id: Set(Some(author)),
        body_markdown: Set(body.to_owned()),
        body_html: Set(user_markdown::render(body)),
        status: Set("visible".to_owned()),
        created_at: Set(now),
        edited_at: Set(None),
        hidden_reason: Set(None),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// A post about to be published: by its author, or by a moderator
/// approving it.
pub(super) struct Publication<'a> {
    pub category: &'a forum_category::Model,
    pub author: Uuid,
    pub author_name: &'a str,
    /// Empty for a reply.
    pub title: &'a str,
    pub body: &'a str,
}

/// Saves a new topic with its first post, findable, and records whom it
/// concerns; returns the topic and the members told of it.
pub(super) async fn publish_topic(
    txn: &DatabaseTransaction,
    state: &AppState,
    publication: &Publication<'_>,
) -> ServiceResult<(Uuid, Vec<Uuid>)> {
    let now = clock::now();
    let id = Uuid::new_v4();
    let title = publication.title.trim();
    forum_topic::ActiveModel {
        id: Set(id),
        category_slug: Set(publication.category.slug.clone()),
        title: Set(title.to_owned()),
        author_id: Set(Some(publication.author)),
        created_at: Set(now),
        last_post_at: Set(now),
        post_count: Set(1),
        pinned: Set(false),
        locked: Set(false),
        accepted_post_id: Set(None),
    }
    .insert(txn)
    .await?;
    let body = publication.body.trim();
    let post = insert_post(txn, id, 1, publication.author, body, now).await?;
    findable::index_post(txn, post).await?;
    let new_post = NewPost {
        category: publication.category,
        topic: id,
        topic_title: title,
        post,
        position: 1,
        author: publication.author,
        author_name: publication.author_name,
        body,
    };
    let notified = notify::on_new_post(txn, state, &new_post).await?;
    Ok((id, notified))
}

/// Saves a reply at the end of `topic`, findable, and records whom it
/// concerns; returns where it is read and the members told of it.
pub(super) async fn publish_reply(
    txn: &DatabaseTransaction,
    state: &AppState,
    topic: &forum_topic::Model,
    publication: &Publication<'_>,
) -> ServiceResult<(String, Vec<Uuid>)> {
    let now = clock::now();
    // The count first: its write holds the topic's row (PostgreSQL) or the
    // database (SQLite), so two replies at once get the next two positions.
    forum_topic::Entity::update_many()
        .col_expr(forum_topic::Column::PostCount, Expr::col(forum_topic::Column::PostCount).add(1))
        .col_expr(forum_topic::Column::LastPostAt, Expr::value(now))
        .filter(forum_topic::Column::Id.eq(topic.id))
        .exec(txn)
        .await?;
    let position = forum_topic::Entity::find_by_id(topic.id).one(txn).await?.map_or(1, |t| t.post_count);
    let body = publication.body.trim();
    let post = insert_post(txn, topic.id, position, publication.author, body, now).await?;
    findable::index_post(txn, post).await?;
    let new_post = NewPost {
        category: publication.category,
        topic: topic.id,
        topic_title: &topic.title,
        post,
        position,
        author: publication.author,
        author_name: publication.author_name,
        body,
    };
    let notified = notify::on_new_post(txn, state, &new_post).await?;
    Ok((post_link(topic.id, position, post), notified))
}

/// Opens a topic in the category `slug` with its first post.
pub async fn create_topic(state: &AppState, reader: &SessionUser, slug: &str, submission: &Submission<'_>) -> ServiceResult<Outcome> {
    let category = category_for(&state.db, reader, slug).await?;
    let author = account_id(reader)?;
    let target = category_target(&category.slug);
    if submission.preview {
        drafts::keep(&state.db, author, &target, submission.title, submission.body).await?;
        return Ok(Outcome::Previewed);
    }
    check(&state.db, reader, &target, submission, true).await?;
    if approval::must_wait(&state.db, reader, &category).await? {
        approval::hold(&state.db, author, approval::Place::Category(&category.slug), submission).await?;
        return Ok(Outcome::AwaitingApproval);
    }
    let txn = state.db.begin().await?;
    let publication =
        Publication { category: &category, author, author_name: &reader.name, title: submission.title, body: submission.body };
    let (id, notified) = publish_topic(&txn, state, &publication).await?;
    drafts::forget(&txn, author, &target).await?;
    txn.commit().await?;
    notifications::changed(state, notified);
    Ok(Outcome::Published(crate::routes::paths::community_topic(&id.to_string())))
}

/// Adds a reply to the topic `id`, unless it is locked.
pub async fn reply(state: &AppState, reader: &SessionUser, id: &str, submission: &Submission<'_>) -> ServiceResult<Outcome> {
    let (topic, category) = topic_for(&state.db, reader, id).await?;
    let author = account_id(reader)?;
    let target = topic_target(topic.id);
    if submission.preview {
        drafts::keep(&state.db, author, &target, submission.title, submission.body).await?;
        return Ok(Outcome::Previewed);
    }
    if topic.locked {
        drafts::keep(&state.db, author, &target, submission.title, submission.body).await?;
        return Err(ServiceError::Refused(Problem::TopicLocked));
    }
    check(&state.db, reader, &target, submission, false).await?;
    if approval::must_wait(&state.db, reader, &category).await? {
        approval::hold(&state.db, author, approval::Place::Topic(topic.id), submission).await?;
        return Ok(Outcome::AwaitingApproval);
    }
    let txn = state.db.begin().await?;
    let publication = Publication { category: &category, author, author_name: &reader.name, title: "", body: submission.body };
    let (link, notified) = publish_reply(&txn, state, &topic, &publication).await?;
    drafts::forget(&txn, author, &target).await?;
    txn.commit().await?;
    notifications::changed(state, notified);
    Ok(Outcome::Published(link))
}

/// Replaces a post's text, keeping the old one for moderators: its author
/// within the edit window, or a moderator at any time. Checked like a new
/// post, privacy guard included; a refused edit waits as a draft.
pub async fn edit(state: &AppState, reader: &SessionUser, id: &str, submission: &Submission<'_>) -> ServiceResult<Outcome> {
    let (post, topic, category) = post_for(&state.db, reader, id).await?;
    let editor = account_id(reader)?;
    let moderator = can_moderate(reader, &category);
    if !may_edit(editor, moderator, &post, clock::now(), state.settings.community_edit_seconds) {
        return Err(if post.author_id == Some(editor) { ServiceError::Refused(Problem::EditWindowOver) } else { ServiceError::Forbidden });
    }
    let target = post_target(post.id);
    if submission.preview {
        drafts::keep(&state.db, editor, &target, submission.title, submission.body).await?;
        return Ok(Outcome::Previewed);
    }
    check(&state.db, reader, &target, submission, false).await?;
    let now = clock::now();
    let body = submission.body.trim();
    let txn = state.db.begin().await?;
    forum_post_revision::ActiveModel {
        id: Set(Uuid::new_v4()),
        post_id: Set(post.id),
        body_markdown: Set(post.body_markdown.clone()),
        replaced_at: Set(now),
        editor_id: Set(Some(editor)),
    }
    .insert(&txn)
    .await?;
    forum_post::Entity::update_many()
        .col_expr(forum_post::Column::BodyMarkdown, Expr::value(body))
        .col_expr(forum_post::Column::BodyHtml, Expr::value(user_markdown::render(body)))
        .col_expr(forum_post::Column::EditedAt, Expr::value(now))
        .filter(forum_post::Column::Id.eq(post.id))
        .exec(&txn)
        .await?;
    findable::index_post(&txn, post.id).await?;
    drafts::forget(&txn, editor, &target).await?;
    if post.author_id != Some(editor) {
        audit_moderation(&txn, reader, "forum.post_edited", "post", post.id, String::new(), &category).await?;
    }
    // Whom the new text mentions for the first time hear of it, from its author.
    let notified = match post.author_id {
        Some(author) => {
            let author_name = if author == editor {
                Some(reader.name.clone())
            } else {
                crate::ssr::people::names(&txn, std::iter::once(Some(author))).await?.remove(&author)
            };
            let edited = NewPost {
                category: &category,
                topic: topic.id,
                topic_title: &topic.title,
                post: post.id,
                position: post.position,
                author,
                author_name: author_name.as_deref().unwrap_or_default(),
                body,
            };
            notify::on_edit(&txn, state, &edited, &post.body_markdown).await?
        }
        None => Vec::new(),
    };
    txn.commit().await?;
    notifications::changed(state, notified);
    Ok(Outcome::Published(post_link(post.topic_id, post.position, post.id)))
}

/// Its author deletes a post: its text and earlier versions go, its place
/// in the topic stays, marked as removed.
pub async fn delete_own(state: &AppState, reader: &SessionUser, id: &str) -> ServiceResult<Uuid> {
    let (post, _, _) = post_for(&state.db, reader, id).await?;
    if post.author_id != Some(account_id(reader)?) {
        return Err(ServiceError::Forbidden);
    }
    let txn = state.db.begin().await?;
    forum_post::Entity::update_many()
        .col_expr(forum_post::Column::Status, Expr::value("deleted"))
        .col_expr(forum_post::Column::BodyMarkdown, Expr::value(""))
        .col_expr(forum_post::Column::BodyHtml, Expr::value(""))
        .filter(forum_post::Column::Id.eq(post.id))
        .exec(&txn)
        .await?;
    forum_post_revision::Entity::delete_many().filter(forum_post_revision::Column::PostId.eq(post.id)).exec(&txn).await?;
    forum_flag::Entity::delete_many().filter(forum_flag::Column::PostId.eq(post.id)).exec(&txn).await?;
    findable::index_post(&txn, post.id).await?;
    txn.commit().await?;
    Ok(post.topic_id)
}
