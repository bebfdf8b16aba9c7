//! Coordinators' server functions. Every one starts with the coordinator
//! check; district scope is checked by the service for each target.

pub mod appoint_moderator;
pub mod audit_log;
pub mod community_categories;
pub mod invite_user;
pub mod list_users;
pub mod remove_moderator;
pub mod requeue_mail;
pub mod reset_second_factor;
pub mod save_category;
pub mod send_test_mail;
pub mod set_roles;
pub mod set_user_active;
pub mod undelivered_mail;
pub mod user_detail;
