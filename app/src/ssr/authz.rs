//! Who may do what: one function per rule, called by every server function
//! and route that needs it. Role, district scope and ownership are checked
//! here, never only in the interface.

use super::{
    error::{ServiceError, ServiceResult},
    request::request_context,
};
use crate::domain::{District, Problem, Role, RoleGrant, SessionUser};

/// The account id of a signed-in user (the session gave it, so it parses).
pub fn account_id(user: &SessionUser) -> ServiceResult<sea_orm::prelude::Uuid> {
    sea_orm::prelude::Uuid::parse_str(&user.id).map_err(|e| ServiceError::Internal(format!("session user id: {e}")))
}

/// The signed-in user, or `Unauthenticated`.
pub fn require_user() -> ServiceResult<SessionUser> {
    request_context().user.ok_or(ServiceError::Unauthenticated)
}

/// The signed-in user if they coordinate at least one district, with
/// two-factor sign-in on.
pub fn require_coordinator() -> ServiceResult<SessionUser> {
    let user = require_user()?;
    if !user.has_role(Role::Coordinator) {
        return Err(ServiceError::Forbidden);
    }
    if user.needs_second_factor() { Err(ServiceError::Refused(Problem::SecondFactorRequired)) } else { Ok(user) }
}

/// The districts `reader` coordinates (with two-factor sign-in on), and
/// the one of them a page was asked for (`chosen` empty: all of them).
pub fn coordinated_districts(reader: &SessionUser, chosen: &str) -> ServiceResult<(Vec<District>, Option<District>)> {
    let districts = reader.districts_for(Role::Coordinator);
    if districts.is_empty() {
        return Err(ServiceError::Forbidden);
    }
    if reader.needs_second_factor() {
        return Err(ServiceError::Refused(Problem::SecondFactorRequired));
    }
    let chosen = match chosen {
        "" => None,
        code => Some(
            District::from_code(code)
                .filter(|d| districts.contains(d))
                .ok_or_else(|| ServiceError::field("district", Problem::ChoiceInvalid))?,
        ),
    };
    Ok((districts, chosen))
}

/// A coordinator manages the accounts whose home district they coordinate.
pub fn can_manage_user(actor: &SessionUser, target_home: District) -> bool {
    actor.has_role_in(Role::Coordinator, target_home)
}

/// Whether the user coordinates every district: the only coordinators who
/// read what belongs to no single district.
pub fn coordinates_every_district(actor: &SessionUser) -> bool {
    District::ALL.into_iter().all(|district| actor.has_role_in(Role::Coordinator, district))
}

/// A coordinator grants or removes roles only in districts they coordinate.
pub fn can_change_grant(actor: &SessionUser, grant: RoleGrant) -> bool {
    actor.has_role_in(Role::Coordinator, grant.district)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn user_with(grants: &[(Role, District)]) -> SessionUser {
        SessionUser {
            id: "u".into(),
            name: "U".into(),
            email: "u@example.it".into(),
            locale: Locale::It,
            home_district: District::Milano,
            grants: grants.iter().map(|&(role, district)| RoleGrant { role, district }).collect(),
            second_factor: true,
            unread_notifications: 0,
            silenced_until: None,
            handle: None,
            moderates: Vec::new(),
        }
    }

    #[test]
    fn a_milano_coordinator_manages_milano_accounts_only() {
        let coordinator = user_with(&[(Role::Coordinator, District::Milano)]);
        assert!(can_manage_user(&coordinator, District::Milano));
        assert!(!can_manage_user(&coordinator, District::Brescia));
        assert!(!can_change_grant(&coordinator, RoleGrant { role: Role::Trainer, district: District::Brescia }));
    }

    #[test]
    fn jurists_and_coordinators_need_a_second_factor_and_nobody_else_does() {
        for role in Role::ALL {
            let mut user = user_with(&[(role, District::Milano)]);
            user.second_factor = false;
            assert_eq!(user.needs_second_factor(), matches!(role, Role::Jurist | Role::Coordinator), "{role:?}");
            user.second_factor = true;
            assert!(!user.needs_second_factor(), "{role:?}");
        }
    }

    #[test]
    fn staff_roles_other_than_coordinator_manage_nobody() {
        for role in [Role::Guardian, Role::Operator, Role::Trainer, Role::Jurist] {
            let user = user_with(&[(role, District::Milano), (role, District::Brescia)]);
            assert!(!can_manage_user(&user, District::Milano), "{role:?}");
        }
    }
}
