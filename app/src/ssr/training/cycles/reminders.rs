//! The day before a meeting, its cycle's enrolled learners are reminded by
//! mail: when, and where or the link to join. Sent by a background job; each
//! session is claimed by writing its `reminded_at` first, so two instances
//! never remind twice.

use sea_orm::{ColumnTrait as _, EntityTrait as _, QueryFilter as _, TransactionTrait as _, sea_query::Expr};

use super::{news, status_of};
use crate::{
    domain::cycles::CycleStatus,
    ssr::{
        clock,
        entities::{cycle_session, training_cycle},
        error::ServiceResult,
        state::AppState,
    },
};

/// How long before a meeting its learners are reminded.
pub const REMIND_BEFORE_SECONDS: i64 = clock::DAY;

/// Sends the reminders due now; returns how many sessions they were about.
pub async fn send_due(state: &AppState) -> ServiceResult<usize> {
    let now = clock::now();
    let soon = cycle_session::Entity::find()
        .filter(cycle_session::Column::StartsAt.gt(now))
        .filter(cycle_session::Column::StartsAt.lte(now + REMIND_BEFORE_SECONDS))
        .filter(cycle_session::Column::RemindedAt.is_null())
        .all(&state.db)
        .await?;
    let mut told = 0;
    for session in soon {
        let txn = state.db.begin().await?;
        let claimed = cycle_session::Entity::update_many()
            .col_expr(cycle_session::Column::RemindedAt, Expr::value(now))
            .filter(cycle_session::Column::Id.eq(session.id))
            .filter(cycle_session::Column::RemindedAt.is_null())
            .exec(&txn)
            .await?;
        let cycle = training_cycle::Entity::find_by_id(session.cycle_id).one(&txn).await?;
        if let Some(cycle) =
            cycle.filter(|c| claimed.rows_affected == 1 && matches!(status_of(c), CycleStatus::Open | CycleStatus::Running))
        {
            news::session_soon(&txn, state, &cycle, &session).await?;
            told += 1;
        }
        txn.commit().await?;
    }
    Ok(told)
}
