//! What the coordinators' pages show.

use serde::{Deserialize, Serialize};

use super::{District, RoleGrant, UserStatus};

/// Rows per page in every admin list.
pub const PAGE_SIZE: u64 = 25;

/// The filters of the users list, as they appear in its URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserFilter {
    pub query: String,
    pub role: Option<super::Role>,
    pub district: Option<District>,
    pub status: Option<UserStatus>,
    /// Zero-based.
    pub page: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub home_district: District,
    pub status: UserStatus,
    pub grants: Vec<RoleGrant>,
    /// Whether two-factor sign-in is on.
    pub second_factor: bool,
    /// Whether the viewing coordinator may change this account.
    pub manageable: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserPage {
    pub rows: Vec<UserRow>,
    pub total: u64,
    pub page: u64,
    pub pages: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub at: i64,
    /// Who acted; `None` for the command line and the system.
    pub actor: Option<String>,
    /// A stable code such as `user.roles_changed`, translated on the page.
    pub action: String,
    /// The account acted on, as "name (email)", or its id once deleted.
    pub subject: String,
    pub detail: AuditDetail,
    /// The client's address, empty for the command line and jobs.
    pub client: String,
    pub request_id: String,
}

/// What an audit entry records beyond who, what and whom.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditDetail {
    None,
    Roles {
        added: Vec<RoleGrant>,
        removed: Vec<RoleGrant>,
    },
    Grant(RoleGrant),
    /// How many sessions the action ended.
    SessionsEnded(u64),
}

impl AuditDetail {
    /// Stored as JSON in the log's `detail` column; anything unreadable is `None`.
    pub fn from_stored(text: &str) -> AuditDetail {
        serde_json::from_str(text).unwrap_or(AuditDetail::None)
    }

    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub rows: Vec<AuditRow>,
    pub page: u64,
    pub pages: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: i64,
}
