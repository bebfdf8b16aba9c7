//! Account entry and self-service pages.

pub mod data;
pub mod forgot_password;
pub mod login;
pub mod login_code;
pub mod logout;
pub mod mail_preferences;
pub mod profile;
pub mod register;
pub mod reset_password;
pub mod second_factor;
pub mod verify_email;

use crate::domain::District;

/// The districts as (code, name) choices for a form.
pub(crate) fn district_options() -> Vec<(String, String)> {
    District::ALL.into_iter().map(|d| (d.code().to_owned(), d.name().to_owned())).collect()
}
