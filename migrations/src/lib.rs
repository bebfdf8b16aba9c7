//! The Tutela schema: every table, in the order it was introduced.
//!
//! Conventions that hold for every migration: written with the schema builder
//! so they run unchanged on SQLite and PostgreSQL; times are UTC Unix seconds
//! in `BIGINT` columns named `*_at` (portable, comparable and indexable on both
//! engines); an applied migration is never edited, a change gets a new file.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_accounts;
mod m20261123_000002_sessions_and_tokens;
mod m20261123_000003_outbox_and_jobs;
mod m20261123_000004_audit_log;
mod m20261202_000005_audit_district;
mod m20261202_000006_session_device;
mod m20261202_000007_outbox_retry_window;
mod m20261202_000008_user_district_index;
mod m20261202_000009_audit_origin;
mod m20261203_000010_throttles_and_devices;
mod m20261203_000011_second_factor;
mod m20261203_000012_community;
mod m20261203_000013_forum_moderation;
mod m20261203_000014_post_revisions;
mod m20261203_000015_search;
mod m20261203_000016_post_place;
mod m20261203_000017_reactions_and_answers;
mod m20261204_000018_notifications;
mod m20261204_000019_silenced_members;
mod m20261204_000020_topic_visits;
mod m20261204_000021_member_handles;
mod m20261204_000022_category_moderators;
mod m20261204_000023_post_approval;
mod m20261204_000024_consultations;
mod m20261204_000025_stored_files;
mod m20261204_000026_co_requesters;
mod m20261204_000027_canned_replies;
mod m20261204_000028_jurist_availability;
mod m20261204_000029_faq;
mod m20261204_000030_queue_topic_index;
mod m20261205_000031_courses;
mod m20261205_000032_quiz_attempts;
mod m20261205_000033_training_cycles;
mod m20261205_000034_calendar_feeds;
mod m20261205_000035_attendance;
mod m20261205_000036_session_reminders;
mod m20261205_000037_certificates;
mod m20261205_000038_training_reminders;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_accounts::Migration),
            Box::new(m20261123_000002_sessions_and_tokens::Migration),
            Box::new(m20261123_000003_outbox_and_jobs::Migration),
            Box::new(m20261123_000004_audit_log::Migration),
            Box::new(m20261202_000005_audit_district::Migration),
            Box::new(m20261202_000006_session_device::Migration),
            Box::new(m20261202_000007_outbox_retry_window::Migration),
            Box::new(m20261202_000008_user_district_index::Migration),
            Box::new(m20261202_000009_audit_origin::Migration),
            Box::new(m20261203_000010_throttles_and_devices::Migration),
            Box::new(m20261203_000011_second_factor::Migration),
            Box::new(m20261203_000012_community::Migration),
            Box::new(m20261203_000013_forum_moderation::Migration),
            Box::new(m20261203_000014_post_revisions::Migration),
            Box::new(m20261203_000015_search::Migration),
            Box::new(m20261203_000016_post_place::Migration),
            Box::new(m20261203_000017_reactions_and_answers::Migration),
            Box::new(m20261204_000018_notifications::Migration),
            Box::new(m20261204_000019_silenced_members::Migration),
            Box::new(m20261204_000020_topic_visits::Migration),
            Box::new(m20261204_000021_member_handles::Migration),
            Box::new(m20261204_000022_category_moderators::Migration),
            Box::new(m20261204_000023_post_approval::Migration),
            Box::new(m20261204_000024_consultations::Migration),
            Box::new(m20261204_000025_stored_files::Migration),
            Box::new(m20261204_000026_co_requesters::Migration),
            Box::new(m20261204_000027_canned_replies::Migration),
            Box::new(m20261204_000028_jurist_availability::Migration),
            Box::new(m20261204_000029_faq::Migration),
            Box::new(m20261204_000030_queue_topic_index::Migration),
            Box::new(m20261205_000031_courses::Migration),
            Box::new(m20261205_000032_quiz_attempts::Migration),
            Box::new(m20261205_000033_training_cycles::Migration),
            Box::new(m20261205_000034_calendar_feeds::Migration),
            Box::new(m20261205_000035_attendance::Migration),
            Box::new(m20261205_000036_session_reminders::Migration),
            Box::new(m20261205_000037_certificates::Migration),
            Box::new(m20261205_000038_training_reminders::Migration),
        ]
    }
}
