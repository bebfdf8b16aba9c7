//! Communities of practice: who reads, writes and moderates which category
//! (`access`), the pages (`read`), new topics and replies (`write`), and
//! flags and moderators' actions (`moderation`), and what search finds
//! (`findable`).

pub mod access;
pub mod findable;
pub mod moderation;
pub mod read;
pub mod sample;
pub mod write;

/// Topics on a category page.
pub const TOPICS_PER_PAGE: u64 = 30;
/// Posts on a topic page.
pub const POSTS_PER_PAGE: u64 = 20;
/// How long authors may edit their posts; moderators always may.
pub const EDIT_WINDOW_SECONDS: i64 = crate::ssr::clock::DAY;

/// The draft target of an edit of post `id`.
pub fn post_target(id: sea_orm::prelude::Uuid) -> String {
    format!("post:{id}")
}

/// Whether `reader` may edit `post` now: its author within the window, or
/// a moderator; never once deleted.
pub fn may_edit(reader: sea_orm::prelude::Uuid, moderator: bool, post: &crate::ssr::entities::forum_post::Model, now: i64) -> bool {
    post.status != "deleted" && (moderator || (post.author_id == Some(reader) && now < post.created_at + EDIT_WINDOW_SECONDS))
}
