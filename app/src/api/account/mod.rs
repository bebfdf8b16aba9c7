//! Account entry and self-service.

pub mod change_email;
pub mod change_password;
pub mod delete_account;
pub mod disable_second_factor;
pub mod enable_second_factor;
pub mod forgot_password;
pub mod login;
pub mod login_code;
pub mod logout;
pub mod own_sessions;
pub mod register;
pub mod replace_recovery_codes;
pub mod reset_password;
pub mod second_factor_page;
pub mod set_locale;
pub mod sign_out_elsewhere;
pub mod update_profile;
pub mod verify_email;
