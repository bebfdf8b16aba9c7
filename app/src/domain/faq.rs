//! The public FAQ: questions the jurists answered, rewritten without anyone's
//! data, approved by a second pair of eyes and published by topic.

use serde::{Deserialize, Serialize};

use super::{Draft, consultations::Topic};

/// The FAQ's key among the search's places (and its scope in the index).
pub const SEARCH_PLACE: &str = "faq";

/// Where an entry stands: written, waiting for a second jurist or a
/// coordinator, or public.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FaqStatus {
    Draft,
    Submitted,
    Published,
}

impl FaqStatus {
    pub const ALL: [FaqStatus; 3] = [FaqStatus::Draft, FaqStatus::Submitted, FaqStatus::Published];

    pub fn code(self) -> &'static str {
        match self {
            FaqStatus::Draft => "draft",
            FaqStatus::Submitted => "submitted",
            FaqStatus::Published => "published",
        }
    }

    pub fn from_code(code: &str) -> Option<FaqStatus> {
        FaqStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Where `step` leads from here, if it may be taken now.
    pub fn after(self, step: FaqStep) -> Option<FaqStatus> {
        match (self, step) {
            (FaqStatus::Draft, FaqStep::Submit) => Some(FaqStatus::Submitted),
            (FaqStatus::Submitted, FaqStep::Approve) => Some(FaqStatus::Published),
            (FaqStatus::Submitted, FaqStep::SendBack) | (FaqStatus::Published, FaqStep::Withdraw) => Some(FaqStatus::Draft),
            _ => None,
        }
    }
}

/// What staff do with an entry besides editing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FaqStep {
    /// Ask for approval.
    Submit,
    /// Publish it: someone other than its author.
    Approve,
    /// Return it to its author for changes.
    SendBack,
    /// Take it off the public FAQ to change it.
    Withdraw,
    /// Throw a draft away.
    Discard,
}

impl FaqStep {
    pub const ALL: [FaqStep; 5] = [FaqStep::Submit, FaqStep::Approve, FaqStep::SendBack, FaqStep::Withdraw, FaqStep::Discard];

    pub fn code(self) -> &'static str {
        match self {
            FaqStep::Submit => "submit",
            FaqStep::Approve => "approve",
            FaqStep::SendBack => "send_back",
            FaqStep::Withdraw => "withdraw",
            FaqStep::Discard => "discard",
        }
    }

    pub fn from_code(code: &str) -> Option<FaqStep> {
        FaqStep::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A published question, as lists link to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaqLink {
    pub id: String,
    pub title: String,
}

/// An entry being prepared, as staff see it listed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaqRow {
    pub id: String,
    pub title: String,
    pub topic: Topic,
    pub status: FaqStatus,
    pub author: Option<String>,
    pub updated_at: i64,
}

/// The FAQ page: published questions by topic, in the taxonomy's order,
/// and for jurists and coordinators the entries being prepared.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaqIndex {
    pub topics: Vec<(Topic, Vec<FaqLink>)>,
    pub preparing: Vec<FaqRow>,
    pub staff: bool,
}

/// One entry's page. Staff see its state, what they may do, and while it
/// is not public, its form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaqEntryPage {
    pub id: String,
    pub title: String,
    pub topic: Topic,
    pub html: String,
    pub status: FaqStatus,
    pub published_at: Option<i64>,
    pub updated_at: i64,
    pub staff: bool,
    pub author: Option<String>,
    pub approver: Option<String>,
    /// The request it was written from, for staff: (id, reference).
    pub source: Option<(String, String)>,
    pub steps: Vec<FaqStep>,
    /// The text to edit, with the privacy guard's findings in it.
    pub draft: Option<Draft>,
}
