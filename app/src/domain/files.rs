//! Files people attach (to a consultation, later to a lesson): the kinds
//! accepted, told by their content, and the limits.

use serde::{Deserialize, Serialize};

/// The largest file accepted.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// How many files one message may carry.
pub const MAX_FILES: usize = 5;

/// What a file is, read from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FileKind {
    Pdf,
    Png,
    Jpeg,
    Webp,
    /// OpenDocument text (LibreOffice).
    Odt,
    /// Office Open XML text (Word).
    Docx,
}

impl FileKind {
    pub const ALL: [FileKind; 6] = [FileKind::Pdf, FileKind::Png, FileKind::Jpeg, FileKind::Webp, FileKind::Odt, FileKind::Docx];

    pub fn code(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Png => "png",
            FileKind::Jpeg => "jpeg",
            FileKind::Webp => "webp",
            FileKind::Odt => "odt",
            FileKind::Docx => "docx",
        }
    }

    pub fn from_code(code: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn media_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Png => "image/png",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Webp => "image/webp",
            FileKind::Odt => "application/vnd.oasis.opendocument.text",
            FileKind::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        }
    }

    /// What the file field's `accept` offers first; the server decides.
    pub fn extensions(kinds: &[FileKind]) -> String {
        kinds
            .iter()
            .map(|kind| match kind {
                FileKind::Pdf => ".pdf",
                FileKind::Png => ".png",
                FileKind::Jpeg => ".jpg,.jpeg",
                FileKind::Webp => ".webp",
                FileKind::Odt => ".odt",
                FileKind::Docx => ".docx",
            })
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// An attached file as a page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: String,
    pub name: String,
    pub kind: FileKind,
    pub size: i64,
}
