//! Brute-force protection of sign-in, counting failures only, in the
//! database that every instance shares:
//!
//! - per client network: after the configured number of failures in a
//!   window, that network is refused until the window ends;
//! - per typed address: after a few failures, from however many networks,
//!   the next attempt waits half a minute and each one after it twice as
//!   long as the one before, up to a cap, and the account's owner is told
//!   by mail;
//! - a known device of the account (see `known_devices`) passes both, so
//!   nobody can lock an owner out by failing on purpose; its own failures
//!   are counted, and after a few it is no longer known.

use super::{
    audit::{self, AuditRecord},
    clock::{self, DAY},
    entities::user,
    error::{ServiceError, ServiceResult},
    known_devices,
    mail::{self, MailKind},
    state::AppState,
    throttle::{self, Counted},
};
use crate::{
    domain::{District, Email, Problem},
    i18n::Locale,
    routes::paths,
};

/// Failures for one address before its attempts are slowed down.
const FREE_FAILURES: u32 = 5;
/// The first wait, once an address has used its free failures.
const FIRST_DELAY_SECONDS: i64 = 30;
/// The longest wait between two attempts for one address.
const MAX_DELAY_SECONDS: i64 = 10 * 60;
/// How long failures for one address are remembered.
const ACCOUNT_WINDOW: i64 = DAY;
/// Wrong passwords from a known device before it stops being known.
const DEVICE_FAILURES: u32 = 5;

const ACTION: &str = "login";

/// One sign-in attempt, as it arrives.
pub struct Attempt<'a> {
    pub email: &'a Email,
    pub client: &'a str,
    /// The known-device token the browser presented.
    pub device_token: Option<&'a str>,
}

/// How long an address waits after `failures` failures, in seconds.
fn delay_after(failures: u32) -> i64 {
    if failures <= FREE_FAILURES {
        return 0;
    }
    let doublings = (failures - FREE_FAILURES - 1).min(20);
    (FIRST_DELAY_SECONDS << doublings).min(MAX_DELAY_SECONDS)
}

/// Decides, before any password is hashed, whether the attempt may be
/// made; returns whether it comes from a known device of `account`.
pub async fn admit(state: &AppState, attempt: &Attempt<'_>, account: Option<&user::Model>) -> ServiceResult<bool> {
    if let (Some(token), Some(account)) = (attempt.device_token, account)
        && known_devices::owner(&state.db, token).await? == Some(account.id)
    {
        return Ok(true);
    }
    throttle::refuse_after_failures(state, ACTION, Counted::Client(attempt.client)).await?;
    let failures = throttle::current(&state.db, ACTION, Counted::Email(attempt.email.as_str()), ACCOUNT_WINDOW).await?;
    if clock::now() < failures.last_hit_at + delay_after(failures.hits) {
        return Err(ServiceError::Refused(Problem::SignInSlowedDown));
    }
    Ok(false)
}

/// Counts a wrong password (or an unknown address) after [`admit`].
pub async fn failed(state: &AppState, attempt: &Attempt<'_>, account: Option<&user::Model>, known_device: bool) -> ServiceResult<()> {
    let district = account.and_then(|a| District::from_code(&a.home_district));
    if known_device {
        if let Some(token) = attempt.device_token {
            let failures = throttle::hit(&state.db, ACTION, Counted::Device(token), ACCOUNT_WINDOW).await?;
            if failures.hits >= DEVICE_FAILURES {
                known_devices::forget(&state.db, token).await?;
            }
        }
        return Ok(());
    }
    throttle::count_failure(state, ACTION, Counted::Client(attempt.client), district).await?;
    let failures = throttle::hit(&state.db, ACTION, Counted::Email(attempt.email.as_str()), ACCOUNT_WINDOW).await?;
    if failures.hits == FREE_FAILURES + 1 {
        slowed_down(state, account, district).await?;
    }
    Ok(())
}

/// Once a window, when an address starts being slowed down: the audit log
/// records it, and an account's owner is told.
async fn slowed_down(state: &AppState, account: Option<&user::Model>, district: Option<District>) -> ServiceResult<()> {
    let subject_id = account.map_or_else(String::new, |a| a.id.to_string());
    let entry =
        AuditRecord { actor: None, action: "sign_in.slowed_down", subject_kind: "user", subject_id, detail: String::new(), district };
    let Some(account) = account else {
        return audit::record(&state.db, AuditRecord { subject_kind: "limit", subject_id: format!("{ACTION}:email"), ..entry }).await;
    };
    audit::record(&state.db, entry).await?;
    let kind = MailKind::SignInsFailing { name: account.name.clone(), reset_link: state.settings.link(paths::PASSWORD_FORGOT) };
    let locale = Locale::from_code(&account.locale).unwrap_or_default();
    mail::enqueue(&state.db, &account.email, locale, &kind).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_after_the_free_failures_up_to_its_cap() {
        assert_eq!(delay_after(0), 0);
        assert_eq!(delay_after(FREE_FAILURES), 0);
        assert_eq!(delay_after(FREE_FAILURES + 1), 30);
        assert_eq!(delay_after(FREE_FAILURES + 2), 60);
        assert_eq!(delay_after(FREE_FAILURES + 5), 480);
        assert_eq!(delay_after(FREE_FAILURES + 6), MAX_DELAY_SECONDS);
        assert_eq!(delay_after(u32::MAX), MAX_DELAY_SECONDS);
    }
}
