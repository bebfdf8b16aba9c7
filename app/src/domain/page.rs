//! What every page knows before it renders: who is reading, in which
//! language, and what the previous request left for them.

use serde::{Deserialize, Serialize};

use super::{Flash, SessionUser};
use crate::i18n::Locale;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageContext {
    pub user: Option<SessionUser>,
    pub locale: Locale,
    pub flash: Option<Flash>,
    /// The path this page was loaded at: the flash belongs to it, not to
    /// pages reached afterwards by navigating inside the app.
    pub path: String,
}
