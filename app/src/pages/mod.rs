//! One file per page, grouped by area.

pub mod account;
pub mod admin;
pub mod community;
pub mod consultations;
pub mod faq;
pub mod home;
pub mod not_found;
pub mod notifications;
pub mod privacy;
pub mod search;
pub mod training;
pub mod unsubscribe;
