//! Languages and the interface texts. The texts live in `locales/*.toml`;
//! `build.rs` turns them into the `Texts` constants included here.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

/// A language the interface speaks. Italian is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    It,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::It, Locale::En];

    pub fn code(self) -> &'static str {
        match self {
            Locale::It => "it",
            Locale::En => "en",
        }
    }

    /// Reads a language code; anything unknown is `None`, never a panic.
    pub fn from_code(code: &str) -> Option<Locale> {
        match code.trim().to_ascii_lowercase().as_str() {
            "it" => Some(Locale::It),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::It => &IT,
            Locale::En => &EN,
        }
    }

    /// Of a text stored in both languages, the one in this language.
    pub fn pick<'a>(self, it: &'a str, en: &'a str) -> &'a str {
        match self {
            Locale::It => it,
            Locale::En => en,
        }
    }

    /// The language's own name, as shown in the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::It => "Italiano",
            Locale::En => "English",
        }
    }
}

/// The language of the page being rendered, provided once by the app root.
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// The texts of the page being rendered.
pub fn use_texts() -> &'static Texts {
    use_locale().texts()
}

/// Fills `{name}`-style placeholders in a text.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = text.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

use crate::domain::{
    Notice, Problem, Role, UserStatus,
    consultations::{Event, Status as ConsultationStatus, Topic, Urgency},
};

/// The name of a role, as people read it.
pub fn role_name(t: &Texts, role: Role) -> &'static str {
    match role {
        Role::Guardian => t.role_guardian,
        Role::Operator => t.role_operator,
        Role::Trainer => t.role_trainer,
        Role::Jurist => t.role_jurist,
        Role::Coordinator => t.role_coordinator,
    }
}

pub fn status_name(t: &Texts, status: UserStatus) -> &'static str {
    match status {
        UserStatus::Unverified => t.status_unverified,
        UserStatus::Invited => t.status_invited,
        UserStatus::Active => t.status_active,
        UserStatus::Deactivated => t.status_deactivated,
    }
}

/// The name of a consultation topic.
/// A learner's place in a cycle, as its staff and their exports name it.
pub fn enrolment_name(t: &Texts, status: crate::domain::cycles::EnrolmentStatus) -> &'static str {
    use crate::domain::cycles::EnrolmentStatus;
    match status {
        EnrolmentStatus::Enrolled => t.cycles_enrolled,
        EnrolmentStatus::Waiting => t.cycles_waiting,
        EnrolmentStatus::Withdrawn => t.cycles_withdrawn,
        EnrolmentStatus::Removed => t.cycles_removed,
    }
}

pub fn topic_name(t: &Texts, topic: Topic) -> &'static str {
    match topic {
        Topic::Permit => t.consultations_topic_permesso,
        Topic::Age => t.consultations_topic_eta,
        Topic::HealthFiscalCode => t.consultations_topic_salute_cf,
        Topic::SchoolRegistry => t.consultations_topic_scuola_anagrafe,
        Topic::TurningEighteen => t.consultations_topic_diciotto,
        Topic::FamilyDublin => t.consultations_topic_famiglia_dublino,
        Topic::CourtCommunity => t.consultations_topic_tribunale_comunita,
        Topic::Documents => t.consultations_topic_documenti,
        Topic::Work => t.consultations_topic_lavoro,
        Topic::Criminal => t.consultations_topic_penale,
        Topic::Return => t.consultations_topic_rimpatrio,
        Topic::Other => t.consultations_topic_altro,
    }
}

pub fn urgency_name(t: &Texts, urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Low => t.consultations_urgency_low,
        Urgency::Normal => t.consultations_urgency_normal,
        Urgency::Urgent => t.consultations_urgency_urgent,
    }
}

pub fn consultation_status_name(t: &Texts, status: ConsultationStatus) -> &'static str {
    match status {
        ConsultationStatus::New => t.consultations_status_new,
        ConsultationStatus::Assigned => t.consultations_status_assigned,
        ConsultationStatus::WaitingForGuardian => t.consultations_status_waiting,
        ConsultationStatus::Answered => t.consultations_status_answered,
        ConsultationStatus::Closed => t.consultations_status_closed,
        ConsultationStatus::Reopened => t.consultations_status_reopened,
    }
}

/// What a consultation's history says happened.
pub fn event_text(t: &Texts, event: Event) -> &'static str {
    match event {
        Event::Filed => t.consultations_event_filed,
        Event::Viewed => t.consultations_event_viewed,
        Event::Claimed => t.consultations_event_claimed,
        Event::Assigned => t.consultations_event_assigned,
        Event::Asked => t.consultations_event_asked,
        Event::Answered => t.consultations_event_answered,
        Event::Noted => t.consultations_event_noted,
        Event::RequesterWrote => t.consultations_event_requester_wrote,
        Event::Closed => t.consultations_event_closed,
        Event::Reopened => t.consultations_event_reopened,
        Event::Rated => t.consultations_event_rated,
        Event::Invited => t.consultations_event_invited,
        Event::Joined => t.consultations_event_joined,
        Event::Anonymised => t.consultations_event_anonymised,
    }
}

/// What to tell the user about a problem.
pub fn problem_text(t: &Texts, problem: Problem) -> &'static str {
    match problem {
        Problem::Required => t.problem_required,
        Problem::EmailInvalid => t.problem_email_invalid,
        Problem::EmailTaken => t.problem_email_taken,
        Problem::NameInvalid => t.problem_name_invalid,
        Problem::PasswordTooShort => t.problem_password_too_short,
        Problem::PasswordTooLong => t.problem_password_too_long,
        Problem::PasswordsDiffer => t.problem_passwords_differ,
        Problem::ChoiceInvalid => t.problem_choice_invalid,
        Problem::DistrictUnknown => t.problem_district_unknown,
        Problem::BadCredentials => t.problem_bad_credentials,
        Problem::AccountNotActive => t.problem_account_not_active,
        Problem::TokenInvalid => t.problem_token_invalid,
        Problem::RateLimited => t.problem_rate_limited,
        Problem::SignInSlowedDown => t.problem_sign_in_slowed_down,
        Problem::SecondFactorRequired => t.problem_second_factor_required,
        Problem::CodeInvalid => t.problem_code_invalid,
        Problem::SecondFactorMandatory => t.problem_second_factor_mandatory,
        Problem::TitleInvalid => t.problem_title_invalid,
        Problem::PostTooLong => t.problem_post_too_long,
        Problem::PrivacyCheck => t.problem_privacy_check,
        Problem::TopicLocked => t.problem_topic_locked,
        Problem::Silenced => t.problem_silenced,
        Problem::SlugTaken => t.problem_slug_taken,
        Problem::MemberUnknown => t.problem_member_unknown,
        Problem::NoteTooLong => t.problem_note_too_long,
        Problem::EditWindowOver => t.problem_edit_window_over,
        Problem::DateInvalid => t.problem_date_invalid,
        Problem::DateBeforeStart => t.problem_date_before_start,
        Problem::DeadlineInPast => t.problem_deadline_in_past,
        Problem::NotNow => t.problem_not_now,
        Problem::ReopenWindowOver => t.problem_reopen_window_over,
        Problem::FileTooLarge => t.problem_file_too_large,
        Problem::FileKindRefused => t.problem_file_kind_refused,
        Problem::TooManyFiles => t.problem_too_many_files,
        Problem::InvitationForAnotherAddress => t.problem_invitation_for_another_address,
        Problem::OwnPost => t.problem_own_post,
        Problem::OwnEntry => t.problem_own_entry,
        Problem::NoAttemptsLeft => t.problem_no_attempts_left,
        Problem::NumberOutOfRange => t.problem_number_out_of_range,
        Problem::EnrolmentAfterEnd => t.problem_enrolment_after_end,
        Problem::CapacityBelowEnrolled => t.problem_capacity_below_enrolled,
        Problem::AlreadyEnrolled => t.problem_already_enrolled,
        Problem::TimeBeforeStart => t.problem_time_before_start,
        Problem::PlaceOrLink => t.problem_place_or_link,
        Problem::LinkInvalid => t.problem_link_invalid,
        Problem::OutsideCycle => t.problem_outside_cycle,
        Problem::AlreadyReacted => t.problem_already_reacted,
        Problem::ConfirmationMissing => t.problem_confirmation_missing,
        Problem::LastCoordinator => t.problem_last_coordinator,
        Problem::NotFailed => t.problem_not_failed,
        Problem::SummaryTooLong => t.problem_summary_too_long,
        Problem::LessonTooLong => t.problem_lesson_too_long,
        Problem::NothingPublished => t.problem_nothing_published,
        Problem::CourseInUse => t.problem_course_in_use,
        Problem::TextTooLong => t.problem_text_too_long,
        Problem::FewChoices => t.problem_few_choices,
        Problem::RightChoices => t.problem_right_choices,
        Problem::QuizEmpty => t.problem_quiz_empty,
        Problem::RequestUnreadable => t.problem_request_unreadable,
        Problem::ServerError => t.error_generic,
    }
}

pub fn notice_text(t: &Texts, notice: Notice) -> &'static str {
    match notice {
        Notice::Registered => t.notice_registered,
        Notice::EmailVerified => t.notice_email_verified,
        Notice::SignedIn => t.notice_signed_in,
        Notice::SignedOut => t.notice_signed_out,
        Notice::SignedOutElsewhere => t.notice_signed_out_elsewhere,
        Notice::ResetMailSent => t.notice_reset_mail_sent,
        Notice::PasswordChanged => t.notice_password_changed,
        Notice::ProfileSaved => t.notice_profile_saved,
        Notice::EmailChangeSent => t.notice_email_change_sent,
        Notice::AccountDeleted => t.notice_account_deleted,
        Notice::UserUpdated => t.notice_user_updated,
        Notice::InvitationSent => t.notice_invitation_sent,
        Notice::TestMailQueued => t.notice_test_mail_queued,
        Notice::MailRequeued => t.notice_mail_requeued,
        Notice::SecondFactorOn => t.notice_second_factor_on,
        Notice::SecondFactorOff => t.notice_second_factor_off,
        Notice::RecoveryCodesReplaced => t.notice_recovery_codes_replaced,
        Notice::SetUpSecondFactor => t.notice_set_up_second_factor,
        Notice::SecondFactorReset => t.notice_second_factor_reset,
        Notice::TopicCreated => t.notice_topic_created,
        Notice::ReplyPosted => t.notice_reply_posted,
        Notice::PostAwaitingApproval => t.notice_post_awaiting_approval,
        Notice::ConsultationFiled => t.notice_consultation_filed,
        Notice::ConsultationClaimed => t.notice_consultation_claimed,
        Notice::ConsultationAssigned => t.notice_consultation_assigned,
        Notice::ConsultationMessageSent => t.notice_consultation_message_sent,
        Notice::ConsultationClosed => t.notice_consultation_closed,
        Notice::ConsultationReopened => t.notice_consultation_reopened,
        Notice::ConsultationRated => t.notice_consultation_rated,
        Notice::ConsultationInvitationSent => t.notice_consultation_invitation_sent,
        Notice::ConsultationJoined => t.notice_consultation_joined,
        Notice::CannedReplySaved => t.notice_canned_reply_saved,
        Notice::CannedReplyDeleted => t.notice_canned_reply_deleted,
        Notice::FaqEntryStarted => t.notice_faq_entry_started,
        Notice::FaqEntrySaved => t.notice_faq_entry_saved,
        Notice::FaqEntrySubmitted => t.notice_faq_entry_submitted,
        Notice::FaqEntryPublished => t.notice_faq_entry_published,
        Notice::FaqEntrySentBack => t.notice_faq_entry_sent_back,
        Notice::FaqEntryWithdrawn => t.notice_faq_entry_withdrawn,
        Notice::FaqEntryDiscarded => t.notice_faq_entry_discarded,
        Notice::LessonRead => t.notice_lesson_read,
        Notice::CycleSaved => t.notice_cycle_saved,
        Notice::CycleStatusChanged => t.notice_cycle_status_changed,
        Notice::Enrolled => t.notice_enrolled,
        Notice::WaitingListJoined => t.notice_waiting_list_joined,
        Notice::Withdrawn => t.notice_withdrawn,
        Notice::LearnerAdded => t.notice_learner_added,
        Notice::LearnerRemoved => t.notice_learner_removed,
        Notice::CertificateRevoked => t.notice_certificate_revoked,
        Notice::CourseCreated => t.notice_course_created,
        Notice::CourseSaved => t.notice_course_saved,
        Notice::CoursePublished => t.notice_course_published,
        Notice::CourseWithdrawn => t.notice_course_withdrawn,
        Notice::ModuleAdded => t.notice_module_added,
        Notice::ModuleSaved => t.notice_module_saved,
        Notice::PartRetired => t.notice_part_retired,
        Notice::LessonAdded => t.notice_lesson_added,
        Notice::LessonSaved => t.notice_lesson_saved,
        Notice::LessonPublished => t.notice_lesson_published,
        Notice::QuizAdded => t.notice_quiz_added,
        Notice::QuizSaved => t.notice_quiz_saved,
        Notice::QuizPublished => t.notice_quiz_published,
        Notice::QuizWithdrawn => t.notice_quiz_withdrawn,
        Notice::QuestionSaved => t.notice_question_saved,
        Notice::QuestionRemoved => t.notice_question_removed,
        Notice::SessionAdded => t.notice_session_added,
        Notice::SessionRemoved => t.notice_session_removed,
        Notice::CalendarFeedRenewed => t.notice_calendar_feed_renewed,
        Notice::CalendarFeedStopped => t.notice_calendar_feed_stopped,
        Notice::AttendanceSaved => t.notice_attendance_saved,
        Notice::TurnSaved => t.notice_turn_saved,
        Notice::PostApproved => t.notice_post_approved,
        Notice::PostRejected => t.notice_post_rejected,
        Notice::PostFlagged => t.notice_post_flagged,
        Notice::PostHidden => t.notice_post_hidden,
        Notice::PostRestored => t.notice_post_restored,
        Notice::FlagsDismissed => t.notice_flags_dismissed,
        Notice::TopicLocked => t.notice_topic_locked,
        Notice::TopicReopened => t.notice_topic_reopened,
        Notice::TopicPinned => t.notice_topic_pinned,
        Notice::TopicUnpinned => t.notice_topic_unpinned,
        Notice::TopicMoved => t.notice_topic_moved,
        Notice::MemberSilenced => t.notice_member_silenced,
        Notice::MemberUnsilenced => t.notice_member_unsilenced,
        Notice::CategorySaved => t.notice_category_saved,
        Notice::ModeratorAppointed => t.notice_moderator_appointed,
        Notice::ModeratorRemoved => t.notice_moderator_removed,
        Notice::PostEdited => t.notice_post_edited,
        Notice::PostDeleted => t.notice_post_deleted,
        Notice::AnswerAccepted => t.notice_answer_accepted,
        Notice::AnswerCleared => t.notice_answer_cleared,
        Notice::WatchSaved => t.notice_watch_saved,
        Notice::NotificationsRead => t.notice_notifications_read,
        Notice::MailPreferenceSaved => t.notice_mail_preference_saved,
    }
}

/// What an audit-log action code means, as people read it.
pub fn audit_action_text(t: &Texts, code: &str) -> String {
    match code {
        "user.created" => t.audit_user_created.to_owned(),
        "user.roles_changed" => t.audit_user_roles_changed.to_owned(),
        "user.deactivated" => t.audit_user_deactivated.to_owned(),
        "user.reactivated" => t.audit_user_reactivated.to_owned(),
        "user.invited" => t.audit_user_invited.to_owned(),
        "account.deleted" => t.audit_account_deleted.to_owned(),
        "sessions.ended_elsewhere" => t.audit_sessions_ended_elsewhere.to_owned(),
        "account.password_changed" => t.audit_account_password_changed.to_owned(),
        "account.password_reset" => t.audit_account_password_reset.to_owned(),
        "account.invitation_accepted" => t.audit_account_invitation_accepted.to_owned(),
        "account.email_changed" => t.audit_account_email_changed.to_owned(),
        "mail.requeued" => t.audit_mail_requeued.to_owned(),
        "sign_in.succeeded" => t.audit_sign_in_succeeded.to_owned(),
        "sign_in.failed" => t.audit_sign_in_failed.to_owned(),
        "sign_out" => t.audit_sign_out.to_owned(),
        "rate_limit.tripped" => t.audit_rate_limit_tripped.to_owned(),
        "sign_in.slowed_down" => t.audit_sign_in_slowed_down.to_owned(),
        "sign_in.code_failed" => t.audit_sign_in_code_failed.to_owned(),
        "second_factor.enabled" => t.audit_second_factor_enabled.to_owned(),
        "second_factor.disabled" => t.audit_second_factor_disabled.to_owned(),
        "second_factor.codes_replaced" => t.audit_second_factor_codes_replaced.to_owned(),
        "second_factor.recovery_code_used" => t.audit_second_factor_recovery_code_used.to_owned(),
        "user.second_factor_reset" => t.audit_user_second_factor_reset.to_owned(),
        "forum.post_hidden" => t.audit_forum_post_hidden.to_owned(),
        "forum.post_approved" => t.audit_forum_post_approved.to_owned(),
        "forum.post_rejected" => t.audit_forum_post_rejected.to_owned(),
        "forum.post_restored" => t.audit_forum_post_restored.to_owned(),
        "forum.flags_dismissed" => t.audit_forum_flags_dismissed.to_owned(),
        "forum.topic_locked" => t.audit_forum_topic_locked.to_owned(),
        "forum.topic_unlocked" => t.audit_forum_topic_unlocked.to_owned(),
        "forum.post_edited" => t.audit_forum_post_edited.to_owned(),
        "user.viewed" => t.audit_user_viewed.to_owned(),
        "course.created" => t.audit_course_created.to_owned(),
        "course.saved" => t.audit_course_saved.to_owned(),
        "course.published" => t.audit_course_published.to_owned(),
        "course.withdrawn" => t.audit_course_withdrawn.to_owned(),
        "course.module_added" => t.audit_course_module_added.to_owned(),
        "course.module_saved" => t.audit_course_module_saved.to_owned(),
        "course.module_retired" => t.audit_course_module_retired.to_owned(),
        "course.reordered" => t.audit_course_reordered.to_owned(),
        "course.lesson_added" => t.audit_course_lesson_added.to_owned(),
        "course.lesson_saved" => t.audit_course_lesson_saved.to_owned(),
        "course.lesson_published" => t.audit_course_lesson_published.to_owned(),
        "course.lesson_retired" => t.audit_course_lesson_retired.to_owned(),
        "course.quiz_added" => t.audit_course_quiz_added.to_owned(),
        "course.quiz_saved" => t.audit_course_quiz_saved.to_owned(),
        "course.quiz_published" => t.audit_course_quiz_published.to_owned(),
        "course.quiz_withdrawn" => t.audit_course_quiz_withdrawn.to_owned(),
        "course.question_saved" => t.audit_course_question_saved.to_owned(),
        "course.question_removed" => t.audit_course_question_removed.to_owned(),
        other => other.to_owned(),
    }
}
