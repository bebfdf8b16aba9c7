//! One-click unsubscribe links: every notification mail carries one (in its
//! text and in its `List-Unsubscribe` header). The link is signed with the
//! server's key, so it needs no row of its own and no sign-in; it turns
//! notification mail off for its account, and works once: a used link's
//! nonce is recorded.

use base64::{Engine as _, engine::general_purpose::URL_SAFE_NO_PAD};
use rand::RngCore as _;
use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, TransactionTrait as _, TryInsertResult,
    prelude::Uuid,
};

use crate::{
    domain::notifications::{MailFrequency, UnsubscribeLink},
    routes::paths,
    ssr::{
        clock,
        entities::{unsubscribe_use, user},
        error::ServiceResult,
        secrets::SigningKey,
        state::{AppState, Settings},
    },
};

/// How long a link works: long enough for an old mail, short enough that
/// the record of used links stays small.
pub const VALID_FOR_SECONDS: i64 = 180 * clock::DAY;

/// What a valid link says.
struct Claims {
    member: Uuid,
    nonce: String,
}

/// A fresh link that turns off `member`'s notification mail.
pub fn link(settings: &Settings, key: &SigningKey, member: Uuid) -> String {
    let mut nonce = [0u8; 12];
    rand::rng().fill_bytes(&mut nonce);
    let payload = format!("{member}.{}.{}", clock::now(), URL_SAFE_NO_PAD.encode(nonce));
    let token = format!("{}.{}", URL_SAFE_NO_PAD.encode(&payload), key.sign(payload.as_bytes()));
    settings.link(&paths::unsubscribe(&token))
}

/// The link's claims, if its signature holds and it has not expired.
fn read(key: &SigningKey, token: &str, now: i64) -> Option<Claims> {
    let (encoded, tag) = token.split_once('.')?;
    let payload = String::from_utf8(URL_SAFE_NO_PAD.decode(encoded).ok()?).ok()?;
    if !key.verify(payload.as_bytes(), tag) {
        return None;
    }
    let mut parts = payload.splitn(3, '.');
    let member = Uuid::parse_str(parts.next()?).ok()?;
    let issued_at: i64 = parts.next()?.parse().ok()?;
    let nonce = parts.next()?.to_owned();
    (now - issued_at <= VALID_FOR_SECONDS).then_some(Claims { member, nonce })
}

/// What the link `token` would do now.
pub async fn status(state: &AppState, token: &str) -> ServiceResult<UnsubscribeLink> {
    let Some(claims) = read(&state.signing_key, token, clock::now()) else {
        return Ok(UnsubscribeLink::Invalid);
    };
    if user::Entity::find_by_id(claims.member).one(&state.db).await?.is_none() {
        return Ok(UnsubscribeLink::Invalid);
    }
    let used = unsubscribe_use::Entity::find_by_id(claims.nonce).one(&state.db).await?.is_some();
    Ok(if used { UnsubscribeLink::Used } else { UnsubscribeLink::Ready })
}

/// Uses the link `token`: notification mail goes off for its account.
/// Returns what the link was before.
pub async fn apply(state: &AppState, token: &str) -> ServiceResult<UnsubscribeLink> {
    let Some(claims) = read(&state.signing_key, token, clock::now()) else {
        return Ok(UnsubscribeLink::Invalid);
    };
    if user::Entity::find_by_id(claims.member).one(&state.db).await?.is_none() {
        return Ok(UnsubscribeLink::Invalid);
    }
    // Writing first: on SQLite a transaction that read first fails if
    // anyone wrote since.
    let txn = state.db.begin().await?;
    let recorded = unsubscribe_use::Entity::insert(unsubscribe_use::ActiveModel { nonce: Set(claims.nonce), used_at: Set(clock::now()) })
        .on_conflict_do_nothing()
        .exec_without_returning(&txn)
        .await?;
    let first_use = matches!(recorded, TryInsertResult::Inserted(rows) if rows > 0);
    if !first_use {
        return Ok(UnsubscribeLink::Used);
    }
    super::set_mail_frequency(&txn, claims.member, MailFrequency::Never).await?;
    txn.commit().await?;
    Ok(UnsubscribeLink::Ready)
}

/// Forgets used links old enough to have expired anyway; returns how many.
pub async fn purge_used(db: &impl ConnectionTrait) -> ServiceResult<u64> {
    let expired = clock::now() - VALID_FOR_SECONDS;
    Ok(unsubscribe_use::Entity::delete_many().filter(unsubscribe_use::Column::UsedAt.lt(expired)).exec(db).await?.rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signed_link_reads_back_and_a_changed_or_expired_one_does_not() {
        let key = SigningKey::generate();
        let member = Uuid::new_v4();
        let payload = format!("{member}.1000.bm9uY2U");
        let token = format!("{}.{}", URL_SAFE_NO_PAD.encode(&payload), key.sign(payload.as_bytes()));
        let claims = read(&key, &token, 2000).expect("valid");
        assert_eq!(claims.member, member);
        assert_eq!(claims.nonce, "bm9uY2U");
        assert!(read(&key, &token, 1000 + VALID_FOR_SECONDS + 1).is_none(), "expired");
        assert!(read(&SigningKey::generate(), &token, 2000).is_none(), "another key");
        let other = format!("{}.1000.bm9uY2U", Uuid::new_v4());
        let forged = format!("{}.{}", URL_SAFE_NO_PAD.encode(&other), token.split_once('.').unwrap().1);
        assert!(read(&key, &forged, 2000).is_none(), "another member under the same signature");
        assert!(read(&key, "garbage", 2000).is_none());
    }
}
