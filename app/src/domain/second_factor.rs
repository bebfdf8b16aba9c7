//! What the two-factor set-up page shows.

use serde::{Deserialize, Serialize};

/// The state of the reader's two-factor sign-in, and what they may do next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondFactorStatus {
    pub enabled: bool,
    /// A role the reader holds requires it: it cannot be turned off.
    pub required: bool,
    pub recovery_codes_left: u32,
    /// To turn it on, when it is off.
    pub enrolment: Option<Enrolment>,
    /// A fresh set of recovery codes to take in place of the old, when it is on.
    pub new_codes: Option<RecoveryCodes>,
}

/// A new secret, as an `otpauth:` QR code and as text, with the recovery
/// codes that come with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    /// Base32, as authenticator apps take it when typed.
    pub secret: String,
    /// The QR code as an SVG element, made on the server.
    pub qr_svg: String,
    pub codes: RecoveryCodes,
}

/// Recovery codes offered by the server, with its signature over them (and
/// over the secret they come with), so it takes back only what it made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryCodes {
    pub codes: Vec<String>,
    pub proof: String,
}
