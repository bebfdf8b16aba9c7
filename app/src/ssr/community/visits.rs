//! How far each member has read each topic: the place of the last post a
//! topic page showed them. A category lists how many posts are new since,
//! with a link to the first of them; the topic marks where they begin.
//! A page read again writes nothing: only a step forward is recorded.

use std::collections::HashMap;

use sea_orm::{ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, prelude::Uuid, sea_query::Expr};

use super::POSTS_PER_PAGE;
use crate::{
    routes::paths,
    ssr::{entities::topic_visit, error::ServiceResult},
};

/// The place of the last post of `topic` that `reader` was shown, if any.
pub(super) async fn last_read(db: &impl ConnectionTrait, reader: Uuid, topic: Uuid) -> ServiceResult<Option<i32>> {
    Ok(topic_visit::Entity::find_by_id((reader, topic)).one(db).await?.map(|visit| visit.last_position))
}

/// Records that `reader` was shown `topic` up to `position`, where that is
/// further than `before` (what [`last_read`] said).
pub(super) async fn record(db: &impl ConnectionTrait, reader: Uuid, topic: Uuid, before: Option<i32>, position: i32) -> ServiceResult<()> {
    match before {
        Some(before) if before >= position => {}
        Some(_) => {
            topic_visit::Entity::update_many()
                .col_expr(topic_visit::Column::LastPosition, Expr::value(position))
                .filter(topic_visit::Column::UserId.eq(reader))
                .filter(topic_visit::Column::TopicId.eq(topic))
                // Another page read at the same time may have gone further.
                .filter(topic_visit::Column::LastPosition.lt(position))
                .exec(db)
                .await?;
        }
        None => {
            topic_visit::Entity::insert(topic_visit::ActiveModel {
                user_id: Set(reader),
                topic_id: Set(topic),
                last_position: Set(position),
            })
            .on_conflict_do_nothing()
            .exec_without_returning(db)
            .await?;
        }
    }
    Ok(())
}

/// How far `reader` has read each of `topics` they have opened.
pub(super) async fn read_up_to(
    db: &impl ConnectionTrait,
    reader: Uuid,
    topics: impl Iterator<Item = Uuid>,
) -> ServiceResult<HashMap<Uuid, i32>> {
    Ok(topic_visit::Entity::find()
        .filter(topic_visit::Column::UserId.eq(reader))
        .filter(topic_visit::Column::TopicId.is_in(topics))
        .all(db)
        .await?
        .into_iter()
        .map(|visit| (visit.topic_id, visit.last_position))
        .collect())
}

/// Where the first post after place `last_read` of `topic` is read.
pub(super) fn first_unread_link(topic: Uuid, last_read: i32) -> String {
    let page = u64::try_from(last_read.max(0)).unwrap_or(0) / POSTS_PER_PAGE;
    format!("{}?page={}#first-unread", paths::community_topic(&topic.to_string()), page + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_unread_post_is_on_the_page_after_the_last_one_read() {
        let topic = Uuid::nil();
        assert_eq!(first_unread_link(topic, 1), format!("/community/t/{topic}?page=1#first-unread"));
        assert_eq!(first_unread_link(topic, 19), format!("/community/t/{topic}?page=1#first-unread"));
        assert_eq!(first_unread_link(topic, 20), format!("/community/t/{topic}?page=2#first-unread"), "the 21st post opens page 2");
    }
}
