//! Reactions and the accepted answer: members react to others' posts with
//! one of a few fixed reactions, each once; a topic's author, or a
//! moderator, marks the reply that answered it.

use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, EntityTrait as _, QueryFilter as _, TransactionTrait as _, prelude::Uuid, sea_query::Expr,
};

use super::{
    access::can_moderate,
    moderation::audit_moderation,
    read::{post_for, topic_for},
};
use crate::{
    domain::{Problem, SessionUser, community::Reaction},
    ssr::{
        authz::account_id,
        clock,
        entities::{forum_post, forum_reaction, forum_topic},
        error::{ServiceError, ServiceResult},
        state::AppState,
    },
};

/// Adds (`on`) or takes back the reader's `reaction` to post `post_id`;
/// returns the post's topic. Reacting the same way twice is refused.
pub async fn react(state: &AppState, reader: &SessionUser, post_id: &str, reaction: &str, on: bool) -> ServiceResult<Uuid> {
    let reaction = Reaction::from_code(reaction).ok_or(ServiceError::field("change", Problem::ChoiceInvalid))?;
    let (post, _, _) = post_for(&state.db, reader, post_id).await?;
    let me = account_id(reader)?;
    if post.status != "visible" {
        return Err(ServiceError::NotFound);
    }
    if post.author_id == Some(me) {
        return Err(ServiceError::Refused(Problem::OwnPost));
    }
    let key = (post.id, me, reaction.code().to_owned());
    let existing = forum_reaction::Entity::find_by_id(key.clone()).one(&state.db).await?;
    match (on, existing) {
        (true, Some(_)) => return Err(ServiceError::Refused(Problem::AlreadyReacted)),
        (true, None) => {
            let row = forum_reaction::ActiveModel {
                post_id: Set(post.id),
                user_id: Set(me),
                kind: Set(reaction.code().to_owned()),
                created_at: Set(clock::now()),
            };
            // Two presses at once: the second finds the first's row.
            forum_reaction::Entity::insert(row).on_conflict_do_nothing().exec_without_returning(&state.db).await?;
        }
        (false, _) => {
            forum_reaction::Entity::delete_by_id(key).exec(&state.db).await?;
        }
    }
    Ok(post.topic_id)
}

/// Marks reply `post_id` as the answer of topic `topic_id` (`accepted`),
/// or unmarks it: the topic's author, or a moderator of its category. The
/// answer is a visible reply of the same topic.
pub async fn set_accepted(state: &AppState, reader: &SessionUser, topic_id: &str, post_id: &str, accepted: bool) -> ServiceResult<Uuid> {
    let (topic, category) = topic_for(&state.db, reader, topic_id).await?;
    let me = account_id(reader)?;
    if topic.author_id != Some(me) && !can_moderate(reader, &category) {
        return Err(ServiceError::Forbidden);
    }
    let (post, _, _) = post_for(&state.db, reader, post_id).await?;
    if post.topic_id != topic.id || !may_be_answer(&post) {
        return Err(ServiceError::field("post", Problem::ChoiceInvalid));
    }
    let answer = if accepted {
        Some(post.id)
    } else if topic.accepted_post_id == Some(post.id) {
        None
    } else {
        // Not the answer already: nothing to unmark.
        return Ok(topic.id);
    };
    let txn = state.db.begin().await?;
    forum_topic::Entity::update_many()
        .col_expr(forum_topic::Column::AcceptedPostId, Expr::value(answer))
        .filter(forum_topic::Column::Id.eq(topic.id))
        .exec(&txn)
        .await?;
    if topic.author_id != Some(me) {
        let action = if accepted { "forum.answer_accepted" } else { "forum.answer_cleared" };
        audit_moderation(&txn, reader, action, "post", post.id, String::new(), &category).await?;
    }
    txn.commit().await?;
    Ok(topic.id)
}

/// Whether post `post` is a topic's visible reply, so it may be the answer.
pub fn may_be_answer(post: &forum_post::Model) -> bool {
    post.position > 1 && post.status == "visible"
}
