//! Communities of practice: who reads and writes which category
//! (`access`), the pages (`read`) and new topics and replies (`write`).

pub mod access;
pub mod read;
pub mod write;

/// Topics on a category page.
pub const TOPICS_PER_PAGE: u64 = 30;
/// Posts on a topic page.
pub const POSTS_PER_PAGE: u64 = 20;
