//! Delivery: SMTP when configured, otherwise `.eml` files in a folder.

use lettre::{
    AsyncFileTransport, AsyncSmtpTransport, AsyncTransport as _, Message, Tokio1Executor,
    message::{Mailbox, MultiPart},
};

use super::super::state::Settings;

/// Where mail goes, built once from the settings.
#[derive(Clone)]
pub enum MailTransport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>),
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

    pub async fn send(&self, from: &str, to: &str, subject: &str, text: &str, html: &str) -> Result<(), DeliveryError> {
        let from: Mailbox = from.parse().map_err(|e| DeliveryError(format!("sender address: {e}")))?;
        let to: Mailbox = to.parse().map_err(|e| DeliveryError(format!("recipient address: {e}")))?;
        let message = Message::builder()
            .from(from)
            .to(to)
            .subject(subject)
            .multipart(MultiPart::alternative_plain_html(text.to_owned(), html.to_owned()))
            .map_err(|e| DeliveryError(format!("building the message: {e}")))?;
        match self {
            MailTransport::Smtp(smtp) => smtp.send(message).await.map(drop).map_err(|e| DeliveryError(e.to_string())),
            MailTransport::Files(files) => files.send(message).await.map(drop).map_err(|e| DeliveryError(e.to_string())),
        }
    }
}
