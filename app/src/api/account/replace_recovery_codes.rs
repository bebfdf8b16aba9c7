use leptos::prelude::*;

use crate::domain::AppError;

/// Puts the recovery codes the page offered in place of the old ones,
/// confirmed with a code from the app.
#[server(endpoint = "replace_recovery_codes")]
pub async fn replace_recovery_codes(recovery_codes: String, proof: String, code: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, second_factor, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        let user = authz::require_user()?;
        let offered = second_factor::Offered { secret: "", codes: &recovery_codes, proof: &proof };
        second_factor::replace_recovery_codes(&state, &user, &offered, &code).await?;
        Ok(Done::to(paths::ACCOUNT_SECOND_FACTOR, Notice::RecoveryCodesReplaced))
    }
    .await;
    let kept = [("recovery_codes", recovery_codes.as_str()), ("proof", proof.as_str())];
    respond::form("replace_recovery_codes", paths::ACCOUNT_SECOND_FACTOR, &kept, result)
}
