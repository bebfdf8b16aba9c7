//! Password hashing with argon2id, off the async runtime.

use argon2::{
    Argon2, PasswordHash, PasswordHasher as _, PasswordVerifier as _,
    password_hash::{SaltString, rand_core::OsRng},
};

use super::error::{ServiceError, ServiceResult};
use crate::domain::NewPassword;

/// Hashes a new password (argon2id, default parameters) on a blocking thread.
pub async fn hash(password: &NewPassword) -> ServiceResult<String> {
    let password = password.expose().to_owned();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| ServiceError::Internal(format!("hashing a password: {e}")))
    })
    .await
    .map_err(|e| ServiceError::Internal(format!("hashing task: {e}")))?
}

/// Checks a password against a stored hash on a blocking thread. An empty or
/// unreadable hash never matches. When there is no account, pass `None`: a
/// dummy hash is checked so the answer takes as long as for a real one.
pub async fn verify(candidate: &str, stored_hash: Option<&str>) -> bool {
    let candidate = candidate.to_owned();
    let stored = stored_hash.map(str::to_owned);
    tokio::task::spawn_blocking(move || {
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
