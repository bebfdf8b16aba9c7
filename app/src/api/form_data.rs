//! Forms that carry files arrive as `multipart/form-data`: their text
//! fields and their files, read here with the same limits as any form.

use std::collections::HashMap;

use leptos::server_fn::codec::MultipartData;

use crate::{
    domain::{AppError, files::MAX_FILE_BYTES},
    ssr::files::Upload,
};

/// The longest text field kept; longer ones are cut, and the service's own
/// checks then refuse them with their message.
const MAX_FIELD_BYTES: usize = 256 * 1024;

/// A posted form: its text fields by name, and the files chosen.
#[derive(Default)]
pub struct Submitted {
    fields: HashMap<String, String>,
    pub files: Vec<Upload>,
}

impl Submitted {
    /// The field's text, empty when it was not sent.
    pub fn text(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }

    /// Whether a field was sent (a ticked box, the button pressed).
    pub fn has(&self, name: &str) -> bool {
        self.fields.contains_key(name)
    }
}

/// Reads the whole form. A file larger than the limit is kept one byte
/// past it, so the file store's check names the problem; a file field left
/// empty is no file.
pub async fn read(data: MultipartData) -> Result<Submitted, AppError> {
    let mut multipart = data.into_inner().ok_or_else(|| AppError::Request("not a form".into()))?;
    let mut submitted = Submitted::default();
    while let Some(mut field) = multipart.next_field().await.map_err(|e| AppError::Request(e.to_string()))? {
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().map(str::to_owned);
        let limit = if file_name.is_some() { MAX_FILE_BYTES + 1 } else { MAX_FIELD_BYTES };
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(|e| AppError::Request(e.to_string()))? {
            let room = limit.saturating_sub(bytes.len());
            bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
        }
        match file_name {
            Some(file_name) if !(file_name.is_empty() && bytes.is_empty()) => submitted.files.push(Upload { name: file_name, bytes }),
            Some(_) => {}
            None => {
                submitted.fields.insert(name, String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    Ok(submitted)
}
