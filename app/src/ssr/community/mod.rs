//! Communities of practice: who reads, writes and moderates which category
//! (`access`), the pages (`read`), new topics and replies (`write`), and
//! flags and moderators' actions (`moderation`).

pub mod access;
pub mod moderation;
pub mod read;
pub mod write;

/// Topics on a category page.
pub const TOPICS_PER_PAGE: u64 = 30;
/// Posts on a topic page.
pub const POSTS_PER_PAGE: u64 = 20;
