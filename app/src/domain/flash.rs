//! One-shot messages carried across a redirect: a notice after something
//! worked, or a form's problems and the values to put back after it did not.
//! This is what lets every form work as a plain HTML post without JavaScript.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::FieldProblem;

/// A confirmation shown once at the top of the next page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    Registered,
    EmailVerified,
    SignedIn,
    SignedOut,
    SignedOutElsewhere,
    ResetMailSent,
    PasswordChanged,
    ProfileSaved,
    EmailChangeSent,
    AccountDeleted,
    UserUpdated,
    InvitationSent,
    TestMailQueued,
    MailRequeued,
    SecondFactorOn,
    SecondFactorOff,
    RecoveryCodesReplaced,
    /// After signing in, to someone whose role needs two-factor sign-in.
    SetUpSecondFactor,
    SecondFactorReset,
    TopicCreated,
    ReplyPosted,
    /// A newcomer's post held for a moderator's approval.
    PostAwaitingApproval,
    ConsultationFiled,
    ConsultationClaimed,
    ConsultationAssigned,
    ConsultationMessageSent,
    ConsultationClosed,
    ConsultationReopened,
    ConsultationRated,
    ConsultationInvitationSent,
    ConsultationJoined,
    CannedReplySaved,
    CannedReplyDeleted,
    FaqEntryStarted,
    FaqEntrySaved,
    FaqEntrySubmitted,
    FaqEntryPublished,
    FaqEntrySentBack,
    FaqEntryWithdrawn,
    FaqEntryDiscarded,
    LessonRead,
    CycleSaved,
    CycleStatusChanged,
    Enrolled,
    WaitingListJoined,
    Withdrawn,
    LearnerAdded,
    LearnerRemoved,
    SessionAdded,
    SessionRemoved,
    CalendarFeedRenewed,
    CalendarFeedStopped,
    AttendanceSaved,
    CertificateRevoked,
    CourseCreated,
    CourseSaved,
    CoursePublished,
    CourseWithdrawn,
    ModuleAdded,
    ModuleSaved,
    PartRetired,
    LessonAdded,
    LessonSaved,
    LessonPublished,
    QuizAdded,
    QuizSaved,
    QuizPublished,
    QuizWithdrawn,
    QuestionSaved,
    QuestionRemoved,
    TurnSaved,
    PostApproved,
    PostRejected,
    PostFlagged,
    PostHidden,
    PostRestored,
    FlagsDismissed,
    TopicLocked,
    TopicReopened,
    TopicPinned,
    TopicUnpinned,
    TopicMoved,
    MemberSilenced,
    MemberUnsilenced,
    CategorySaved,
    ModeratorAppointed,
    ModeratorRemoved,
    PostEdited,
    PostDeleted,
    AnswerAccepted,
    AnswerCleared,
    WatchSaved,
    NotificationsRead,
    MailPreferenceSaved,
}

/// A form sent back with problems: which form, what was wrong, what to refill.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormFeedback {
    pub form: String,
    pub problems: Vec<FieldProblem>,
    /// The values the user typed, to put back; never passwords.
    pub values: BTreeMap<String, String>,
}

impl FormFeedback {
    /// The problem with `field`, if any.
    pub fn problem_for(&self, field: &str) -> Option<super::Problem> {
        self.problems.iter().find(|p| p.field == field).map(|p| p.problem)
    }

    pub fn value(&self, field: &str) -> Option<&str> {
        self.values.get(field).map(String::as_str)
    }
}

/// What the previous request left for this page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Flash {
    Notice(Notice),
    Form(FormFeedback),
    /// A request that failed before any form could say why.
    Problem(super::Problem),
}
