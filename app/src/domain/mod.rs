//! Types shared by the browser and the server: roles, districts, validated
//! inputs, what pages show, and the errors a user can be told about.

mod account;
pub mod admin;
pub mod authoring;
pub mod certificates;
pub mod community;
pub mod consultation_stats;
pub mod consultations;
pub mod cycles;
mod devices;
mod draft;
mod error;
pub mod faq;
pub mod files;
mod flash;
pub mod notifications;
mod people;
mod privacy;
mod rome_time;
pub mod search;
mod second_factor;
pub mod training;
pub mod working_days;

pub use account::{DisplayName, Email, NewPassword, RegistrationKind};
pub use devices::{Device, OwnSession};
pub use draft::Draft;
pub use error::{AppError, FieldProblem, Problem};
pub use flash::{Flash, FormFeedback, Notice};
pub use people::{District, Role, RoleGrant, SessionUser, UserStatus};
pub use privacy::{Identifying, PrivacyFinding};
pub use rome_time::{
    MONDAY, italian_date, next_rome_time, parse_clock, parse_date, rome_clock, rome_date, rome_instant, rome_offset_seconds, rome_time,
};
pub use second_factor::{Enrolment, RecoveryCodes, SecondFactorStatus};
