//! Reminders of service levels, sent by a background job: a few hours
//! before a request's next due time, to the jurist on it (or the district's
//! jurists while nobody took it); and once it has passed, to them and to
//! the district's coordinators. Each due time is told once: a new one (the
//! guardian wrote, the request was reopened) is told again.

use sea_orm::{
    ActiveModelTrait as _,
    ActiveValue::Set,
    ColumnTrait as _, Condition, EntityTrait as _, QueryFilter as _, TransactionTrait as _,
    sea_query::{Expr, ExprTrait as _},
};

use super::news;
use crate::{
    domain::Role,
    ssr::{clock, entities::consultation, error::ServiceResult, mail::ConsultationNews, state::AppState},
};

/// How long before a due time the jurist is reminded.
pub const REMIND_BEFORE_SECONDS: i64 = 4 * clock::HOUR;

/// Sends the reminders due now; returns how many requests they were about.
pub async fn send_due(state: &AppState) -> ServiceResult<usize> {
    let now = clock::now();
    // Only requests with a due time are open and the jurists' turn.
    let not_told = |column: consultation::Column| {
        Condition::any().add(column.is_null()).add(Expr::col(column).ne(Expr::col(consultation::Column::DueAt)))
    };
    let breached = consultation::Entity::find()
        .filter(consultation::Column::DueAt.lte(now))
        .filter(not_told(consultation::Column::BreachedDueAt))
        .all(&state.db)
        .await?;
    let soon = consultation::Entity::find()
        .filter(consultation::Column::DueAt.gt(now))
        .filter(consultation::Column::DueAt.lte(now + REMIND_BEFORE_SECONDS))
        .filter(not_told(consultation::Column::WarnedDueAt))
        .all(&state.db)
        .await?;
    let told = breached.len() + soon.len();
    for row in breached {
        tell(state, row, ConsultationNews::Overdue).await?;
    }
    for row in soon {
        tell(state, row, ConsultationNews::DueSoon).await?;
    }
    Ok(told)
}

/// Marks the due time told (first: the write holds the row) and queues the mails.
async fn tell(state: &AppState, row: consultation::Model, news: ConsultationNews) -> ServiceResult<()> {
    let txn = state.db.begin().await?;
    let mut update = consultation::ActiveModel::from(row.clone());
    if news == ConsultationNews::Overdue {
        update.breached_due_at = Set(row.due_at);
    } else {
        update.warned_due_at = Set(row.due_at);
    }
    update.update(&txn).await?;
    match row.assignee_id {
        Some(jurist) => news::tell(&txn, &state.settings, Some(jurist), &row, news).await?,
        None => news::tell_district(&txn, &state.settings, &row, Role::Jurist, news).await?,
    }
    if news == ConsultationNews::Overdue {
        news::tell_district(&txn, &state.settings, &row, Role::Coordinator, news).await?;
    }
    txn.commit().await?;
    Ok(())
}
