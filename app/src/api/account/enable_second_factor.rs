use leptos::prelude::*;

use crate::domain::AppError;

/// Turns two-factor sign-in on with the secret and recovery codes the
/// set-up page offered, once `code` from the app matches.
#[server(endpoint = "enable_second_factor")]
pub async fn enable_second_factor(secret: String, recovery_codes: String, proof: String, code: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, second_factor, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        let user = authz::require_user()?;
        second_factor::enable(&state, &user, &second_factor::Offered { secret: &secret, codes: &recovery_codes, proof: &proof }, &code)
            .await?;
        Ok(Done::to(paths::ACCOUNT_SECOND_FACTOR, Notice::SecondFactorOn))
    }
    .await;
    let kept = [("secret", secret.as_str()), ("recovery_codes", recovery_codes.as_str()), ("proof", proof.as_str())];
    respond::form("enable_second_factor", paths::ACCOUNT_SECOND_FACTOR, &kept, result)
}
