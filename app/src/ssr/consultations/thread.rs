//! A request's page. Its requester reads the thread without the internal
//! notes, which the query leaves out, so they never reach their browser;
//! its jurists and coordinators read everything, with the history, and
//! their visit is recorded there.

use sea_orm::{ColumnTrait as _, EntityTrait as _, QueryFilter as _, QueryOrder as _};

use super::{
    access::{self, Standing},
    as_row, attachments, canned, clock_of, district_of, draft_target, history, members, status_of, urgency_of,
};
use crate::{
    domain::{
        Draft, SessionUser,
        consultations::{Action, Allowed, ConsultationPage, Message, MessageKind, REOPEN_DAYS, Rating, Status, Step},
    },
    ssr::{authz::account_id, clock, drafts, entities::consultation_message, error::ServiceResult, people::names, state::AppState},
};

/// The request's page; `start_from`, a canned reply a jurist chose to start
/// from, fills the reply's field unless they left a draft there.
pub async fn page(state: &AppState, reader: &SessionUser, id: &str, start_from: &str) -> ServiceResult<ConsultationPage> {
    let (row, standing) = access::load(&state.db, reader, id).await?;
    let me = account_id(reader)?;
    let staff = standing.is_staff();
    let mut messages = consultation_message::Entity::find().filter(consultation_message::Column::ConsultationId.eq(row.id));
    if !staff {
        messages = messages.filter(consultation_message::Column::Kind.ne(MessageKind::InternalNote.code()));
    }
    let messages = messages.order_by_asc(consultation_message::Column::CreatedAt).all(&state.db).await?;
    let ids: Vec<_> = messages.iter().map(|m| m.id).collect();
    let mut files = attachments::of_messages(&state.db, row.id, &ids).await?;
    let (also_open, events) = if staff {
        (history::viewed(&state.db, &row, me).await?, history::entries(&state.db, row.id).await?)
    } else {
        (Vec::new(), Vec::new())
    };
    // Whom a coordinator may give it to.
    let jurists = if matches!(standing, Standing::Coordinator { .. }) {
        let jurists = access::jurists_of(&state.db, &[district_of(&row)]).await?;
        jurists.into_iter().map(|(id, name, _)| (id.to_string(), name)).collect()
    } else {
        Vec::new()
    };
    let member_ids = members::of(&state.db, row.id).await?;
    let people = names(
        &state.db,
        [row.requester_id, row.assignee_id]
            .into_iter()
            .chain(member_ids.iter().copied().map(Some))
            .chain(messages.iter().map(|m| m.author_id))
            .chain(events.iter().map(|e| e.actor_id))
            .chain(also_open.iter().copied().map(Some)),
    )
    .await?;
    let now = clock::now();
    let status = status_of(&row);
    let requester = standing == Standing::Requester;
    let reopenable = status == Status::Closed && row.closed_at.is_some_and(|closed| now - closed <= REOPEN_DAYS * clock::DAY);
    let allowed = Allowed(
        [
            (Action::Claim, standing.is_jurist() && row.assignee_id != Some(me) && status.after(Step::Claim).is_ok()),
            (Action::Assign, matches!(standing, Standing::Coordinator { .. }) && status.after(Step::Claim).is_ok()),
            (Action::Answer, standing.is_jurist() && status.after(Step::Answer).is_ok()),
            (Action::Note, staff),
            (Action::Write, !staff && status.after(Step::GuardianWrites).is_ok()),
            (Action::Close, standing != Standing::CoRequester && status.after(Step::Close).is_ok()),
            (Action::Reopen, requester && reopenable),
            (Action::Rate, requester && row.rating.is_none() && status.after(Step::Rate).is_ok()),
            (Action::Invite, requester && status != Status::Closed),
            (Action::MakeFaq, staff && matches!(status, Status::Answered | Status::Closed)),
        ]
        .into_iter()
        .filter_map(|(action, may)| may.then_some(action))
        .collect(),
    );
    let shown = as_row(&row, &people);
    let may_answer = allowed.may(Action::Answer);
    let mut draft = drafts::load(&state.db, me, &draft_target(Some(row.id))).await?;
    if may_answer && draft.is_none() && !start_from.is_empty() {
        draft = canned::filled(&state.db, start_from, &shown, reader).await?.map(|body| Draft { body, ..Draft::default() });
    }
    Ok(ConsultationPage {
        row: shown,
        due: clock_of(&row).due(status, urgency_of(&row), &state.settings.calendar(district_of(&row))),
        messages: messages
            .into_iter()
            .map(|m| Message {
                id: m.id.to_string(),
                kind: MessageKind::from_code(&m.kind).unwrap_or(MessageKind::Requester),
                author: m.author_id.and_then(|id| people.get(&id).cloned()),
                html: m.body_html,
                created_at: m.created_at,
                attachments: files.remove(&m.id).unwrap_or_default(),
            })
            .collect(),
        history: events.into_iter().filter_map(|e| history::as_entry(e, &people)).collect(),
        also_open: also_open.iter().filter_map(|id| people.get(id).cloned()).collect(),
        jurists,
        allowed,
        members: member_ids.iter().filter_map(|id| people.get(id).cloned()).collect(),
        rating: row.rating.map(|stars| Rating { stars, comment: row.rating_comment.clone() }),
        staff,
        draft,
        canned: if may_answer { canned::titles(&state.db).await? } else { Vec::new() },
        now,
    })
}
