//! Counters that slow down password guessing and mail flooding. They live
//! in the database, so every instance counts the same attempts, and each
//! is a fixed window: `hits` events since `window_start`.

use std::net::IpAddr;

use sea_orm::{
    ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _,
    prelude::Uuid,
    sea_query::{Expr, ExprTrait as _, OnConflict},
};

use super::{
    audit::{self, AuditRecord},
    clock,
    entities::throttle::{self, Column},
    error::{ServiceError, ServiceResult},
    state::AppState,
};
use crate::domain::{District, Problem};

/// Who or what an attempt is counted against.
#[derive(Clone, Copy, Debug)]
pub enum Counted<'a> {
    /// The client's address, grouped by [`network_of`].
    Client(&'a str),
    /// An e-mail address typed into a form, whether or not it has an account.
    Email(&'a str),
    Account(Uuid),
    /// A known-device token, counted by its digest.
    Device(&'a str),
}

impl Counted<'_> {
    fn kind(self) -> &'static str {
        match self {
            Counted::Client(_) => "client",
            Counted::Email(_) => "email",
            Counted::Account(_) => "account",
            Counted::Device(_) => "device",
        }
    }

    fn key(self) -> String {
        match self {
            Counted::Client(address) => network_of(address),
            Counted::Email(email) => email.to_owned(),
            Counted::Account(id) => id.to_string(),
            Counted::Device(token) => super::secrets::token_digest(token),
        }
    }

    fn scope(self, action: &str) -> String {
        format!("{action}:{}", self.kind())
    }
}

/// Counts an attempt at `action` against each of `counted`, refused once
/// any of them is over the configured limit in its window: for requests
/// that cost a mail or guess a link, where every attempt counts. The first
/// refusal in a window goes to the audit log, the ones after it would only
/// flood it.
pub async fn count_attempt(state: &AppState, action: &str, counted: &[Counted<'_>]) -> ServiceResult<()> {
    let settings = &state.settings;
    for subject in counted {
        let count = hit(&state.db, action, *subject, settings.rate_limit_window_seconds).await?;
        if count.hits > settings.rate_limit_attempts {
            if count.hits == settings.rate_limit_attempts + 1 {
                audit_trip(state, action, *subject, None).await?;
            }
            return Err(ServiceError::Refused(Problem::RateLimited));
        }
    }
    Ok(())
}

/// Refuses an attempt at `action` when `subject` has already failed the
/// configured number of times in the window: for checks whose success
/// should never count against anyone.
pub async fn refuse_after_failures(state: &AppState, action: &str, subject: Counted<'_>) -> ServiceResult<()> {
    let settings = &state.settings;
    let count = current(&state.db, action, subject, settings.rate_limit_window_seconds).await?;
    if count.hits >= settings.rate_limit_attempts { Err(ServiceError::Refused(Problem::RateLimited)) } else { Ok(()) }
}

/// Counts a failed attempt at `action` against `subject`; the failure that
/// uses up the limit goes to the audit log.
pub async fn count_failure(state: &AppState, action: &str, subject: Counted<'_>, district: Option<District>) -> ServiceResult<Count> {
    let settings = &state.settings;
    let count = hit(&state.db, action, subject, settings.rate_limit_window_seconds).await?;
    if count.hits == settings.rate_limit_attempts {
        audit_trip(state, action, subject, district).await?;
    }
    Ok(count)
}

async fn audit_trip(state: &AppState, action: &str, subject: Counted<'_>, district: Option<District>) -> ServiceResult<()> {
    let entry = AuditRecord {
        actor: None,
        action: "rate_limit.tripped",
        subject_kind: "limit",
        subject_id: subject.scope(action),
        detail: String::new(),
        district,
    };
    audit::record(&state.db, entry).await
}

/// What a counter holds in its current window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub hits: u32,
    pub last_hit_at: i64,
}

/// Counts one event at `action` against `subject` and returns the
/// window's count, this event included. One statement, so concurrent hits
/// on any instance are all counted.
pub async fn hit(db: &impl ConnectionTrait, action: &str, subject: Counted<'_>, window_seconds: i64) -> ServiceResult<Count> {
    let now = clock::now();
    let expired = || Expr::col((throttle::Entity, Column::WindowStart)).lte(now - window_seconds);
    let row = throttle::ActiveModel {
        scope: sea_orm::Set(subject.scope(action)),
        key: sea_orm::Set(subject.key()),
        window_start: sea_orm::Set(now),
        hits: sea_orm::Set(1),
        last_hit_at: sea_orm::Set(now),
    };
    let counted = throttle::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([Column::Scope, Column::Key])
                .value(Column::Hits, Expr::case(expired(), 1).finally(Expr::col((throttle::Entity, Column::Hits)).add(1)))
                .value(Column::WindowStart, Expr::case(expired(), now).finally(Expr::col((throttle::Entity, Column::WindowStart))))
                .value(Column::LastHitAt, now)
                .to_owned(),
        )
        .exec_with_returning(db)
        .await?;
    Ok(Count { hits: u32::try_from(counted.hits).unwrap_or(u32::MAX), last_hit_at: counted.last_hit_at })
}

/// The window's count at `action` for `subject`, without counting anything.
pub async fn current(db: &impl ConnectionTrait, action: &str, subject: Counted<'_>, window_seconds: i64) -> ServiceResult<Count> {
    let found = throttle::Entity::find_by_id((subject.scope(action), subject.key())).one(db).await?;
    Ok(found
        .filter(|row| row.window_start > clock::now() - window_seconds)
        .map(|row| Count { hits: u32::try_from(row.hits).unwrap_or(u32::MAX), last_hit_at: row.last_hit_at })
        .unwrap_or_default())
}

/// Forgets counters nothing has hit since `before`.
pub async fn purge(db: &impl ConnectionTrait, before: i64) -> ServiceResult<u64> {
    Ok(throttle::Entity::delete_many().filter(Column::LastHitAt.lt(before)).exec(db).await?.rows_affected)
}

/// The network a client's attempts are counted against: its address, or
/// for IPv6 its /64, which one subscriber usually holds whole (counting
/// single IPv6 addresses would let them pick a fresh one per guess).
pub fn network_of(client: &str) -> String {
    match client.parse::<IpAddr>() {
        Ok(IpAddr::V6(v6)) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return v4.to_string();
            }
            let segments = v6.segments();
            let prefix = std::net::Ipv6Addr::new(segments[0], segments[1], segments[2], segments[3], 0, 0, 0, 0);
            format!("{prefix}/64")
        }
        _ => client.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_clients_are_counted_by_their_64_and_ipv4_by_address() {
        assert_eq!(network_of("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(network_of("2001:db8:1:2:bbbb:cccc:dddd:eeee"), "2001:db8:1:2::/64");
        assert_ne!(network_of("2001:db8:1:3::1"), network_of("2001:db8:1:2::1"));
        assert_eq!(network_of("::ffff:192.0.2.7"), "192.0.2.7", "an IPv4 client seen through an IPv6 socket");
        assert_eq!(network_of("192.0.2.7"), "192.0.2.7");
        assert_eq!(network_of(""), "");
    }
}
