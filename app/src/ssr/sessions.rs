//! Sign-in sessions stored in the database, so any instance serves any
//! request. The cookie holds a random token; the table holds its digest.

use cookie::Cookie;
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, DatabaseConnection, EntityTrait as _, QueryFilter as _, prelude::Uuid,
};

use super::{
    clock::{self, DAY, HOUR},
    entities::{session, user, user_role},
    error::ServiceResult,
    request::{CookieName, site_cookie},
    secrets::{new_token, token_digest},
    state::{AppState, Settings},
};
use crate::{
    domain::{District, Role, RoleGrant, SessionUser, UserStatus},
    i18n::Locale,
};

pub const SESSION_COOKIE: CookieName = CookieName::new("tutela_session", "__Host-tutela_session");

/// Starts a session for `user_id` and returns the cookie that carries it.
pub async fn start(db: &DatabaseConnection, settings: &Settings, user_id: Uuid) -> ServiceResult<Cookie<'static>> {
    let token = new_token();
    let now = clock::now();
    session::ActiveModel {
        token_hash: Set(token_digest(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + settings.session_days * DAY),
    }
    .insert(db)
    .await?;
    Ok(session_cookie(settings, token, settings.session_days * DAY))
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

/// The signed-in user for a session token, if the session is live and the
/// account active, from the instance's recent memory or the database.
/// Refreshes the session's last use at most once an hour.
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
    if found.expires_at <= now {
        session::Entity::delete_by_id(digest).exec(db).await?;
        return Ok(None);
    }
    if UserStatus::from_code(&account.status) != Some(UserStatus::Active) {
        return Ok(None);
    }
    if now - found.last_seen_at > HOUR {
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, now.into())
            .filter(session::Column::TokenHash.eq(digest.clone()))
            .exec(db)
            .await?;
    }
    let mut grants: Vec<RoleGrant> = rows.iter().filter_map(|(_, _, role)| role.as_ref().and_then(grant_of)).collect();
    grants.sort();
    let user = session_user(account, grants);
    state.sessions.put(epoch, digest.clone(), user.clone(), found.expires_at);
    Ok(Some((user, digest)))
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
        home_district: District::from_code(&account.home_district).unwrap_or(District::Milano),
        grants,
    }
}
