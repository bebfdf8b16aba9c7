//! Delivery: SMTP when configured, otherwise `.eml` files in a folder.

use lettre::{
    AsyncFileTransport, AsyncSmtpTransport, AsyncTransport as _, Message, Tokio1Executor,
    message::{
        Mailbox, MultiPart,
        header::{HeaderName, HeaderValue},
    },
};

use super::super::state::Settings;

/// Where mail goes, built once from the settings.
#[derive(Clone)]
pub enum MailTransport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>),
}

/// A mail as it leaves the outbox.
pub struct Outgoing<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub subject: &'a str,
    pub text: &'a str,
    pub html: &'a str,
    /// The one-click unsubscribe address, for a notification.
    pub unsubscribe: Option<&'a str>,
}

/// A delivery failure, kept as text for the outbox's `last_error`.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct DeliveryError(pub String);

impl MailTransport {
    pub fn from_settings(settings: &Settings) -> Result<MailTransport, DeliveryError> {
        if let Some(url) = &settings.smtp_url {
            AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
                .map(|builder| MailTransport::Smtp(builder.timeout(Some(std::time::Duration::from_secs(20))).build()))
                .map_err(|e| DeliveryError(format!("invalid SMTP URL: {e}")))
        } else {
            std::fs::create_dir_all(&settings.mail_dir)
                .map_err(|e| DeliveryError(format!("creating {}: {e}", settings.mail_dir.display())))?;
            Ok(MailTransport::Files(AsyncFileTransport::new(&settings.mail_dir)))
        }
    }

    pub async fn send(&self, mail: &Outgoing<'_>) -> Result<(), DeliveryError> {
        let from: Mailbox = mail.from.parse().map_err(|e| DeliveryError(format!("sender address: {e}")))?;
        let to: Mailbox = mail.to.parse().map_err(|e| DeliveryError(format!("recipient address: {e}")))?;
        let mut builder = Message::builder().from(from).to(to).subject(mail.subject);
        if let Some(url) = mail.unsubscribe {
            // RFC 2369 and RFC 8058: mail programs offer their own
            // unsubscribe button, which posts to the link at once.
            builder =
                builder.raw_header(HeaderValue::new(HeaderName::new_from_ascii_str("List-Unsubscribe"), format!("<{url}>"))).raw_header(
                    HeaderValue::new(HeaderName::new_from_ascii_str("List-Unsubscribe-Post"), "List-Unsubscribe=One-Click".to_owned()),
                );
        }
        let message = builder
            .multipart(MultiPart::alternative_plain_html(mail.text.to_owned(), mail.html.to_owned()))
            .map_err(|e| DeliveryError(format!("building the message: {e}")))?;
        match self {
            MailTransport::Smtp(smtp) => smtp.send(message).await.map(drop).map_err(|e| DeliveryError(e.to_string())),
            MailTransport::Files(files) => files.send(message).await.map(drop).map_err(|e| DeliveryError(e.to_string())),
        }
    }
}
