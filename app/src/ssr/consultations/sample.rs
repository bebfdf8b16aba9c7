//! Demo consultations for `tutela seed --demo`: two requests of the Milano
//! demo guardian — one the Milano demo jurist took and asked about, with an
//! internal note, one still new — so the queue and a thread have something
//! to show — and a published FAQ entry. Written once: a second run finds
//! them there.

use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, PaginatorTrait as _, QueryFilter as _, prelude::Uuid,
};

use super::history;
use crate::{
    domain::{
        District,
        consultations::{Event, MessageKind, ServiceClock, Status, Topic, Urgency},
        working_days::WorkingCalendar,
    },
    ssr::{
        clock,
        entities::{consultation, consultation_message, user},
        error::ServiceResult,
        user_markdown,
    },
};

/// One demo request: who, what, and the messages after the request.
struct Demo {
    subject: &'static str,
    topic: Topic,
    urgency: Urgency,
    request: &'static str,
    /// The jurist's question and internal note, when the jurist took it.
    taken: Option<(&'static str, &'static str)>,
}

const DEMOS: [Demo; 2] = [
    Demo {
        subject: "Permesso per minore età in scadenza tra tre settimane",
        topic: Topic::Permit,
        urgency: Urgency::Urgent,
        request: "M., 17 anni, ha il permesso per minore età che scade tra tre settimane e compirà 18 anni a maggio. \
                  Conviene chiedere subito la conversione o il rinnovo? La Questura ci ha dato appuntamento tra un mese.",
        taken: Some((
            "È già stato chiesto il parere del Comitato per i minori stranieri (art. 32 c. 1-bis TU)? \
             E il ragazzo è inserito in un percorso di studio o di lavoro da almeno due anni?",
            "Verificare la data di ingresso in Italia: se è entrato prima dei 15 anni si applica il comma 1-bis.",
        )),
    },
    Demo {
        subject: "Iscrizione al CPIA a metà anno",
        topic: Topic::SchoolRegistry,
        urgency: Urgency::Normal,
        request: "Il CPIA della zona dice che le iscrizioni per quest'anno sono chiuse. Il ragazzo è arrivato a gennaio: \
                  ha diritto a iscriversi comunque? A chi posso rivolgermi?",
        taken: None,
    },
];

async fn account(db: &impl ConnectionTrait, email: &str) -> ServiceResult<Option<Uuid>> {
    Ok(user::Entity::find().filter(user::Column::Email.eq(email)).one(db).await?.map(|account| account.id))
}

async fn message(db: &impl ConnectionTrait, consultation: Uuid, author: Uuid, kind: MessageKind, body: &str, at: i64) -> ServiceResult<()> {
    consultation_message::Entity::insert(consultation_message::ActiveModel {
        id: Set(Uuid::new_v4()),
        consultation_id: Set(consultation),
        author_id: Set(Some(author)),
        kind: Set(kind.code().to_owned()),
        body: Set(body.to_owned()),
        body_html: Set(user_markdown::render(body)),
        created_at: Set(at),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Writes the demo requests unless the demo guardian has some, their due
/// times counted on `calendar` (Milano's); returns how many were written.
pub async fn seed_demo(
    db: &impl ConnectionTrait,
    calendar: &WorkingCalendar,
    guardian_email: &str,
    jurist_email: &str,
) -> ServiceResult<usize> {
    let (Some(guardian), Some(jurist)) = (account(db, guardian_email).await?, account(db, jurist_email).await?) else { return Ok(0) };
    if consultation::Entity::find().filter(consultation::Column::RequesterId.eq(guardian)).count(db).await? > 0 {
        return Ok(0);
    }
    let filed = clock::now() - 2 * clock::HOUR;
    for demo in &DEMOS {
        let id = Uuid::new_v4();
        let service = ServiceClock::restart(filed);
        let (status, service) = match demo.taken {
            Some(_) => (Status::WaitingForGuardian, service.jurist_replied(filed + clock::HOUR).pause(filed + clock::HOUR)),
            None => (Status::New, service),
        };
        let row = consultation::Model {
            id,
            requester_id: Some(guardian),
            district: District::Milano.code().to_owned(),
            topic: demo.topic.code().to_owned(),
            urgency: demo.urgency.code().to_owned(),
            status: status.code().to_owned(),
            subject: demo.subject.to_owned(),
            deadline: None,
            assignee_id: demo.taken.map(|_| jurist),
            created_at: filed,
            updated_at: filed,
            started_at: service.started_at,
            first_response_at: service.first_response_at,
            awaiting_reply_since: service.awaiting_reply_since,
            paused_since: service.paused_since,
            paused_seconds: service.paused_seconds,
            due_at: service.due(status, demo.urgency, calendar).next(),
            warned_due_at: None,
            breached_due_at: None,
            answered_at: None,
            closed_at: None,
            rating: None,
            rating_comment: None,
            anonymised_at: None,
        };
        consultation::Entity::insert(consultation::ActiveModel::from(row.clone())).exec_without_returning(db).await?;
        message(db, id, guardian, MessageKind::Request, demo.request, filed).await?;
        history::record(db, &row, Some(guardian), Event::Filed, String::new()).await?;
        if let Some((question, note)) = demo.taken {
            message(db, id, jurist, MessageKind::InternalNote, note, filed + clock::HOUR - 60).await?;
            message(db, id, jurist, MessageKind::Question, question, filed + clock::HOUR).await?;
            history::record(db, &row, Some(jurist), Event::Claimed, String::new()).await?;
            history::record(db, &row, Some(jurist), Event::Asked, String::new()).await?;
        }
    }
    crate::ssr::faq::sample::seed_demo(db, jurist).await?;
    Ok(DEMOS.len())
}
