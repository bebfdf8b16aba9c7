//! Sample discussions, for trying the community at scale and for the
//! benchmark: `tutela seed --scale` writes 10,000 topics holding 100,000
//! posts over the two years before now, one of them a topic of 1,000 posts,
//! by the accounts already there. The texts are sentences put together
//! from a guardian's everyday matters, the same on every run.

use rand::{Rng as _, SeedableRng as _, rngs::StdRng, seq::IndexedRandom as _};
use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QueryOrder as _, QuerySelect as _,
    prelude::Uuid,
};

use crate::ssr::{
    clock,
    entities::{forum_post, forum_topic, user},
    error::{ServiceError, ServiceResult},
    sample_text::{body, subject},
    search, user_markdown,
};

/// The topic of 1,000 posts, at a fixed address for the benchmark.
pub const LARGE_TOPIC_ID: Uuid = Uuid::from_u128(0x5a3b_1e00_0000_4000_8000_0000_0000_1000);
const LARGE_TOPIC_POSTS: u32 = 1_000;
const TOPICS: u32 = 10_000;
const POSTS: u32 = 100_000;
/// Rows written per statement.
const BATCH: usize = 500;

const CATEGORIES: [&str; 8] = ["milano", "brescia", "scuola", "salute", "documenti", "diciotto-anni", "benessere", "formatori"];

/// How many posts topic `index` holds: the large one first, then the rest shared out.
fn posts_in(index: u32) -> u32 {
    if index == 0 {
        return LARGE_TOPIC_POSTS;
    }
    let (others, rest) = (TOPICS - 1, POSTS - LARGE_TOPIC_POSTS);
    rest / others + u32::from(index <= rest % others)
}

/// Writes the sample discussions unless they are there; returns whether it
/// did. `progress` hears how many posts of how many are written.
pub async fn seed_scale(db: &impl ConnectionTrait, mut progress: impl FnMut(u32, u32)) -> ServiceResult<bool> {
    if forum_topic::Entity::find_by_id(LARGE_TOPIC_ID).one(db).await?.is_some() {
        return Ok(false);
    }
    let authors: Vec<Uuid> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Status.eq("active"))
        .order_by_asc(user::Column::Email)
        .limit(500)
        .into_tuple()
        .all(db)
        .await?;
    if authors.is_empty() {
        return Err(ServiceError::Internal("no accounts to write the sample posts: seed --demo or --users N first".into()));
    }
    let mut rng = StdRng::seed_from_u64(2026);
    let now = clock::now();
    let start = now - 2 * 365 * clock::DAY;
    // Topics open in turn over the two years; their replies follow within days.
    let step = (now - start - 30 * clock::DAY) / i64::from(TOPICS);
    let (mut topics, mut posts) = (Vec::with_capacity(BATCH), Vec::with_capacity(BATCH));
    let mut written = 0;
    for index in 0..TOPICS {
        let id = if index == 0 { LARGE_TOPIC_ID } else { Uuid::from_u128(rng.random()) };
        let category = if index == 0 { "milano" } else { CATEGORIES[index as usize % CATEGORIES.len()] };
        let opened = start + i64::from(index) * step;
        let count = posts_in(index);
        let spacing = if index == 0 { (now - opened) / i64::from(count) } else { 3 * clock::HOUR };
        let title = if index == 0 { "Il gruppo dei tutori di Milano: domande di tutti i giorni".to_owned() } else { subject(&mut rng) };
        let first_author = *authors.choose(&mut rng).unwrap_or(&authors[0]);
        for position in 1..=count {
            let text = body(&mut rng);
            let author = if position == 1 { first_author } else { *authors.choose(&mut rng).unwrap_or(&first_author) };
            posts.push(forum_post::ActiveModel {
                id: Set(Uuid::from_u128(rng.random())),
                topic_id: Set(id),
                position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
                author_id: Set(Some(author)),
                body_html: Set(user_markdown::render(&text)),
                body_markdown: Set(text),
                status: Set("visible".to_owned()),
                created_at: Set(opened + i64::from(position - 1) * spacing),
                edited_at: Set(None),
                hidden_reason: Set(None),
            });
        }
        topics.push(forum_topic::ActiveModel {
            id: Set(id),
            category_slug: Set(category.to_owned()),
            title: Set(title),
            author_id: Set(Some(first_author)),
            created_at: Set(opened),
            last_post_at: Set(opened + i64::from(count - 1) * spacing),
            post_count: Set(i32::try_from(count).unwrap_or(i32::MAX)),
            pinned: Set(false),
            locked: Set(false),
            accepted_post_id: Set(None),
        });
        if topics.len() >= BATCH || index + 1 == TOPICS {
            // Topics before their posts, for the foreign key.
            forum_topic::Entity::insert_many(std::mem::take(&mut topics)).exec_without_returning(db).await?;
            for chunk in std::mem::take(&mut posts).chunks(BATCH) {
                written += u32::try_from(chunk.len()).unwrap_or(0);
                forum_post::Entity::insert_many(chunk.to_vec()).exec_without_returning(db).await?;
                progress(written, POSTS);
            }
        }
    }
    search::rebuild(db).await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_posts_add_up() {
        assert_eq!((0..TOPICS).map(posts_in).sum::<u32>(), POSTS);
        assert_eq!(posts_in(0), LARGE_TOPIC_POSTS);
    }
}
