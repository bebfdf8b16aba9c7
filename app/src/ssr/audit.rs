//! The audit log that every area writes sensitive actions to.

use sea_orm::{ActiveModelTrait as _, ActiveValue::Set, ConnectionTrait, prelude::Uuid};

use super::{
    clock,
    entities::audit_entry,
    error::{ServiceError, ServiceResult},
    request::request_context,
};
use crate::domain::{District, Problem};

pub const REASON_MAX_CHARS: usize = 500;

/// The reason given for an action that the person it concerns is told of
/// (a post hidden, a member silenced, a certificate revoked): required,
/// and short.
pub fn checked_reason(reason: &str) -> ServiceResult<&str> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(ServiceError::field("reason", Problem::Required));
    }
    if reason.chars().count() > REASON_MAX_CHARS {
        return Err(ServiceError::field("reason", Problem::NoteTooLong));
    }
    Ok(reason)
}

/// One sensitive action: who did it, what, to what, and details for people.
pub struct AuditRecord<'a> {
    pub actor: Option<Uuid>,
    pub action: &'a str,
    pub subject_kind: &'a str,
    pub subject_id: String,
    pub detail: String,
    /// Whose coordinators may read it: the subject's home district.
    pub district: Option<District>,
}

/// Writes `entry`, with the address and id of the request being served, if
/// any (none for the command line and jobs).
pub async fn record(db: &impl ConnectionTrait, entry: AuditRecord<'_>) -> ServiceResult<()> {
    let request = request_context();
    audit_entry::ActiveModel {
        actor_id: Set(entry.actor),
        action: Set(entry.action.to_owned()),
        subject_kind: Set(entry.subject_kind.to_owned()),
        subject_id: Set(entry.subject_id),
        detail: Set(entry.detail),
        at: Set(clock::now()),
        district: Set(entry.district.map(|d| d.code().to_owned())),
        client: Set(request.client),
        request_id: Set(request.request_id),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
