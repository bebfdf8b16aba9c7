//! The jurists' queue: the requests of the districts they work, filtered,
//! in the order their service levels fall due, with the saved views'
//! counts.

use sea_orm::{
    ColumnTrait as _, Condition, EntityTrait as _, PaginatorTrait as _, QueryFilter as _, QueryOrder as _, Select,
    sea_query::{NullOrdering, Order, Query},
};

use super::{access, as_row, round_robin};
use crate::{
    domain::{
        District, SessionUser,
        consultations::{QueueFilter, QueuePage, QueueView, Status},
    },
    ssr::{
        authz::account_id,
        clock, db,
        entities::{consultation, consultation_member},
        error::ServiceResult,
        people::names,
        state::AppState,
    },
};

pub const PER_PAGE: u64 = 25;

fn open_states() -> Vec<&'static str> {
    Status::ALL.into_iter().filter(|s| s.is_open()).map(Status::code).collect()
}

/// What a saved view keeps, for `me` at `now`.
fn view_condition(view: QueueView, me: sea_orm::prelude::Uuid, now: i64) -> Condition {
    let open = consultation::Column::Status.is_in(open_states());
    match view {
        QueueView::Mine => Condition::all().add(open).add(consultation::Column::AssigneeId.eq(me)),
        QueueView::Unassigned => Condition::all().add(open).add(consultation::Column::AssigneeId.is_null()),
        QueueView::Overdue => Condition::all().add(open).add(consultation::Column::DueAt.lt(now)),
        QueueView::Open => Condition::all().add(open),
        QueueView::All => Condition::all(),
    }
}

/// The jurists to filter by: each once, by name, as (id, name).
async fn jurist_choices(state: &AppState, districts: &[District]) -> ServiceResult<Vec<(String, String)>> {
    let mut seen = std::collections::HashSet::new();
    let jurists = access::jurists_of(&state.db, districts).await?;
    Ok(jurists.into_iter().filter(|(id, _, _)| seen.insert(*id)).map(|(id, name, _)| (id.to_string(), name)).collect())
}

pub async fn page(state: &AppState, reader: &SessionUser, filter: QueueFilter, page: u64) -> ServiceResult<QueuePage> {
    let districts = access::queue_districts(reader)?;
    let me = account_id(reader)?;
    let now = clock::now();
    let in_districts = || -> Select<consultation::Entity> {
        consultation::Entity::find().filter(consultation::Column::District.is_in(districts.iter().map(|d| d.code())))
    };
    let mut counts = Vec::with_capacity(QueueView::ALL.len());
    for view in QueueView::ALL {
        counts.push((view, in_districts().filter(view_condition(view, me, now)).count(&state.db).await?));
    }
    let view = filter.view.unwrap_or(if filter.status.is_some() { QueueView::All } else { QueueView::Open });
    let mut matching = in_districts().filter(view_condition(view, me, now));
    if let Some(status) = filter.status {
        matching = matching.filter(consultation::Column::Status.eq(status.code()));
    }
    if let Some(topic) = filter.topic {
        matching = matching.filter(consultation::Column::Topic.eq(topic.code()));
    }
    if let Some(urgency) = filter.urgency {
        matching = matching.filter(consultation::Column::Urgency.eq(urgency.code()));
    }
    if let Some(assignee) = filter.assignee.as_deref().and_then(|id| sea_orm::prelude::Uuid::parse_str(id).ok()) {
        matching = matching.filter(consultation::Column::AssigneeId.eq(assignee));
    }
    if let Some(district) = filter.district.filter(|d| districts.contains(d)) {
        matching = matching.filter(consultation::Column::District.eq(district.code()));
    }
    let found = db::fetch_page(
        &state.db,
        matching,
        |select| {
            select
                .order_by_with_nulls(consultation::Column::DueAt, Order::Asc, NullOrdering::Last)
                .order_by_desc(consultation::Column::UpdatedAt)
                .order_by_asc(consultation::Column::Id)
        },
        page,
        PER_PAGE,
    )
    .await?;
    let people = names(&state.db, found.rows.iter().flat_map(|row| [row.assignee_id, row.requester_id])).await?;
    Ok(QueuePage {
        turns: round_robin::turns(state, reader).await?,
        rows: found.rows.iter().map(|row| as_row(row, &people)).collect(),
        counts,
        jurists: jurist_choices(state, &districts).await?,
        districts,
        filter: QueueFilter { view: Some(view), ..filter },
        page: found.page,
        pages: found.pages,
        now,
    })
}

/// The reader's own requests, and those they were invited into, newest first.
pub async fn own(state: &AppState, reader: &SessionUser) -> ServiceResult<Vec<crate::domain::consultations::ConsultationRow>> {
    let me = account_id(reader)?;
    let invited_into = Query::select()
        .column(consultation_member::Column::ConsultationId)
        .from(consultation_member::Entity)
        .and_where(consultation_member::Column::UserId.eq(me))
        .to_owned();
    let rows = consultation::Entity::find()
        .filter(Condition::any().add(consultation::Column::RequesterId.eq(me)).add(consultation::Column::Id.in_subquery(invited_into)))
        .order_by_desc(consultation::Column::UpdatedAt)
        .all(&state.db)
        .await?;
    let people = names(&state.db, rows.iter().map(|row| row.assignee_id)).await?;
    Ok(rows.iter().map(|row| as_row(row, &people)).collect())
}
