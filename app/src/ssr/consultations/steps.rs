//! What people do to a request: jurists claim it, ask, answer or write an
//! internal note; coordinators give it to a jurist; the guardian writes,
//! closes it once answered and may reopen it for a while. Each step is
//! checked against the request's state (`Status::after`), moves its
//! service-level clock, and goes to its history and the audit log.

use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, EntityTrait as _, PaginatorTrait as _, QueryFilter as _,
    TransactionTrait as _, prelude::Uuid,
};

use super::{
    access::{self, Standing},
    attachments, clock_of, district_of, draft_target, history, news, set_clock, status_of,
};
use crate::{
    domain::{
        Problem, Role, SessionUser,
        consultations::{Event, MessageKind, RATING_COMMENT_MAX_CHARS, RATINGS, REOPEN_DAYS, ServiceClock, Status, Step},
    },
    ssr::{
        authz::account_id,
        clock, drafts,
        entities::{consultation, consultation_message, user, user_role},
        error::{ServiceError, ServiceResult, Validation},
        files::Upload,
        mail::ConsultationNews,
        state::AppState,
        user_markdown,
    },
};

/// A message as the thread's form sends it.
pub struct Writing<'a> {
    pub body: &'a str,
    pub files: &'a [Upload],
    pub privacy_confirmed: bool,
    /// Show it rendered, do not send it yet.
    pub preview: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    Sent,
    /// Kept as the draft, which the page shows rendered.
    Previewed,
}

/// Which step a message is: a requester just writes; a jurist asks or
/// answers; any of the request's staff may leave an internal note.
fn step_of(standing: Standing, chosen: Option<Step>) -> ServiceResult<Step> {
    match (standing, chosen) {
        (Standing::Requester | Standing::CoRequester, None) => Ok(Step::GuardianWrites),
        (Standing::Requester | Standing::CoRequester, Some(_)) => Err(ServiceError::Forbidden),
        (staff, Some(step @ (Step::Ask | Step::Answer))) if staff.is_jurist() => Ok(step),
        (_, Some(Step::Note)) => Ok(Step::Note),
        (Standing::Coordinator { jurist: false }, Some(Step::Ask | Step::Answer)) => Err(ServiceError::Forbidden),
        _ => Err(ServiceError::field("step", Problem::ChoiceInvalid)),
    }
}

/// A message in the thread: the requester's, or a jurist's question,
/// answer or internal note.
pub async fn write(
    state: &AppState,
    reader: &SessionUser,
    id: &str,
    chosen: Option<Step>,
    writing: &Writing<'_>,
) -> ServiceResult<Written> {
    let (row, standing) = access::load(&state.db, reader, id).await?;
    let step = step_of(standing, chosen)?;
    let me = account_id(reader)?;
    let target = draft_target(Some(row.id));
    if writing.preview {
        drafts::keep(&state.db, me, &target, "", writing.body).await?;
        return Ok(Written::Previewed);
    }
    let mut validation = Validation::default();
    user_markdown::check_body(&mut validation, "", writing.body, writing.privacy_confirmed);
    let kinds = validation.check("files", attachments::check(writing.files));
    let next = status_of(&row).after(step).map_err(ServiceError::Refused).and_then(|next| validation.finish().map(|()| (next, kinds)));
    let (next, kinds) = match next {
        Ok((next, Some(kinds))) => (next, kinds),
        Ok((_, None)) => return Err(ServiceError::Internal("checked files without kinds".into())),
        Err(error) => {
            drafts::keep(&state.db, me, &target, "", writing.body).await?;
            return Err(error);
        }
    };
    let now = clock::now();
    let calendar = state.settings.calendar(district_of(&row));
    let service = clock_of(&row);
    let (service, kind, event, news) = match step {
        Step::Ask => (service.jurist_replied(now).pause(now), MessageKind::Question, Event::Asked, Some(ConsultationNews::Question)),
        Step::Answer => (service.jurist_replied(now), MessageKind::Answer, Event::Answered, Some(ConsultationNews::Answer)),
        Step::GuardianWrites => {
            (service.guardian_wrote(now, &calendar), MessageKind::Requester, Event::RequesterWrote, Some(ConsultationNews::RequesterWrote))
        }
        _ => (service, MessageKind::InternalNote, Event::Noted, None),
    };
    // A jurist answering a request nobody took takes it.
    let claims = matches!(step, Step::Ask | Step::Answer) && row.assignee_id.is_none();
    let mut update = consultation::ActiveModel::from(row.clone());
    set_clock(&mut update, &state.settings, &row, next, service);
    if claims {
        update.assignee_id = Set(Some(me));
    }
    if step == Step::Answer {
        update.answered_at = Set(Some(now));
    }
    // An internal note is no news to the requester, not even in the date
    // their list shows.
    if step != Step::Note {
        update.updated_at = Set(now);
    }
    let body = writing.body.trim();
    let txn = state.db.begin().await?;
    update.update(&txn).await?;
    let message = Uuid::new_v4();
    consultation_message::Entity::insert(consultation_message::ActiveModel {
        id: Set(message),
        consultation_id: Set(row.id),
        author_id: Set(Some(me)),
        kind: Set(kind.code().to_owned()),
        body: Set(body.to_owned()),
        body_html: Set(user_markdown::render(body)),
        created_at: Set(now),
    })
    .exec_without_returning(&txn)
    .await?;
    attachments::attach(&txn, state, (row.id, message), me, writing.files, &kinds).await?;
    if claims {
        history::record(&txn, &row, Some(me), Event::Claimed, String::new()).await?;
    }
    history::record(&txn, &row, Some(me), event, String::new()).await?;
    drafts::forget(&txn, me, &target).await?;
    if let Some(news) = news {
        // The requester's message is news to the jurist on it; the jurist's to the requester.
        if news == ConsultationNews::RequesterWrote {
            news::tell(&txn, &state.settings, row.assignee_id, &row, news).await?;
        } else {
            news::tell_requesters(&txn, &state.settings, &row, news).await?;
        }
    }
    txn.commit().await?;
    Ok(Written::Sent)
}

/// A change of state: where the request goes, its clock there, and what
/// its history says.
struct Move {
    next: Status,
    service: ServiceClock,
    event: Event,
    detail: String,
}

/// Applies `step` to the request, with `change` to its row, and records it;
/// the transaction is left open for the mails that go with it.
async fn transition(
    state: &AppState,
    row: &consultation::Model,
    actor: Uuid,
    step: Move,
    change: impl FnOnce(&mut consultation::ActiveModel),
) -> ServiceResult<sea_orm::DatabaseTransaction> {
    let mut update = consultation::ActiveModel::from(row.clone());
    set_clock(&mut update, &state.settings, row, step.next, step.service);
    update.updated_at = Set(clock::now());
    change(&mut update);
    let txn = state.db.begin().await?;
    update.update(&txn).await?;
    history::record(&txn, row, Some(actor), step.event, step.detail).await?;
    Ok(txn)
}

/// A jurist of the request's district takes it (from a colleague, too).
pub async fn claim(state: &AppState, reader: &SessionUser, id: &str) -> ServiceResult<()> {
    let (row, standing) = access::load(&state.db, reader, id).await?;
    if !standing.is_jurist() {
        return Err(ServiceError::Forbidden);
    }
    let me = account_id(reader)?;
    let next = status_of(&row).after(Step::Claim).map_err(ServiceError::Refused)?;
    if row.assignee_id == Some(me) && next == status_of(&row) {
        return Ok(());
    }
    let step = Move { next, service: clock_of(&row), event: Event::Claimed, detail: String::new() };
    let txn = transition(state, &row, me, step, |update| update.assignee_id = Set(Some(me))).await?;
    txn.commit().await?;
    Ok(())
}

/// A coordinator of the request's district gives it to one of its jurists,
/// who is told by mail.
pub async fn assign(state: &AppState, reader: &SessionUser, id: &str, jurist: &str) -> ServiceResult<()> {
    let (row, standing) = access::load(&state.db, reader, id).await?;
    if !matches!(standing, Standing::Coordinator { .. }) {
        return Err(ServiceError::Forbidden);
    }
    let jurist = Uuid::parse_str(jurist).map_err(|_| ServiceError::field("jurist", Problem::MemberUnknown))?;
    let is_jurist_there = user_role::Entity::find()
        .filter(user_role::Column::UserId.eq(jurist))
        .filter(user_role::Column::Role.eq(Role::Jurist.code()))
        .filter(user_role::Column::District.eq(&row.district))
        .count(&state.db)
        .await?
        > 0;
    let name = user::Entity::find_by_id(jurist).one(&state.db).await?.filter(|_| is_jurist_there).map(|account| account.name);
    let Some(name) = name else { return Err(ServiceError::field("jurist", Problem::MemberUnknown)) };
    let next = status_of(&row).after(Step::Claim).map_err(ServiceError::Refused)?;
    let me = account_id(reader)?;
    let step = Move { next, service: clock_of(&row), event: Event::Assigned, detail: name };
    let txn = transition(state, &row, me, step, |update| update.assignee_id = Set(Some(jurist))).await?;
    news::tell(&txn, &state.settings, Some(jurist), &row, ConsultationNews::Assigned).await?;
    txn.commit().await?;
    Ok(())
}

/// Closes an answered request: its requester, or its staff.
pub async fn close(state: &AppState, reader: &SessionUser, id: &str) -> ServiceResult<()> {
    let (row, standing) = access::load(&state.db, reader, id).await?;
    if standing == Standing::CoRequester {
        return Err(ServiceError::Forbidden);
    }
    let next = status_of(&row).after(Step::Close).map_err(ServiceError::Refused)?;
    let now = clock::now();
    let step = Move { next, service: clock_of(&row), event: Event::Closed, detail: String::new() };
    let txn = transition(state, &row, account_id(reader)?, step, |update| update.closed_at = Set(Some(now))).await?;
    if standing.is_staff() {
        news::tell_requesters(&txn, &state.settings, &row, ConsultationNews::Closed).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The requester reopens a closed request within [`REOPEN_DAYS`]: it goes
/// back to the queue (to its jurist, who is told) and its targets run
/// again from now.
pub async fn reopen(state: &AppState, reader: &SessionUser, id: &str) -> ServiceResult<()> {
    let (row, standing) = access::load(&state.db, reader, id).await?;
    if standing != Standing::Requester {
        return Err(ServiceError::Forbidden);
    }
    let next = status_of(&row).after(Step::Reopen).map_err(ServiceError::Refused)?;
    let now = clock::now();
    if row.closed_at.is_some_and(|closed| now - closed > REOPEN_DAYS * clock::DAY) {
        return Err(ServiceError::Refused(Problem::ReopenWindowOver));
    }
    let step = Move { next, service: ServiceClock::restart(now), event: Event::Reopened, detail: String::new() };
    let txn = transition(state, &row, account_id(reader)?, step, |update| {
        update.closed_at = Set(None);
        update.answered_at = Set(None);
    })
    .await?;
    news::tell(&txn, &state.settings, row.assignee_id, &row, ConsultationNews::Reopened).await?;
    txn.commit().await?;
    Ok(())
}

/// The requester rates the answer (1 to 5, with an optional comment);
/// rating an answered request closes it. A later rating replaces the first.
pub async fn rate(state: &AppState, reader: &SessionUser, id: &str, stars: &str, comment: &str) -> ServiceResult<()> {
    let (row, standing) = access::load(&state.db, reader, id).await?;
    if standing != Standing::Requester {
        return Err(ServiceError::Forbidden);
    }
    let next = status_of(&row).after(Step::Rate).map_err(ServiceError::Refused)?;
    let mut validation = Validation::default();
    let stars = validation.check("rating", stars.trim().parse::<i32>().ok().filter(|s| RATINGS.contains(s)).ok_or(Problem::ChoiceInvalid));
    let comment = comment.trim();
    if comment.chars().count() > RATING_COMMENT_MAX_CHARS {
        validation.add("comment", Problem::NoteTooLong);
    }
    validation.finish()?;
    let Some(stars) = stars else { return Err(ServiceError::Internal("a checked rating without stars".into())) };
    let now = clock::now();
    let closes = row.closed_at.is_none();
    let step = Move { next, service: clock_of(&row), event: Event::Rated, detail: format!("{stars}/5") };
    let txn = transition(state, &row, account_id(reader)?, step, |update| {
        update.rating = Set(Some(stars));
        update.rating_comment = Set((!comment.is_empty()).then(|| comment.to_owned()));
        if closes {
            update.closed_at = Set(Some(now));
        }
    })
    .await?;
    txn.commit().await?;
    Ok(())
}
