//! What the community pages show: categories, topics and posts, as the
//! reader may see them.

use serde::{Deserialize, Serialize};

use super::{District, PrivacyFinding};

/// A category, in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategorySummary {
    pub slug: String,
    pub name: String,
    pub description: String,
    /// The district it belongs to; none for a theme open to both.
    pub district: Option<District>,
    /// Whether it is kept to one role (the trainers' room).
    pub restricted: bool,
    pub topics: u64,
    pub last_post_at: Option<i64>,
}

/// One line of a category's list of topics.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicRow {
    pub id: String,
    pub title: String,
    /// The author's name; `None` once their account is deleted.
    pub author: Option<String>,
    pub posts: u32,
    pub last_post_at: i64,
    pub pinned: bool,
    pub locked: bool,
}

/// What the reader was writing when a post could not be saved yet, with
/// what the privacy guard found in it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub title: String,
    pub body: String,
    pub findings: Vec<PrivacyFinding>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryPage {
    pub category: CategorySummary,
    pub topics: Vec<TopicRow>,
    pub page: u64,
    pub pages: u64,
    pub draft: Option<Draft>,
}

/// A post as shown: its HTML was sanitised when it was written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostView {
    pub id: String,
    pub author: Option<String>,
    pub created_at: i64,
    pub html: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicPage {
    pub id: String,
    pub title: String,
    pub category_slug: String,
    pub category_name: String,
    pub locked: bool,
    pub posts: Vec<PostView>,
    pub page: u64,
    pub pages: u64,
    pub draft: Option<Draft>,
}
