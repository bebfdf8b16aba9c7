//! Retention: a consultation closed longer ago than the configured period
//! (`consultation_retention_days`) is anonymised. What it says is kept for
//! the statistics, with every passage the privacy guard finds replaced;
//! its subject, the guardian's date and comment, who asked (the requester
//! and co-requesters, pending invitations) and its attached files go. A
//! dry run (`tutela consultations retention`) lists what would be done.

use std::path::Path;

use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, EntityTrait as _, PaginatorTrait as _,
    QueryFilter as _, QueryOrder as _, TransactionTrait as _, sea_query::Expr,
};

use super::{history, reference};
use crate::{
    domain::{
        consultations::{Event, MessageKind, Status},
        rome_date,
    },
    ssr::{
        clock,
        entities::{
            consultation, consultation_attachment, consultation_event, consultation_invite, consultation_member, consultation_message,
            stored_file,
        },
        error::ServiceResult,
        files, privacy_guard, user_markdown,
    },
};

/// What replaces a passage that may identify someone.
const REMOVED: &str = "[…]";

/// A request the retention period has reached.
pub struct Due {
    pub reference: String,
    /// `YYYY-MM-DD`, in Rome.
    pub closed_on: String,
    pub files: u64,
}

async fn due_rows(db: &impl ConnectionTrait, days: i64) -> ServiceResult<Vec<consultation::Model>> {
    if days <= 0 {
        return Ok(Vec::new());
    }
    Ok(consultation::Entity::find()
        .filter(consultation::Column::Status.eq(Status::Closed.code()))
        .filter(consultation::Column::ClosedAt.lt(clock::now() - days * clock::DAY))
        .filter(consultation::Column::AnonymisedAt.is_null())
        .order_by_asc(consultation::Column::ClosedAt)
        .all(db)
        .await?)
}

/// The dry run: what anonymising after `days` would touch now.
pub async fn report(db: &impl ConnectionTrait, days: i64) -> ServiceResult<Vec<Due>> {
    let mut due = Vec::new();
    for row in due_rows(db, days).await? {
        let files =
            consultation_attachment::Entity::find().filter(consultation_attachment::Column::ConsultationId.eq(row.id)).count(db).await?;
        due.push(Due { reference: reference(row.id), closed_on: rome_date(row.closed_at.unwrap_or(row.updated_at)), files });
    }
    Ok(due)
}

/// Anonymises every request closed more than `days` ago (none when 0),
/// one transaction each; `files_dir` is the file store's. Returns how many.
pub async fn anonymise_due(db: &DatabaseConnection, files_dir: &Path, days: i64) -> ServiceResult<usize> {
    let rows = due_rows(db, days).await?;
    for row in &rows {
        anonymise(db, files_dir, row).await?;
    }
    Ok(rows.len())
}

async fn anonymise(db: &DatabaseConnection, files_dir: &Path, row: &consultation::Model) -> ServiceResult<()> {
    let txn = db.begin().await?;
    let mut update = consultation::ActiveModel::from(row.clone());
    // The subject was the guardian's own words: the reference stands in.
    update.subject = Set(reference(row.id));
    update.requester_id = Set(None);
    update.deadline = Set(None);
    update.rating_comment = Set(None);
    update.anonymised_at = Set(Some(clock::now()));
    update.update(&txn).await?;
    let messages = consultation_message::Entity::find().filter(consultation_message::Column::ConsultationId.eq(row.id)).all(&txn).await?;
    for message in messages {
        let body = privacy_guard::redact(&message.body, REMOVED);
        let requester_wrote = matches!(MessageKind::from_code(&message.kind), Some(MessageKind::Request | MessageKind::Requester));
        let mut kept = consultation_message::ActiveModel::from(message);
        kept.body_html = Set(user_markdown::render(&body));
        kept.body = Set(body);
        if requester_wrote {
            kept.author_id = Set(None);
        }
        kept.update(&txn).await?;
    }
    consultation_member::Entity::delete_many().filter(consultation_member::Column::ConsultationId.eq(row.id)).exec(&txn).await?;
    consultation_invite::Entity::delete_many().filter(consultation_invite::Column::ConsultationId.eq(row.id)).exec(&txn).await?;
    // Invitations named an address; nothing else in the history does.
    consultation_event::Entity::update_many()
        .col_expr(consultation_event::Column::Detail, Expr::value(""))
        .filter(consultation_event::Column::ConsultationId.eq(row.id))
        .filter(consultation_event::Column::Event.eq(Event::Invited.code()))
        .exec(&txn)
        .await?;
    let attached: Vec<sea_orm::prelude::Uuid> = consultation_attachment::Entity::find()
        .filter(consultation_attachment::Column::ConsultationId.eq(row.id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|link| link.file_id)
        .collect();
    stored_file::Entity::delete_many().filter(stored_file::Column::Id.is_in(attached.clone())).exec(&txn).await?;
    history::record(&txn, row, None, Event::Anonymised, format!("{} files", attached.len())).await?;
    txn.commit().await?;
    // After the commit: a file whose row is gone is unreachable anyway.
    for id in attached {
        files::remove(files_dir, id).await?;
    }
    Ok(())
}
