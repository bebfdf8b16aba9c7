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
    /// Counts one attempt for `key` and returns how many there have been in
    /// the current window, this one included.
    pub fn count(&self, key: &str, window_seconds: i64, now: i64) -> u32 {
        let mut windows = self.windows.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if windows.len() > 100_000 {
            windows.retain(|_, (start, _)| now - *start < window_seconds);
        }
        let entry = windows.entry(key.to_owned()).or_insert((now, 0));
        if now - entry.0 >= window_seconds {
            *entry = (now, 0);
        }
        entry.1 += 1;
        entry.1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_resets_after_the_window() {
        let limiter = RateLimiter::default();
        assert_eq!(limiter.count("k", 60, 0), 1);
        assert_eq!(limiter.count("k", 60, 1), 2);
        assert_eq!(limiter.count("k", 60, 2), 3);
        assert_eq!(limiter.count("k", 60, 61), 1, "a new window");
        assert_eq!(limiter.count("other", 60, 2), 1);
    }
}
