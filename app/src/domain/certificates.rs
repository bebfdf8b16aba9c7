//! Certificates of completed training cycles: what one states, its public
//! verification code, and the pages that show them.

use serde::{Deserialize, Serialize};

use super::District;

/// Crockford's base 32: no I, L, O or U, so a code read aloud or copied
/// from paper cannot be mistaken.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Twelve characters: 60 random bits, beyond guessing.
pub const CODE_LENGTH: usize = 12;

/// A verification code as stored: twelve characters of `ALPHABET`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateCode(String);

impl CertificateCode {
    /// The code in `bytes` of random data (at least `CODE_LENGTH` bytes).
    pub fn from_random(bytes: &[u8]) -> CertificateCode {
        CertificateCode(bytes.iter().take(CODE_LENGTH).map(|b| char::from(ALPHABET[usize::from(b % 32)])).collect())
    }

    /// Reads a code as someone typed it: case, spaces and dashes do not
    /// matter, and the letters Crockford's alphabet leaves out are read as
    /// the digits they look like.
    pub fn parse(typed: &str) -> Option<CertificateCode> {
        let code: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            })
            .collect();
        (code.len() == CODE_LENGTH && code.bytes().all(|b| ALPHABET.contains(&b))).then_some(CertificateCode(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// As printed: `ABCD-EFGH-JKMN`.
    pub fn grouped(&self) -> String {
        let mut out = String::with_capacity(CODE_LENGTH + 2);
        for (i, c) in self.0.chars().enumerate() {
            if i > 0 && i % 4 == 0 {
                out.push('-');
            }
            out.push(c);
        }
        out
    }
}

/// A revocation: when, and (for coordinators only) why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revocation {
    pub at: i64,
    pub reason: Option<String>,
}

/// What a certificate states, as it was issued.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateFacts {
    /// Grouped, as printed.
    pub code: String,
    pub holder: String,
    pub cycle_title: String,
    pub course: String,
    pub district: District,
    pub starts_on: String,
    pub ends_on: String,
    pub attended_minutes: i32,
    pub trainers: String,
    pub issued_at: i64,
    pub revoked: Option<Revocation>,
}

/// `/verify/{code}`: a certificate for anyone who has its code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verification {
    /// The code as it was asked for, grouped when it is well formed.
    pub code: String,
    /// `None` when no certificate has this code.
    pub found: Option<CertificateFacts>,
    /// Whether the reader, a coordinator of its district, may revoke it.
    pub may_revoke: bool,
}

/// A certificate in a coordinator's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateRow {
    pub facts: CertificateFacts,
    pub holder_email: String,
    pub cycle_id: String,
}

/// `/training/certificates`: the certificates of the coordinator's districts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateList {
    /// The districts the reader coordinates, to choose from.
    pub districts: Vec<District>,
    /// The one chosen, or all of them.
    pub district: Option<District>,
    pub rows: Vec<CertificateRow>,
}

#[cfg(test)]
mod tests {
    use super::{CODE_LENGTH, CertificateCode};

    #[test]
    fn codes_are_read_as_typed_and_printed_in_groups() {
        let code = CertificateCode::parse("abcd-efgh-jkmn").unwrap();
        assert_eq!(code.as_str(), "ABCDEFGHJKMN");
        assert_eq!(code.grouped(), "ABCD-EFGH-JKMN");
        assert_eq!(CertificateCode::parse(" ABCD EFGH JKMN ").unwrap(), code);
        assert_eq!(CertificateCode::parse("OOOO-IIII-LLLL").unwrap().as_str(), "000011111111", "look-alike letters are digits");
    }

    #[test]
    fn anything_else_is_no_code() {
        assert_eq!(CertificateCode::parse(""), None);
        assert_eq!(CertificateCode::parse("ABCD-EFGH-JKM"), None, "too short");
        assert_eq!(CertificateCode::parse("ABCD-EFGH-JKMNP"), None, "too long");
        assert_eq!(CertificateCode::parse("ABCD-EFGH-JKMU"), None, "U is not in the alphabet");
        assert_eq!(CertificateCode::parse("ABCD/EFGH/JKMN"), None);
    }

    #[test]
    fn random_bytes_make_a_code_of_the_alphabet() {
        let code = CertificateCode::from_random(&[0, 31, 32, 255, 7, 8, 9, 10, 11, 12, 13, 14, 99]);
        assert_eq!(code.as_str().len(), CODE_LENGTH);
        assert_eq!(CertificateCode::parse(code.as_str()), Some(code.clone()));
        assert_eq!(&code.as_str()[..4], "0Z0Z");
    }
}
