//! A short memory, per instance, of the sessions it has resolved, so that a
//! signed-in request does not ask the database who is asking every time.
//!
//! What this instance changes about an account (sign-out, password,
//! deactivation, roles, profile, address) it forgets at once, after the
//! change is committed. What another instance sharing the database changes
//! shows here once the entry is older than `session_cache_seconds`: that is
//! the bound on how long a sign-out elsewhere can lag. Zero turns it off.

use std::{
    collections::HashMap,
    sync::{Mutex, MutexGuard, PoisonError},
    time::{Duration, Instant},
};

use crate::domain::SessionUser;

/// Beyond this many entries, expired ones are dropped before a new one is kept.
const SWEEP_ABOVE: usize = 50_000;

/// Lives in the application state, which every request shares.
pub struct SessionCache {
    lifetime: Duration,
    inner: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    by_digest: HashMap<String, Entry>,
    /// Counts every forgetting: a lookup that began before one may have read
    /// what was just changed, so it must not be kept.
    epoch: u64,
}

struct Entry {
    user: SessionUser,
    /// When the session itself ends, in the clock's seconds.
    session_expires_at: i64,
    stored_at: Instant,
}

/// Taken before a database lookup; keeping its result needs it unchanged.
#[derive(Clone, Copy, Debug)]
pub struct Epoch(u64);

impl SessionCache {
    pub fn new(lifetime_seconds: u64) -> SessionCache {
        SessionCache { lifetime: Duration::from_secs(lifetime_seconds), inner: Mutex::default() }
    }

    fn entries(&self) -> MutexGuard<'_, Entries> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The user of a live session this instance resolved recently.
    pub fn get(&self, digest: &str, now: i64) -> Option<SessionUser> {
        if self.lifetime.is_zero() {
            return None;
        }
        let entries = self.entries();
        let entry = entries.by_digest.get(digest)?;
        (entry.stored_at.elapsed() < self.lifetime && entry.session_expires_at > now).then(|| entry.user.clone())
    }

    pub fn epoch(&self) -> Epoch {
        Epoch(self.entries().epoch)
    }

    /// Keeps what a lookup that began at `epoch` found, unless something
    /// was forgotten since.
    pub fn put(&self, epoch: Epoch, digest: String, user: SessionUser, session_expires_at: i64) {
        if self.lifetime.is_zero() {
            return;
        }
        let mut entries = self.entries();
        if entries.epoch != epoch.0 {
            return;
        }
        if entries.by_digest.len() >= SWEEP_ABOVE {
            let lifetime = self.lifetime;
            entries.by_digest.retain(|_, entry| entry.stored_at.elapsed() < lifetime);
        }
        entries.by_digest.insert(digest, Entry { user, session_expires_at, stored_at: Instant::now() });
    }

    /// Forgets one session (it was ended).
    pub fn forget_session(&self, digest: &str) {
        let mut entries = self.entries();
        entries.epoch += 1;
        entries.by_digest.remove(digest);
    }

    /// Forgets every session of an account (it changed, or was removed).
    pub fn forget_user(&self, user_id: &str) {
        let mut entries = self.entries();
        entries.epoch += 1;
        entries.by_digest.retain(|_, entry| entry.user.id != user_id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{domain::District, i18n::Locale};

    fn user(id: &str) -> SessionUser {
        SessionUser {
            id: id.into(),
            name: "N".into(),
            email: "n@example.org".into(),
            locale: Locale::It,
            home_district: District::Milano,
            grants: vec![],
            second_factor: false,
            unread_notifications: 0,
            silenced_until: None,
            handle: None,
            moderates: Vec::new(),
        }
    }

    #[test]
    fn a_kept_session_is_found_until_forgotten_or_expired() {
        let cache = SessionCache::new(60);
        cache.put(cache.epoch(), "a".into(), user("u1"), 100);
        cache.put(cache.epoch(), "b".into(), user("u2"), 100);
        assert_eq!(cache.get("a", 50).map(|u| u.id), Some("u1".into()));
        assert!(cache.get("a", 100).is_none(), "the session itself has expired");
        cache.forget_user("u1");
        assert!(cache.get("a", 50).is_none());
        assert!(cache.get("b", 50).is_some());
        cache.forget_session("b");
        assert!(cache.get("b", 50).is_none());
    }

    #[test]
    fn a_lookup_that_raced_a_change_is_not_kept() {
        let cache = SessionCache::new(60);
        let before = cache.epoch();
        cache.forget_user("u1");
        cache.put(before, "a".into(), user("u1"), 100);
        assert!(cache.get("a", 50).is_none());
    }

    #[test]
    fn a_lifetime_of_zero_keeps_nothing() {
        let cache = SessionCache::new(0);
        cache.put(cache.epoch(), "a".into(), user("u1"), 100);
        assert!(cache.get("a", 50).is_none());
    }
}
