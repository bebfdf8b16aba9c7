//! Communities of practice: who reads, writes and moderates which category
//! (`access`), coordinators managing categories and their moderators
//! (`categories`), the pages (`read`), new topics and replies (`write`), a
//! newcomer's first posts held for approval (`approval`), flags and
//! moderators' actions (`moderation`), reactions and accepted
//! answers (`reactions`), what search finds (`findable`), whom a new post
//! notifies (`notify`), how far each member has read (`visits`) and
//! sample data for trying it at scale (`sample`).

pub mod access;
pub mod approval;
pub mod categories;
pub mod findable;
pub mod moderation;
pub mod notify;
pub mod reactions;
pub mod read;
pub mod sample;
pub mod visits;
pub mod write;

/// Topics on a category page.
pub const TOPICS_PER_PAGE: u64 = 30;
/// Posts on a topic page.
pub const POSTS_PER_PAGE: u64 = 20;

/// Where the post at `position` of topic `topic` is read: the page that
/// holds it (each post keeps its place, hidden ones too), at the post.
pub fn post_link(topic: sea_orm::prelude::Uuid, position: i32, post: sea_orm::prelude::Uuid) -> String {
    let page = u64::try_from(position.saturating_sub(1)).unwrap_or(0) / POSTS_PER_PAGE;
    format!("{}?page={}#post-{post}", crate::routes::paths::community_topic(&topic.to_string()), page + 1)
}

/// The draft target of an edit of post `id`.
pub fn post_target(id: sea_orm::prelude::Uuid) -> String {
    format!("post:{id}")
}

/// Whether `reader` may edit `post` now: its author within the edit window
/// (`edit_seconds`, a setting), or a moderator; never once deleted.
pub fn may_edit(
    reader: sea_orm::prelude::Uuid,
    moderator: bool,
    post: &crate::ssr::entities::forum_post::Model,
    now: i64,
    edit_seconds: i64,
) -> bool {
    post.status != "deleted" && (moderator || (post.author_id == Some(reader) && now < post.created_at + edit_seconds))
}
