//! The notifications' server functions: the reader's own list, count and
//! mail preference, and the unsubscribe link's page, which needs no sign-in
//! (the link itself is the proof).

pub mod load_mail_frequency;
pub mod load_notifications;
pub mod mark_all_read;
pub mod set_mail_frequency;
pub mod unread_count;
pub mod unsubscribe_status;
