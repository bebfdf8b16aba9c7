//! Fixed-window counters that slow down password guessing and mail flooding.
//! Kept in memory per instance: behind several instances each one counts on
//! its own, which still bounds an attacker to N × the limit.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

#[derive(Clone, Default)]
pub struct RateLimiter {
    windows: Arc<Mutex<HashMap<String, (i64, u32)>>>,
}

impl RateLimiter {
    /// Counts one attempt for `key`; `false` when the limit is exceeded.
    pub fn allow(&self, key: &str, limit: u32, window_seconds: i64, now: i64) -> bool {
        let mut windows = self.windows.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if windows.len() > 100_000 {
            windows.retain(|_, (start, _)| now - *start < window_seconds);
        }
        let entry = windows.entry(key.to_owned()).or_insert((now, 0));
        if now - entry.0 >= window_seconds {
            *entry = (now, 0);
        }
        entry.1 += 1;
        entry.1 <= limit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_resets_after_the_window() {
        let limiter = RateLimiter::default();
        assert!(limiter.allow("k", 2, 60, 0));
        assert!(limiter.allow("k", 2, 60, 1));
        assert!(!limiter.allow("k", 2, 60, 2));
        assert!(limiter.allow("k", 2, 60, 61));
        assert!(limiter.allow("other", 2, 60, 2));
    }
}
