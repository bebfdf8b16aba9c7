//! Two-factor sign-in: time-based one-time codes (RFC 6238, six digits
//! every 30 seconds, as authenticator apps make them) and single-use
//! recovery codes. Required for jurists and coordinators before their
//! pages open (see `authz`), optional for everyone else.
//!
//! The set-up page is made from what the server offers: a new secret and
//! recovery codes, signed, so that turning it on accepts back only what the
//! server made, with a code that proves the app has the secret. A code is
//! accepted once: each account keeps the last time step it accepted.

use cookie::Cookie;
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, Condition, ConnectionTrait, EntityTrait as _, PaginatorTrait as _,
    QueryFilter as _, TransactionTrait as _, prelude::Uuid, sea_query::Expr,
};

use super::{
    accounts::{self, SignedIn},
    audit::{self, AuditRecord},
    authz,
    clock::{self, MINUTE},
    entities::{recovery_code, sign_in_challenge, user},
    error::{ServiceError, ServiceResult},
    mail::{self, MailKind},
    request::{CookieName, site_cookie},
    secrets::{new_token, token_digest},
    sessions,
    state::{AppState, Settings},
    throttle::{self, Counted},
};
use crate::{
    domain::{District, Enrolment, Problem, RecoveryCodes, Role, SecondFactorStatus, SessionUser},
    i18n::Locale,
    routes::paths,
};

pub const CHALLENGE_COOKIE: CookieName = CookieName::new("tutela_challenge", "__Host-tutela_challenge");

/// How long a sign-in waits for its code after the password.
const CHALLENGE_LIFETIME: i64 = 5 * MINUTE;
const ISSUER: &str = "Tutela";
const RECOVERY_CODE_COUNT: usize = 10;
/// Letters and digits that cannot be mistaken for one another.
const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
const ACTION: &str = "second-factor";

/// What the set-up form sent back: the offer it was made from.
pub struct Offered<'a> {
    pub secret: &'a str,
    pub codes: &'a str,
    pub proof: &'a str,
}

fn totp(secret: &[u8], account_name: &str) -> ServiceResult<totp_rs::Totp> {
    totp_rs::Builder::new()
        .with_secret(secret.to_vec())
        .with_account_name(account_name)
        .with_issuer(Some(ISSUER))
        .build()
        .map_err(|e| ServiceError::Internal(format!("totp: {e}")))
}

fn decode_secret(base32: &str) -> Option<Vec<u8>> {
    totp_rs::Secret::try_from_base32(base32).ok().map(|secret| secret.as_ref().to_vec())
}

/// A code as typed, without spaces or dashes, in lower case.
fn normalise(code: &str) -> String {
    code.chars().filter(|c| !c.is_whitespace() && *c != '-').flat_map(char::to_lowercase).collect()
}

/// The time step whose code `code` is, for `secret`, allowing one step of
/// clock drift either way.
fn matching_step(secret: &[u8], code: &str) -> Option<i64> {
    let code = normalise(code);
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let now = u64::try_from(clock::now()).ok()?;
    let step = totp(secret, "").ok()?.check(&code, now)?;
    i64::try_from(step).ok()
}

fn new_recovery_codes() -> Vec<String> {
    use rand::Rng as _;
    let mut rng = rand::rng();
    (0..RECOVERY_CODE_COUNT)
        .map(|_| {
            let letters: String = (0..10).map(|_| char::from(RECOVERY_ALPHABET[rng.random_range(0..RECOVERY_ALPHABET.len())])).collect();
            format!("{}-{}", &letters[..5], &letters[5..])
        })
        .collect()
}

fn proof_message(user_id: &str, secret: &str, codes: &str) -> Vec<u8> {
    format!("second-factor\n{user_id}\n{secret}\n{codes}").into_bytes()
}

fn sign_codes(state: &AppState, user: &SessionUser, secret: &str, codes: Vec<String>) -> RecoveryCodes {
    let proof = state.signing_key.sign(&proof_message(&user.id, secret, &codes.join(" ")));
    RecoveryCodes { codes, proof }
}

/// Whether `offered` is what the server offered `user`.
fn genuine(state: &AppState, user: &SessionUser, offered: &Offered<'_>) -> bool {
    state.signing_key.verify(&proof_message(&user.id, offered.secret, offered.codes), offered.proof)
}

fn qr_svg(url: &str) -> ServiceResult<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).map_err(|e| ServiceError::Internal(format!("qr code: {e}")))?;
    let svg = code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).build();
    // An element for the page, without the XML declaration.
    Ok(svg.find("<svg").map_or(svg.clone(), |start| svg[start..].to_owned()))
}

fn enrolment(state: &AppState, user: &SessionUser, kept: Option<&Offered<'_>>) -> ServiceResult<Enrolment> {
    let (secret, codes) = if let Some(offered) = kept.filter(|offered| genuine(state, user, offered)) {
        (offered.secret.to_owned(), offered.codes.split_whitespace().map(str::to_owned).collect())
    } else {
        let mut bytes = [0u8; 20];
        rand::RngCore::fill_bytes(&mut rand::rng(), &mut bytes);
        (totp_rs::Secret::from(bytes).to_base32(), new_recovery_codes())
    };
    let bytes = decode_secret(&secret).ok_or_else(|| ServiceError::Internal("an offered secret that is not base32".into()))?;
    let url = totp(&bytes, &user.email)?.to_url().map_err(|e| ServiceError::Internal(format!("otpauth url: {e}")))?;
    Ok(Enrolment { qr_svg: qr_svg(&url)?, codes: sign_codes(state, user, &secret, codes), secret })
}

async fn recovery_codes_left(db: &impl ConnectionTrait, user_id: Uuid) -> ServiceResult<u32> {
    let left = recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await?;
    Ok(u32::try_from(left).unwrap_or(u32::MAX))
}

/// The set-up page for `user`. `kept` is the offer a failed form came from,
/// so a mistyped code does not mean scanning a new QR code.
pub async fn page(state: &AppState, user: &SessionUser, kept: Option<Offered<'_>>) -> ServiceResult<SecondFactorStatus> {
    let id = authz::account_id(user)?;
    let required = Role::any_privileged(&user.grants);
    if user.second_factor {
        let codes = match kept.as_ref().filter(|offered| offered.secret.is_empty() && genuine(state, user, offered)) {
            Some(offered) => offered.codes.split_whitespace().map(str::to_owned).collect(),
            None => new_recovery_codes(),
        };
        Ok(SecondFactorStatus {
            enabled: true,
            required,
            recovery_codes_left: recovery_codes_left(&state.db, id).await?,
            enrolment: None,
            new_codes: Some(sign_codes(state, user, "", codes)),
        })
    } else {
        Ok(SecondFactorStatus {
            enabled: false,
            required,
            recovery_codes_left: 0,
            enrolment: Some(enrolment(state, user, kept.as_ref())?),
            new_codes: None,
        })
    }
}

async fn store_recovery_codes(db: &impl ConnectionTrait, user_id: Uuid, codes: &str) -> ServiceResult<()> {
    recovery_code::Entity::delete_many().filter(recovery_code::Column::UserId.eq(user_id)).exec(db).await?;
    for code in codes.split_whitespace() {
        recovery_code::ActiveModel { code_hash: Set(token_digest(&normalise(code))), user_id: Set(user_id), used_at: Set(None) }
            .insert(db)
            .await?;
    }
    Ok(())
}

async fn account_of(state: &AppState, user: &SessionUser) -> ServiceResult<user::Model> {
    user::Entity::find_by_id(authz::account_id(user)?).one(&state.db).await?.ok_or(ServiceError::Unauthenticated)
}

/// Turns two-factor sign-in on with the offered secret and recovery codes,
/// once `code` shows the app has the secret.
pub async fn enable(state: &AppState, user: &SessionUser, offered: &Offered<'_>, code: &str) -> ServiceResult<()> {
    if offered.secret.is_empty() || !genuine(state, user, offered) {
        return Err(ServiceError::Refused(Problem::TokenInvalid));
    }
    let account = account_of(state, user).await?;
    throttle::refuse_after_failures(state, ACTION, Counted::Account(account.id)).await?;
    let secret = decode_secret(offered.secret).ok_or(ServiceError::Refused(Problem::TokenInvalid))?;
    let Some(step) = matching_step(&secret, code) else {
        throttle::count_failure(state, ACTION, Counted::Account(account.id), District::from_code(&account.home_district)).await?;
        return Err(ServiceError::field("code", Problem::CodeInvalid));
    };
    let txn = state.db.begin().await?;
    let mut update: user::ActiveModel = account.clone().into();
    update.totp_secret = Set(Some(offered.secret.to_owned()));
    update.totp_enabled_at = Set(Some(clock::now()));
    update.totp_last_step = Set(Some(step));
    update.update(&txn).await?;
    store_recovery_codes(&txn, account.id, offered.codes).await?;
    accounts::audit_own(&txn, &account, "second_factor.enabled").await?;
    txn.commit().await?;
    sessions::changed(state, account.id);
    Ok(())
}

/// Turns two-factor sign-in on for the account at `email` with a secret
/// chosen by the caller, without recovery codes: for the demo accounts,
/// whose secret is published with their password.
pub async fn enable_with_known_secret(db: &impl ConnectionTrait, email: &str, secret_base32: &str) -> ServiceResult<()> {
    if decode_secret(secret_base32).is_none_or(|bytes| bytes.len() < 16) {
        return Err(ServiceError::Internal("a known TOTP secret must be base32 of at least 16 bytes".into()));
    }
    user::Entity::update_many()
        .col_expr(user::Column::TotpSecret, Expr::value(secret_base32))
        .col_expr(user::Column::TotpEnabledAt, Expr::value(clock::now()))
        .filter(user::Column::Email.eq(email))
        .filter(user::Column::TotpEnabledAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Puts the offered recovery codes in place of the old ones.
pub async fn replace_recovery_codes(state: &AppState, user: &SessionUser, offered: &Offered<'_>, code: &str) -> ServiceResult<()> {
    if !offered.secret.is_empty() || !genuine(state, user, offered) {
        return Err(ServiceError::Refused(Problem::TokenInvalid));
    }
    let account = account_of(state, user).await?;
    if !accept_app_code(state, &account, code).await? {
        return Err(ServiceError::field("code", Problem::CodeInvalid));
    }
    let txn = state.db.begin().await?;
    store_recovery_codes(&txn, account.id, offered.codes).await?;
    accounts::audit_own(&txn, &account, "second_factor.codes_replaced").await?;
    txn.commit().await?;
    Ok(())
}

/// Turns two-factor sign-in off, for someone whose roles do not require it.
pub async fn disable(state: &AppState, user: &SessionUser, current_password: &str) -> ServiceResult<()> {
    if Role::any_privileged(&user.grants) {
        return Err(ServiceError::Refused(Problem::SecondFactorMandatory));
    }
    let account = accounts::check_current_password(state, authz::account_id(user)?, current_password).await?;
    let txn = state.db.begin().await?;
    clear(&txn, account.id).await?;
    accounts::audit_own(&txn, &account, "second_factor.disabled").await?;
    tell_removed(state, &txn, &account).await?;
    txn.commit().await?;
    sessions::changed(state, account.id);
    Ok(())
}

/// A coordinator of the account's district turns its second factor off
/// (a lost phone and lost codes) and signs it out everywhere; the owner
/// sets it up again at their next sign-in.
pub async fn reset_by_coordinator(state: &AppState, actor: &SessionUser, target: &str) -> ServiceResult<()> {
    let target = Uuid::parse_str(target).map_err(|_| ServiceError::NotFound)?;
    let account = user::Entity::find_by_id(target).one(&state.db).await?.ok_or(ServiceError::NotFound)?;
    let district = District::from_code(&account.home_district).ok_or(ServiceError::NotFound)?;
    if !authz::can_manage_user(actor, district) {
        return Err(ServiceError::Forbidden);
    }
    let txn = state.db.begin().await?;
    clear(&txn, account.id).await?;
    sessions::end_all(&txn, account.id).await?;
    let entry = AuditRecord {
        actor: Some(authz::account_id(actor)?),
        action: "user.second_factor_reset",
        subject_kind: "user",
        subject_id: account.id.to_string(),
        detail: String::new(),
        district: Some(district),
    };
    audit::record(&txn, entry).await?;
    tell_removed(state, &txn, &account).await?;
    txn.commit().await?;
    sessions::changed(state, account.id);
    Ok(())
}

async fn clear(db: &impl ConnectionTrait, user_id: Uuid) -> ServiceResult<()> {
    user::Entity::update_many()
        .col_expr(user::Column::TotpSecret, Expr::value(Option::<String>::None))
        .col_expr(user::Column::TotpEnabledAt, Expr::value(Option::<i64>::None))
        .col_expr(user::Column::TotpLastStep, Expr::value(Option::<i64>::None))
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    recovery_code::Entity::delete_many().filter(recovery_code::Column::UserId.eq(user_id)).exec(db).await?;
    sign_in_challenge::Entity::delete_many().filter(sign_in_challenge::Column::UserId.eq(user_id)).exec(db).await?;
    Ok(())
}

async fn tell_removed(state: &AppState, db: &impl ConnectionTrait, account: &user::Model) -> ServiceResult<()> {
    let kind = MailKind::SecondFactorRemoved { name: account.name.clone(), reset_link: state.settings.link(paths::PASSWORD_FORGOT) };
    mail::enqueue(db, &account.email, Locale::from_code(&account.locale).unwrap_or_default(), &kind).await
}

/// Accepts a code from the account's app, once: the step is recorded in
/// the same statement that checks it was not used, so two requests with
/// one code cannot both pass.
async fn accept_app_code(state: &AppState, account: &user::Model, code: &str) -> ServiceResult<bool> {
    let Some(secret) = account.totp_secret.as_deref().and_then(decode_secret) else { return Ok(false) };
    let Some(step) = matching_step(&secret, code) else { return Ok(false) };
    let recorded = user::Entity::update_many()
        .col_expr(user::Column::TotpLastStep, Expr::value(step))
        .filter(user::Column::Id.eq(account.id))
        .filter(Condition::any().add(user::Column::TotpLastStep.is_null()).add(user::Column::TotpLastStep.lt(step)))
        .exec(&state.db)
        .await?;
    Ok(recorded.rows_affected == 1)
}

/// Accepts a recovery code of the account, once.
async fn accept_recovery_code(state: &AppState, account: &user::Model, code: &str) -> ServiceResult<bool> {
    let used = recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(clock::now()))
        .filter(recovery_code::Column::CodeHash.eq(token_digest(&normalise(code))))
        .filter(recovery_code::Column::UserId.eq(account.id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(&state.db)
        .await?;
    if used.rows_affected == 1 {
        accounts::audit_own(&state.db, account, "second_factor.recovery_code_used").await?;
    }
    Ok(used.rows_affected == 1)
}

/// After the right password of an account with two-factor sign-in: the
/// cookie that lets this browser give the code within five minutes.
pub async fn challenge(db: &impl ConnectionTrait, settings: &Settings, user_id: Uuid) -> ServiceResult<Cookie<'static>> {
    let token = new_token();
    sign_in_challenge::ActiveModel {
        token_hash: Set(token_digest(&token)),
        user_id: Set(user_id),
        expires_at: Set(clock::now() + CHALLENGE_LIFETIME),
    }
    .insert(db)
    .await?;
    Ok(site_cookie(settings, CHALLENGE_COOKIE, token, cookie::time::Duration::seconds(CHALLENGE_LIFETIME), true))
}

/// The cookie that removes the challenge cookie.
pub fn cleared_challenge(settings: &Settings) -> Cookie<'static> {
    site_cookie(settings, CHALLENGE_COOKIE, String::new(), cookie::time::Duration::ZERO, true)
}

/// The second step of signing in: the code from the app, or a recovery
/// code, for the sign-in `token` began. Wrong codes are counted per account
/// like wrong passwords; an expired or unknown challenge starts over.
pub async fn complete_sign_in(
    state: &AppState,
    token: &str,
    code: &str,
    user_agent: &str,
    device_token: Option<&str>,
) -> ServiceResult<SignedIn> {
    let digest = token_digest(token);
    let challenge = sign_in_challenge::Entity::find_by_id(digest.clone())
        .one(&state.db)
        .await?
        .filter(|c| c.expires_at > clock::now())
        .ok_or(ServiceError::Refused(Problem::TokenInvalid))?;
    let account = user::Entity::find_by_id(challenge.user_id).one(&state.db).await?.ok_or(ServiceError::Refused(Problem::TokenInvalid))?;
    throttle::refuse_after_failures(state, ACTION, Counted::Account(account.id)).await?;
    let accepted = accept_app_code(state, &account, code).await? || accept_recovery_code(state, &account, code).await?;
    if !accepted {
        let district = District::from_code(&account.home_district);
        throttle::count_failure(state, ACTION, Counted::Account(account.id), district).await?;
        let entry = AuditRecord {
            actor: None,
            action: "sign_in.code_failed",
            subject_kind: "user",
            subject_id: account.id.to_string(),
            detail: String::new(),
            district,
        };
        audit::record(&state.db, entry).await?;
        return Err(ServiceError::field("code", Problem::CodeInvalid));
    }
    sign_in_challenge::Entity::delete_by_id(digest).exec(&state.db).await?;
    accounts::finish_sign_in(state, &account, user_agent, device_token).await
}

/// Removes challenges nobody answered in time.
pub async fn purge_challenges(db: &impl ConnectionTrait) -> ServiceResult<u64> {
    Ok(sign_in_challenge::Entity::delete_many()
        .filter(sign_in_challenge::Column::ExpiresAt.lte(clock::now()))
        .exec(db)
        .await?
        .rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_codes_are_ten_distinct_unambiguous_codes() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODE_COUNT);
        let distinct: std::collections::BTreeSet<_> = codes.iter().collect();
        assert_eq!(distinct.len(), codes.len());
        for code in &codes {
            assert_eq!(code.len(), 11, "{code}");
            assert!(code.chars().all(|c| c == '-' || RECOVERY_ALPHABET.contains(&(c as u8))), "{code}");
        }
    }

    #[test]
    fn a_code_is_matched_as_typed_with_spaces_or_dashes() {
        let secret = [7u8; 20];
        let now = u64::try_from(clock::now()).unwrap();
        let code = totp(&secret, "").unwrap().generate(now).to_string();
        assert!(matching_step(&secret, &code).is_some());
        assert!(matching_step(&secret, &format!(" {} {} ", &code[..3], &code[3..])).is_some());
        assert!(matching_step(&secret, "12345").is_none());
        assert!(matching_step(&secret, "abcdef").is_none());
        assert_eq!(normalise("ABCDE-fghij"), "abcdefghij");
    }
}
