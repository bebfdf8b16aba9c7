//! Coordinators manage the community's categories: create and edit them
//! (names and descriptions in both languages, district, role, order, how
//! many of a newcomer's first posts wait for approval), and
//! appoint members to moderate one. A district's categories are its
//! coordinators' to manage; the themes open to both, any coordinator's.
//! Every change is audited.

use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QueryOrder as _,
    TransactionTrait as _, prelude::Uuid,
};

use super::read::district_of;
use crate::{
    domain::{
        District, Email, Problem, Role, SessionUser, UserStatus,
        community::{AppointedModerator, ManagedCategory},
    },
    ssr::{
        audit::{self, AuditRecord},
        authz::account_id,
        entities::{category_moderator, forum_category, user},
        error::{ServiceError, ServiceResult, Validation},
        sessions,
        state::AppState,
    },
};

const NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=80;
const DESCRIPTION_MAX_CHARS: usize = 300;
/// Beyond a few posts, holding a member's posts is silencing them.
const APPROVE_FIRST_POSTS: std::ops::RangeInclusive<i32> = 0..=10;

/// Whether `coordinator` manages categories of `district` (none: a theme).
fn manages(coordinator: &SessionUser, district: Option<District>) -> bool {
    district.map_or_else(|| coordinator.has_role(Role::Coordinator), |d| coordinator.has_role_in(Role::Coordinator, d))
}

/// Every category, in order, with its moderators, and which the reader may change.
pub async fn list(state: &AppState, coordinator: &SessionUser) -> ServiceResult<Vec<ManagedCategory>> {
    let categories = forum_category::Entity::find().order_by_asc(forum_category::Column::Position).all(&state.db).await?;
    let appointed = category_moderator::Entity::find().find_also_related(user::Entity).all(&state.db).await?;
    Ok(categories
        .into_iter()
        .map(|category| {
            let moderators = appointed
                .iter()
                .filter(|(row, _)| row.category_slug == category.slug)
                .filter_map(|(_, member)| member.as_ref())
                .map(|member| AppointedModerator { id: member.id.to_string(), name: member.name.clone(), email: member.email.clone() })
                .collect();
            ManagedCategory {
                editable: manages(coordinator, district_of(&category)),
                slug: category.slug,
                name_it: category.name_it,
                name_en: category.name_en,
                description_it: category.description_it,
                description_en: category.description_en,
                district: category.district.unwrap_or_default(),
                role: category.role.unwrap_or_default(),
                position: category.position,
                approve_first_posts: category.approve_first_posts,
                moderators,
            }
        })
        .collect())
}

/// What a coordinator submits for a category.
pub struct CategoryInput<'a> {
    /// Empty to keep the slug of an existing category (`existing`).
    pub slug: &'a str,
    pub name_it: &'a str,
    pub name_en: &'a str,
    pub description_it: &'a str,
    pub description_en: &'a str,
    pub district: &'a str,
    pub role: &'a str,
    pub position: &'a str,
    /// How many of a member's first posts wait for approval; empty for none.
    pub approve_first_posts: &'a str,
}

fn is_slug(slug: &str) -> bool {
    (2..=40).contains(&slug.len())
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
}

/// Creates a category (`existing` none) or changes the category `existing`;
/// returns its slug.
pub async fn save(state: &AppState, coordinator: &SessionUser, existing: Option<&str>, input: &CategoryInput<'_>) -> ServiceResult<String> {
    let mut validation = Validation::default();
    for (field, text) in [("name_it", input.name_it), ("name_en", input.name_en)] {
        if !NAME_CHARS.contains(&text.trim().chars().count()) {
            validation.add(field, if text.trim().is_empty() { Problem::Required } else { Problem::TitleInvalid });
        }
    }
    for (field, text) in [("description_it", input.description_it), ("description_en", input.description_en)] {
        if text.trim().chars().count() > DESCRIPTION_MAX_CHARS {
            validation.add(field, Problem::NoteTooLong);
        }
    }
    let district = match input.district {
        "" => None,
        code => validation.check("district", District::from_code(code).ok_or(Problem::DistrictUnknown)),
    };
    let role = match input.role {
        "" => None,
        code => validation.check("role", Role::from_code(code).ok_or(Problem::ChoiceInvalid)),
    };
    let position = validation.check("position", input.position.trim().parse::<i32>().map_err(|_| Problem::ChoiceInvalid));
    let approve_first_posts = match input.approve_first_posts.trim() {
        "" => Some(0),
        count => validation.check(
            "approve_first_posts",
            count.parse::<i32>().ok().filter(|n| APPROVE_FIRST_POSTS.contains(n)).ok_or(Problem::ChoiceInvalid),
        ),
    };
    let slug = existing.unwrap_or(input.slug).trim().to_owned();
    if existing.is_none() && !is_slug(&slug) {
        validation.add("slug", if slug.is_empty() { Problem::Required } else { Problem::ChoiceInvalid });
    }
    validation.finish()?;
    if !manages(coordinator, district) {
        return Err(ServiceError::Forbidden);
    }
    let found = forum_category::Entity::find_by_id(slug.clone()).one(&state.db).await?;
    match (existing, &found) {
        // Moving a category out of a district is also its coordinators' call.
        (Some(_), Some(current)) if !manages(coordinator, district_of(current)) => return Err(ServiceError::Forbidden),
        (Some(_), None) => return Err(ServiceError::NotFound),
        (None, Some(_)) => return Err(ServiceError::field("slug", Problem::SlugTaken)),
        _ => {}
    }
    // Writing first: on SQLite a transaction that read first fails if anyone
    // wrote since. (Two coordinators creating one address at once: the
    // second gets an error, and the first one's category.)
    let txn = state.db.begin().await?;
    let row = forum_category::ActiveModel {
        slug: Set(slug.clone()),
        name_it: Set(input.name_it.trim().to_owned()),
        name_en: Set(input.name_en.trim().to_owned()),
        description_it: Set(input.description_it.trim().to_owned()),
        description_en: Set(input.description_en.trim().to_owned()),
        district: Set(district.map(|d| d.code().to_owned())),
        role: Set(role.map(|r| r.code().to_owned())),
        position: Set(position.unwrap_or_default()),
        approve_first_posts: Set(approve_first_posts.unwrap_or_default()),
    };
    if found.is_some() {
        row.update(&txn).await?;
    } else {
        row.insert(&txn).await?;
    }
    record(&txn, coordinator, if found.is_some() { "forum.category_changed" } else { "forum.category_created" }, &slug, district).await?;
    txn.commit().await?;
    Ok(slug)
}

async fn record(
    db: &impl ConnectionTrait,
    coordinator: &SessionUser,
    action: &'static str,
    slug: &str,
    district: Option<District>,
) -> ServiceResult<()> {
    let entry = AuditRecord {
        actor: Some(account_id(coordinator)?),
        action,
        subject_kind: "category",
        subject_id: slug.to_owned(),
        detail: String::new(),
        district,
    };
    audit::record(db, entry).await
}

/// The category `slug`, if `coordinator` manages it.
async fn managed(db: &impl ConnectionTrait, coordinator: &SessionUser, slug: &str) -> ServiceResult<forum_category::Model> {
    let category = forum_category::Entity::find_by_id(slug.to_owned()).one(db).await?.ok_or(ServiceError::NotFound)?;
    if manages(coordinator, district_of(&category)) { Ok(category) } else { Err(ServiceError::Forbidden) }
}

/// Appoints the active member with address `email` to moderate category
/// `slug`; appointing them twice changes nothing.
pub async fn appoint(state: &AppState, coordinator: &SessionUser, slug: &str, email: &str) -> ServiceResult<()> {
    let category = managed(&state.db, coordinator, slug).await?;
    let email = Email::parse(email).map_err(|problem| ServiceError::field("email", problem))?;
    let member = user::Entity::find()
        .filter(user::Column::Email.eq(email.as_str()))
        .filter(user::Column::Status.eq(UserStatus::Active.code()))
        .one(&state.db)
        .await?
        .ok_or(ServiceError::field("email", Problem::MemberUnknown))?;
    let txn = state.db.begin().await?;
    category_moderator::Entity::insert(category_moderator::ActiveModel {
        category_slug: Set(category.slug.clone()),
        user_id: Set(member.id),
    })
    .on_conflict_do_nothing()
    .exec_without_returning(&txn)
    .await?;
    record(&txn, coordinator, "forum.moderator_appointed", &format!("{} · {}", category.slug, member.email), district_of(&category))
        .await?;
    txn.commit().await?;
    sessions::changed(state, member.id);
    Ok(())
}

/// Ends member `member`'s appointment to moderate category `slug`.
pub async fn remove(state: &AppState, coordinator: &SessionUser, slug: &str, member: &str) -> ServiceResult<()> {
    let category = managed(&state.db, coordinator, slug).await?;
    let member = Uuid::parse_str(member).map_err(|_| ServiceError::NotFound)?;
    let txn = state.db.begin().await?;
    let removed = category_moderator::Entity::delete_by_id((category.slug.clone(), member)).exec(&txn).await?.rows_affected;
    if removed == 0 {
        return Err(ServiceError::NotFound);
    }
    record(&txn, coordinator, "forum.moderator_removed", &format!("{} · {member}", category.slug), district_of(&category)).await?;
    txn.commit().await?;
    sessions::changed(state, member);
    Ok(())
}
