//! Who reads and writes a category: its district's members (a role or the
//! home district there), the holders of its role if it is kept to one, and
//! coordinators everywhere. Reading and writing go together: a member who
//! can read a category can take part in it.
//!
//! Who moderates it: coordinators everywhere; in a category kept to a role
//! (the trainers' room), the holders of that role too; and the members a
//! coordinator appointed to it, while they may take part in it.

use crate::{
    domain::{District, Role, RoleGrant, SessionUser},
    ssr::entities::forum_category,
};

pub fn can_take_part(reader: &SessionUser, category: &forum_category::Model) -> bool {
    member_may_take_part(reader.home_district, &reader.grants, category)
}

/// [`can_take_part`] for any member, signed in or not (whom a new post
/// notifies): their home district and role grants.
pub fn member_may_take_part(home_district: District, grants: &[RoleGrant], category: &forum_category::Model) -> bool {
    if grants.iter().any(|g| g.role == Role::Coordinator) {
        return true;
    }
    let in_district = category
        .district
        .as_deref()
        .is_none_or(|district| home_district.code() == district || grants.iter().any(|g| g.district.code() == district));
    let holds_role = category.role.as_deref().is_none_or(|role| grants.iter().any(|g| g.role.code() == role));
    in_district && holds_role
}

pub fn can_moderate(reader: &SessionUser, category: &forum_category::Model) -> bool {
    reader.has_role(Role::Coordinator)
        || (can_take_part(reader, category) && (category.role.is_some() || reader.moderates.contains(&category.slug)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn reader(grants: &[(Role, District)]) -> SessionUser {
        SessionUser {
            id: "u".into(),
            name: "U".into(),
            email: "u@example.it".into(),
            locale: Locale::It,
            home_district: grants.first().map_or(District::Milano, |g| g.1),
            grants: grants.iter().map(|&(role, district)| RoleGrant { role, district }).collect(),
            second_factor: true,
            unread_notifications: 0,
            silenced_until: None,
            handle: None,
            moderates: Vec::new(),
        }
    }

    fn category(district: Option<&str>, role: Option<&str>) -> forum_category::Model {
        forum_category::Model {
            slug: "c".into(),
            name_it: String::new(),
            name_en: String::new(),
            description_it: String::new(),
            description_en: String::new(),
            district: district.map(str::to_owned),
            role: role.map(str::to_owned),
            position: 0,
            approve_first_posts: 0,
        }
    }

    #[test]
    fn members_take_part_in_their_district_and_the_themes_only() {
        let guardian = reader(&[(Role::Guardian, District::Milano)]);
        assert!(can_take_part(&guardian, &category(Some("milano"), None)));
        assert!(can_take_part(&guardian, &category(None, None)));
        assert!(!can_take_part(&guardian, &category(Some("brescia"), None)));
        assert!(!can_take_part(&guardian, &category(None, Some("trainer"))));
        let trainer = reader(&[(Role::Trainer, District::Brescia)]);
        assert!(can_take_part(&trainer, &category(None, Some("trainer"))));
        let coordinator = reader(&[(Role::Coordinator, District::Milano)]);
        assert!(can_take_part(&coordinator, &category(Some("brescia"), Some("trainer"))));
    }

    #[test]
    fn coordinators_moderate_everywhere_and_trainers_their_room() {
        let coordinator = reader(&[(Role::Coordinator, District::Milano)]);
        assert!(can_moderate(&coordinator, &category(Some("brescia"), None)));
        let trainer = reader(&[(Role::Trainer, District::Brescia)]);
        assert!(can_moderate(&trainer, &category(None, Some("trainer"))));
        assert!(!can_moderate(&trainer, &category(None, None)));
        let guardian = reader(&[(Role::Guardian, District::Milano)]);
        assert!(!can_moderate(&guardian, &category(Some("milano"), None)));
    }
}
