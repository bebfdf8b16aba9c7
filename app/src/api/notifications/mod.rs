//! The notifications' server functions: the reader's own list, count and
//! mail preferences (with the training's reminders), and the unsubscribe link's page, which needs no sign-in
//! (the link itself is the proof).

pub mod load_mail_settings;
pub mod load_notifications;
pub mod mark_all_read;
pub mod set_mail_frequency;
pub mod set_training_reminders;
pub mod unread_count;
pub mod unsubscribe_status;
