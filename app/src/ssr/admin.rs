//! Coordinators' work on accounts: finding users, changing roles and
//! status, inviting staff, and reading the audit log and the outbox.

use std::collections::BTreeSet;

use sea_orm::{
    ActiveModelTrait as _,
    ActiveValue::Set,
    ColumnTrait, Condition, EntityTrait as _, QueryFilter as _, QueryOrder as _, QuerySelect as _, Select, TransactionTrait as _,
    prelude::Uuid,
    sea_query::{Expr, ExprTrait as _, Func},
};

use super::{
    accounts::{AccountRow, insert_account},
    audit::{self, AuditRecord},
    authz::{can_change_grant, can_manage_user, coordinates_every_district},
    clock, coordinators, db,
    entities::{audit_entry, outbox_mail, user, user_role},
    error::{ServiceError, ServiceResult, Validation},
    mail::{self, MailKind},
    sessions::{self, grant_of, load_grants},
    state::AppState,
};
use crate::{
    domain::{
        DisplayName, District, Email, Problem, Role, RoleGrant, SessionUser, UserStatus,
        admin::{AuditDetail, AuditPage, AuditRow, OutboxRow, PAGE_SIZE, UserFilter, UserPage, UserRow},
    },
    i18n::Locale,
    routes::paths,
};

fn uuid(id: &str) -> ServiceResult<Uuid> {
    Uuid::parse_str(id).map_err(|_| ServiceError::NotFound)
}

/// A user as the coordinators' pages show them.
fn user_row(actor: &SessionUser, account: &user::Model, grants: Vec<RoleGrant>) -> UserRow {
    UserRow {
        id: account.id.to_string(),
        name: account.name.clone(),
        email: account.email.clone(),
        home_district: account.home(),
        status: UserStatus::from_code(&account.status).unwrap_or(UserStatus::Deactivated),
        grants,
        second_factor: account.totp_enabled_at.is_some(),
        manageable: can_manage_user(actor, account.home()),
    }
}

/// Rows whose `district` column names a district the coordinator
/// coordinates; every row, those tied to no district included, for a
/// coordinator of every district. Coordinators read what they may change,
/// no more.
fn in_coordinated_districts(actor: &SessionUser, district: impl ColumnTrait) -> Condition {
    if coordinates_every_district(actor) {
        return Condition::all();
    }
    let codes: Vec<&str> = actor.districts_for(Role::Coordinator).into_iter().map(District::code).collect();
    Condition::all().add(district.is_in(codes))
}

/// One page of the users the coordinator manages that match the filter,
/// newest first.
pub async fn list_users(state: &AppState, actor: &SessionUser, filter: &UserFilter) -> ServiceResult<UserPage> {
    let mut condition = Condition::all().add(in_coordinated_districts(actor, user::Column::HomeDistrict));
    let query = filter.query.trim().to_lowercase();
    if !query.is_empty() {
        let pattern = format!("%{}%", query.replace(['\\', '%', '_'], ""));
        condition = condition.add(
            Condition::any()
                .add(Expr::expr(Func::lower(Expr::col(user::Column::Name))).like(pattern.clone()))
                .add(user::Column::Email.like(pattern)),
        );
    }
    if let Some(district) = filter.district {
        condition = condition.add(user::Column::HomeDistrict.eq(district.code()));
    }
    if let Some(status) = filter.status {
        condition = condition.add(user::Column::Status.eq(status.code()));
    }
    if let Some(role) = filter.role {
        condition = condition.add(
            user::Column::Id.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(user_role::Column::UserId)
                    .from(user_role::Entity)
                    .and_where(user_role::Column::Role.eq(role.code()))
                    .to_owned(),
            ),
        );
    }
    let newest_first = |select: Select<user::Entity>| select.order_by_desc(user::Column::CreatedAt).order_by_desc(user::Column::Id);
    let db::Page { rows: accounts, total, page, pages } =
        db::fetch_page(&state.db, user::Entity::find().filter(condition), newest_first, filter.page, PAGE_SIZE).await?;

    // One query for every row's roles, not one per row.
    let ids: Vec<Uuid> = accounts.iter().map(|a| a.id).collect();
    let role_rows = user_role::Entity::find().filter(user_role::Column::UserId.is_in(ids)).all(&state.db).await?;
    let rows = accounts
        .iter()
        .map(|account| {
            let mut grants: Vec<RoleGrant> = role_rows.iter().filter(|r| r.user_id == account.id).filter_map(grant_of).collect();
            grants.sort();
            user_row(actor, account, grants)
        })
        .collect();
    Ok(UserPage { rows, total, page, pages })
}

/// One user, for the edit page, if the coordinator may manage them.
pub async fn get_user(state: &AppState, actor: &SessionUser, id: &str) -> ServiceResult<UserRow> {
    let account = user::Entity::find_by_id(uuid(id)?).one(&state.db).await?.ok_or(ServiceError::NotFound)?;
    if !can_manage_user(actor, account.home()) {
        return Err(ServiceError::Forbidden);
    }
    let entry = AuditRecord {
        actor: Some(uuid(&actor.id)?),
        action: "user.viewed",
        subject_kind: "user",
        subject_id: account.id.to_string(),
        detail: String::new(),
        district: Some(account.home()),
    };
    audit::record(&state.db, entry).await?;
    let grants = load_grants(&state.db, account.id).await?;
    Ok(user_row(actor, &account, grants))
}

/// Reads grant codes such as `trainer:milano` from a form.
pub fn parse_grants(codes: &[String]) -> Result<BTreeSet<RoleGrant>, Problem> {
    codes
        .iter()
        .map(|code| {
            let (role, district) = code.split_once(':').ok_or(Problem::ChoiceInvalid)?;
            Ok(RoleGrant {
                role: Role::from_code(role).ok_or(Problem::ChoiceInvalid)?,
                district: District::from_code(district).ok_or(Problem::DistrictUnknown)?,
            })
        })
        .collect()
}

/// Replaces a user's roles in the districts the coordinator coordinates;
/// grants in other districts stay as they are.
pub async fn set_roles(state: &AppState, actor: &SessionUser, id: &str, wanted: &BTreeSet<RoleGrant>) -> ServiceResult<()> {
    let target = user::Entity::find_by_id(uuid(id)?).one(&state.db).await?.ok_or(ServiceError::NotFound)?;
    if !can_manage_user(actor, target.home()) || wanted.iter().any(|g| !can_change_grant(actor, *g)) {
        return Err(ServiceError::Forbidden);
    }
    let current: BTreeSet<RoleGrant> = load_grants(&state.db, target.id).await?.into_iter().collect();
    let removed: Vec<RoleGrant> = current.iter().filter(|g| can_change_grant(actor, **g) && !wanted.contains(g)).copied().collect();
    let added: Vec<RoleGrant> = wanted.iter().filter(|g| !current.contains(g)).copied().collect();
    if removed.is_empty() && added.is_empty() {
        return Ok(());
    }
    let txn = state.db.begin().await?;
    let leaving: Vec<District> = removed.iter().filter(|g| g.role == Role::Coordinator).map(|g| g.district).collect();
    coordinators::ensure_another_remains(&txn, target.id, &leaving).await?;
    for grant in &removed {
        user_role::Entity::delete_many()
            .filter(user_role::Column::UserId.eq(target.id))
            .filter(user_role::Column::Role.eq(grant.role.code()))
            .filter(user_role::Column::District.eq(grant.district.code()))
            .exec(&txn)
            .await?;
    }
    for grant in &added {
        user_role::ActiveModel {
            user_id: Set(target.id),
            role: Set(grant.role.code().to_owned()),
            district: Set(grant.district.code().to_owned()),
        }
        .insert(&txn)
        .await?;
    }
    audit::record(
        &txn,
        AuditRecord {
            actor: Some(uuid(&actor.id)?),
            action: "user.roles_changed",
            subject_kind: "user",
            subject_id: target.id.to_string(),
            detail: AuditDetail::Roles { added: added.clone(), removed: removed.clone() }.to_stored(),
            district: Some(target.home()),
        },
    )
    .await?;
    txn.commit().await?;
    sessions::changed(state, target.id);
    Ok(())
}

/// Deactivates (ending every session) or reactivates an account.
pub async fn set_active(state: &AppState, actor: &SessionUser, id: &str, active: bool) -> ServiceResult<()> {
    let target = user::Entity::find_by_id(uuid(id)?).one(&state.db).await?.ok_or(ServiceError::NotFound)?;
    if !can_manage_user(actor, target.home()) {
        return Err(ServiceError::Forbidden);
    }
    if target.id.to_string() == actor.id {
        return Err(ServiceError::Forbidden);
    }
    let status = if active {
        if target.email_verified_at.is_some() { UserStatus::Active } else { UserStatus::Unverified }
    } else {
        UserStatus::Deactivated
    };
    // Deactivating an active coordinator takes them out of the count.
    let leaving: Vec<District> = if !active && target.status == UserStatus::Active.code() {
        load_grants(&state.db, target.id).await?.into_iter().filter(|g| g.role == Role::Coordinator).map(|g| g.district).collect()
    } else {
        Vec::new()
    };
    let txn = state.db.begin().await?;
    coordinators::ensure_another_remains(&txn, target.id, &leaving).await?;
    user::Entity::update_many()
        .col_expr(user::Column::Status, Expr::value(status.code()))
        .col_expr(user::Column::UpdatedAt, Expr::value(clock::now()))
        .filter(user::Column::Id.eq(target.id))
        .exec(&txn)
        .await?;
    if !active {
        sessions::end_all(&txn, target.id).await?;
    }
    audit::record(
        &txn,
        AuditRecord {
            actor: Some(uuid(&actor.id)?),
            action: if active { "user.reactivated" } else { "user.deactivated" },
            subject_kind: "user",
            subject_id: target.id.to_string(),
            detail: String::new(),
            district: Some(target.home()),
        },
    )
    .await?;
    txn.commit().await?;
    sessions::changed(state, target.id);
    Ok(())
}

/// The invitation form, as typed.
pub struct InvitationInput<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub role: &'a str,
    pub district: &'a str,
}

/// Invites a trainer, jurist or coordinator: creates the account without a
/// password and mails a link to set one.
pub async fn invite(state: &AppState, actor: &SessionUser, input: InvitationInput<'_>) -> ServiceResult<()> {
    let mut validation = Validation::default();
    let name = validation.check("name", DisplayName::parse(input.name));
    let email = validation.check("email", Email::parse(input.email));
    let role = validation.check(
        "role",
        Role::from_code(input.role).filter(|r| r.is_district_scoped_staff()).ok_or(if input.role.is_empty() {
            Problem::Required
        } else {
            Problem::ChoiceInvalid
        }),
    );
    let district = validation.check("district", super::accounts::parse_district(input.district));
    validation.finish()?;
    let (Some(name), Some(email), Some(role), Some(district)) = (name, email, role, district) else {
        return Err(ServiceError::Internal("validated invitation missing".into()));
    };
    if !can_change_grant(actor, RoleGrant { role, district }) {
        return Err(ServiceError::Forbidden);
    }
    let txn = state.db.begin().await?;
    if user::Entity::find().filter(user::Column::Email.eq(email.as_str())).one(&txn).await?.is_some() {
        return Err(ServiceError::field("email", Problem::EmailTaken));
    }
    let id = insert_account(
        &txn,
        AccountRow {
            name: &name,
            email: &email,
            password_hash: String::new(),
            locale: Locale::It,
            home_district: district,
            status: UserStatus::Invited,
            grants: &[RoleGrant { role, district }],
        },
    )
    .await?;
    let token = super::accounts::issue_invitation(&txn, id).await?;
    let texts = Locale::It.texts();
    let kind = MailKind::Invitation {
        name: name.as_str().to_owned(),
        link: format!("{}{}", state.settings.public_url.trim_end_matches('/'), paths::password_reset(&token)),
        role: crate::i18n::role_name(texts, role).to_owned(),
        district: district.name().to_owned(),
    };
    mail::enqueue(&txn, email.as_str(), Locale::It, &kind).await?;
    audit::record(
        &txn,
        AuditRecord {
            actor: Some(uuid(&actor.id)?),
            action: "user.invited",
            subject_kind: "user",
            subject_id: id.to_string(),
            detail: AuditDetail::Grant(RoleGrant { role, district }).to_stored(),
            district: Some(district),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// One page of the audit log of the coordinator's districts, newest first,
/// with actors' names.
pub async fn audit_log(state: &AppState, actor: &SessionUser, page: u64) -> ServiceResult<AuditPage> {
    let newest_first = |select: Select<audit_entry::Entity>| select.order_by_desc(audit_entry::Column::Id);
    let theirs = audit_entry::Entity::find().filter(in_coordinated_districts(actor, audit_entry::Column::District));
    let db::Page { rows: entries, page, pages, .. } = db::fetch_page(&state.db, theirs, newest_first, page, PAGE_SIZE).await?;
    // One query for every person the page names, actors and subjects alike.
    let mut ids: Vec<Uuid> = entries.iter().filter_map(|e| e.actor_id).collect();
    ids.extend(entries.iter().filter(|e| e.subject_kind == "user").filter_map(|e| Uuid::parse_str(&e.subject_id).ok()));
    let people = user::Entity::find().filter(user::Column::Id.is_in(ids)).all(&state.db).await?;
    let person = |id: Uuid| people.iter().find(|p| p.id == id);
    let rows = entries
        .into_iter()
        .map(|entry| AuditRow {
            at: entry.at,
            actor: entry.actor_id.map(|id| person(id).map_or_else(|| id.to_string(), |p| p.name.clone())),
            subject: Uuid::parse_str(&entry.subject_id)
                .ok()
                .and_then(person)
                .map_or_else(|| entry.subject_id.clone(), |p| format!("{} ({})", p.name, p.email)),
            detail: AuditDetail::from_stored(&entry.detail),
            action: entry.action,
            client: entry.client,
            request_id: entry.request_id,
        })
        .collect();
    Ok(AuditPage { rows, page, pages })
}

/// The mail a coordinator may see: to people of their districts, or to
/// anyone for a coordinator of every district.
fn visible_mail(actor: &SessionUser) -> Select<outbox_mail::Entity> {
    let select = outbox_mail::Entity::find();
    if coordinates_every_district(actor) {
        return select;
    }
    let their_people = sea_orm::sea_query::Query::select()
        .column(user::Column::Email)
        .from(user::Entity)
        .cond_where(in_coordinated_districts(actor, user::Column::HomeDistrict))
        .to_owned();
    select.filter(outbox_mail::Column::Recipient.in_subquery(their_people))
}

/// Mails that have not gone out, of those the coordinator may see: failed
/// ones first, then those still waiting.
pub async fn undelivered_mail(state: &AppState, actor: &SessionUser) -> ServiceResult<Vec<OutboxRow>> {
    let rows = visible_mail(actor)
        .filter(outbox_mail::Column::Status.ne(mail::outbox::SENT))
        .order_by_asc(outbox_mail::Column::Status)
        .order_by_desc(outbox_mail::Column::Id)
        .limit(200)
        .all(&state.db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|m| OutboxRow {
            id: m.id,
            recipient: m.recipient,
            subject: m.subject,
            status: m.status,
            attempts: m.attempts,
            last_error: m.last_error,
            created_at: m.created_at,
        })
        .collect())
}

/// Puts a mail that failed for good back in the queue for another day.
pub async fn requeue_mail(state: &AppState, actor: &SessionUser, id: i64) -> ServiceResult<()> {
    let found = visible_mail(actor).filter(outbox_mail::Column::Id.eq(id)).one(&state.db).await?.ok_or(ServiceError::NotFound)?;
    let recipient = user::Entity::find().filter(user::Column::Email.eq(found.recipient.as_str())).one(&state.db).await?;
    let txn = state.db.begin().await?;
    if !mail::outbox::requeue(&txn, id).await? {
        return Err(ServiceError::Refused(Problem::NotFailed));
    }
    audit::record(
        &txn,
        AuditRecord {
            actor: Some(uuid(&actor.id)?),
            action: "mail.requeued",
            subject_kind: "mail",
            subject_id: id.to_string(),
            detail: String::new(),
            district: recipient.as_ref().map(user::Model::home),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
