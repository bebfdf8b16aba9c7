//! The mails Tutela sends, in text and HTML, from the locale files' texts.

use std::fmt::Write as _;

use crate::i18n::{Locale, Texts, fill};

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
    /// To an account's address when sign-ins with it keep failing.
    SignInsFailing {
        name: String,
        reset_link: String,
    },
    Test,
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
    subject: &'static str,
    greeting_name: Option<&'a str>,
    paragraphs: Vec<String>,
    /// The button: its label and link.
    action: Option<(&'static str, &'a str)>,
}

fn parts<'a>(kind: &'a MailKind, t: &'static Texts) -> MailParts<'a> {
    match kind {
        MailKind::VerifyEmail { name, link } => MailParts {
            subject: t.mail_verify_subject,
            greeting_name: Some(name),
            paragraphs: vec![t.mail_verify_body.to_owned()],
            action: Some((t.mail_verify_action, link)),
        },
        MailKind::AlreadyRegistered { name, login_link, reset_link } => MailParts {
            subject: t.mail_already_subject,
            greeting_name: Some(name),
            paragraphs: vec![t.mail_already_body.to_owned(), fill(t.mail_already_reset, &[("link", reset_link)])],
            action: Some((t.mail_already_action, login_link)),
        },
        MailKind::ResetPassword { name, link } => MailParts {
            subject: t.mail_reset_subject,
            greeting_name: Some(name),
            paragraphs: vec![t.mail_reset_body.to_owned()],
            action: Some((t.mail_reset_action, link)),
        },
        MailKind::Invitation { name, link, role, district } => MailParts {
            subject: t.mail_invite_subject,
            greeting_name: Some(name),
            paragraphs: vec![fill(t.mail_invite_body, &[("role", role), ("district", district)])],
            action: Some((t.mail_invite_action, link)),
        },
        MailKind::ConfirmNewEmail { name, link } => MailParts {
            subject: t.mail_email_change_subject,
            greeting_name: Some(name),
            paragraphs: vec![t.mail_email_change_body.to_owned()],
            action: Some((t.mail_email_change_action, link)),
        },
        MailKind::PasswordChanged { name, reset_link } => MailParts {
            subject: t.mail_password_changed_subject,
            greeting_name: Some(name),
            paragraphs: vec![t.mail_password_changed_body.to_owned()],
            action: Some((t.mail_password_changed_action, reset_link)),
        },
        MailKind::EmailChanged { name, new_email } => MailParts {
            subject: t.mail_email_changed_subject,
            greeting_name: Some(name),
            paragraphs: vec![fill(t.mail_email_changed_body, &[("email", new_email)])],
            action: None,
        },
        MailKind::SecondFactorRemoved { name, reset_link } => MailParts {
            subject: t.mail_second_factor_removed_subject,
            greeting_name: Some(name),
            paragraphs: vec![t.mail_second_factor_removed_body.to_owned()],
            action: Some((t.mail_password_changed_action, reset_link)),
        },
        MailKind::PostHidden { name, topic, reason, link } => MailParts {
            subject: t.mail_post_hidden_subject,
            greeting_name: Some(name),
            paragraphs: vec![fill(t.mail_post_hidden_body, &[("topic", topic)]), fill(t.mail_post_hidden_reason, &[("reason", reason)])],
            action: Some((t.mail_post_hidden_action, link)),
        },
        MailKind::SignInsFailing { name, reset_link } => MailParts {
            subject: t.mail_sign_ins_failing_subject,
            greeting_name: Some(name),
            paragraphs: vec![t.mail_sign_ins_failing_body.to_owned()],
            action: Some((t.mail_sign_ins_failing_action, reset_link)),
        },
        MailKind::Test => {
            MailParts { subject: t.mail_test_subject, greeting_name: None, paragraphs: vec![t.mail_test_body.to_owned()], action: None }
        }
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
        escape(mail.subject),
        escape(&greeting)
    );
    for paragraph in &mail.paragraphs {
        let _ = write!(text, "{paragraph}\n\n");
        let _ = write!(html, "<p>{}</p>", escape(paragraph));
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
    let _ = write!(html, "<p style=\"color:#555\">{}</p></body></html>", escape(t.mail_signature));
    RenderedMail { subject: mail.subject.to_owned(), text, html }
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
    fn names_are_escaped_in_html() {
        let mail = render(&MailKind::ResetPassword { name: "<b>x</b>".into(), link: "http://x".into() }, Locale::It);
        assert!(!mail.html.contains("<b>x</b>"));
    }
}
