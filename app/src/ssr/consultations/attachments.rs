//! Files attached to a request's messages: PDFs, images and text
//! documents, kept in the file store. A file follows its message: one
//! attached to an internal note is for the request's staff only.

use std::collections::HashMap;

use sea_orm::{ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QueryOrder as _, prelude::Uuid};

use super::access;
use crate::{
    domain::{
        Problem, SessionUser,
        consultations::MessageKind,
        files::{Attachment, FileKind},
    },
    ssr::{
        entities::{consultation_attachment, consultation_message, stored_file},
        error::{ServiceError, ServiceResult},
        files::{self, Upload},
        state::AppState,
    },
};

/// What a request may carry: documents a guardian has (a decree, a permit,
/// a letter) as PDF, a photo or a scan, or a text document.
pub const ACCEPTED: [FileKind; 6] = FileKind::ALL;

/// Checks the files of a message; their kinds, in order.
pub(super) fn check(uploads: &[Upload]) -> Result<Vec<FileKind>, Problem> {
    files::check(uploads, &ACCEPTED)
}

/// Stores checked files and attaches them to `message`.
pub(super) async fn attach(
    db: &impl ConnectionTrait,
    state: &AppState,
    (consultation, message): (Uuid, Uuid),
    uploader: Uuid,
    uploads: &[Upload],
    kinds: &[FileKind],
) -> ServiceResult<()> {
    for (upload, kind) in uploads.iter().zip(kinds) {
        let stored = files::save(db, &state.settings.files_dir, uploader, upload, *kind).await?;
        consultation_attachment::Entity::insert(consultation_attachment::ActiveModel {
            file_id: sea_orm::ActiveValue::Set(stored.id),
            consultation_id: sea_orm::ActiveValue::Set(consultation),
            message_id: sea_orm::ActiveValue::Set(message),
        })
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

/// The files of the request's `messages` (those the reader may see), by message.
pub async fn of_messages(
    db: &impl ConnectionTrait,
    consultation: Uuid,
    messages: &[Uuid],
) -> ServiceResult<HashMap<Uuid, Vec<Attachment>>> {
    let rows = consultation_attachment::Entity::find()
        .find_also_related(stored_file::Entity)
        .filter(consultation_attachment::Column::ConsultationId.eq(consultation))
        .order_by_asc(stored_file::Column::CreatedAt)
        .all(db)
        .await?;
    let mut by_message: HashMap<Uuid, Vec<Attachment>> = HashMap::new();
    for (link, file) in rows {
        if let Some(file) = file.filter(|_| messages.contains(&link.message_id)) {
            by_message.entry(link.message_id).or_default().push(files::as_attachment(&file));
        }
    }
    Ok(by_message)
}

/// The file `file` of request `id`, if the reader may read it: one of the
/// request's people, and for a file of an internal note, its staff.
pub async fn open(state: &AppState, reader: &SessionUser, id: &str, file: &str) -> ServiceResult<(stored_file::Model, Vec<u8>)> {
    let (row, standing) = access::load(&state.db, reader, id).await?;
    let file = Uuid::parse_str(file).map_err(|_| ServiceError::NotFound)?;
    let link = consultation_attachment::Entity::find_by_id(file)
        .filter(consultation_attachment::Column::ConsultationId.eq(row.id))
        .one(&state.db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !standing.is_staff() {
        let message = consultation_message::Entity::find_by_id(link.message_id).one(&state.db).await?.ok_or(ServiceError::NotFound)?;
        if message.kind == MessageKind::InternalNote.code() {
            return Err(ServiceError::NotFound);
        }
    }
    let stored = stored_file::Entity::find_by_id(file).one(&state.db).await?.ok_or(ServiceError::NotFound)?;
    let bytes = files::read(&state.settings.files_dir, &stored).await?;
    Ok((stored, bytes))
}
