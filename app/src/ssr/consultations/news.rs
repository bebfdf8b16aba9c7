//! The mails a request's people get: the guardian at each reply and status
//! change, the assigned jurist when the guardian writes or reopens, the
//! district's jurists when a request arrives, and the reminders of due
//! times. They carry the request's reference and a link, never what anyone
//! wrote.

use sea_orm::{
    ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QuerySelect as _, RelationTrait as _, prelude::Uuid,
    sea_query::JoinType,
};

use super::reference;
use crate::{
    domain::{Role, UserStatus},
    i18n::Locale,
    routes::paths,
    ssr::{
        entities::{consultation, consultation_member, user, user_role},
        error::ServiceResult,
        mail::{self, ConsultationNews, MailKind},
        state::Settings,
    },
};

async fn send(
    db: &impl ConnectionTrait,
    settings: &Settings,
    to: &user::Model,
    row: &consultation::Model,
    news: ConsultationNews,
) -> ServiceResult<()> {
    if to.status != UserStatus::Active.code() {
        return Ok(());
    }
    let kind = MailKind::Consultation {
        name: to.name.clone(),
        reference: reference(row.id),
        news,
        link: settings.link(&paths::consultation(&row.id.to_string())),
    };
    mail::enqueue(db, &to.email, Locale::from_code(&to.locale).unwrap_or_default(), &kind).await
}

/// Tells the account `to` (the requester or the assignee), if it still exists.
pub async fn tell(
    db: &impl ConnectionTrait,
    settings: &Settings,
    to: Option<Uuid>,
    row: &consultation::Model,
    news: ConsultationNews,
) -> ServiceResult<()> {
    let Some(id) = to else { return Ok(()) };
    match user::Entity::find_by_id(id).one(db).await? {
        Some(account) => send(db, settings, &account, row, news).await,
        None => Ok(()),
    }
}

/// Tells the requester and the co-requesters they invited.
pub async fn tell_requesters(
    db: &impl ConnectionTrait,
    settings: &Settings,
    row: &consultation::Model,
    news: ConsultationNews,
) -> ServiceResult<()> {
    tell(db, settings, row.requester_id, row, news).await?;
    let members = user::Entity::find()
        .join_rev(JoinType::InnerJoin, consultation_member::Relation::User.def())
        .filter(consultation_member::Column::ConsultationId.eq(row.id))
        .all(db)
        .await?;
    for member in &members {
        send(db, settings, member, row, news).await?;
    }
    Ok(())
}

/// Tells every active holder of `role` in the request's district (its
/// jurists, or its coordinators).
pub async fn tell_district(
    db: &impl ConnectionTrait,
    settings: &Settings,
    row: &consultation::Model,
    role: Role,
    news: ConsultationNews,
) -> ServiceResult<()> {
    let people = user::Entity::find()
        .join(JoinType::InnerJoin, user::Relation::UserRole.def())
        .filter(user_role::Column::Role.eq(role.code()))
        .filter(user_role::Column::District.eq(&row.district))
        .all(db)
        .await?;
    for person in &people {
        send(db, settings, person, row, news).await?;
    }
    Ok(())
}
