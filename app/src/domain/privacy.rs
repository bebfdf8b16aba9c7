//! What the privacy guard finds, as pages show it (the scanning itself is
//! server-only: `ssr::privacy_guard`).

use serde::{Deserialize, Serialize};

/// What a finding resembles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Identifying {
    /// A first name next to an age: "Ahmed, 16 anni", "Sara (15)".
    NameWithAge,
    /// A name given as one: "si chiama Omar", "his name is Omar".
    PersonName,
    /// An Italian *codice fiscale*, or the 11-digit provisional one.
    FiscalCode,
    PhoneNumber,
    EmailAddress,
    /// A date next to a word about birth.
    BirthDate,
    /// A permit, passport, identity-card or police (CUI) number.
    DocumentNumber,
    /// A street with a house number.
    StreetAddress,
}

/// A passage of a text that may identify a minor, for the author to look at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyFinding {
    pub kind: Identifying,
    pub excerpt: String,
}
