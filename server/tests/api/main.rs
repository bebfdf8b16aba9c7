//! Integration tests: each test starts the real server on a random port
//! with a fresh database (SQLite file, or a new PostgreSQL database) and a
//! real SMTP listener, and speaks HTTP to it.

mod helpers;
mod smtp;

mod accounts;
mod admin;
mod assets;
mod authoring;
mod certificates;
mod community;
mod consultations;
mod content;
mod cycles;
mod faq;
mod faults;
mod instances;
mod mail;
mod notifications;
mod reactions;
mod search;
mod second_factor;
mod security;
mod sessions;
mod sign_in_guard;
mod training;
