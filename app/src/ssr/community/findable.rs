//! The community in the shared search: each visible post is a document
//! scoped to its category, written as posts are saved, edited, hidden,
//! restored or deleted, so search never finds what the topic page would
//! not show. Readers search the categories they may take part in.

use sea_orm::{
    ColumnTrait as _, Condition, ConnectionTrait, EntityTrait as _, QueryFilter as _, QueryOrder as _, QuerySelect as _, prelude::Uuid,
};

use super::{access::can_take_part, post_link, read::name_in};
use crate::{
    domain::{SessionUser, search::SearchPlace},
    i18n::Locale,
    ssr::{
        entities::{forum_category, forum_post, forum_topic},
        error::ServiceResult,
        search::{self, Document, analysis},
    },
};

const KIND: &str = "post";

/// The document of a visible post; `body` is its plain text.
fn document<'a>(post: &forum_post::Model, topic: &'a forum_topic::Model, body: &'a str) -> Document<'a> {
    Document {
        kind: KIND,
        source_id: post.id.to_string(),
        scope: topic.category_slug.clone(),
        title: &topic.title,
        body,
        title_is_searched: post.position == 1,
        link: post_link(topic.id, post.position, post.id),
        author: post.author_id,
        created_at: post.created_at,
    }
}

/// Brings the index in step with post `id` as it now is: written if it is
/// visible, taken out otherwise.
pub async fn index_post(db: &impl ConnectionTrait, id: Uuid) -> ServiceResult<()> {
    match forum_post::Entity::find_by_id(id).find_also_related(forum_topic::Entity).one(db).await? {
        Some((post, Some(topic))) if post.status == "visible" => {
            let body = analysis::plain_text(&post.body_markdown);
            search::put(db, document(&post, &topic, &body)).await
        }
        _ => search::remove(db, KIND, &id.to_string()).await,
    }
}

/// Posts written per batch when the whole community is indexed again.
const BATCH: u64 = 500;

/// Writes every visible post to the index; returns how many.
pub async fn index_all(db: &impl ConnectionTrait) -> ServiceResult<u64> {
    index_visible(db, Condition::all()).await
}

/// Writes a topic's visible posts to the index again (after it moved to
/// another category: its posts are found where it now is).
pub async fn index_topic(db: &impl ConnectionTrait, topic: Uuid) -> ServiceResult<u64> {
    index_visible(db, Condition::all().add(forum_post::Column::TopicId.eq(topic))).await
}

/// Writes the visible posts `matching` to the index, a batch at a time;
/// returns how many.
async fn index_visible(db: &impl ConnectionTrait, matching: Condition) -> ServiceResult<u64> {
    let mut written = 0;
    let mut offset = 0;
    loop {
        let batch = forum_post::Entity::find()
            .find_also_related(forum_topic::Entity)
            .filter(forum_post::Column::Status.eq("visible"))
            .filter(matching.clone())
            // Oldest first: newer posts get later rows, and search shows the newest first.
            .order_by_asc(forum_post::Column::CreatedAt)
            .order_by_asc(forum_post::Column::Id)
            .offset(offset)
            .limit(BATCH)
            .all(db)
            .await?;
        if batch.is_empty() {
            return Ok(written);
        }
        offset += BATCH;
        let found: Vec<(&forum_post::Model, &forum_topic::Model, String)> = batch
            .iter()
            .filter_map(|(post, topic)| topic.as_ref().map(|topic| (post, topic, analysis::plain_text(&post.body_markdown))))
            .collect();
        written += found.len() as u64;
        search::put_many(db, found.iter().map(|(post, topic, body)| document(post, topic, body)).collect()).await?;
    }
}

/// The categories `reader` may search, in their order; none for a visitor.
pub async fn places(db: &impl ConnectionTrait, reader: Option<&SessionUser>, locale: Locale) -> ServiceResult<Vec<SearchPlace>> {
    let Some(reader) = reader else {
        return Ok(Vec::new());
    };
    let categories = forum_category::Entity::find().order_by_asc(forum_category::Column::Position).all(db).await?;
    Ok(categories
        .iter()
        .filter(|category| can_take_part(reader, category))
        .map(|category| SearchPlace { key: category.slug.clone(), name: name_in(category, locale) })
        .collect())
}
