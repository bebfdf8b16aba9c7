//! sea-orm entities: one per table, as the migrations define them.
//! They never leave the server; pages get DTOs from `domain`.

pub mod audit_entry;
pub mod awaiting_post;
pub mod canned_reply;
pub mod category_moderator;
pub mod consultation;
pub mod consultation_attachment;
pub mod consultation_event;
pub mod consultation_invite;
pub mod consultation_member;
pub mod consultation_message;
pub mod email_token;
pub mod faq_entry;
pub mod forum_category;
pub mod forum_flag;
pub mod forum_post;
pub mod forum_post_revision;
pub mod forum_reaction;
pub mod forum_topic;
pub mod job_lease;
pub mod jurist_availability;
pub mod known_device;
pub mod notification;
pub mod outbox_mail;
pub mod post_draft;
pub mod recovery_code;
pub mod search_entry;
pub mod session;
pub mod sign_in_challenge;
pub mod stored_file;
pub mod subscription;
pub mod throttle;
pub mod topic_visit;
pub mod unsubscribe_use;
pub mod user;
pub mod user_role;
