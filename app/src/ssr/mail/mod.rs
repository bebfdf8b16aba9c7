//! Mail: every message is rendered in the recipient's language, queued in
//! the outbox table, and sent by the outbox job with retries, so an SMTP
//! outage delays mail but never loses it.

pub mod outbox;
pub mod templates;
pub mod transport;

pub use outbox::enqueue;
pub use templates::{ConsultationNews, CycleNews, DigestItem, MailKind};
