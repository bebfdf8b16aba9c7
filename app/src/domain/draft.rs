//! What a member was writing, kept on the server until it is sent.

use serde::{Deserialize, Serialize};

use super::PrivacyFinding;

/// What the reader was writing when a post or a request could not be saved
/// yet (or they asked to preview it), with what the privacy guard found in
/// it and how it renders.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub title: String,
    pub body: String,
    pub findings: Vec<PrivacyFinding>,
    pub preview_html: Option<String>,
}
