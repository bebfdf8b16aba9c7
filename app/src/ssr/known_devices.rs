//! Browsers a user has signed in from. A long-lived cookie carries a random
//! token (the table holds its digest); a browser that presents its owner's
//! token passes the per-account slowdown of sign-in, so however many wrong
//! passwords others send for an address, its owner still gets in from the
//! devices they use.

use cookie::Cookie;
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, prelude::Uuid,
};

use super::{
    clock::{self, DAY},
    entities::known_device,
    error::ServiceResult,
    request::{CookieName, site_cookie},
    secrets::{new_token, token_digest},
    state::Settings,
};

pub const DEVICE_COOKIE: CookieName = CookieName::new("tutela_device", "__Host-tutela_device");

/// A device unused for this long is forgotten.
const LIFETIME: i64 = 365 * DAY;

/// The account whose device presented `token`, if it is a live one.
pub async fn owner(db: &impl ConnectionTrait, token: &str) -> ServiceResult<Option<Uuid>> {
    let found = known_device::Entity::find_by_id(token_digest(token)).one(db).await?;
    Ok(found.filter(|device| device.last_used_at > clock::now() - LIFETIME).map(|device| device.user_id))
}

/// Remembers this browser for `user_id` after a sign-in and returns the
/// cookie to set: the token it presented if that is already this user's,
/// otherwise a new one.
pub async fn remember(
    db: &impl ConnectionTrait,
    settings: &Settings,
    user_id: Uuid,
    presented: Option<&str>,
) -> ServiceResult<Cookie<'static>> {
    let now = clock::now();
    if let Some(token) = presented {
        let refreshed = known_device::Entity::update_many()
            .col_expr(known_device::Column::LastUsedAt, sea_orm::sea_query::Expr::value(now))
            .filter(known_device::Column::TokenHash.eq(token_digest(token)))
            .filter(known_device::Column::UserId.eq(user_id))
            .exec(db)
            .await?;
        if refreshed.rows_affected == 1 {
            return Ok(device_cookie(settings, token.to_owned()));
        }
    }
    let token = new_token();
    known_device::ActiveModel {
        token_hash: Set(token_digest(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        last_used_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(device_cookie(settings, token))
}

/// Stops trusting the device that presented `token`.
pub async fn forget(db: &impl ConnectionTrait, token: &str) -> ServiceResult<()> {
    known_device::Entity::delete_by_id(token_digest(token)).exec(db).await?;
    Ok(())
}

/// Forgets devices unused for a year.
pub async fn purge(db: &impl ConnectionTrait) -> ServiceResult<u64> {
    let cutoff = clock::now() - LIFETIME;
    Ok(known_device::Entity::delete_many().filter(known_device::Column::LastUsedAt.lt(cutoff)).exec(db).await?.rows_affected)
}

fn device_cookie(settings: &Settings, token: String) -> Cookie<'static> {
    site_cookie(settings, DEVICE_COOKIE, token, cookie::time::Duration::seconds(LIFETIME), true)
}
