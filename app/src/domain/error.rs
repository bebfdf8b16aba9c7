//! What can go wrong, as a user is told it. Internals never cross to the
//! browser: the server logs them and sends `AppError::Internal`.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

/// A reason a request was refused, translated on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Required,
    EmailInvalid,
    EmailTaken,
    NameInvalid,
    PasswordTooShort,
    PasswordTooLong,
    PasswordsDiffer,
    ChoiceInvalid,
    DistrictUnknown,
    BadCredentials,
    AccountNotActive,
    TokenInvalid,
    RateLimited,
    SignInSlowedDown,
    SecondFactorRequired,
    CodeInvalid,
    TitleInvalid,
    PostTooLong,
    PrivacyCheck,
    TopicLocked,
    Silenced,
    SlugTaken,
    MemberUnknown,
    NoteTooLong,
    EditWindowOver,
    DateInvalid,
    DateBeforeStart,
    DeadlineInPast,
    /// The request's state does not allow that step now.
    NotNow,
    ReopenWindowOver,
    FileTooLarge,
    FileKindRefused,
    TooManyFiles,
    InvitationForAnotherAddress,
    OwnPost,
    /// An FAQ entry needs someone other than its author to approve it.
    OwnEntry,
    AlreadyReacted,
    /// The quiz's attempts are all used.
    NoAttemptsLeft,
    /// A number outside what the field allows.
    NumberOutOfRange,
    /// Enrolment closing after the cycle's last day.
    EnrolmentAfterEnd,
    /// A cycle's places cut below the learners already enrolled.
    CapacityBelowEnrolled,
    /// The learner is already enrolled or waiting.
    AlreadyEnrolled,
    /// A session ending before it starts.
    TimeBeforeStart,
    /// Both a place and an online link, or neither.
    PlaceOrLink,
    /// An online session's link is not an https address.
    LinkInvalid,
    /// A session's day outside its cycle's dates.
    OutsideCycle,
    SecondFactorMandatory,
    ConfirmationMissing,
    LastCoordinator,
    NotFailed,
    /// A course summary over its length.
    SummaryTooLong,
    /// A lesson's text over its length.
    LessonTooLong,
    /// A course published before any of its lessons is.
    NothingPublished,
    /// A course taken back to draft while a cycle runs it.
    CourseInUse,
    /// A quiz's question, choice or explanation over its length.
    TextTooLong,
    /// A question with fewer than two choices.
    FewChoices,
    /// A question whose right choices do not fit its kind.
    RightChoices,
    /// A quiz published without a question.
    QuizEmpty,
    RequestUnreadable,
    ServerError,
}

/// A problem with one field of a form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub problem: Problem,
}

/// The error every server function returns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("the input is not valid")]
    Invalid(Vec<FieldProblem>),
    #[error("{0:?}")]
    Refused(Problem),
    #[error("sign-in required")]
    Unauthenticated,
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("internal error")]
    Internal,
    #[error("request failed: {0}")]
    Request(String),
}

impl AppError {
    /// One invalid field.
    pub fn field(field: &str, problem: Problem) -> AppError {
        AppError::Invalid(vec![FieldProblem { field: field.to_owned(), problem }])
    }

    /// The HTTP status that says the same thing.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Invalid(_) => 422,
            AppError::Refused(Problem::RateLimited | Problem::SignInSlowedDown) => 429,
            // A jurist's or coordinator's page before two-factor sign-in is on.
            AppError::Forbidden | AppError::Refused(Problem::SecondFactorRequired) => 403,
            // The request's state moved on: reload and see.
            AppError::Refused(
                Problem::NotNow | Problem::ReopenWindowOver | Problem::NothingPublished | Problem::CourseInUse | Problem::QuizEmpty,
            ) => 409,
            AppError::Refused(_) | AppError::Request(_) => 400,
            AppError::Unauthenticated => 401,
            AppError::NotFound => 404,
            AppError::Internal => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Request(value.to_string())
    }
}
