use leptos::prelude::*;

use crate::domain::{AppError, SecondFactorStatus};

/// The reader's two-factor state and what the set-up page offers. The
/// three strings are the offer a failed form came from (empty otherwise),
/// kept so a mistyped code does not mean scanning a new QR code.
#[server(endpoint = "second_factor_page")]
pub async fn second_factor_page(secret: String, recovery_codes: String, proof: String) -> Result<SecondFactorStatus, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, second_factor, state::app_state},
    };
    let state = app_state()?;
    respond::data(
        async {
            let user = authz::require_user()?;
            let kept = (!proof.is_empty()).then_some(second_factor::Offered { secret: &secret, codes: &recovery_codes, proof: &proof });
            second_factor::page(&state, &user, kept).await
        }
        .await,
    )
}
