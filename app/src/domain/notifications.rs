//! What the notification pages show and the choices a member makes about
//! them: how closely they follow a place, and how often mail comes.

use serde::{Deserialize, Serialize};

/// How closely a member follows a category or a topic.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum WatchLevel {
    /// Every new post.
    Watching,
    /// A category's new topics only.
    Following,
    /// Nothing unless asked for (one's own topics and replies are watched).
    #[default]
    Normal,
    /// Nothing at all, not even from a watched category.
    Muted,
}

impl WatchLevel {
    /// The levels a category offers; a topic offers all but `Following`.
    pub const FOR_CATEGORY: [WatchLevel; 4] = [WatchLevel::Watching, WatchLevel::Following, WatchLevel::Normal, WatchLevel::Muted];
    pub const FOR_TOPIC: [WatchLevel; 3] = [WatchLevel::Watching, WatchLevel::Normal, WatchLevel::Muted];

    pub fn code(self) -> &'static str {
        match self {
            WatchLevel::Watching => "watching",
            WatchLevel::Following => "following",
            WatchLevel::Normal => "normal",
            WatchLevel::Muted => "muted",
        }
    }

    pub fn from_code(code: &str) -> Option<WatchLevel> {
        WatchLevel::FOR_CATEGORY.into_iter().find(|level| level.code() == code)
    }
}

/// How notifications reach a member's inbox.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MailFrequency {
    #[default]
    Immediately,
    Daily,
    Weekly,
    Never,
}

impl MailFrequency {
    pub const ALL: [MailFrequency; 4] = [MailFrequency::Immediately, MailFrequency::Daily, MailFrequency::Weekly, MailFrequency::Never];

    pub fn code(self) -> &'static str {
        match self {
            MailFrequency::Immediately => "immediately",
            MailFrequency::Daily => "daily",
            MailFrequency::Weekly => "weekly",
            MailFrequency::Never => "never",
        }
    }

    pub fn from_code(code: &str) -> Option<MailFrequency> {
        MailFrequency::ALL.into_iter().find(|frequency| frequency.code() == code)
    }
}

/// What mail a member gets beyond what their roles need.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailSettings {
    pub frequency: MailFrequency,
    /// The training's reminders: a cycle's enrolment closing, a course left aside.
    pub training_reminders: bool,
}

/// Why a member was notified.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NotificationKind {
    /// A reply in a topic they watch.
    Reply,
    /// A new topic in a category they watch or follow.
    NewTopic,
    /// A post that @mentions them.
    Mention,
}

impl NotificationKind {
    pub fn code(self) -> &'static str {
        match self {
            NotificationKind::Reply => "reply",
            NotificationKind::NewTopic => "new_topic",
            NotificationKind::Mention => "mention",
        }
    }

    pub fn from_code(code: &str) -> Option<NotificationKind> {
        [NotificationKind::Reply, NotificationKind::NewTopic, NotificationKind::Mention].into_iter().find(|kind| kind.code() == code)
    }
}

/// One notification as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub kind: NotificationKind,
    /// Who wrote the post; `None` once their account is deleted.
    pub actor: Option<String>,
    pub topic: String,
    pub category: String,
    /// The start of the post, while it is shown to everyone.
    pub excerpt: Option<String>,
    pub link: String,
    pub created_at: i64,
    pub unread: bool,
}

/// The reader's notifications, newest first, a page at a time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationsPage {
    pub notifications: Vec<NotificationView>,
    pub unread: u64,
    pub page: u64,
    pub pages: u64,
}

/// What an unsubscribe link does, as its page says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnsubscribeLink {
    /// Valid and not used yet: the page asks to confirm.
    Ready,
    /// Already used (mail is off).
    Used,
    /// Altered, expired, or its account is gone.
    Invalid,
}
