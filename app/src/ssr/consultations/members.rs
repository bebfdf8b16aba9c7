//! Co-requesters: the guardian invites the minor's social worker by
//! e-mail; whoever opens the link signed in with that address joins the
//! request and reads and writes in its thread as the guardian does
//! (never its internal notes). An invitation works once, for
//! [`INVITATION_DAYS`].

use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QuerySelect as _,
    TransactionTrait as _, prelude::Uuid, sea_query::OnConflict,
};

use super::{
    access::{self, Standing},
    history, reference, status_of,
};
use crate::{
    domain::{
        Email, Problem, SessionUser,
        consultations::{Event, INVITATION_DAYS, Invitation, Status},
    },
    i18n::Locale,
    routes::paths,
    ssr::{
        authz::account_id,
        clock,
        entities::{consultation, consultation_invite, consultation_member, user},
        error::{ServiceError, ServiceResult},
        mail::{self, MailKind},
        secrets::{new_token, token_digest},
        state::AppState,
    },
};

/// The co-requesters of request `id`.
pub async fn of(db: &impl ConnectionTrait, id: Uuid) -> ServiceResult<Vec<Uuid>> {
    Ok(consultation_member::Entity::find()
        .select_only()
        .column(consultation_member::Column::UserId)
        .filter(consultation_member::Column::ConsultationId.eq(id))
        .into_tuple()
        .all(db)
        .await?)
}

/// The requester invites `email` to join: a link goes to that address.
pub async fn invite(state: &AppState, reader: &SessionUser, id: &str, email: &str) -> ServiceResult<()> {
    let (row, standing) = access::load(&state.db, reader, id).await?;
    if standing != Standing::Requester {
        return Err(ServiceError::Forbidden);
    }
    if status_of(&row) == Status::Closed {
        return Err(ServiceError::Refused(Problem::NotNow));
    }
    let email = Email::parse(email).map_err(|problem| ServiceError::field("email", problem))?;
    let token = new_token();
    let now = clock::now();
    let invited = user::Entity::find().filter(user::Column::Email.eq(email.as_str())).one(&state.db).await?;
    let txn = state.db.begin().await?;
    consultation_invite::Entity::insert(consultation_invite::ActiveModel {
        token_digest: Set(token_digest(&token)),
        consultation_id: Set(row.id),
        email: Set(email.as_str().to_owned()),
        invited_by: Set(Some(account_id(reader)?)),
        created_at: Set(now),
        expires_at: Set(now + INVITATION_DAYS * clock::DAY),
        accepted_at: Set(None),
    })
    .exec_without_returning(&txn)
    .await?;
    history::record(&txn, &row, Some(account_id(reader)?), Event::Invited, email.as_str().to_owned()).await?;
    let kind = MailKind::ConsultationInvitation {
        name: invited.as_ref().map(|account| account.name.clone()),
        inviter: reader.name.clone(),
        reference: reference(row.id),
        link: state.settings.link(&paths::consultation_invitation(&token)),
    };
    let locale = invited.as_ref().and_then(|account| Locale::from_code(&account.locale)).unwrap_or(reader.locale);
    mail::enqueue(&txn, email.as_str(), locale, &kind).await?;
    txn.commit().await?;
    Ok(())
}

/// The invitation behind `token`, still open, with its request.
async fn open_invitation(state: &AppState, token: &str) -> ServiceResult<(consultation_invite::Model, consultation::Model)> {
    let invite = consultation_invite::Entity::find_by_id(token_digest(token))
        .one(&state.db)
        .await?
        .filter(|invite| invite.accepted_at.is_none() && invite.expires_at > clock::now())
        .ok_or(ServiceError::Refused(Problem::TokenInvalid))?;
    let row = consultation::Entity::find_by_id(invite.consultation_id)
        .one(&state.db)
        .await?
        .ok_or(ServiceError::Refused(Problem::TokenInvalid))?;
    Ok((invite, row))
}

/// What the link's page shows the signed-in reader.
pub async fn invitation(state: &AppState, reader: &SessionUser, token: &str) -> ServiceResult<Invitation> {
    let (invite, row) = open_invitation(state, token).await?;
    let inviter = match invite.invited_by {
        Some(id) => user::Entity::find_by_id(id).one(&state.db).await?.map(|account| account.name),
        None => None,
    };
    Ok(Invitation {
        token: token.to_owned(),
        reference: reference(row.id),
        inviter,
        for_reader: invite.email.eq_ignore_ascii_case(&reader.email),
        email: invite.email,
    })
}

/// The reader accepts: signed in with the address invited, they join the
/// request. Returns its id.
pub async fn accept(state: &AppState, reader: &SessionUser, token: &str) -> ServiceResult<Uuid> {
    let (invite, row) = open_invitation(state, token).await?;
    if !invite.email.eq_ignore_ascii_case(&reader.email) {
        return Err(ServiceError::Refused(Problem::InvitationForAnotherAddress));
    }
    let me = account_id(reader)?;
    let txn = state.db.begin().await?;
    let mut used = consultation_invite::ActiveModel::from(invite);
    used.accepted_at = Set(Some(clock::now()));
    used.update(&txn).await?;
    if row.requester_id != Some(me) {
        consultation_member::Entity::insert(consultation_member::ActiveModel {
            consultation_id: Set(row.id),
            user_id: Set(me),
            added_at: Set(clock::now()),
        })
        .on_conflict(
            OnConflict::columns([consultation_member::Column::ConsultationId, consultation_member::Column::UserId]).do_nothing().to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
        history::record(&txn, &row, Some(me), Event::Joined, String::new()).await?;
    }
    txn.commit().await?;
    Ok(row.id)
}
