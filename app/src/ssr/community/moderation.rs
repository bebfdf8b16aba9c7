//! Moderation: members flag posts, moderators work the queue of flagged
//! (and held, see `approval`) posts in the categories they moderate, hide a post with a reason (its
//! author is told by mail), restore it, dismiss flags, close and reopen,
//! pin and move a topic. Every moderator's action goes to the audit log.

use std::collections::{BTreeMap, HashMap};

use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QueryOrder as _, TransactionTrait as _,
    prelude::Uuid, sea_query::Expr,
};

use super::{
    access::can_moderate,
    approval, findable,
    read::{district_of, name_in, post_for, topic_for},
};
use crate::{
    domain::{
        Problem, SessionUser,
        community::{FlagReason, FlaggedPost, ModeratorsQueue, SilencePeriod},
        rome_time,
    },
    i18n::Locale,
    routes::paths,
    ssr::{
        audit::{self, AuditRecord, REASON_MAX_CHARS, checked_reason},
        authz::{account_id, can_manage_user},
        clock,
        entities::{forum_category, forum_flag, forum_post, forum_topic, user},
        error::{ServiceError, ServiceResult, Validation},
        mail::{self, MailKind},
        people::names,
        sessions,
        state::AppState,
    },
};

/// A coordinator of a post's author's home district stops the author
/// writing in the community for `period`, saying why, or lets them write
/// again (no period); the author is told by mail, and the action audited.
pub async fn silence_author(
    state: &AppState,
    coordinator: &SessionUser,
    post_id: &str,
    period: Option<SilencePeriod>,
    reason: &str,
) -> ServiceResult<()> {
    let (post, _, _) = post_for(&state.db, coordinator, post_id).await?;
    let author = match post.author_id {
        Some(id) => user::Entity::find_by_id(id).one(&state.db).await?,
        None => None,
    }
    .ok_or(ServiceError::NotFound)?;
    let home = author.home();
    if !can_manage_user(coordinator, home) || author.id == account_id(coordinator)? {
        return Err(ServiceError::Forbidden);
    }
    let reason = if period.is_some() { checked_reason(reason)? } else { reason.trim() };
    let until = period.map(|period| clock::now() + i64::from(period.days()) * clock::DAY);
    let txn = state.db.begin().await?;
    user::Entity::update_many()
        .col_expr(user::Column::SilencedUntil, Expr::value(until))
        .filter(user::Column::Id.eq(author.id))
        .exec(&txn)
        .await?;
    let entry = AuditRecord {
        actor: Some(account_id(coordinator)?),
        action: if until.is_some() { "forum.member_silenced" } else { "forum.member_unsilenced" },
        subject_kind: "user",
        subject_id: author.id.to_string(),
        detail: until.map_or_else(|| reason.to_owned(), |until| format!("{} · {reason}", rome_time(until))),
        district: Some(home),
    };
    audit::record(&txn, entry).await?;
    if let Some(until) = until {
        let kind = MailKind::Silenced {
            name: author.name.clone(),
            until: rome_time(until),
            reason: reason.to_owned(),
            link: state.settings.link(paths::COMMUNITY),
        };
        mail::enqueue(&txn, &author.email, Locale::from_code(&author.locale).unwrap_or_default(), &kind).await?;
    }
    txn.commit().await?;
    sessions::changed(state, author.id);
    Ok(())
}

/// Records a moderator's action on `subject` in the audit log, in the
/// category's district.
pub(super) async fn audit_moderation(
    db: &impl ConnectionTrait,
    moderator: &SessionUser,
    action: &'static str,
    subject_kind: &'static str,
    subject: Uuid,
    detail: String,
    category: &forum_category::Model,
) -> ServiceResult<()> {
    let entry = AuditRecord {
        actor: Some(account_id(moderator)?),
        action,
        subject_kind,
        subject_id: subject.to_string(),
        detail,
        district: district_of(category),
    };
    audit::record(db, entry).await
}

/// Flags a post the reader can see; flagging it again changes nothing.
pub async fn flag(state: &AppState, reader: &SessionUser, post_id: &str, reason: &str, note: &str) -> ServiceResult<()> {
    let mut validation = Validation::default();
    let reason = validation.check("reason", FlagReason::from_code(reason).ok_or(Problem::ChoiceInvalid));
    if note.chars().count() > REASON_MAX_CHARS {
        validation.add("note", Problem::NoteTooLong);
    }
    validation.finish()?;
    let Some(reason) = reason else { return Err(ServiceError::Internal("validated reason missing".into())) };
    let (post, _, _) = post_for(&state.db, reader, post_id).await?;
    let row = forum_flag::ActiveModel {
        id: Set(Uuid::new_v4()),
        post_id: Set(post.id),
        reporter_id: Set(account_id(reader)?),
        reason: Set(reason.code().to_owned()),
        note: Set(note.trim().to_owned()),
        created_at: Set(clock::now()),
        resolved_at: Set(None),
    };
    forum_flag::Entity::insert(row)
        .on_conflict_do_nothing_on([forum_flag::Column::PostId, forum_flag::Column::ReporterId])
        .exec(&state.db)
        .await?;
    Ok(())
}

/// Whether the reader moderates any category at all: who may open the queue.
pub async fn moderates_anything(state: &AppState, reader: &SessionUser) -> ServiceResult<bool> {
    let categories = forum_category::Entity::find().all(&state.db).await?;
    Ok(categories.iter().any(|category| can_moderate(reader, category)))
}

/// The flagged posts of the categories the reader moderates, oldest flag
/// first, and the posts held there for approval.
pub async fn queue(state: &AppState, reader: &SessionUser) -> ServiceResult<ModeratorsQueue> {
    if !moderates_anything(state, reader).await? {
        return Err(ServiceError::Forbidden);
    }
    let categories: BTreeMap<String, forum_category::Model> = forum_category::Entity::find()
        .all(&state.db)
        .await?
        .into_iter()
        .filter(|c| can_moderate(reader, c))
        .map(|c| (c.slug.clone(), c))
        .collect();
    let open = forum_flag::Entity::find()
        .filter(forum_flag::Column::ResolvedAt.is_null())
        .order_by_asc(forum_flag::Column::CreatedAt)
        .all(&state.db)
        .await?;
    // The flagged posts with their topics, and their authors' names, in two queries.
    let posts: HashMap<Uuid, (forum_post::Model, forum_topic::Model)> = forum_post::Entity::find()
        .filter(forum_post::Column::Id.is_in(open.iter().map(|flag| flag.post_id)))
        .find_also_related(forum_topic::Entity)
        .all(&state.db)
        .await?
        .into_iter()
        .filter_map(|(post, topic)| Some((post.id, (post, topic?))))
        .collect();
    let authors = names(&state.db, posts.values().map(|(post, _)| post.author_id)).await?;
    let mut flagged: Vec<FlaggedPost> = Vec::new();
    for flag in open {
        let reason = (FlagReason::from_code(&flag.reason).unwrap_or(FlagReason::Other), flag.note);
        if let Some(entry) = flagged.iter_mut().find(|f| f.post_id == flag.post_id.to_string()) {
            entry.flags.push(reason);
            continue;
        }
        let Some((post, topic)) = posts.get(&flag.post_id) else { continue };
        let Some(category) = categories.get(&topic.category_slug) else { continue };
        flagged.push(FlaggedPost {
            post_id: post.id.to_string(),
            topic_id: topic.id.to_string(),
            topic_title: topic.title.clone(),
            category_name: name_in(category, reader.locale),
            author: post.author_id.and_then(|id| authors.get(&id).cloned()),
            html: post.body_html.clone(),
            flags: vec![reason],
        });
    }
    Ok(ModeratorsQueue { flagged, held: approval::queue(&state.db, reader, &categories).await? })
}

async fn resolve_flags(db: &impl ConnectionTrait, post: Uuid) -> ServiceResult<()> {
    forum_flag::Entity::update_many()
        .col_expr(forum_flag::Column::ResolvedAt, Expr::value(clock::now()))
        .filter(forum_flag::Column::PostId.eq(post))
        .filter(forum_flag::Column::ResolvedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

async fn moderated_post(
    state: &AppState,
    moderator: &SessionUser,
    post_id: &str,
) -> ServiceResult<(forum_post::Model, forum_topic::Model, forum_category::Model)> {
    let found = post_for(&state.db, moderator, post_id).await?;
    if can_moderate(moderator, &found.2) { Ok(found) } else { Err(ServiceError::Forbidden) }
}

/// Hides a post with a reason its author is told by mail; its flags are resolved.
pub async fn hide(state: &AppState, moderator: &SessionUser, post_id: &str, reason: &str) -> ServiceResult<()> {
    let (post, topic, category) = moderated_post(state, moderator, post_id).await?;
    let reason = checked_reason(reason)?;
    let txn = state.db.begin().await?;
    forum_post::Entity::update_many()
        .col_expr(forum_post::Column::Status, Expr::value("hidden"))
        .col_expr(forum_post::Column::HiddenReason, Expr::value(reason))
        .filter(forum_post::Column::Id.eq(post.id))
        .exec(&txn)
        .await?;
    resolve_flags(&txn, post.id).await?;
    findable::index_post(&txn, post.id).await?;
    audit_moderation(&txn, moderator, "forum.post_hidden", "post", post.id, reason.to_owned(), &category).await?;
    if let Some(author) = match post.author_id {
        Some(id) => user::Entity::find_by_id(id).one(&txn).await?,
        None => None,
    } {
        let kind = MailKind::PostHidden {
            name: author.name.clone(),
            topic: topic.title.clone(),
            reason: reason.to_owned(),
            link: state.settings.link(&paths::community_topic(&topic.id.to_string())),
        };
        mail::enqueue(&txn, &author.email, Locale::from_code(&author.locale).unwrap_or_default(), &kind).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Shows a hidden post again.
pub async fn restore(state: &AppState, moderator: &SessionUser, post_id: &str) -> ServiceResult<()> {
    let (post, _, category) = moderated_post(state, moderator, post_id).await?;
    let txn = state.db.begin().await?;
    forum_post::Entity::update_many()
        .col_expr(forum_post::Column::Status, Expr::value("visible"))
        .col_expr(forum_post::Column::HiddenReason, Expr::value(Option::<String>::None))
        .filter(forum_post::Column::Id.eq(post.id))
        .exec(&txn)
        .await?;
    findable::index_post(&txn, post.id).await?;
    audit_moderation(&txn, moderator, "forum.post_restored", "post", post.id, String::new(), &category).await?;
    txn.commit().await?;
    Ok(())
}

/// Leaves a flagged post as it is and takes it off the queue.
pub async fn dismiss_flags(state: &AppState, moderator: &SessionUser, post_id: &str) -> ServiceResult<()> {
    let (post, _, category) = moderated_post(state, moderator, post_id).await?;
    let txn = state.db.begin().await?;
    resolve_flags(&txn, post.id).await?;
    audit_moderation(&txn, moderator, "forum.flags_dismissed", "post", post.id, String::new(), &category).await?;
    txn.commit().await?;
    Ok(())
}

/// What a moderator does to a topic as a whole.
pub enum TopicChange {
    /// Closed to replies, or open again.
    Locked(bool),
    /// Kept at the top of its category, or not.
    Pinned(bool),
    /// Moved to another category the moderator moderates too.
    Moved(String),
}

/// A moderator of the topic's category changes the topic; audited.
pub async fn change_topic(state: &AppState, moderator: &SessionUser, topic_id: &str, change: TopicChange) -> ServiceResult<()> {
    let (topic, category) = topic_for(&state.db, moderator, topic_id).await?;
    if !can_moderate(moderator, &category) {
        return Err(ServiceError::Forbidden);
    }
    // What to write, with the category of a move looked up before the
    // transaction: on SQLite one that reads first fails if anyone wrote since.
    let (column, value, action, detail) = match change {
        TopicChange::Locked(locked) => (
            forum_topic::Column::Locked,
            locked.into(),
            if locked { "forum.topic_locked" } else { "forum.topic_unlocked" },
            topic.title.clone(),
        ),
        TopicChange::Pinned(pinned) => (
            forum_topic::Column::Pinned,
            pinned.into(),
            if pinned { "forum.topic_pinned" } else { "forum.topic_unpinned" },
            topic.title.clone(),
        ),
        TopicChange::Moved(slug) => {
            let target = forum_category::Entity::find_by_id(slug)
                .one(&state.db)
                .await?
                .filter(|target| target.slug != category.slug && can_moderate(moderator, target))
                .ok_or(ServiceError::field("category", Problem::ChoiceInvalid))?;
            let detail = format!("{}: {} → {}", topic.title, category.slug, target.slug);
            (forum_topic::Column::CategorySlug, target.slug.into(), "forum.topic_moved", detail)
        }
    };
    let moved = matches!(column, forum_topic::Column::CategorySlug);
    let txn = state.db.begin().await?;
    forum_topic::Entity::update_many()
        .col_expr(column, Expr::value::<sea_orm::Value>(value))
        .filter(forum_topic::Column::Id.eq(topic.id))
        .exec(&txn)
        .await?;
    if moved {
        // Search finds its posts where it now is, for whoever may read there.
        findable::index_topic(&txn, topic.id).await?;
    }
    audit_moderation(&txn, moderator, action, "topic", topic.id, detail, &category).await?;
    txn.commit().await?;
    Ok(())
}
