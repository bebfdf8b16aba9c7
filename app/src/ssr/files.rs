//! The file store, for every area that takes attachments: what a file is
//! is read from its content (never its name or the browser's word), its
//! size is capped, and it is kept on disk outside the site's root under a
//! random id, one folder per first two hex digits. Whoever serves a file
//! checks who may read it first; `response` then sends it so that no
//! browser runs it.

use std::path::{Path, PathBuf};

use sea_orm::{ConnectionTrait, EntityTrait as _, prelude::Uuid};

use super::{
    clock,
    entities::stored_file,
    error::{ServiceError, ServiceResult},
    secrets,
};
use crate::domain::{
    Problem,
    files::{Attachment, FileKind, MAX_FILE_BYTES, MAX_FILES},
};

/// A file as it arrived with a form.
pub struct Upload {
    /// The name the sender's computer gave it.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What `bytes` are, if one of the kinds Tutela takes.
pub fn kind_of(bytes: &[u8]) -> Option<FileKind> {
    if infer::archive::is_pdf(bytes) {
        Some(FileKind::Pdf)
    } else if infer::image::is_png(bytes) {
        Some(FileKind::Png)
    } else if infer::image::is_jpeg(bytes) {
        Some(FileKind::Jpeg)
    } else if infer::image::is_webp(bytes) {
        Some(FileKind::Webp)
    } else if infer::odf::is_odt(bytes) {
        Some(FileKind::Odt)
    } else if infer::doc::is_docx(bytes) {
        Some(FileKind::Docx)
    } else {
        None
    }
}

/// Checks a form's files against `accepted`: how many, how large, and what
/// each one really is. The first problem found is the answer.
pub fn check(uploads: &[Upload], accepted: &[FileKind]) -> Result<Vec<FileKind>, Problem> {
    if uploads.len() > MAX_FILES {
        return Err(Problem::TooManyFiles);
    }
    uploads
        .iter()
        .map(|upload| {
            if upload.bytes.len() > MAX_FILE_BYTES {
                return Err(Problem::FileTooLarge);
            }
            kind_of(&upload.bytes).filter(|kind| accepted.contains(kind)).ok_or(Problem::FileKindRefused)
        })
        .collect()
}

/// Where the file `id` lives under `dir`.
fn path_of(dir: &Path, id: Uuid) -> PathBuf {
    let name = id.simple().to_string();
    dir.join(&name[..2]).join(name)
}

/// A name that is safe to show and to offer as a download: no folders,
/// no control characters, not too long.
fn clean_name(name: &str, kind: FileKind) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base.chars().filter(|c| !c.is_control() && !matches!(c, '"' | ';')).take(120).collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() { format!("allegato.{}", kind.code()) } else { cleaned.to_owned() }
}

/// Writes a checked upload to disk, then records it; returns its row.
/// The file is written under a temporary name and renamed, so a reader
/// never finds half of it.
pub async fn save(
    db: &impl ConnectionTrait,
    dir: &Path,
    uploader: Uuid,
    upload: &Upload,
    kind: FileKind,
) -> ServiceResult<stored_file::Model> {
    let id = Uuid::new_v4();
    let path = path_of(dir, id);
    let folder = path.parent().ok_or_else(|| ServiceError::Internal("file path without a folder".into()))?;
    let internal = |e: std::io::Error| ServiceError::Internal(format!("file store: {e}"));
    tokio::fs::create_dir_all(folder).await.map_err(internal)?;
    let partial = path.with_extension("part");
    tokio::fs::write(&partial, &upload.bytes).await.map_err(internal)?;
    tokio::fs::rename(&partial, &path).await.map_err(internal)?;
    let row = stored_file::Model {
        id,
        uploaded_by: Some(uploader),
        kind: kind.code().to_owned(),
        name: clean_name(&upload.name, kind),
        size: i64::try_from(upload.bytes.len()).unwrap_or(i64::MAX),
        sha256: secrets::content_digest(&upload.bytes),
        created_at: clock::now(),
    };
    stored_file::Entity::insert(stored_file::ActiveModel::from(row.clone())).exec_without_returning(db).await?;
    Ok(row)
}

/// The stored file's content.
pub async fn read(dir: &Path, file: &stored_file::Model) -> ServiceResult<Vec<u8>> {
    tokio::fs::read(path_of(dir, file.id)).await.map_err(|e| ServiceError::Internal(format!("reading stored file {}: {e}", file.id)))
}

/// Deletes the file from disk (its row goes with what it belongs to).
pub async fn remove(dir: &Path, id: Uuid) -> ServiceResult<()> {
    match tokio::fs::remove_file(path_of(dir, id)).await {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(ServiceError::Internal(format!("removing stored file {id}: {e}"))),
    }
}

pub fn as_attachment(file: &stored_file::Model) -> Attachment {
    Attachment {
        id: file.id.to_string(),
        name: file.name.clone(),
        kind: FileKind::from_code(&file.kind).unwrap_or(FileKind::Pdf),
        size: file.size,
    }
}

/// The file as a download: its real type, a name the browser saves it
/// under, and headers that keep any browser from running or guessing it.
pub fn response(file: &stored_file::Model, bytes: Vec<u8>) -> http::Response<axum::body::Body> {
    let kind = FileKind::from_code(&file.kind).unwrap_or(FileKind::Pdf);
    let ascii: String =
        file.name.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' }).collect();
    let encoded: String = file
        .name
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_') { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect();
    http::Response::builder()
        .header(http::header::CONTENT_TYPE, kind.media_type())
        .header(http::header::CONTENT_DISPOSITION, format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"))
        .header(http::header::CONTENT_SECURITY_POLICY, "sandbox; default-src 'none'")
        .header(http::header::CACHE_CONTROL, "private, no-store")
        .body(axum::body::Body::from(bytes))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload(bytes: &[u8]) -> Upload {
        Upload { name: "x".into(), bytes: bytes.to_vec() }
    }

    #[test]
    fn a_file_is_what_its_content_says_not_its_name() {
        assert_eq!(kind_of(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), Some(FileKind::Pdf));
        assert_eq!(kind_of(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some(FileKind::Png));
        assert_eq!(kind_of(b"\xff\xd8\xff\xe0\0\x10JFIF"), Some(FileKind::Jpeg));
        assert_eq!(kind_of(b"MZ\x90\0\x03\0\0\0"), None, "a Windows program");
        assert_eq!(kind_of(b"<html><script>alert(1)</script>"), None);
        let disguised = Upload { name: "parere.pdf".into(), bytes: b"#!/bin/sh\nrm -rf /".to_vec() };
        assert_eq!(check(&[disguised], &FileKind::ALL), Err(Problem::FileKindRefused));
    }

    #[test]
    fn size_count_and_kind_are_limited() {
        let pdf = b"%PDF-1.4\n".to_vec();
        let mut large = pdf.clone();
        large.resize(MAX_FILE_BYTES + 1, b' ');
        assert_eq!(check(&[upload(&large)], &FileKind::ALL), Err(Problem::FileTooLarge));
        let many: Vec<Upload> = (0..=MAX_FILES).map(|_| upload(&pdf)).collect();
        assert_eq!(check(&many, &FileKind::ALL), Err(Problem::TooManyFiles));
        assert_eq!(check(&[upload(&pdf)], &[FileKind::Png]), Err(Problem::FileKindRefused));
        assert_eq!(check(&[upload(&pdf)], &FileKind::ALL), Ok(vec![FileKind::Pdf]));
    }

    #[test]
    fn names_lose_their_folders_and_control_characters() {
        assert_eq!(clean_name("C:\\Users\\anna\\parere.pdf", FileKind::Pdf), "parere.pdf");
        assert_eq!(clean_name("../../etc/passwd", FileKind::Pdf), "passwd");
        assert_eq!(clean_name("a\u{0}b\"c.pdf", FileKind::Pdf), "abc.pdf");
        assert_eq!(clean_name("", FileKind::Png), "allegato.png");
    }
}
