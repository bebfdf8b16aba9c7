//! Certificates' server functions: verifying one (anyone), revoking one
//! and listing a district's (coordinators).

use leptos::prelude::*;

use crate::domain::{
    AppError,
    certificates::{CertificateList, Verification},
};

/// What the certificate `code` states, for anyone who has the code.
#[server(endpoint = "training/verify")]
pub async fn load_verification(code: String) -> Result<Verification, AppError> {
    use crate::{
        api::respond,
        ssr::{request::request_context, state::app_state, training::cycles::certificates},
    };
    let state = app_state()?;
    let context = request_context();
    respond::data(certificates::verify(&state, context.user.as_ref(), context.locale, &code).await)
}

/// The certificates of the districts the reader coordinates (`district`
/// empty), or of one of them.
#[server(endpoint = "training/certificates")]
pub async fn load_certificates(district: String) -> Result<CertificateList, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, request::request_context, state::app_state, training::cycles::certificates},
    };
    let state = app_state()?;
    let context = request_context();
    respond::data(async { certificates::list(&state, &authz::require_user()?, context.locale, &district).await }.await)
}

#[server(endpoint = "training/revoke_certificate")]
pub async fn revoke_certificate(code: String, reason: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, state::app_state, training::cycles::certificates},
    };
    let state = app_state()?;
    let back = paths::verify_certificate(&code);
    let result = async {
        certificates::revoke(&state, &authz::require_user()?, &code, &reason).await?;
        Ok(Done::to(back.clone(), Notice::CertificateRevoked))
    }
    .await;
    respond::form("certificate_revoke", &back, &[("reason", &reason)], result)
}
