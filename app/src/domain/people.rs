//! Who people are on Tutela: their roles, the districts they work in, and
//! what the page knows about the signed-in user.

use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

/// A Court-of-Appeal district of Lombardy served by the programme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum District {
    Milano,
    Brescia,
}

impl District {
    pub const ALL: [District; 2] = [District::Milano, District::Brescia];

    pub fn code(self) -> &'static str {
        match self {
            District::Milano => "milano",
            District::Brescia => "brescia",
        }
    }

    pub fn from_code(code: &str) -> Option<District> {
        District::ALL.into_iter().find(|d| d.code() == code)
    }

    /// The district's name, the same in every language.
    pub fn name(self) -> &'static str {
        match self {
            District::Milano => "Milano",
            District::Brescia => "Brescia",
        }
    }
}

/// What a person may do on Tutela. A user may hold several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    Guardian,
    Operator,
    Trainer,
    Jurist,
    Coordinator,
}

impl Role {
    pub const ALL: [Role; 5] = [Role::Guardian, Role::Operator, Role::Trainer, Role::Jurist, Role::Coordinator];

    pub fn code(self) -> &'static str {
        match self {
            Role::Guardian => "guardian",
            Role::Operator => "operator",
            Role::Trainer => "trainer",
            Role::Jurist => "jurist",
            Role::Coordinator => "coordinator",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    /// Staff roles act within the districts they are granted, not only
    /// their home district.
    pub fn is_district_scoped_staff(self) -> bool {
        matches!(self, Role::Trainer | Role::Jurist | Role::Coordinator)
    }

    /// Jurists and coordinators read other people's cases and accounts:
    /// their sessions are held to stricter limits.
    pub fn is_privileged(self) -> bool {
        matches!(self, Role::Jurist | Role::Coordinator)
    }

    /// Whether any of `grants` is a privileged role.
    pub fn any_privileged(grants: &[RoleGrant]) -> bool {
        grants.iter().any(|g| g.role.is_privileged())
    }
}

/// One role held in one district.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RoleGrant {
    pub role: Role,
    pub district: District,
}

/// Whether an account may sign in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UserStatus {
    /// Registered, e-mail address not yet confirmed.
    Unverified,
    /// Invited by a coordinator; no password set yet.
    Invited,
    Active,
    Deactivated,
}

impl UserStatus {
    pub fn code(self) -> &'static str {
        match self {
            UserStatus::Unverified => "unverified",
            UserStatus::Invited => "invited",
            UserStatus::Active => "active",
            UserStatus::Deactivated => "deactivated",
        }
    }

    pub fn from_code(code: &str) -> Option<UserStatus> {
        [UserStatus::Unverified, UserStatus::Invited, UserStatus::Active, UserStatus::Deactivated].into_iter().find(|s| s.code() == code)
    }
}

/// The signed-in user as every page sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: String,
    pub name: String,
    pub email: String,
    pub locale: Locale,
    pub home_district: District,
    pub grants: Vec<RoleGrant>,
    /// Whether two-factor sign-in is on for the account.
    pub second_factor: bool,
    /// Notifications not read yet.
    pub unread_notifications: u32,
    /// Until when they may not write in the community, if a coordinator said so.
    pub silenced_until: Option<i64>,
    /// How others @mention them in the community.
    pub handle: Option<String>,
    /// The community categories a coordinator appointed them to moderate.
    pub moderates: Vec<String>,
}

impl SessionUser {
    /// Whether a role the user holds requires two-factor sign-in that is
    /// not yet on: their jurist and coordinator pages wait until it is.
    pub fn needs_second_factor(&self) -> bool {
        !self.second_factor && Role::any_privileged(&self.grants)
    }

    /// Whether a coordinator stopped them writing in the community, at `now`.
    pub fn is_silenced(&self, now: i64) -> bool {
        self.silenced_until.is_some_and(|until| until > now)
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.grants.iter().any(|g| g.role == role)
    }

    pub fn has_role_in(&self, role: Role, district: District) -> bool {
        self.grants.iter().any(|g| g.role == role && g.district == district)
    }

    /// The districts in which the user holds `role`.
    pub fn districts_for(&self, role: Role) -> Vec<District> {
        let mut districts: Vec<District> = self.grants.iter().filter(|g| g.role == role).map(|g| g.district).collect();
        districts.sort();
        districts.dedup();
        districts
    }
}
