//! The public FAQ. A jurist or coordinator of a request's district starts
//! an entry from it once answered (its question and answers, to be
//! rewritten without anyone's data, with the privacy guard's help); any
//! jurist or coordinator edits it and asks for approval; someone other
//! than its author approves it, and it is public at `/faq`, in the shared
//! search and among the similar questions of the filing form. Every step
//! goes to the audit log.

pub mod findable;
pub mod sample;

use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QueryOrder as _,
    TransactionTrait as _, prelude::Uuid,
};

use super::{
    audit::{self, AuditRecord},
    authz::account_id,
    clock,
    consultations::{access, check_subject, reference},
    drafts,
    entities::{consultation, consultation_message, faq_entry},
    error::{ServiceError, ServiceResult, Validation},
    people,
    state::AppState,
    user_markdown,
};
use crate::domain::{
    Draft, Problem, SessionUser,
    consultations::{MessageKind, Status, Topic},
    faq::{FaqEntryPage, FaqIndex, FaqLink, FaqRow, FaqStatus, FaqStep},
};

fn status_of(row: &faq_entry::Model) -> FaqStatus {
    FaqStatus::from_code(&row.status).unwrap_or(FaqStatus::Draft)
}

fn topic_of(row: &faq_entry::Model) -> Topic {
    Topic::from_code(&row.topic).unwrap_or(Topic::Other)
}

fn draft_target(id: Uuid) -> String {
    format!("faq:{id}")
}

/// Whether the reader writes and approves entries: a jurist or coordinator
/// of any district, signed in with two factors.
fn is_staff(reader: Option<&SessionUser>) -> bool {
    reader.is_some_and(|reader| access::queue_districts(reader).is_ok())
}

fn staff(reader: &SessionUser) -> ServiceResult<Uuid> {
    access::queue_districts(reader)?;
    account_id(reader)
}

async fn record(db: &impl ConnectionTrait, actor: Uuid, row: &faq_entry::Model, action: &str) -> ServiceResult<()> {
    let action = format!("faq.{action}");
    let entry = AuditRecord {
        actor: Some(actor),
        action: &action,
        subject_kind: "faq",
        subject_id: row.id.to_string(),
        detail: row.title.clone(),
        district: None,
    };
    audit::record(db, entry).await
}

async fn find(db: &impl ConnectionTrait, id: &str) -> ServiceResult<faq_entry::Model> {
    let id = Uuid::parse_str(id).map_err(|_| ServiceError::NotFound)?;
    faq_entry::Entity::find_by_id(id).one(db).await?.ok_or(ServiceError::NotFound)
}

/// The published questions by topic, and for staff the entries being prepared.
pub async fn index(state: &AppState, reader: Option<&SessionUser>) -> ServiceResult<FaqIndex> {
    let staff = is_staff(reader);
    let mut query = faq_entry::Entity::find();
    if !staff {
        query = query.filter(faq_entry::Column::Status.eq(FaqStatus::Published.code()));
    }
    let rows = query.order_by_asc(faq_entry::Column::Title).all(&state.db).await?;
    let (published, preparing): (Vec<_>, Vec<_>) = rows.into_iter().partition(|row| status_of(row) == FaqStatus::Published);
    let mut by_topic: HashMap<Topic, Vec<FaqLink>> = HashMap::new();
    for row in published {
        by_topic.entry(topic_of(&row)).or_default().push(FaqLink { id: row.id.to_string(), title: row.title });
    }
    let topics = Topic::ALL.into_iter().filter_map(|topic| by_topic.remove(&topic).map(|links| (topic, links))).collect();
    let names = people::names(&state.db, preparing.iter().map(|row| row.author_id)).await?;
    let mut preparing: Vec<FaqRow> = preparing
        .into_iter()
        .map(|row| FaqRow {
            id: row.id.to_string(),
            topic: topic_of(&row),
            status: status_of(&row),
            author: row.author_id.and_then(|id| names.get(&id).cloned()),
            updated_at: row.updated_at,
            title: row.title,
        })
        .collect();
    // What waits for approval first, then the newest.
    preparing.sort_by_key(|row| (row.status != FaqStatus::Submitted, -row.updated_at));
    Ok(FaqIndex { topics, preparing, staff })
}

/// An entry's page: a published one for anyone, one being prepared for
/// staff only (to anyone else it does not exist).
pub async fn entry(state: &AppState, reader: Option<&SessionUser>, id: &str) -> ServiceResult<FaqEntryPage> {
    let row = find(&state.db, id).await?;
    let status = status_of(&row);
    let staff = is_staff(reader);
    if status != FaqStatus::Published && !staff {
        return Err(ServiceError::NotFound);
    }
    let mut page = FaqEntryPage {
        id: row.id.to_string(),
        title: row.title.clone(),
        topic: topic_of(&row),
        html: row.body_html.clone(),
        status,
        published_at: row.published_at,
        updated_at: row.updated_at,
        staff,
        author: None,
        approver: None,
        source: None,
        steps: Vec::new(),
        draft: None,
    };
    let Some(reader) = reader.filter(|_| staff) else { return Ok(page) };
    let me = account_id(reader)?;
    let names = people::names(&state.db, [row.author_id, row.approved_by].into_iter()).await?;
    page.author = row.author_id.and_then(|id| names.get(&id).cloned());
    page.approver = row.approved_by.and_then(|id| names.get(&id).cloned());
    if let Some(source) = row.consultation_id
        && let Ok((request, _)) = access::load(&state.db, reader, &source.to_string()).await
    {
        page.source = Some((request.id.to_string(), reference(request.id)));
    }
    page.steps = FaqStep::ALL
        .into_iter()
        .filter(|&step| match step {
            FaqStep::Discard => status == FaqStatus::Draft,
            FaqStep::Approve => status == FaqStatus::Submitted && row.author_id != Some(me),
            step => status.after(step).is_some(),
        })
        .collect();
    if status != FaqStatus::Published {
        page.draft = Some(match drafts::load(&state.db, me, &draft_target(row.id)).await? {
            Some(kept) => kept,
            None => Draft { findings: drafts::findings(&row.title, &row.body), title: row.title, body: row.body, preview_html: None },
        });
    }
    Ok(page)
}

/// The entry written from request `consultation` (started now from its
/// question and answers if there is none yet); its id.
pub async fn start_from(state: &AppState, reader: &SessionUser, consultation: &str) -> ServiceResult<Uuid> {
    let (request, standing) = access::load(&state.db, reader, consultation).await?;
    if !standing.is_staff() {
        return Err(ServiceError::Forbidden);
    }
    let me = account_id(reader)?;
    if let Some(existing) = faq_entry::Entity::find().filter(faq_entry::Column::ConsultationId.eq(request.id)).one(&state.db).await? {
        return Ok(existing.id);
    }
    if !matches!(Status::from_code(&request.status), Some(Status::Answered | Status::Closed)) {
        return Err(ServiceError::Refused(Problem::NotNow));
    }
    let body = first_draft(&state.db, reader, &request).await?;
    let now = clock::now();
    let row = faq_entry::ActiveModel {
        id: Set(Uuid::new_v4()),
        consultation_id: Set(Some(request.id)),
        topic: Set(request.topic.clone()),
        title: Set(request.subject.clone()),
        body_html: Set(user_markdown::render(&body)),
        body: Set(body),
        status: Set(FaqStatus::Draft.code().to_owned()),
        author_id: Set(Some(me)),
        approved_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        published_at: Set(None),
    };
    let txn = state.db.begin().await?;
    let row = row.insert(&txn).await?;
    record(&txn, me, &row, "drafted").await?;
    txn.commit().await?;
    Ok(row.id)
}

/// The request's question quoted, then the jurists' answers: the material
/// the jurist rewrites, never published as it is.
async fn first_draft(db: &impl ConnectionTrait, reader: &SessionUser, request: &consultation::Model) -> ServiceResult<String> {
    let t = reader.locale.texts();
    let messages = consultation_message::Entity::find()
        .filter(consultation_message::Column::ConsultationId.eq(request.id))
        .filter(consultation_message::Column::Kind.is_in([MessageKind::Request.code(), MessageKind::Answer.code()]))
        .order_by_asc(consultation_message::Column::CreatedAt)
        .all(db)
        .await?;
    let (questions, answers): (Vec<_>, Vec<_>) = messages.into_iter().partition(|m| m.kind == MessageKind::Request.code());
    let quoted: Vec<String> = questions.iter().flat_map(|m| m.body.lines().map(|line| format!("> {line}"))).collect();
    let answers: Vec<String> = answers.into_iter().map(|m| m.body).collect();
    Ok(format!("{}\n\n{}\n\n{}", t.faq_draft_note, quoted.join("\n"), answers.join("\n\n")))
}

/// What an edit of an entry sends.
pub struct Edit<'a> {
    pub title: &'a str,
    pub topic: &'a str,
    pub body: &'a str,
    pub privacy_confirmed: bool,
    pub preview: bool,
}

/// Saves an entry being prepared. A refused or previewed text is kept as
/// the reader's draft, so nothing typed is lost.
pub async fn save(state: &AppState, reader: &SessionUser, id: &str, edit: &Edit<'_>) -> ServiceResult<bool> {
    let me = staff(reader)?;
    let row = find(&state.db, id).await?;
    let target = draft_target(row.id);
    if edit.preview {
        drafts::keep(&state.db, me, &target, edit.title, edit.body).await?;
        return Ok(false);
    }
    let mut validation = Validation::default();
    let title = edit.title.trim();
    check_subject(&mut validation, "title", title);
    let topic = Topic::from_code(edit.topic);
    if topic.is_none() {
        validation.add("topic", Problem::ChoiceInvalid);
    }
    user_markdown::check_body(&mut validation, title, edit.body, edit.privacy_confirmed);
    let checked = if status_of(&row) == FaqStatus::Published { Err(ServiceError::Refused(Problem::NotNow)) } else { validation.finish() };
    if let Err(error) = checked {
        drafts::keep(&state.db, me, &target, edit.title, edit.body).await?;
        return Err(error);
    }
    let body = edit.body.trim();
    let mut update = faq_entry::ActiveModel::from(row);
    update.title = Set(title.to_owned());
    update.topic = Set(topic.map_or_else(String::new, |t| t.code().to_owned()));
    update.body = Set(body.to_owned());
    update.body_html = Set(user_markdown::render(body));
    update.updated_at = Set(clock::now());
    let txn = state.db.begin().await?;
    let row = update.update(&txn).await?;
    drafts::forget(&txn, me, &target).await?;
    record(&txn, me, &row, "edited").await?;
    txn.commit().await?;
    Ok(true)
}

/// Submits, approves, sends back, withdraws or discards an entry.
pub async fn step(state: &AppState, reader: &SessionUser, id: &str, step: FaqStep) -> ServiceResult<()> {
    let me = staff(reader)?;
    let row = find(&state.db, id).await?;
    let status = status_of(&row);
    if step == FaqStep::Discard {
        if status != FaqStatus::Draft {
            return Err(ServiceError::Refused(Problem::NotNow));
        }
        let txn = state.db.begin().await?;
        faq_entry::Entity::delete_by_id(row.id).exec(&txn).await?;
        record(&txn, me, &row, step.code()).await?;
        return Ok(txn.commit().await?);
    }
    let next = status.after(step).ok_or(ServiceError::Refused(Problem::NotNow))?;
    if step == FaqStep::Approve && row.author_id == Some(me) {
        return Err(ServiceError::Refused(Problem::OwnEntry));
    }
    let txn = state.db.begin().await?;
    let now = clock::now();
    let mut update = faq_entry::ActiveModel::from(row);
    update.status = Set(next.code().to_owned());
    update.updated_at = Set(now);
    if step == FaqStep::Approve {
        update.approved_by = Set(Some(me));
        update.published_at = Set(Some(now));
    }
    let row = update.update(&txn).await?;
    findable::index_entry(&txn, &row).await?;
    record(&txn, me, &row, step.code()).await?;
    Ok(txn.commit().await?)
}
