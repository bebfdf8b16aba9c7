//! Accounts: registration, e-mail verification, sign-in, password reset,
//! profile changes and deletion. No answer here tells a stranger whether an
//! address has an account.

use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, PaginatorTrait as _, QueryFilter as _,
    TransactionTrait as _, prelude::Uuid, sea_query::Expr,
};

use super::{
    audit::{self, AuditRecord},
    authz::account_id,
    clock::{self, DAY, HOUR},
    coordinators,
    entities::{email_token, user, user_role},
    error::{ServiceError, ServiceResult, Validation},
    handles, known_devices,
    mail::{self, MailKind},
    password, second_factor,
    secrets::{new_token, token_digest},
    sessions, sign_in_guard,
    state::AppState,
    throttle::{self, Counted},
};
use crate::{
    domain::{
        DisplayName, District, Email, NewPassword, Problem, RegistrationKind, Role, RoleGrant, SessionUser, UserStatus, admin::AuditDetail,
    },
    i18n::Locale,
    routes::paths,
};

/// What a single-use mail link is for, and how long it lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenPurpose {
    VerifyEmail,
    ResetPassword,
    Invitation,
    ChangeEmail,
}

impl TokenPurpose {
    fn code(self) -> &'static str {
        match self {
            TokenPurpose::VerifyEmail => "verify",
            TokenPurpose::ResetPassword => "reset",
            TokenPurpose::Invitation => "invite",
            TokenPurpose::ChangeEmail => "email",
        }
    }

    fn lifetime(self) -> i64 {
        match self {
            TokenPurpose::VerifyEmail | TokenPurpose::ChangeEmail => 2 * DAY,
            TokenPurpose::ResetPassword => HOUR,
            TokenPurpose::Invitation => 7 * DAY,
        }
    }
}

/// The registration form, as typed.
pub struct RegistrationInput<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub password: &'a str,
    pub password_confirm: &'a str,
    pub district: &'a str,
    pub kind: &'a str,
    pub locale: Locale,
}

/// Reads a district code from a form.
pub fn parse_district(code: &str) -> Result<District, Problem> {
    if code.is_empty() { Err(Problem::Required) } else { District::from_code(code).ok_or(Problem::DistrictUnknown) }
}

/// Creates a single-use token and returns the secret that goes into the link.
async fn issue_token(db: &impl ConnectionTrait, user_id: Uuid, purpose: TokenPurpose, new_email: Option<String>) -> ServiceResult<String> {
    let token = new_token();
    let now = clock::now();
    email_token::ActiveModel {
        token_hash: Set(token_digest(&token)),
        user_id: Set(user_id),
        purpose: Set(purpose.code().to_owned()),
        new_email: Set(new_email),
        expires_at: Set(now + purpose.lifetime()),
        used_at: Set(None),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// A link that lets an invited user set their first password.
pub async fn issue_invitation(db: &impl ConnectionTrait, user_id: Uuid) -> ServiceResult<String> {
    issue_token(db, user_id, TokenPurpose::Invitation, None).await
}

/// Marks a live token used and returns it; used, expired, unknown or
/// wrong-purpose tokens are all the same `TokenInvalid`.
async fn consume_token(db: &impl ConnectionTrait, token: &str, purpose: TokenPurpose) -> ServiceResult<email_token::Model> {
    let digest = token_digest(token);
    let now = clock::now();
    let claimed = email_token::Entity::update_many()
        .col_expr(email_token::Column::UsedAt, Expr::value(now))
        .filter(email_token::Column::TokenHash.eq(digest.clone()))
        .filter(email_token::Column::Purpose.eq(purpose.code()))
        .filter(email_token::Column::UsedAt.is_null())
        .filter(email_token::Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(ServiceError::Refused(Problem::TokenInvalid));
    }
    email_token::Entity::find_by_id(digest).one(db).await?.ok_or(ServiceError::Refused(Problem::TokenInvalid))
}

/// Whether a token is live, without using it (to show the form it opens).
pub async fn token_is_live(state: &AppState, token: &str, purpose: TokenPurpose) -> ServiceResult<bool> {
    let found = email_token::Entity::find_by_id(token_digest(token)).one(&state.db).await?;
    Ok(found.is_some_and(|t| t.purpose == purpose.code() && t.used_at.is_none() && t.expires_at > clock::now()))
}

async fn find_by_email(db: &impl ConnectionTrait, email: &Email) -> ServiceResult<Option<user::Model>> {
    Ok(user::Entity::find().filter(user::Column::Email.eq(email.as_str())).one(db).await?)
}

fn status_of(account: &user::Model) -> Option<UserStatus> {
    UserStatus::from_code(&account.status)
}

/// Checks a new password and its repetition in `password_confirm`.
fn check_new_password(validation: &mut Validation, field: &str, password: &str, confirm: &str) -> Option<NewPassword> {
    let parsed = validation.check(field, NewPassword::parse(password));
    if parsed.is_some() && password != confirm {
        validation.add("password_confirm", Problem::PasswordsDiffer);
    }
    parsed
}

/// An account about to be written: what differs between the ways accounts
/// come to be (registration, invitation, the command line).
pub(super) struct AccountRow<'a> {
    pub name: &'a DisplayName,
    pub email: &'a Email,
    /// Empty for an invited user, who sets a password from the mail.
    pub password_hash: String,
    pub locale: Locale,
    pub home_district: District,
    pub status: UserStatus,
    pub grants: &'a [RoleGrant],
}

/// Writes a user and their role grants, and returns the new id. An active
/// account counts its address as verified now.
pub(super) async fn insert_account(db: &impl ConnectionTrait, row: AccountRow<'_>) -> ServiceResult<Uuid> {
    let now = clock::now();
    let id = Uuid::new_v4();
    user::ActiveModel {
        id: Set(id),
        email: Set(row.email.as_str().to_owned()),
        name: Set(row.name.as_str().to_owned()),
        password_hash: Set(row.password_hash),
        locale: Set(row.locale.code().to_owned()),
        home_district: Set(row.home_district.code().to_owned()),
        status: Set(row.status.code().to_owned()),
        email_verified_at: Set((row.status == UserStatus::Active).then_some(now)),
        created_at: Set(now),
        updated_at: Set(now),
        totp_secret: Set(None),
        totp_enabled_at: Set(None),
        totp_last_step: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    // The handle is chosen once the row is written: on SQLite the write
    // holds the database, so no other account takes the handle meanwhile
    // (a read first would make the transaction fail if anyone wrote since).
    let handle = handles::unique(db, row.name.as_str()).await?;
    user::Entity::update_many().col_expr(user::Column::Handle, Expr::value(handle)).filter(user::Column::Id.eq(id)).exec(db).await?;
    for grant in row.grants {
        user_role::ActiveModel {
            user_id: Set(id),
            role: Set(grant.role.code().to_owned()),
            district: Set(grant.district.code().to_owned()),
        }
        .insert(db)
        .await?;
    }
    Ok(id)
}

/// Registers a guardian or operator and mails a verification link. If the
/// address already has an account, its owner gets a notice instead, and the
/// caller sees the same success either way.
pub async fn register(state: &AppState, input: RegistrationInput<'_>, client: &str) -> ServiceResult<()> {
    let mut validation = Validation::default();
    let name = validation.check("name", DisplayName::parse(input.name));
    let email = validation.check("email", Email::parse(input.email));
    let password = check_new_password(&mut validation, "password", input.password, input.password_confirm);
    let district = validation.check("district", parse_district(input.district));
    let kind = validation.check("kind", RegistrationKind::parse(input.kind));
    validation.finish()?;
    let (Some(name), Some(email), Some(password), Some(district), Some(kind)) = (name, email, password, district, kind) else {
        return Err(ServiceError::Internal("validation passed with a missing value".into()));
    };
    throttle::count_attempt(state, "register", &[Counted::Client(client), Counted::Email(email.as_str())]).await?;

    let db = &state.db;
    // Hashed whether or not the address is taken: the answer's timing must
    // not tell which.
    let password_hash = password::hash(&password).await?;
    let existing = find_by_email(db, &email).await?;
    let txn = db.begin().await?;
    if let Some(existing) = existing {
        if status_of(&existing) != Some(UserStatus::Unverified) {
            let locale = Locale::from_code(&existing.locale).unwrap_or_default();
            let kind = MailKind::AlreadyRegistered {
                name: existing.name.clone(),
                login_link: state.settings.link(paths::LOGIN),
                reset_link: state.settings.link(paths::PASSWORD_FORGOT),
            };
            mail::enqueue(&txn, &existing.email, locale, &kind).await?;
            txn.commit().await?;
            return Ok(());
        }
        // An address never confirmed belongs to no one yet: registering it
        // again replaces that account, whose link stops working.
        user::Entity::delete_by_id(existing.id).exec(&txn).await?;
    }
    let grants = [RoleGrant { role: kind.role(), district }];
    let id = insert_account(
        &txn,
        AccountRow {
            name: &name,
            email: &email,
            password_hash,
            locale: input.locale,
            home_district: district,
            status: UserStatus::Unverified,
            grants: &grants,
        },
    )
    .await?;
    let token = issue_token(&txn, id, TokenPurpose::VerifyEmail, None).await?;
    let mail_kind = MailKind::VerifyEmail { name: name.as_str().to_owned(), link: state.settings.link(&paths::verify_email(&token)) };
    mail::enqueue(&txn, email.as_str(), input.locale, &mail_kind).await?;
    txn.commit().await?;
    Ok(())
}

/// Confirms an address from a mail link: activates a new account, or
/// switches an account to the new address it asked for.
/// A confirmed change of address ends the account's other sessions
/// (`current` is the session the confirmation came with, if any) and tells
/// the old address.
pub async fn verify_email(state: &AppState, token: &str, current: Option<&str>) -> ServiceResult<()> {
    let txn = state.db.begin().await?;
    let now = clock::now();
    let used = match consume_token(&txn, token, TokenPurpose::VerifyEmail).await {
        Ok(used) => used,
        Err(ServiceError::Refused(_)) => consume_token(&txn, token, TokenPurpose::ChangeEmail).await?,
        Err(other) => return Err(other),
    };
    let account = user::Entity::find_by_id(used.user_id).one(&txn).await?.ok_or(ServiceError::Refused(Problem::TokenInvalid))?;
    let mut update: user::ActiveModel = account.clone().into();
    update.email_verified_at = Set(Some(now));
    update.updated_at = Set(now);
    if let Some(new_email) = used.new_email {
        // Someone may have taken the address since the link was sent.
        if user::Entity::find().filter(user::Column::Email.eq(new_email.clone())).one(&txn).await?.is_some() {
            return Err(ServiceError::Refused(Problem::TokenInvalid));
        }
        update.email = Set(new_email.clone());
        sessions::end_others(&txn, account.id, current.unwrap_or_default()).await?;
        let kind = MailKind::EmailChanged { name: account.name.clone(), new_email };
        mail::enqueue(&txn, &account.email, Locale::from_code(&account.locale).unwrap_or_default(), &kind).await?;
        audit_own(&txn, &account, "account.email_changed").await?;
    } else if status_of(&account) == Some(UserStatus::Unverified) {
        update.status = Set(UserStatus::Active.code().to_owned());
    }
    update.update(&txn).await?;
    txn.commit().await?;
    sessions::changed(state, account.id);
    Ok(())
}

/// The cookies a successful sign-in sets.
pub struct SignedIn {
    pub session: cookie::Cookie<'static>,
    /// Marks the browser as a known device of the account.
    pub device: cookie::Cookie<'static>,
    /// A role of the user requires two-factor sign-in that is not yet on.
    pub needs_second_factor: bool,
}

/// Where a right password leads.
pub enum SignInStep {
    Done(SignedIn),
    /// The account has two-factor sign-in: the cookie carries the pending
    /// sign-in to the code page.
    CodeNeeded(cookie::Cookie<'static>),
}

/// Signs in. Unknown address and wrong password give the same answer, in
/// about the same time; failures are slowed down by `sign_in_guard`.
/// `user_agent` names the browser in the user's list of sessions;
/// `device_token` is the known-device cookie the browser sent.
pub async fn login(
    state: &AppState,
    email_input: &str,
    password_input: &str,
    client: &str,
    user_agent: &str,
    device_token: Option<&str>,
) -> ServiceResult<SignInStep> {
    let email = Email::parse(email_input).map_err(|_| ServiceError::Refused(Problem::BadCredentials))?;
    let found = find_by_email(&state.db, &email).await?;
    let attempt = sign_in_guard::Attempt { email: &email, client, device_token };
    let known_device = sign_in_guard::admit(state, &attempt, found.as_ref()).await?;
    let matches = password::verify(password_input, found.as_ref().map(|a| a.password_hash.as_str())).await;
    let account = match found {
        Some(account) if matches => account,
        other => {
            sign_in_guard::failed(state, &attempt, other.as_ref(), known_device).await?;
            // The account tried, or the address if there is none.
            let (subject_kind, subject_id) = other.as_ref().map_or(("email", email.as_str().to_owned()), |a| ("user", a.id.to_string()));
            let district = other.as_ref().and_then(|a| District::from_code(&a.home_district));
            let entry = AuditRecord { actor: None, action: "sign_in.failed", subject_kind, subject_id, detail: String::new(), district };
            audit::record(&state.db, entry).await?;
            return Err(ServiceError::Refused(Problem::BadCredentials));
        }
    };
    if status_of(&account) != Some(UserStatus::Active) {
        // The password was right, so saying why is no leak.
        return Err(ServiceError::Refused(Problem::AccountNotActive));
    }
    if account.totp_enabled_at.is_some() {
        return Ok(SignInStep::CodeNeeded(second_factor::challenge(&state.db, &state.settings, account.id).await?));
    }
    Ok(SignInStep::Done(finish_sign_in(state, &account, user_agent, device_token).await?))
}

/// Opens the session of a sign-in that passed every check.
pub(super) async fn finish_sign_in(
    state: &AppState,
    account: &user::Model,
    user_agent: &str,
    device_token: Option<&str>,
) -> ServiceResult<SignedIn> {
    let grants = sessions::load_grants(&state.db, account.id).await?;
    let session = sessions::start(&state.db, &state.settings, account.id, &grants, user_agent).await?;
    let device = known_devices::remember(&state.db, &state.settings, account.id, device_token).await?;
    audit_own(&state.db, account, "sign_in.succeeded").await?;
    let needs_second_factor = account.totp_enabled_at.is_none() && Role::any_privileged(&grants);
    Ok(SignedIn { session, device, needs_second_factor })
}

/// Mails a reset link if the address belongs to an active account; says
/// nothing either way.
pub async fn request_password_reset(state: &AppState, email_input: &str, client: &str) -> ServiceResult<()> {
    let email = Email::parse(email_input).map_err(|p| ServiceError::field("email", p))?;
    throttle::count_attempt(state, "reset", &[Counted::Client(client), Counted::Email(email.as_str())]).await?;
    let Some(account) = find_by_email(&state.db, &email).await? else { return Ok(()) };
    if status_of(&account) != Some(UserStatus::Active) {
        return Ok(());
    }
    let txn = state.db.begin().await?;
    let token = issue_token(&txn, account.id, TokenPurpose::ResetPassword, None).await?;
    let kind = MailKind::ResetPassword { name: account.name.clone(), link: state.settings.link(&paths::password_reset(&token)) };
    mail::enqueue(&txn, &account.email, Locale::from_code(&account.locale).unwrap_or_default(), &kind).await?;
    txn.commit().await?;
    Ok(())
}

/// Sets a new password from a reset or invitation link and ends every
/// session the account had. An invited account becomes active.
pub async fn set_password_from_link(state: &AppState, token: &str, new_password: &str, confirm: &str, client: &str) -> ServiceResult<()> {
    throttle::count_attempt(state, "set-password", &[Counted::Client(client)]).await?;
    // A dead link costs no hashing, and says so before anything else.
    if !(token_is_live(state, token, TokenPurpose::ResetPassword).await? || token_is_live(state, token, TokenPurpose::Invitation).await?) {
        return Err(ServiceError::Refused(Problem::TokenInvalid));
    }
    let mut validation = Validation::default();
    let password = check_new_password(&mut validation, "password", new_password, confirm);
    validation.finish()?;
    let Some(password) = password else { return Err(ServiceError::Internal("validated password missing".into())) };
    let hash = password::hash(&password).await?;
    let txn = state.db.begin().await?;
    let used = match consume_token(&txn, token, TokenPurpose::ResetPassword).await {
        Ok(used) => used,
        Err(ServiceError::Refused(_)) => consume_token(&txn, token, TokenPurpose::Invitation).await?,
        Err(other) => return Err(other),
    };
    let account = user::Entity::find_by_id(used.user_id).one(&txn).await?.ok_or(ServiceError::Refused(Problem::TokenInvalid))?;
    let now = clock::now();
    let mut update: user::ActiveModel = account.clone().into();
    update.password_hash = Set(hash);
    update.updated_at = Set(now);
    let invited = status_of(&account) == Some(UserStatus::Invited);
    if invited {
        update.status = Set(UserStatus::Active.code().to_owned());
        update.email_verified_at = Set(Some(now));
    }
    update.update(&txn).await?;
    sessions::end_all(&txn, account.id).await?;
    if invited {
        audit_own(&txn, &account, "account.invitation_accepted").await?;
    } else {
        tell_password_changed(state, &txn, &account).await?;
        audit_own(&txn, &account, "account.password_reset").await?;
    }
    txn.commit().await?;
    sessions::changed(state, account.id);
    Ok(())
}

/// Changes the name and language of the signed-in user.
pub async fn update_profile(state: &AppState, user: &SessionUser, name: &str, locale: &str) -> ServiceResult<()> {
    let mut validation = Validation::default();
    let name = validation.check("name", DisplayName::parse(name));
    let locale = validation.check("locale", Locale::from_code(locale).ok_or(Problem::ChoiceInvalid));
    validation.finish()?;
    let (Some(name), Some(locale)) = (name, locale) else { return Err(ServiceError::Internal("validated profile missing".into())) };
    let id = account_id(user)?;
    user::Entity::update_many()
        .col_expr(user::Column::Name, Expr::value(name.as_str()))
        .col_expr(user::Column::Locale, Expr::value(locale.code()))
        .col_expr(user::Column::UpdatedAt, Expr::value(clock::now()))
        .filter(user::Column::Id.eq(id))
        .exec(&state.db)
        .await?;
    sessions::changed(state, id);
    Ok(())
}

/// Checks the signed-in user's password before a sensitive change; the
/// checks per account are rate-limited, so a borrowed session cannot guess it.
pub(super) async fn check_current_password(state: &AppState, user_id: Uuid, current: &str) -> ServiceResult<user::Model> {
    throttle::refuse_after_failures(state, "current-password", Counted::Account(user_id)).await?;
    let account = user::Entity::find_by_id(user_id).one(&state.db).await?.ok_or(ServiceError::Unauthenticated)?;
    if password::verify(current, Some(&account.password_hash)).await {
        Ok(account)
    } else {
        let district = District::from_code(&account.home_district);
        throttle::count_failure(state, "current-password", Counted::Account(user_id), district).await?;
        Err(ServiceError::field("current_password", Problem::BadCredentials))
    }
}

/// Asks for a change of address: the new address gets a confirmation link,
/// and the account keeps its old address until the link is followed.
pub async fn request_email_change(state: &AppState, user: &SessionUser, new_email: &str, current_password: &str) -> ServiceResult<()> {
    let email = Email::parse(new_email).map_err(|p| ServiceError::field("new_email", p))?;
    let account = check_current_password(state, account_id(user)?, current_password).await?;
    let txn = state.db.begin().await?;
    // A taken address gets no link, but the page says the same as for a free one.
    if find_by_email(&txn, &email).await?.is_none() {
        let token = issue_token(&txn, account.id, TokenPurpose::ChangeEmail, Some(email.as_str().to_owned())).await?;
        let kind = MailKind::ConfirmNewEmail { name: account.name.clone(), link: state.settings.link(&paths::verify_email(&token)) };
        mail::enqueue(&txn, email.as_str(), user.locale, &kind).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Changes the password of the signed-in user and ends their other sessions.
pub async fn change_password(state: &AppState, user: &SessionUser, current: &str, new_password: &str, confirm: &str) -> ServiceResult<()> {
    let mut validation = Validation::default();
    let password = check_new_password(&mut validation, "new_password", new_password, confirm);
    validation.finish()?;
    let Some(password) = password else { return Err(ServiceError::Internal("validated password missing".into())) };
    let account = check_current_password(state, account_id(user)?, current).await?;
    let hash = password::hash(&password).await?;
    let txn = state.db.begin().await?;
    user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(hash))
        .col_expr(user::Column::UpdatedAt, Expr::value(clock::now()))
        .filter(user::Column::Id.eq(account.id))
        .exec(&txn)
        .await?;
    sessions::end_all(&txn, account.id).await?;
    tell_password_changed(state, &txn, &account).await?;
    audit_own(&txn, &account, "account.password_changed").await?;
    txn.commit().await?;
    sessions::changed(state, account.id);
    Ok(())
}

/// Mails the account's owner that its password changed, with a way back
/// in if it was not them.
async fn tell_password_changed(state: &AppState, db: &impl ConnectionTrait, account: &user::Model) -> ServiceResult<()> {
    let kind = MailKind::PasswordChanged { name: account.name.clone(), reset_link: state.settings.link(paths::PASSWORD_FORGOT) };
    mail::enqueue(db, &account.email, Locale::from_code(&account.locale).unwrap_or_default(), &kind).await
}

/// Records an action an account's owner took on their own account.
pub(super) async fn audit_own(db: &impl ConnectionTrait, account: &user::Model, action: &'static str) -> ServiceResult<()> {
    audit::record(
        db,
        AuditRecord {
            actor: Some(account.id),
            action,
            subject_kind: "user",
            subject_id: account.id.to_string(),
            detail: String::new(),
            district: District::from_code(&account.home_district),
        },
    )
    .await
}

/// Deletes the signed-in user's account after they typed their password and
/// ticked the confirmation. The last coordinator of a district cannot leave
/// it without one.
pub async fn delete_account(state: &AppState, user: &SessionUser, current: &str, confirmed: bool) -> ServiceResult<()> {
    if !confirmed {
        return Err(ServiceError::field("confirm", Problem::ConfirmationMissing));
    }
    let account = check_current_password(state, account_id(user)?, current).await?;
    let txn = state.db.begin().await?;
    coordinators::ensure_another_remains(&txn, account.id, &user.districts_for(Role::Coordinator)).await?;
    user::Entity::delete_by_id(account.id).exec(&txn).await?;
    audit_own(&txn, &account, "account.deleted").await?;
    txn.commit().await?;
    sessions::changed(state, account.id);
    Ok(())
}

/// Signs out: ends the request's session and records who left.
pub async fn sign_out(state: &AppState, request: &super::request::RequestContext) -> ServiceResult<()> {
    let Some(digest) = &request.session_digest else { return Ok(()) };
    sessions::end(state, digest).await?;
    if let Some(user) = &request.user {
        let id = account_id(user)?;
        let entry = AuditRecord {
            actor: Some(id),
            action: "sign_out",
            subject_kind: "user",
            subject_id: id.to_string(),
            detail: String::new(),
            district: Some(user.home_district),
        };
        audit::record(&state.db, entry).await?;
    }
    Ok(())
}

/// Ends the user's sessions on every other device, keeping the one
/// `current` names.
pub async fn sign_out_elsewhere(state: &AppState, user: &SessionUser, current: &str) -> ServiceResult<()> {
    let id = account_id(user)?;
    let txn = state.db.begin().await?;
    let ended = sessions::end_others(&txn, id, current).await?;
    audit::record(
        &txn,
        AuditRecord {
            actor: Some(id),
            action: "sessions.ended_elsewhere",
            subject_kind: "user",
            subject_id: id.to_string(),
            detail: AuditDetail::SessionsEnded(ended).to_stored(),
            district: Some(user.home_district),
        },
    )
    .await?;
    txn.commit().await?;
    sessions::changed(state, id);
    Ok(())
}

/// How long a registration waits for its address to be confirmed.
pub const UNVERIFIED_LIFETIME_SECONDS: i64 = 48 * HOUR;

/// Deletes the accounts whose address was not confirmed within
/// [`UNVERIFIED_LIFETIME_SECONDS`], so that they block no one's address;
/// returns how many.
pub async fn purge_unverified(db: &impl ConnectionTrait) -> ServiceResult<u64> {
    Ok(user::Entity::delete_many()
        .filter(user::Column::Status.eq(UserStatus::Unverified.code()))
        .filter(user::Column::CreatedAt.lt(clock::now() - UNVERIFIED_LIFETIME_SECONDS))
        .exec(db)
        .await?
        .rows_affected)
}

/// The cookie that remembers a visitor's language for a year.
pub fn locale_cookie(settings: &super::state::Settings, locale: Locale) -> cookie::Cookie<'static> {
    super::request::site_cookie(settings, LOCALE_COOKIE, locale.code().to_owned(), cookie::time::Duration::days(365), false)
}

pub const LOCALE_COOKIE: super::request::CookieName = super::request::CookieName::new("tutela_lang", "__Host-tutela_lang");

/// An account made by an operator (the command line, the demo seed): active
/// at once, with the given roles.
pub struct NewAccount<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub password: &'a str,
    pub home_district: District,
    pub grants: &'a [RoleGrant],
}

/// Creates an active, verified account; `Ok(false)` if the address is taken.
pub async fn create_active_account(db: &sea_orm::DatabaseConnection, account: NewAccount<'_>) -> ServiceResult<bool> {
    let mut validation = Validation::default();
    let name = validation.check("name", DisplayName::parse(account.name));
    let email = validation.check("email", Email::parse(account.email));
    let password = validation.check("password", NewPassword::parse(account.password));
    validation.finish()?;
    let (Some(name), Some(email), Some(password)) = (name, email, password) else {
        return Err(ServiceError::Internal("validated account missing".into()));
    };
    if find_by_email(db, &email).await?.is_some() {
        return Ok(false);
    }
    let password_hash = password::hash(&password).await?;
    let txn = db.begin().await?;
    let id = insert_account(
        &txn,
        AccountRow {
            name: &name,
            email: &email,
            password_hash,
            locale: Locale::It,
            home_district: account.home_district,
            status: UserStatus::Active,
            grants: account.grants,
        },
    )
    .await?;
    audit::record(
        &txn,
        AuditRecord {
            actor: None,
            action: "user.created",
            subject_kind: "user",
            subject_id: id.to_string(),
            detail: String::new(),
            district: Some(account.home_district),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// Fills the database with `count` sample guardians and operators (for the
/// benchmark and for trying the lists at scale), all with `password`.
/// Numbered addresses make it idempotent: only the missing ones are added.
/// The password is hashed once: hashing each would take minutes.
pub async fn create_sample_accounts(db: &sea_orm::DatabaseConnection, count: u32, password: &str) -> ServiceResult<u32> {
    const FIRST: [&str; 12] =
        ["Giulia", "Marco", "Sara", "Luca", "Francesca", "Paolo", "Elena", "Andrea", "Chiara", "Davide", "Marta", "Stefano"];
    const LAST: [&str; 10] = ["Rossi", "Bianchi", "Colombo", "Ferrari", "Brambilla", "Galli", "Fontana", "Conti", "Ricci", "Moretti"];
    const BATCH: u32 = 500;
    let password = NewPassword::parse(password).map_err(|p| ServiceError::field("password", p))?;
    let existing = user::Entity::find().filter(user::Column::Email.like("%@sample.tutela.localhost")).count(db).await?;
    let start = u32::try_from(existing).unwrap_or(u32::MAX);
    if start >= count {
        return Ok(0);
    }
    let hash = password::hash(&password).await?;
    let now = clock::now();
    let mut created = 0;
    let mut index = start;
    while index < count {
        let end = (index + BATCH).min(count);
        let mut users = Vec::new();
        let mut roles = Vec::new();
        for n in index..end {
            let id = Uuid::new_v4();
            let district = if n % 3 == 2 { District::Brescia } else { District::Milano };
            let role = if n % 10 == 9 { Role::Operator } else { Role::Guardian };
            let slot = n as usize;
            users.push(user::ActiveModel {
                id: Set(id),
                email: Set(format!("person.{n:06}@sample.tutela.localhost")),
                name: Set(format!("{} {}", FIRST[slot % FIRST.len()], LAST[(slot / FIRST.len()) % LAST.len()])),
                password_hash: Set(hash.clone()),
                locale: Set(if n % 5 == 4 { Locale::En } else { Locale::It }.code().to_owned()),
                home_district: Set(district.code().to_owned()),
                status: Set(UserStatus::Active.code().to_owned()),
                email_verified_at: Set(Some(now)),
                created_at: Set(now - i64::from(count - n)),
                updated_at: Set(now),
                totp_secret: Set(None),
                totp_enabled_at: Set(None),
                totp_last_step: Set(None),
                handle: Set(Some(format!("person.{n:06}"))),
                ..Default::default()
            });
            roles.push(user_role::ActiveModel {
                user_id: Set(id),
                role: Set(role.code().to_owned()),
                district: Set(district.code().to_owned()),
            });
        }
        let txn = db.begin().await?;
        user::Entity::insert_many(users).exec_without_returning(&txn).await?;
        user_role::Entity::insert_many(roles).exec_without_returning(&txn).await?;
        txn.commit().await?;
        created += end - index;
        index = end;
    }
    Ok(created)
}
