//! Sign-in sessions stored in the database, so any instance serves any
//! request. The cookie holds a random token; the table holds its digest.

use cookie::Cookie;
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, Condition, DatabaseConnection, EntityTrait as _, QueryFilter as _,
    QueryOrder as _, prelude::Uuid, sea_query::Query,
};

use super::{
    clock,
    entities::{category_moderator, session, user, user_role},
    error::ServiceResult,
    request::{CookieName, site_cookie},
    secrets::{new_token, token_digest},
    state::{AppState, SessionLimits, SessionPolicy, Settings},
};
use crate::{
    domain::{Device, District, OwnSession, Role, RoleGrant, SessionUser, UserStatus},
    i18n::Locale,
};

pub const SESSION_COOKIE: CookieName = CookieName::new("tutela_session", "__Host-tutela_session");

/// Starts a session for `user_id`, who holds `grants`, opened from the
/// browser `user_agent`, and returns the cookie that carries it. The cookie
/// lives as long as the session may.
pub async fn start(
    db: &DatabaseConnection,
    settings: &Settings,
    user_id: Uuid,
    grants: &[RoleGrant],
    user_agent: &str,
) -> ServiceResult<Cookie<'static>> {
    let token = new_token();
    let now = clock::now();
    let limits = settings.sessions.for_grants(grants);
    session::ActiveModel {
        token_hash: Set(token_digest(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + limits.lifetime_seconds),
        user_agent: Set(cut_to_bytes(user_agent, 256).to_owned()),
    }
    .insert(db)
    .await?;
    Ok(session_cookie(settings, token, limits.lifetime_seconds))
}

/// The longest prefix of `text` of at most `max` bytes that ends on a
/// character boundary.
fn cut_to_bytes(text: &str, max: usize) -> &str {
    let mut end = std::cmp::min(max, text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Ends one session on the server; the cookie is cleared by the caller.
pub async fn end(state: &AppState, digest: &str) -> ServiceResult<()> {
    session::Entity::delete_by_id(digest.to_owned()).exec(&state.db).await?;
    state.sessions.forget_session(digest);
    Ok(())
}

/// Ends every session of a user (password change, deactivation, deletion),
/// inside the caller's transaction: the caller calls [`changed`] once it
/// has committed.
pub async fn end_all(db: &impl sea_orm::ConnectionTrait, user_id: Uuid) -> ServiceResult<()> {
    session::Entity::delete_many().filter(session::Column::UserId.eq(user_id)).exec(db).await?;
    Ok(())
}

/// The cookie that removes the session cookie from the browser.
pub fn cleared_cookie(settings: &Settings) -> Cookie<'static> {
    session_cookie(settings, String::new(), 0)
}

fn session_cookie(settings: &Settings, value: String, max_age_seconds: i64) -> Cookie<'static> {
    site_cookie(settings, SESSION_COOKIE, value, cookie::time::Duration::seconds(max_age_seconds), true)
}

/// After a committed change to an account (its sessions, status, roles,
/// name, language or address): this instance forgets what it remembered of
/// the account's sessions, so the change shows on its very next request.
pub fn changed(state: &AppState, user_id: Uuid) {
    state.sessions.forget_user(&user_id.to_string());
}

/// When a session ends: at the end fixed at sign-in, at the lifetime of
/// the roles its user holds now (a guardian made coordinator gets the
/// stricter one at once), or after the idle limit since its last use.
fn ends_at(found: &session::Model, limits: SessionLimits, last_use: i64) -> i64 {
    found.expires_at.min(found.created_at + limits.lifetime_seconds).min(last_use + limits.idle_seconds)
}

/// The signed-in user for a session token, if the session is live and the
/// account active, from the instance's recent memory or the database.
/// Records the session's last use often enough for the idle limit to hold:
/// at most a tenth of that limit late.
pub async fn resolve(state: &AppState, token: &str) -> ServiceResult<Option<(SessionUser, String)>> {
    let digest = token_digest(token);
    let now = clock::now();
    if let Some(user) = state.sessions.get(&digest, now) {
        return Ok(Some((user, digest)));
    }
    let epoch = state.sessions.epoch();
    let db = &state.db;
    // The session, its account and the account's roles in one query, a row
    // per role.
    let rows =
        session::Entity::find_by_id(digest.clone()).find_also_related(user::Entity).and_also_related(user_role::Entity).all(db).await?;
    let Some((found, Some(account), _)) = rows.first() else {
        return Ok(None);
    };
    let mut grants: Vec<RoleGrant> = rows.iter().filter_map(|(_, _, role)| role.as_ref().and_then(grant_of)).collect();
    grants.sort();
    let limits = state.settings.sessions.for_grants(&grants);
    if ends_at(found, limits, found.last_seen_at) <= now {
        session::Entity::delete_by_id(digest).exec(db).await?;
        return Ok(None);
    }
    if UserStatus::from_code(&account.status) != Some(UserStatus::Active) {
        return Ok(None);
    }
    let mut last_use = found.last_seen_at;
    if now - last_use > limits.idle_seconds / 10 {
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, now.into())
            .filter(session::Column::TokenHash.eq(digest.clone()))
            .exec(db)
            .await?;
        last_use = now;
    }
    let moderates = category_moderator::Entity::find()
        .filter(category_moderator::Column::UserId.eq(account.id))
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.category_slug)
        .collect();
    let user = SessionUser { moderates, ..session_user(account, grants) };
    state.sessions.put(epoch, digest.clone(), user.clone(), ends_at(found, limits, last_use));
    Ok(Some((user, digest)))
}

/// Removes every session that has ended, presented again or not; returns
/// how many.
pub async fn purge_ended(db: &impl sea_orm::ConnectionTrait, policy: &SessionPolicy) -> ServiceResult<u64> {
    let now = clock::now();
    let ended = |limits: SessionLimits| {
        Condition::any()
            .add(session::Column::ExpiresAt.lte(now))
            .add(session::Column::CreatedAt.lte(now - limits.lifetime_seconds))
            .add(session::Column::LastSeenAt.lte(now - limits.idle_seconds))
    };
    let mut purged = session::Entity::delete_many().filter(ended(policy.standard)).exec(db).await?.rows_affected;
    let privileged_codes: Vec<&str> = Role::ALL.into_iter().filter(|r| r.is_privileged()).map(Role::code).collect();
    let privileged_users = Query::select()
        .column(user_role::Column::UserId)
        .from(user_role::Entity)
        .and_where(user_role::Column::Role.is_in(privileged_codes))
        .to_owned();
    purged += session::Entity::delete_many()
        .filter(session::Column::UserId.in_subquery(privileged_users))
        .filter(ended(policy.privileged))
        .exec(db)
        .await?
        .rows_affected;
    Ok(purged)
}

/// The user's live sessions, most recently used first, marking the one
/// the request came with.
pub async fn list_own(state: &AppState, user_id: Uuid, current: Option<&str>) -> ServiceResult<Vec<OwnSession>> {
    let rows = session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::ExpiresAt.gt(clock::now()))
        .order_by_desc(session::Column::LastSeenAt)
        .all(&state.db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let device = Device::from_user_agent(&row.user_agent);
            OwnSession {
                browser: device.browser.map(str::to_owned),
                system: device.system.map(str::to_owned),
                started_at: row.created_at,
                last_seen_at: row.last_seen_at,
                current: current == Some(row.token_hash.as_str()),
            }
        })
        .collect())
}

/// Ends every session of the user but `keep`, inside the caller's
/// transaction (the caller calls [`changed`] once it has committed);
/// returns how many ended.
pub async fn end_others(db: &impl sea_orm::ConnectionTrait, user_id: Uuid, keep: &str) -> ServiceResult<u64> {
    Ok(session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::TokenHash.ne(keep))
        .exec(db)
        .await?
        .rows_affected)
}

/// A role row as a grant; `None` for a code this version does not know.
pub fn grant_of(row: &user_role::Model) -> Option<RoleGrant> {
    Some(RoleGrant { role: Role::from_code(&row.role)?, district: District::from_code(&row.district)? })
}

/// A user's role grants, skipping any unknown code rather than failing.
pub async fn load_grants(db: &impl sea_orm::ConnectionTrait, user_id: Uuid) -> ServiceResult<Vec<RoleGrant>> {
    let rows = user_role::Entity::find().filter(user_role::Column::UserId.eq(user_id)).all(db).await?;
    let mut grants: Vec<RoleGrant> = rows.iter().filter_map(grant_of).collect();
    grants.sort();
    Ok(grants)
}

pub fn session_user(account: &user::Model, grants: Vec<RoleGrant>) -> SessionUser {
    SessionUser {
        id: account.id.to_string(),
        name: account.name.clone(),
        email: account.email.clone(),
        locale: Locale::from_code(&account.locale).unwrap_or_default(),
        home_district: account.home(),
        grants,
        second_factor: account.totp_enabled_at.is_some(),
        unread_notifications: u32::try_from(account.unread_notifications).unwrap_or(0),
        silenced_until: account.silenced_until,
        handle: account.handle.clone(),
        moderates: Vec::new(),
    }
}
