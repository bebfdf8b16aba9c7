//! Sample consultations. For `tutela seed --demo`: two requests of the Milano
//! demo guardian — one the Milano demo jurist took and asked about, with an
//! internal note, one still new — so the queue and a thread have something
//! to show — and a published FAQ entry. For `tutela seed --scale`: 20,000
//! requests over two years with their threads and histories, for trying the
//! queue at scale and for the benchmark. Written once: a second run finds
//! them there.

use rand::{Rng as _, SeedableRng as _, rngs::StdRng, seq::IndexedRandom as _};
use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, JoinType, PaginatorTrait as _, QueryFilter as _,
    QueryOrder as _, QuerySelect as _, RelationTrait as _, prelude::Uuid,
};

use super::history;
use crate::{
    domain::{
        District, Role,
        consultations::{Event, MessageKind, ServiceClock, Status, Topic, Urgency},
        working_days::WorkingCalendar,
    },
    ssr::{
        clock,
        entities::{consultation, consultation_event, consultation_message, user, user_role},
        error::{ServiceError, ServiceResult},
        sample_text, user_markdown,
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

/// A message's row, its text rendered.
fn message_row(id: Uuid, consultation: Uuid, author: Uuid, kind: MessageKind, body: String, at: i64) -> consultation_message::ActiveModel {
    consultation_message::ActiveModel {
        id: Set(id),
        consultation_id: Set(consultation),
        author_id: Set(Some(author)),
        kind: Set(kind.code().to_owned()),
        body_html: Set(user_markdown::render(&body)),
        body: Set(body),
        created_at: Set(at),
    }
}

async fn message(db: &impl ConnectionTrait, consultation: Uuid, author: Uuid, kind: MessageKind, body: &str, at: i64) -> ServiceResult<()> {
    let row = message_row(Uuid::new_v4(), consultation, author, kind, body.to_owned(), at);
    consultation_message::Entity::insert(row).exec_without_returning(db).await?;
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

/// The newest sample request, in Milano and still with its jurist, at a
/// fixed address for the benchmark.
pub const BENCH_REQUEST_ID: Uuid = Uuid::from_u128(0x5a3b_1e00_0000_4000_8000_0000_0000_2000);
const REQUESTS: u32 = 20_000;
/// Requests written per statement (their messages and events follow).
const BATCH: usize = 250;

/// The accounts holding `role` in `district`, up to 500.
async fn holders(db: &impl ConnectionTrait, role: Role, district: District) -> ServiceResult<Vec<Uuid>> {
    Ok(user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .join(JoinType::InnerJoin, user::Relation::UserRole.def())
        .filter(user_role::Column::Role.eq(role.code()))
        .filter(user_role::Column::District.eq(district.code()))
        .filter(user::Column::Status.eq("active"))
        .order_by_asc(user::Column::Email)
        .limit(500)
        .into_tuple()
        .all(db)
        .await?)
}

/// Where a sample request filed `age` seconds ago stands: old ones are
/// closed (most) or answered, recent ones spread over the open states.
fn status_for(rng: &mut StdRng, age: i64) -> Status {
    let roll = rng.random_range(0..100);
    if age > 30 * clock::DAY {
        if roll < 90 { Status::Closed } else { Status::Answered }
    } else if age > 7 * clock::DAY {
        match roll {
            0..50 => Status::Answered,
            50..65 => Status::WaitingForGuardian,
            _ => Status::Assigned,
        }
    } else {
        match roll {
            0..30 => Status::New,
            30..70 => Status::Assigned,
            70..85 => Status::WaitingForGuardian,
            _ => Status::Answered,
        }
    }
}

/// What one sample request adds: its row, messages and history.
struct Written {
    requests: Vec<consultation::ActiveModel>,
    messages: Vec<consultation_message::ActiveModel>,
    events: Vec<consultation_event::ActiveModel>,
}

impl Written {
    fn message(&mut self, rng: &mut StdRng, consultation: Uuid, author: Uuid, kind: MessageKind, at: i64) {
        let body = sample_text::body(rng);
        self.messages.push(message_row(Uuid::from_u128(rng.random()), consultation, author, kind, body, at));
    }

    fn event(&mut self, consultation: Uuid, actor: Uuid, event: Event, at: i64) {
        self.events.push(consultation_event::ActiveModel {
            consultation_id: Set(consultation),
            actor_id: Set(Some(actor)),
            event: Set(event.code().to_owned()),
            detail: Set(String::new()),
            at: Set(at),
            ..Default::default()
        });
    }
}

/// Writes the sample requests unless they are there; returns whether it
/// did. Their due times are counted on `calendar_of` their district;
/// `progress` hears how many requests of how many are written.
pub async fn seed_scale(
    db: &impl ConnectionTrait,
    calendar_of: impl Fn(District) -> WorkingCalendar,
    mut progress: impl FnMut(u32, u32),
) -> ServiceResult<bool> {
    if consultation::Entity::find_by_id(BENCH_REQUEST_ID).one(db).await?.is_some() {
        return Ok(false);
    }
    let mut people = Vec::new();
    for district in District::ALL {
        let (guardians, jurists) = (holders(db, Role::Guardian, district).await?, holders(db, Role::Jurist, district).await?);
        if guardians.is_empty() || jurists.is_empty() {
            return Err(ServiceError::Internal(format!("no guardians or jurists in {}: seed --demo first", district.name())));
        }
        people.push((district, guardians, jurists, calendar_of(district)));
    }
    let mut rng = StdRng::seed_from_u64(2027);
    let now = clock::now();
    let start = now - 2 * 365 * clock::DAY;
    let step = (now - start - clock::HOUR) / i64::from(REQUESTS);
    let mut batch = Written { requests: Vec::new(), messages: Vec::new(), events: Vec::new() };
    for index in 0..REQUESTS {
        let newest = index + 1 == REQUESTS;
        // Two in three in Milano, the larger district; the benchmark's request too.
        let in_brescia = !newest && index % 3 == 2;
        let (district, guardians, jurists, calendar) = &people[usize::from(in_brescia)];
        let id = if newest { BENCH_REQUEST_ID } else { Uuid::from_u128(rng.random()) };
        let filed = start + i64::from(index) * step;
        let status = if newest { Status::Assigned } else { status_for(&mut rng, now - filed) };
        let urgency = match rng.random_range(0..100) {
            0..15 => Urgency::Urgent,
            15..80 => Urgency::Normal,
            _ => Urgency::Low,
        };
        let topic = *Topic::ALL.choose(&mut rng).unwrap_or(&Topic::Other);
        let guardian = *guardians.choose(&mut rng).unwrap_or(&guardians[0]);
        let jurist = *jurists.choose(&mut rng).unwrap_or(&jurists[0]);
        let taken = status != Status::New;
        // The jurist first replies within three days, and answers within a week after.
        let replied = filed + rng.random_range(clock::HOUR..3 * clock::DAY);
        let answered = replied + rng.random_range(0..7 * clock::DAY);
        let closed = answered + rng.random_range(clock::DAY..5 * clock::DAY);
        let mut service = ServiceClock::restart(filed);
        batch.message(&mut rng, id, guardian, MessageKind::Request, filed);
        batch.event(id, guardian, Event::Filed, filed);
        if taken {
            batch.event(id, jurist, Event::Claimed, filed + (replied - filed) / 2);
        }
        match status {
            Status::WaitingForGuardian => {
                batch.message(&mut rng, id, jurist, MessageKind::Question, replied);
                batch.event(id, jurist, Event::Asked, replied);
                service = service.jurist_replied(replied).pause(replied);
            }
            Status::Answered | Status::Closed => {
                // Half the time the jurist asked first, and the guardian replied.
                if rng.random_bool(0.5) {
                    batch.message(&mut rng, id, jurist, MessageKind::Question, replied);
                    batch.event(id, jurist, Event::Asked, replied);
                    let wrote = replied + (answered - replied) / 2;
                    batch.message(&mut rng, id, guardian, MessageKind::Requester, wrote);
                    batch.event(id, guardian, Event::RequesterWrote, wrote);
                }
                batch.message(&mut rng, id, jurist, MessageKind::Answer, answered.max(replied));
                batch.event(id, jurist, Event::Answered, answered.max(replied));
                service = service.jurist_replied(replied);
            }
            _ => {}
        }
        if newest {
            batch.message(&mut rng, id, jurist, MessageKind::InternalNote, filed + clock::MINUTE);
            batch.event(id, jurist, Event::Noted, filed + clock::MINUTE);
        }
        let rating = (status == Status::Closed && rng.random_bool(0.5)).then(|| *[5, 5, 5, 4, 4, 3, 2].choose(&mut rng).unwrap_or(&5));
        if status == Status::Closed {
            batch.event(id, guardian, if rating.is_some() { Event::Rated } else { Event::Closed }, closed);
        }
        let last = match status {
            Status::Closed => closed,
            Status::Answered => answered,
            Status::WaitingForGuardian => replied,
            _ => filed,
        };
        batch.requests.push(consultation::ActiveModel::from(consultation::Model {
            id,
            requester_id: Some(guardian),
            district: district.code().to_owned(),
            topic: topic.code().to_owned(),
            urgency: urgency.code().to_owned(),
            status: status.code().to_owned(),
            subject: sample_text::subject(&mut rng),
            deadline: None,
            assignee_id: taken.then_some(jurist),
            created_at: filed,
            updated_at: last,
            started_at: filed,
            first_response_at: service.first_response_at,
            awaiting_reply_since: service.awaiting_reply_since,
            paused_since: service.paused_since,
            paused_seconds: service.paused_seconds,
            due_at: service.due(status, urgency, calendar).next(),
            warned_due_at: None,
            breached_due_at: None,
            answered_at: matches!(status, Status::Answered | Status::Closed).then_some(answered.max(replied)),
            closed_at: (status == Status::Closed).then_some(closed),
            rating,
            rating_comment: None,
            anonymised_at: None,
        }));
        if batch.requests.len() >= BATCH || newest {
            // Requests before what refers to them.
            consultation::Entity::insert_many(std::mem::take(&mut batch.requests)).exec_without_returning(db).await?;
            for chunk in std::mem::take(&mut batch.messages).chunks(BATCH * 2) {
                consultation_message::Entity::insert_many(chunk.to_vec()).exec_without_returning(db).await?;
            }
            for chunk in std::mem::take(&mut batch.events).chunks(BATCH * 2) {
                consultation_event::Entity::insert_many(chunk.to_vec()).exec_without_returning(db).await?;
            }
            progress(index + 1, REQUESTS);
        }
    }
    Ok(true)
}
