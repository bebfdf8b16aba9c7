//! A guardian files a request. What they wrote is never lost: until the
//! request is saved it waits as their draft, and the privacy guard reads it
//! first, as it reads community posts.

use sea_orm::{ActiveValue::Set, EntityTrait as _, TransactionTrait as _, prelude::Uuid};

use super::{access, attachments, draft_target, history, news, round_robin};
use crate::{
    domain::{
        District, Problem, Role, SessionUser,
        consultations::{Event, MessageKind, ServiceClock, Status, Topic, Urgency},
        parse_date, rome_date,
    },
    ssr::{
        authz::account_id,
        clock, drafts,
        entities::{consultation, consultation_message},
        error::{ServiceError, ServiceResult, Validation},
        files::Upload,
        mail::ConsultationNews,
        state::AppState,
        user_markdown,
    },
};

/// A request as the form sends it.
pub struct NewRequest<'a> {
    pub topic: &'a str,
    pub district: &'a str,
    pub urgency: &'a str,
    /// `YYYY-MM-DD`, or empty.
    pub deadline: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub files: &'a [Upload],
    pub privacy_confirmed: bool,
    pub preview: bool,
}

/// What became of it.
#[derive(Debug)]
pub enum Filed {
    Filed(Uuid),
    /// Kept as the draft, which the form shows rendered.
    Previewed,
}

pub async fn file(state: &AppState, reader: &SessionUser, request: &NewRequest<'_>) -> ServiceResult<Filed> {
    let districts = access::filing_districts(reader)?;
    let author = account_id(reader)?;
    let target = draft_target(None);
    if request.preview {
        drafts::keep(&state.db, author, &target, request.subject, request.body).await?;
        return Ok(Filed::Previewed);
    }
    let mut validation = Validation::default();
    let topic = validation.check("topic", Topic::from_code(request.topic).ok_or(Problem::ChoiceInvalid));
    let district = validation
        .check("district", District::from_code(request.district).filter(|d| districts.contains(d)).ok_or(Problem::DistrictUnknown));
    let urgency = validation.check("urgency", Urgency::from_code(request.urgency).ok_or(Problem::ChoiceInvalid));
    let now = clock::now();
    let deadline = validation.check("deadline", deadline(request.deadline, &rome_date(now)));
    let subject = request.subject.trim();
    super::check_subject(&mut validation, "subject", subject);
    user_markdown::check_body(&mut validation, subject, request.body, request.privacy_confirmed);
    let kinds = validation.check("files", attachments::check(request.files));
    if let Err(problems) = validation.finish() {
        drafts::keep(&state.db, author, &target, request.subject, request.body).await?;
        return Err(problems);
    }
    // Each check above records a problem when it yields nothing.
    let (Some(topic), Some(district), Some(urgency), Some(deadline), Some(kinds)) = (topic, district, urgency, deadline, kinds) else {
        return Err(ServiceError::Internal("a checked request lost a field".into()));
    };
    let body = request.body.trim();
    // Where the district takes requests in turn, it goes to the jurist whose turn it is.
    let turn = if state.settings.round_robin.contains(&district) { round_robin::next_jurist(&state.db, district).await? } else { None };
    let status = if turn.is_some() { Status::Assigned } else { Status::New };
    let row = consultation::Model {
        id: Uuid::new_v4(),
        requester_id: Some(author),
        district: district.code().to_owned(),
        topic: topic.code().to_owned(),
        urgency: urgency.code().to_owned(),
        status: status.code().to_owned(),
        subject: subject.to_owned(),
        deadline,
        assignee_id: turn.as_ref().map(|(jurist, _)| *jurist),
        created_at: now,
        updated_at: now,
        started_at: now,
        first_response_at: None,
        awaiting_reply_since: None,
        paused_since: None,
        paused_seconds: 0,
        due_at: ServiceClock::restart(now).due(status, urgency, &state.settings.calendar(district)).next(),
        warned_due_at: None,
        breached_due_at: None,
        answered_at: None,
        closed_at: None,
        rating: None,
        rating_comment: None,
        anonymised_at: None,
    };
    let txn = state.db.begin().await?;
    consultation::Entity::insert(consultation::ActiveModel::from(row.clone())).exec_without_returning(&txn).await?;
    let message = Uuid::new_v4();
    consultation_message::Entity::insert(consultation_message::ActiveModel {
        id: Set(message),
        consultation_id: Set(row.id),
        author_id: Set(Some(author)),
        kind: Set(MessageKind::Request.code().to_owned()),
        body: Set(body.to_owned()),
        body_html: Set(user_markdown::render(body)),
        created_at: Set(now),
    })
    .exec_without_returning(&txn)
    .await?;
    attachments::attach(&txn, state, (row.id, message), author, request.files, &kinds).await?;
    history::record(&txn, &row, Some(author), Event::Filed, format!("{} · {} · {}", topic.code(), urgency.code(), district.code())).await?;
    drafts::forget(&txn, author, &target).await?;
    match turn {
        Some((jurist, name)) => {
            round_robin::given(&txn, jurist, district).await?;
            history::record(&txn, &row, None, Event::Assigned, name).await?;
            news::tell(&txn, &state.settings, Some(jurist), &row, ConsultationNews::Assigned).await?;
        }
        None => news::tell_district(&txn, &state.settings, &row, Role::Jurist, ConsultationNews::Filed).await?,
    }
    txn.commit().await?;
    Ok(Filed::Filed(row.id))
}

/// The guardian's own deadline: none, or a real date from today on.
fn deadline(text: &str, today: &str) -> Result<Option<String>, Problem> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let date = parse_date(text).ok_or(Problem::DateInvalid)?;
    if date.as_str() < today { Err(Problem::DeadlineInPast) } else { Ok(Some(date)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_is_optional_real_and_not_past() {
        assert_eq!(deadline("", "2027-01-10"), Ok(None));
        assert_eq!(deadline("2027-01-10", "2027-01-10"), Ok(Some("2027-01-10".into())));
        assert_eq!(deadline("2027-01-09", "2027-01-10"), Err(Problem::DeadlineInPast));
        assert_eq!(deadline("2027-02-30", "2027-01-10"), Err(Problem::DateInvalid));
    }
}
