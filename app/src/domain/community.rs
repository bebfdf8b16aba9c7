//! What the community pages show: categories, topics and posts, as the
//! reader may see them.

use serde::{Deserialize, Serialize};

use super::{District, Draft, notifications::WatchLevel};

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

/// Whether a post is shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PostState {
    Visible,
    /// Hidden by a moderator; the reason goes to moderators only.
    Hidden {
        reason: Option<String>,
    },
    /// Deleted by its author: only its place is left.
    Deleted,
}

/// The community's entry page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommunityIndex {
    pub categories: Vec<CategorySummary>,
    /// Whether the reader moderates a category: they get the queue.
    pub moderates: bool,
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
    /// Posts new since the reader last opened it, and where the first of
    /// them is; none for a topic not opened yet, or read to the end.
    pub unread: Option<(u32, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryPage {
    pub category: CategorySummary,
    /// How closely the reader follows it.
    pub watch: WatchLevel,
    pub topics: Vec<TopicRow>,
    pub page: u64,
    pub pages: u64,
    pub draft: Option<Draft>,
    /// The reader's new topics here waiting for a moderator's approval.
    pub held: Vec<HeldPost>,
}

/// A post as shown: its HTML was sanitised when it was written. A hidden
/// post keeps its place; only moderators get its text and the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostView {
    pub id: String,
    pub author: Option<String>,
    /// How to @mention the author.
    pub author_handle: Option<String>,
    pub created_at: i64,
    pub html: String,
    pub state: PostState,
    /// When it was last edited, if it was.
    pub edited_at: Option<i64>,
    /// What the reader's edit form starts from, when they may edit it:
    /// their unsent edit, or the post's Markdown.
    pub edit: Option<Draft>,
    /// Whether the reader wrote it (and so may delete it).
    pub own: bool,
    /// Earlier versions (when replaced, the text), for moderators only.
    pub revisions: Vec<(i64, String)>,
    /// Each reaction, in [`Reaction::ALL`]'s order, with its count.
    pub reactions: Vec<ReactionCount>,
    /// Whether it is the topic's accepted answer.
    pub answer: bool,
    /// What else the reader may do with it.
    pub may: PostPermissions,
    /// Whether it is the first the reader has not seen before.
    pub first_unread: bool,
}

/// What a reader may do with a post besides reading, reacting and flagging.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostPermissions {
    /// Mark it as the topic's answer, or unmark it.
    pub accept: bool,
    /// Stop its author writing for a while (coordinators of the author's district).
    pub silence: bool,
}

/// The few reactions a member may leave on someone else's post.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Reaction {
    Helpful,
    Thanks,
    /// "It happened to me too."
    Same,
}

impl Reaction {
    pub const ALL: [Reaction; 3] = [Reaction::Helpful, Reaction::Thanks, Reaction::Same];

    pub fn code(self) -> &'static str {
        match self {
            Reaction::Helpful => "helpful",
            Reaction::Thanks => "thanks",
            Reaction::Same => "same",
        }
    }

    pub fn from_code(code: &str) -> Option<Reaction> {
        Reaction::ALL.into_iter().find(|reaction| reaction.code() == code)
    }
}

/// How many members reacted one way to a post, and whether the reader did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReactionCount {
    pub reaction: Reaction,
    pub count: u32,
    pub mine: bool,
}

/// Where a topic's accepted answer is, wherever its page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptedAnswer {
    pub author: Option<String>,
    pub link: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicPage {
    pub id: String,
    pub title: String,
    pub category_slug: String,
    pub category_name: String,
    pub locked: bool,
    pub pinned: bool,
    /// Whether the reader moderates this topic's category.
    pub moderator: bool,
    /// Where a moderator may move it: the other categories they moderate,
    /// as (slug, name).
    pub move_to: Vec<(String, String)>,
    pub posts: Vec<PostView>,
    pub page: u64,
    pub pages: u64,
    pub draft: Option<Draft>,
    /// The reader's replies here waiting for a moderator's approval.
    pub held: Vec<HeldPost>,
    pub answer: Option<AcceptedAnswer>,
    /// How closely the reader follows it.
    pub watch: WatchLevel,
}

/// Why a member flags a post.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FlagReason {
    /// It may identify a minor.
    MinorData,
    Offensive,
    Spam,
    Other,
}

impl FlagReason {
    pub const ALL: [FlagReason; 4] = [FlagReason::MinorData, FlagReason::Offensive, FlagReason::Spam, FlagReason::Other];

    pub fn code(self) -> &'static str {
        match self {
            FlagReason::MinorData => "minor_data",
            FlagReason::Offensive => "offensive",
            FlagReason::Spam => "spam",
            FlagReason::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<FlagReason> {
        FlagReason::ALL.into_iter().find(|reason| reason.code() == code)
    }
}

/// How long a coordinator may stop a member writing in the community.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SilencePeriod {
    Day,
    Week,
    Month,
}

impl SilencePeriod {
    pub const ALL: [SilencePeriod; 3] = [SilencePeriod::Day, SilencePeriod::Week, SilencePeriod::Month];

    pub fn days(self) -> u32 {
        match self {
            SilencePeriod::Day => 1,
            SilencePeriod::Week => 7,
            SilencePeriod::Month => 30,
        }
    }

    pub fn from_days(days: u32) -> Option<SilencePeriod> {
        SilencePeriod::ALL.into_iter().find(|period| period.days() == days)
    }
}

/// What waits for a category's moderators.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModeratorsQueue {
    pub flagged: Vec<FlaggedPost>,
    /// Newcomers' posts held for approval.
    pub held: Vec<HeldPost>,
}

/// A post held for a moderator's approval, as its author or the moderator
/// sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldPost {
    pub id: String,
    /// A new topic's title; empty for a reply.
    pub title: String,
    pub html: String,
    /// For moderators: the topic (and category) it would join, or the
    /// category a new topic would open in.
    pub place: String,
    pub author: Option<String>,
    pub created_at: i64,
}

/// A flagged post in the moderation queue, with its flags.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlaggedPost {
    pub post_id: String,
    pub topic_id: String,
    pub topic_title: String,
    pub category_name: String,
    pub author: Option<String>,
    pub html: String,
    pub flags: Vec<(FlagReason, String)>,
}

/// A category as coordinators manage it: both languages, who may take part,
/// and its appointed moderators.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedCategory {
    pub slug: String,
    pub name_it: String,
    pub name_en: String,
    pub description_it: String,
    pub description_en: String,
    /// A district code; empty for a theme open to both.
    pub district: String,
    /// A role code; empty for everyone of the district.
    pub role: String,
    pub position: i32,
    /// How many of a member's first posts wait for a moderator; 0 for none.
    pub approve_first_posts: i32,
    pub moderators: Vec<AppointedModerator>,
    /// Whether the reader may change it (coordinators of its district; any
    /// coordinator for a theme).
    pub editable: bool,
}

/// A member appointed to moderate a category.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppointedModerator {
    pub id: String,
    pub name: String,
    pub email: String,
}
