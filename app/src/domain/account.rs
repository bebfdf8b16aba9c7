//! Validated account inputs: a value of these types is known to be well formed.

use serde::{Deserialize, Serialize};

use super::{Problem, Role};

/// A syntactically plausible e-mail address, trimmed and lower-cased.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub const MAX_LEN: usize = 254;

    pub fn parse(input: &str) -> Result<Email, Problem> {
        let candidate = input.trim().to_lowercase();
        if candidate.is_empty() {
            return Err(Problem::Required);
        }
        let Some((local, domain)) = candidate.split_once('@') else {
            return Err(Problem::EmailInvalid);
        };
        let well_formed = candidate.len() <= Email::MAX_LEN
            && !local.is_empty()
            && local.len() <= 64
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !candidate.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';' | '"'))
            && !domain.contains('@');
        if well_formed { Ok(Email(candidate)) } else { Err(Problem::EmailInvalid) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A person's name as shown to others.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayName(String);

impl DisplayName {
    pub const MAX_CHARS: usize = 120;

    pub fn parse(input: &str) -> Result<DisplayName, Problem> {
        let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            Err(Problem::Required)
        } else if name.chars().count() > DisplayName::MAX_CHARS || name.chars().any(char::is_control) {
            Err(Problem::NameInvalid)
        } else {
            Ok(DisplayName(name))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password someone chose, long enough to resist guessing.
/// Never serialised: it only travels inward, to be hashed.
#[derive(Clone)]
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN_CHARS: usize = 10;
    pub const MAX_CHARS: usize = 256;

    pub fn parse(input: &str) -> Result<NewPassword, Problem> {
        let length = input.chars().count();
        if length == 0 {
            Err(Problem::Required)
        } else if length < NewPassword::MIN_CHARS {
            Err(Problem::PasswordTooShort)
        } else if length > NewPassword::MAX_CHARS {
            Err(Problem::PasswordTooLong)
        } else {
            Ok(NewPassword(input.to_owned()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(..)")
    }
}

/// What a person can register as; staff roles come only from a coordinator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RegistrationKind {
    Guardian,
    Operator,
}

impl RegistrationKind {
    pub fn parse(input: &str) -> Result<RegistrationKind, Problem> {
        match input {
            "guardian" => Ok(RegistrationKind::Guardian),
            "operator" => Ok(RegistrationKind::Operator),
            "" => Err(Problem::Required),
            _ => Err(Problem::ChoiceInvalid),
        }
    }

    pub fn role(self) -> Role {
        match self {
            RegistrationKind::Guardian => Role::Guardian,
            RegistrationKind::Operator => Role::Operator,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_trimmed_and_lower_cased() {
        assert_eq!(Email::parse("  Anna.Rossi@Example.IT ").unwrap().as_str(), "anna.rossi@example.it");
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in ["anna", "anna@", "@example.it", "anna@example", "an na@example.it", "anna@example..it", "a@b@c.it"] {
            assert_eq!(Email::parse(bad), Err(Problem::EmailInvalid), "{bad}");
        }
        assert_eq!(Email::parse("   "), Err(Problem::Required));
    }

    #[test]
    fn short_passwords_are_refused() {
        assert_eq!(NewPassword::parse("corta").unwrap_err(), Problem::PasswordTooShort);
        assert!(NewPassword::parse("una frase lunga abbastanza").is_ok());
    }

    #[test]
    fn names_are_normalised() {
        assert_eq!(DisplayName::parse("  Anna   Rossi ").unwrap().as_str(), "Anna Rossi");
        assert_eq!(DisplayName::parse("").unwrap_err(), Problem::Required);
    }
}
