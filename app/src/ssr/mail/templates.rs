//! The mails Tutela sends, in text and HTML, from the locale files' texts.

use std::fmt::Write as _;

use crate::{
    domain::notifications::NotificationKind,
    i18n::{Locale, Texts, fill},
};

/// A mail to render, with what its text needs.
#[derive(Clone, Debug)]
pub enum MailKind {
    VerifyEmail {
        name: String,
        link: String,
    },
    AlreadyRegistered {
        name: String,
        login_link: String,
        reset_link: String,
    },
    ResetPassword {
        name: String,
        link: String,
    },
    Invitation {
        name: String,
        link: String,
        role: String,
        district: String,
    },
    ConfirmNewEmail {
        name: String,
        link: String,
    },
    /// To the account's address after its password changed, by the user
    /// or through a reset link.
    PasswordChanged {
        name: String,
        reset_link: String,
    },
    /// To the old address once a new one is confirmed.
    EmailChanged {
        name: String,
        new_email: String,
    },
    /// To the account's address when its two-factor sign-in was turned off,
    /// by its owner or by a coordinator.
    SecondFactorRemoved {
        name: String,
        reset_link: String,
    },
    /// To a post's author when a moderator hid it.
    PostHidden {
        name: String,
        topic: String,
        reason: String,
        link: String,
    },
    /// To a post's author when a moderator did not approve it, with the
    /// text (which also waits as their draft).
    PostRejected {
        name: String,
        /// The topic it answered, or the new topic's title.
        place: String,
        reason: String,
        text: String,
        link: String,
    },
    /// To a member a coordinator stopped writing in the community for a while.
    Silenced {
        name: String,
        until: String,
        reason: String,
        link: String,
    },
    /// To an account's address when sign-ins with it keep failing.
    SignInsFailing {
        name: String,
        reset_link: String,
    },
    /// A notification sent at once: a new topic or reply where the
    /// recipient watches.
    NewPost {
        name: String,
        actor: String,
        topic: String,
        category: String,
        excerpt: String,
        link: String,
        kind: NotificationKind,
        unsubscribe: String,
    },
    /// The notifications of a day or a week, in one mail.
    Digest {
        name: String,
        items: Vec<DigestItem>,
        weekly: bool,
        /// Where the notifications list is.
        link: String,
        unsubscribe: String,
    },
    /// News of a legal consultation. It names the request by its reference
    /// only: what the guardian and the jurists wrote stays on Tutela.
    Consultation {
        name: String,
        reference: String,
        news: ConsultationNews,
        link: String,
    },
    /// To an address a guardian invited into a consultation (the minor's
    /// social worker); the name when an account has that address.
    ConsultationInvitation {
        name: Option<String>,
        inviter: String,
        reference: String,
        link: String,
    },
    /// News of a training cycle the recipient is enrolled in, or waits for.
    Cycle {
        name: String,
        title: String,
        /// The first day, as Italians write it.
        starts_on: String,
        news: CycleNews,
        link: String,
    },
    /// A few days before an open cycle's enrolment closes, to the guardians
    /// who could still enrol.
    EnrolmentClosing {
        name: String,
        title: String,
        /// The last day to enrol, as Italians write it.
        enrol_until: String,
        link: String,
        /// Where the training's reminders are turned off.
        settings: String,
    },
    /// To a learner of a cycle under way who has done nothing on its course
    /// for two weeks.
    CourseLeftAside {
        name: String,
        title: String,
        lessons_left: i32,
        quizzes_left: i32,
        link: String,
        settings: String,
    },
    /// The day before a meeting, to the cycle's enrolled learners.
    SessionReminder {
        name: String,
        title: String,
        /// "dd/mm/yyyy hh:mm–hh:mm" in Rome.
        when: String,
        /// The place, or the link to join online.
        place: String,
        link: String,
    },
    Test,
}

/// What happened to a learner's place in a training cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CycleNews {
    /// They have a place.
    Enrolled,
    /// The cycle is full: they are on the waiting list.
    Waiting,
    /// A place freed and went to them.
    Promoted,
    /// A trainer or coordinator took them off.
    Removed,
    /// The cycle will not take place.
    Cancelled,
    /// They completed it: their certificate is ready.
    Certified,
    /// A coordinator revoked their certificate.
    CertificateRevoked,
}

/// What happened to a consultation, for the mail that says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsultationNews {
    /// To the district's jurists: a new request in their queue.
    Filed,
    /// To the requester: the jurist asks for more information.
    Question,
    /// To the requester: the jurist answered.
    Answer,
    /// To the assigned jurist: the requester wrote.
    RequesterWrote,
    /// To the jurist a coordinator gave the request to.
    Assigned,
    /// To the requester: a jurist or coordinator closed it.
    Closed,
    /// To the assigned jurist: the requester reopened it.
    Reopened,
    /// To the assigned jurist (or the district's, if nobody took it): a
    /// service level falls due within a few hours.
    DueSoon,
    /// To the assigned jurist and the district's coordinators: a service
    /// level was missed.
    Overdue,
}

/// One notification in a digest.
#[derive(Clone, Debug)]
pub struct DigestItem {
    pub actor: String,
    pub topic: String,
    pub category: String,
    pub excerpt: Option<String>,
    pub link: String,
}

impl MailKind {
    /// The one-click unsubscribe address of a notification mail.
    pub fn unsubscribe_url(&self) -> Option<&str> {
        match self {
            MailKind::NewPost { unsubscribe, .. } | MailKind::Digest { unsubscribe, .. } => Some(unsubscribe),
            _ => None,
        }
    }
}

/// A rendered mail, ready for the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedMail {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// What a mail says, before it is laid out as text and HTML.
struct MailParts<'a> {
    subject: String,
    greeting_name: Option<&'a str>,
    paragraphs: Vec<String>,
    /// A list of linked entries (a digest's notifications): heading, quote, link.
    entries: Vec<(String, Option<&'a str>, &'a str)>,
    /// The button: its label and link.
    action: Option<(&'static str, &'a str)>,
    /// The one-click unsubscribe link, said at the end.
    unsubscribe: Option<&'a str>,
}

impl<'a> MailParts<'a> {
    fn new(subject: &str, greeting_name: Option<&'a str>, paragraphs: Vec<String>, action: Option<(&'static str, &'a str)>) -> Self {
        MailParts { subject: subject.to_owned(), greeting_name, paragraphs, entries: Vec::new(), action, unsubscribe: None }
    }
}

fn parts<'a>(kind: &'a MailKind, t: &'static Texts) -> MailParts<'a> {
    match kind {
        MailKind::VerifyEmail { name, link } => {
            MailParts::new(t.mail_verify_subject, Some(name), vec![t.mail_verify_body.to_owned()], Some((t.mail_verify_action, link)))
        }
        MailKind::AlreadyRegistered { name, login_link, reset_link } => MailParts::new(
            t.mail_already_subject,
            Some(name),
            vec![t.mail_already_body.to_owned(), fill(t.mail_already_reset, &[("link", reset_link)])],
            Some((t.mail_already_action, login_link)),
        ),
        MailKind::ResetPassword { name, link } => {
            MailParts::new(t.mail_reset_subject, Some(name), vec![t.mail_reset_body.to_owned()], Some((t.mail_reset_action, link)))
        }
        MailKind::Invitation { name, link, role, district } => MailParts::new(
            t.mail_invite_subject,
            Some(name),
            vec![fill(t.mail_invite_body, &[("role", role), ("district", district)])],
            Some((t.mail_invite_action, link)),
        ),
        MailKind::ConfirmNewEmail { name, link } => MailParts::new(
            t.mail_email_change_subject,
            Some(name),
            vec![t.mail_email_change_body.to_owned()],
            Some((t.mail_email_change_action, link)),
        ),
        MailKind::PasswordChanged { name, reset_link } => MailParts::new(
            t.mail_password_changed_subject,
            Some(name),
            vec![t.mail_password_changed_body.to_owned()],
            Some((t.mail_password_changed_action, reset_link)),
        ),
        MailKind::EmailChanged { name, new_email } => {
            MailParts::new(t.mail_email_changed_subject, Some(name), vec![fill(t.mail_email_changed_body, &[("email", new_email)])], None)
        }
        MailKind::SecondFactorRemoved { name, reset_link } => MailParts::new(
            t.mail_second_factor_removed_subject,
            Some(name),
            vec![t.mail_second_factor_removed_body.to_owned()],
            Some((t.mail_password_changed_action, reset_link)),
        ),
        MailKind::PostHidden { name, topic, reason, link } => MailParts::new(
            t.mail_post_hidden_subject,
            Some(name),
            vec![fill(t.mail_post_hidden_body, &[("topic", topic)]), fill(t.mail_post_hidden_reason, &[("reason", reason)])],
            Some((t.mail_post_hidden_action, link)),
        ),
        MailKind::PostRejected { name, place, reason, text, link } => MailParts::new(
            t.mail_post_rejected_subject,
            Some(name),
            vec![
                fill(t.mail_post_rejected_body, &[("topic", place)]),
                fill(t.mail_post_rejected_reason, &[("reason", reason)]),
                t.mail_post_rejected_text.to_owned(),
                text.clone(),
            ],
            Some((t.mail_post_hidden_action, link)),
        ),
        MailKind::Silenced { name, until, reason, link } => MailParts::new(
            t.mail_silenced_subject,
            Some(name),
            vec![fill(t.mail_silenced_body, &[("until", until)]), fill(t.mail_post_hidden_reason, &[("reason", reason)])],
            Some((t.mail_silenced_action, link)),
        ),
        MailKind::SignInsFailing { name, reset_link } => MailParts::new(
            t.mail_sign_ins_failing_subject,
            Some(name),
            vec![t.mail_sign_ins_failing_body.to_owned()],
            Some((t.mail_sign_ins_failing_action, reset_link)),
        ),
        MailKind::NewPost { name, actor, topic, category, excerpt, link, kind, unsubscribe } => {
            let values = [("actor", actor.as_str()), ("topic", topic.as_str()), ("category", category.as_str())];
            let (subject, lead) = match kind {
                NotificationKind::NewTopic => (t.mail_new_topic_subject, t.mail_new_topic_body),
                NotificationKind::Reply => (t.mail_new_post_subject, t.mail_new_post_body),
                NotificationKind::Mention => (t.mail_mention_subject, t.mail_mention_body),
            };
            MailParts {
                unsubscribe: Some(unsubscribe),
                ..MailParts::new(
                    &fill(subject, &values),
                    Some(name),
                    vec![fill(lead, &values), excerpt.clone()],
                    Some((t.mail_new_post_action, link)),
                )
            }
        }
        MailKind::Digest { name, items, weekly, link, unsubscribe } => {
            let subject = if *weekly { t.mail_digest_subject_weekly } else { t.mail_digest_subject_daily };
            let entries = items
                .iter()
                .map(|item| {
                    let heading =
                        fill(t.mail_digest_entry, &[("actor", &item.actor), ("topic", &item.topic), ("category", &item.category)]);
                    (heading, item.excerpt.as_deref(), item.link.as_str())
                })
                .collect();
            MailParts {
                entries,
                unsubscribe: Some(unsubscribe),
                ..MailParts::new(
                    subject,
                    Some(name),
                    vec![fill(t.mail_digest_body, &[("count", &items.len().to_string())])],
                    Some((t.mail_digest_action, link)),
                )
            }
        }
        MailKind::Consultation { name, reference, news, link } => {
            let (subject, body) = match news {
                ConsultationNews::Filed => (t.mail_consultation_filed_subject, t.mail_consultation_filed_body),
                ConsultationNews::Question => (t.mail_consultation_question_subject, t.mail_consultation_question_body),
                ConsultationNews::Answer => (t.mail_consultation_answer_subject, t.mail_consultation_answer_body),
                ConsultationNews::RequesterWrote => (t.mail_consultation_requester_subject, t.mail_consultation_requester_body),
                ConsultationNews::Assigned => (t.mail_consultation_assigned_subject, t.mail_consultation_assigned_body),
                ConsultationNews::Closed => (t.mail_consultation_closed_subject, t.mail_consultation_closed_body),
                ConsultationNews::Reopened => (t.mail_consultation_reopened_subject, t.mail_consultation_reopened_body),
                ConsultationNews::DueSoon => (t.mail_consultation_due_soon_subject, t.mail_consultation_due_soon_body),
                ConsultationNews::Overdue => (t.mail_consultation_overdue_subject, t.mail_consultation_overdue_body),
            };
            let values = [("reference", reference.as_str())];
            MailParts::new(
                &fill(subject, &values),
                Some(name),
                vec![fill(body, &values), t.mail_consultation_privacy.to_owned()],
                Some((t.mail_consultation_action, link)),
            )
        }
        MailKind::ConsultationInvitation { name, inviter, reference, link } => {
            let values = [("inviter", inviter.as_str()), ("reference", reference.as_str())];
            MailParts::new(
                &fill(t.mail_consultation_invitation_subject, &values),
                name.as_deref(),
                vec![fill(t.mail_consultation_invitation_body, &values), t.mail_consultation_invitation_how.to_owned()],
                Some((t.mail_consultation_invitation_action, link)),
            )
        }
        MailKind::Cycle { name, title, starts_on, news, link } => {
            let (subject, body) = match news {
                CycleNews::Enrolled => (t.mail_cycle_enrolled_subject, t.mail_cycle_enrolled_body),
                CycleNews::Waiting => (t.mail_cycle_waiting_subject, t.mail_cycle_waiting_body),
                CycleNews::Promoted => (t.mail_cycle_promoted_subject, t.mail_cycle_promoted_body),
                CycleNews::Removed => (t.mail_cycle_removed_subject, t.mail_cycle_removed_body),
                CycleNews::Cancelled => (t.mail_cycle_cancelled_subject, t.mail_cycle_cancelled_body),
                CycleNews::Certified => (t.mail_cycle_certified_subject, t.mail_cycle_certified_body),
                CycleNews::CertificateRevoked => (t.mail_cycle_revoked_subject, t.mail_cycle_revoked_body),
            };
            let values = [("title", title.as_str()), ("starts_on", starts_on.as_str())];
            MailParts::new(&fill(subject, &values), Some(name), vec![fill(body, &values)], Some((t.mail_cycle_action, link)))
        }
        MailKind::SessionReminder { name, title, when, place, link } => {
            let values = [("title", title.as_str()), ("when", when.as_str()), ("place", place.as_str())];
            MailParts::new(
                &fill(t.mail_session_reminder_subject, &values),
                Some(name),
                vec![fill(t.mail_session_reminder_body, &values), t.mail_session_reminder_absence.to_owned()],
                Some((t.mail_cycle_action, link)),
            )
        }
        MailKind::EnrolmentClosing { name, title, enrol_until, link, settings } => {
            let values = [("title", title.as_str()), ("enrol_until", enrol_until.as_str())];
            MailParts::new(
                &fill(t.mail_enrolment_closing_subject, &values),
                Some(name),
                vec![fill(t.mail_enrolment_closing_body, &values), fill(t.mail_training_reminders_off, &[("link", settings)])],
                Some((t.mail_cycle_action, link)),
            )
        }
        MailKind::CourseLeftAside { name, title, lessons_left, quizzes_left, link, settings } => {
            let (lessons, quizzes) = (lessons_left.to_string(), quizzes_left.to_string());
            let values = [("title", title.as_str()), ("lessons", lessons.as_str()), ("quizzes", quizzes.as_str())];
            MailParts::new(
                &fill(t.mail_course_left_aside_subject, &values),
                Some(name),
                vec![fill(t.mail_course_left_aside_body, &values), fill(t.mail_training_reminders_off, &[("link", settings)])],
                Some((t.mail_course_left_aside_action, link)),
            )
        }
        MailKind::Test => MailParts::new(t.mail_test_subject, None, vec![t.mail_test_body.to_owned()], None),
    }
}

/// Renders `kind` in `locale`: one list of paragraphs drives both bodies, so
/// the text and HTML versions always say the same.
pub fn render(kind: &MailKind, locale: Locale) -> RenderedMail {
    let t = locale.texts();
    let mail = parts(kind, t);
    let greeting = mail.greeting_name.map_or_else(|| t.mail_greeting_anonymous.to_owned(), |n| fill(t.mail_greeting, &[("name", n)]));
    let mut text = format!("{greeting}\n\n");
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
         <body style=\"font-family:'Titillium Web',Arial,sans-serif;color:#1a1a1a;line-height:1.5;max-width:40em\"><p>{}</p>",
        locale.code(),
        escape(&mail.subject),
        escape(&greeting)
    );
    for paragraph in &mail.paragraphs {
        let _ = write!(text, "{paragraph}\n\n");
        let _ = write!(html, "<p>{}</p>", escape(paragraph));
    }
    if !mail.entries.is_empty() {
        html.push_str("<ul style=\"padding-left:1.2em\">");
        for (heading, quote, link) in &mail.entries {
            let _ = writeln!(text, "- {heading}");
            let _ = write!(html, "<li style=\"margin-bottom:.8em\"><a href=\"{}\">{}</a>", escape(link), escape(heading));
            if let Some(quote) = quote {
                let _ = writeln!(text, "  {quote}");
                let _ = write!(html, "<br><span style=\"color:#555\">{}</span>", escape(quote));
            }
            let _ = write!(text, "  {link}\n\n");
            html.push_str("</li>");
        }
        html.push_str("</ul>");
    }
    if let Some((label, link)) = mail.action {
        let _ = write!(text, "{label}: {link}\n\n");
        let _ = write!(
            html,
            "<p><a href=\"{0}\" style=\"display:inline-block;padding:.6em 1.2em;background:#0066cc;color:#fff;text-decoration:none;border-radius:4px\">{1}</a></p>\
             <p style=\"font-size:.9em;color:#555\">{2}<br>{0}</p>",
            escape(link),
            escape(label),
            escape(t.mail_link_fallback)
        );
    }
    let _ = writeln!(text, "{}", t.mail_signature);
    let _ = write!(html, "<p style=\"color:#555\">{}</p>", escape(t.mail_signature));
    if let Some(link) = mail.unsubscribe {
        let _ = write!(text, "\n{}\n{link}\n", t.mail_unsubscribe_text);
        let _ = write!(
            html,
            "<p style=\"font-size:.85em;color:#555\">{} <a href=\"{}\">{}</a></p>",
            escape(t.mail_unsubscribe_text),
            escape(link),
            escape(t.mail_unsubscribe_action)
        );
    }
    html.push_str("</body></html>");
    RenderedMail { subject: mail.subject, text, html }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verification_mail_carries_the_link_in_both_bodies_and_languages() {
        for locale in Locale::ALL {
            let mail = render(&MailKind::VerifyEmail { name: "Anna".into(), link: "http://x/verify-email/abc".into() }, locale);
            assert!(mail.text.contains("http://x/verify-email/abc"));
            assert!(mail.html.contains("href=\"http://x/verify-email/abc\""));
            assert!(mail.text.contains("Anna"));
        }
        assert_ne!(render(&MailKind::Test, Locale::It).subject, render(&MailKind::Test, Locale::En).subject);
    }

    #[test]
    fn notification_mails_end_with_their_unsubscribe_link() {
        let mail = MailKind::Digest {
            name: "Anna".into(),
            items: vec![DigestItem {
                actor: "Luca".into(),
                topic: "Permesso per minore età".into(),
                category: "Documenti".into(),
                excerpt: Some("La Questura chiede il passaporto?".into()),
                link: "http://x/community/t/1?page=1#post-2".into(),
            }],
            weekly: false,
            link: "http://x/notifications".into(),
            unsubscribe: "http://x/unsubscribe/abc".into(),
        };
        assert_eq!(mail.unsubscribe_url(), Some("http://x/unsubscribe/abc"));
        for locale in Locale::ALL {
            let rendered = render(&mail, locale);
            assert!(rendered.text.contains("Permesso per minore età") && rendered.text.contains("La Questura chiede"));
            assert!(rendered.html.contains("href=\"http://x/community/t/1?page=1#post-2\""));
            assert!(rendered.text.trim_end().ends_with("http://x/unsubscribe/abc"));
            assert!(rendered.html.contains("href=\"http://x/unsubscribe/abc\""));
        }
        assert_eq!(MailKind::Test.unsubscribe_url(), None);
    }

    #[test]
    fn names_are_escaped_in_html() {
        let mail = render(&MailKind::ResetPassword { name: "<b>x</b>".into(), link: "http://x".into() }, Locale::It);
        assert!(!mail.html.contains("<b>x</b>"));
    }
}
