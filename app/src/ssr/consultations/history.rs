//! A request's history: each transition and each view by a jurist or
//! coordinator, in the request's own list and in the audit log.

use std::collections::HashMap;

use sea_orm::{ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QueryOrder as _, prelude::Uuid};

use super::district_of;
use crate::{
    domain::consultations::{Event, HistoryEntry},
    ssr::{
        audit::{self, AuditRecord},
        clock,
        entities::{consultation, consultation_event},
        error::ServiceResult,
    },
};

/// A jurist reopening a request within this long is still the same visit:
/// neither written again nor counted as another colleague arriving.
pub const VISIT_SECONDS: i64 = 15 * 60;

/// Writes `event` by `actor` to the request's history and the audit log.
pub async fn record(
    db: &impl ConnectionTrait,
    row: &consultation::Model,
    actor: Option<Uuid>,
    event: Event,
    detail: String,
) -> ServiceResult<()> {
    consultation_event::Entity::insert(consultation_event::ActiveModel {
        consultation_id: Set(row.id),
        actor_id: Set(actor),
        event: Set(event.code().to_owned()),
        detail: Set(detail.clone()),
        at: Set(clock::now()),
        ..Default::default()
    })
    .exec_without_returning(db)
    .await?;
    let action = format!("consultation.{}", event.code());
    let entry = AuditRecord {
        actor,
        action: &action,
        subject_kind: "consultation",
        subject_id: row.id.to_string(),
        detail,
        district: Some(district_of(row)),
    };
    audit::record(db, entry).await
}

/// Records that `viewer` opened the request, unless they already did in
/// this visit, and returns who else opened it during the last visit time.
pub async fn viewed(db: &impl ConnectionTrait, row: &consultation::Model, viewer: Uuid) -> ServiceResult<Vec<Uuid>> {
    let since = clock::now() - VISIT_SECONDS;
    let recent = consultation_event::Entity::find()
        .filter(consultation_event::Column::ConsultationId.eq(row.id))
        .filter(consultation_event::Column::Event.eq(Event::Viewed.code()))
        .filter(consultation_event::Column::At.gt(since))
        .all(db)
        .await?;
    if !recent.iter().any(|view| view.actor_id == Some(viewer)) {
        record(db, row, Some(viewer), Event::Viewed, String::new()).await?;
    }
    let mut others: Vec<Uuid> = recent.into_iter().filter_map(|view| view.actor_id).filter(|&id| id != viewer).collect();
    others.sort_unstable();
    others.dedup();
    Ok(others)
}

/// The request's history, oldest first, with its actors' names from `names`.
pub async fn entries(db: &impl ConnectionTrait, id: Uuid) -> ServiceResult<Vec<consultation_event::Model>> {
    Ok(consultation_event::Entity::find()
        .filter(consultation_event::Column::ConsultationId.eq(id))
        .order_by_asc(consultation_event::Column::At)
        .order_by_asc(consultation_event::Column::Id)
        .all(db)
        .await?)
}

pub fn as_entry(row: consultation_event::Model, names: &HashMap<Uuid, String>) -> Option<HistoryEntry> {
    Some(HistoryEntry {
        event: Event::from_code(&row.event)?,
        actor: row.actor_id.and_then(|id| names.get(&id).cloned()),
        detail: row.detail,
        at: row.at,
    })
}
