//! Legal consultations: guardians file requests, the jurists of the
//! request's district work them from a queue, with service levels counted
//! in working days. Who may see a request is decided in `access`; every
//! view by a jurist or coordinator and every transition goes to the
//! request's history and to the audit log (`history`).

pub mod access;
pub mod attachments;
pub mod canned;
pub mod file;
mod history;
pub mod members;
mod news;
pub mod queue;
pub mod reminders;
pub mod retention;
pub mod round_robin;
pub mod sample;
pub mod stats;
pub mod steps;
pub mod thread;

use std::collections::HashMap;

use sea_orm::{ActiveValue::Set, prelude::Uuid};

use super::{entities::consultation, error::Validation, state::Settings};
use crate::domain::{
    District, Problem,
    consultations::{ConsultationRow, SUBJECT_MAX_CHARS, SUBJECT_MIN_CHARS, ServiceClock, Status, Topic, Urgency},
};

/// The draft of a new request, and of a message in a request's thread.
pub fn draft_target(consultation: Option<Uuid>) -> String {
    consultation.map_or_else(|| "consultation:new".to_owned(), |id| format!("consultation:{id}"))
}

/// Checks a one-line question (a request's subject, an FAQ entry's
/// question), already trimmed, into `validation` under `field`.
pub fn check_subject(validation: &mut Validation, field: &str, subject: &str) {
    let chars = subject.chars().count();
    if !(SUBJECT_MIN_CHARS..=SUBJECT_MAX_CHARS).contains(&chars) {
        validation.add(field, if chars == 0 { Problem::Required } else { Problem::TitleInvalid });
    }
}

/// A short reference people can quote on the phone or in a mail subject,
/// which says nothing about the request.
pub fn reference(id: Uuid) -> String {
    format!("C-{}", &id.simple().to_string()[..8].to_uppercase())
}

fn district_of(row: &consultation::Model) -> District {
    District::from_code(&row.district).unwrap_or(District::Milano)
}

fn status_of(row: &consultation::Model) -> Status {
    Status::from_code(&row.status).unwrap_or(Status::New)
}

fn urgency_of(row: &consultation::Model) -> Urgency {
    Urgency::from_code(&row.urgency).unwrap_or(Urgency::Normal)
}

fn clock_of(row: &consultation::Model) -> ServiceClock {
    ServiceClock {
        started_at: row.started_at,
        first_response_at: row.first_response_at,
        awaiting_reply_since: row.awaiting_reply_since,
        paused_since: row.paused_since,
        paused_seconds: row.paused_seconds,
    }
}

/// Writes `clock` and the due time it gives in `status` into `update`.
fn set_clock(update: &mut consultation::ActiveModel, settings: &Settings, row: &consultation::Model, status: Status, clock: ServiceClock) {
    let due = clock.due(status, urgency_of(row), &settings.calendar(district_of(row)));
    update.status = Set(status.code().to_owned());
    update.started_at = Set(clock.started_at);
    update.first_response_at = Set(clock.first_response_at);
    update.awaiting_reply_since = Set(clock.awaiting_reply_since);
    update.paused_since = Set(clock.paused_since);
    update.paused_seconds = Set(clock.paused_seconds);
    update.due_at = Set(due.next());
}

/// A request as its lists show it; `names` holds its people's names.
fn as_row(row: &consultation::Model, names: &HashMap<Uuid, String>) -> ConsultationRow {
    let name = |id: Option<Uuid>| id.and_then(|id| names.get(&id).cloned());
    ConsultationRow {
        id: row.id.to_string(),
        reference: reference(row.id),
        subject: row.subject.clone(),
        topic: Topic::from_code(&row.topic).unwrap_or(Topic::Other),
        district: district_of(row),
        urgency: urgency_of(row),
        status: status_of(row),
        assignee: name(row.assignee_id),
        requester: name(row.requester_id),
        created_at: row.created_at,
        updated_at: row.updated_at,
        due_at: row.due_at,
        deadline: row.deadline.clone(),
    }
}
