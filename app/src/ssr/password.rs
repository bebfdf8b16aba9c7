//! Password hashing with argon2id, off the async runtime and never more at
//! once than there are cores: each hash holds about 19 MiB for a moment,
//! and a burst of sign-ins must not exhaust memory or starve other work.

use std::sync::LazyLock;

use argon2::{
    Argon2, PasswordHash, PasswordHasher as _, PasswordVerifier as _,
    password_hash::{SaltString, rand_core::OsRng},
};
use tokio::sync::Semaphore;

use super::error::{ServiceError, ServiceResult};
use crate::domain::NewPassword;

/// One permit per core for argon2 work.
static ARGON2_SLOTS: LazyLock<Semaphore> =
    LazyLock::new(|| Semaphore::new(std::thread::available_parallelism().map_or(2, std::num::NonZero::get)));

/// Runs `work` on a blocking thread once a slot is free.
async fn in_a_slot<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> ServiceResult<T> {
    let _slot = ARGON2_SLOTS.acquire().await.map_err(|e| ServiceError::Internal(format!("argon2 slots: {e}")))?;
    tokio::task::spawn_blocking(work).await.map_err(|e| ServiceError::Internal(format!("argon2 task: {e}")))
}

/// Hashes a new password (argon2id, default parameters).
pub async fn hash(password: &NewPassword) -> ServiceResult<String> {
    let password = password.expose().to_owned();
    in_a_slot(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| ServiceError::Internal(format!("hashing a password: {e}")))
    })
    .await?
}

/// Checks a password against a stored hash. An empty or unreadable hash
/// never matches. When there is no account, pass `None`: a dummy hash is
/// computed so the answer takes as long as for a real one.
pub async fn verify(candidate: &str, stored_hash: Option<&str>) -> bool {
    let candidate = candidate.to_owned();
    let stored = stored_hash.map(str::to_owned);
    in_a_slot(move || {
        let argon = Argon2::default();
        if let Some(stored) = stored.as_deref().filter(|h| !h.is_empty()) {
            PasswordHash::new(stored).is_ok_and(|parsed| argon.verify_password(candidate.as_bytes(), &parsed).is_ok())
        } else {
            let _ = argon.hash_password(candidate.as_bytes(), &SaltString::generate(&mut OsRng));
            false
        }
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use std::sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    };

    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn no_more_hashes_run_at_once_than_there_are_cores() {
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..24)
            .map(|_| {
                let (running, most) = (running.clone(), most.clone());
                tokio::spawn(in_a_slot(move || {
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    running.fetch_sub(1, Ordering::SeqCst);
                }))
            })
            .collect();
        for task in tasks {
            task.await.unwrap().unwrap();
        }
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        assert!(most.load(Ordering::SeqCst) <= cores, "{} at once on {cores} cores", most.load(Ordering::SeqCst));
        assert!(most.load(Ordering::SeqCst) >= 1);
    }
}
