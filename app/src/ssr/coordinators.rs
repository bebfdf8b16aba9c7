//! Every district keeps an active coordinator: the rule checked wherever a
//! coordinator can stop being one (a role removed, an account deactivated
//! or deleted), safe when two such changes happen at once.

use sea_orm::{
    ColumnTrait as _, DatabaseTransaction, EntityTrait as _, JoinType, PaginatorTrait as _, QueryFilter as _, QuerySelect as _,
    RelationTrait as _, prelude::Uuid, sea_query::Expr,
};

use super::{
    entities::{user, user_role},
    error::{ServiceError, ServiceResult},
};
use crate::domain::{District, Problem, Role, UserStatus};

/// Refuses with `LastCoordinator` when no active coordinator other than
/// `leaving` would remain in one of `districts`.
///
/// Call it first in the transaction that makes `leaving` go. It begins with
/// a write that changes nothing on those districts' coordinator grants, for
/// the write's lock: a second change waits for the first to commit and then
/// counts what the first left (PostgreSQL waits on the rows; SQLite's first
/// write waits for the database's one writer, before the reads that would
/// otherwise see an older state).
pub async fn ensure_another_remains(txn: &DatabaseTransaction, leaving: Uuid, districts: &[District]) -> ServiceResult<()> {
    if districts.is_empty() {
        return Ok(());
    }
    let codes: Vec<&str> = districts.iter().map(|d| d.code()).collect();
    user_role::Entity::update_many()
        .col_expr(user_role::Column::Role, Expr::col(user_role::Column::Role))
        .filter(user_role::Column::Role.eq(Role::Coordinator.code()))
        .filter(user_role::Column::District.is_in(codes))
        .exec(txn)
        .await?;
    for district in districts {
        let others = user_role::Entity::find()
            .join(JoinType::InnerJoin, user_role::Relation::User.def())
            .filter(user_role::Column::Role.eq(Role::Coordinator.code()))
            .filter(user_role::Column::District.eq(district.code()))
            .filter(user_role::Column::UserId.ne(leaving))
            .filter(user::Column::Status.eq(UserStatus::Active.code()))
            .count(txn)
            .await?;
        if others == 0 {
            return Err(ServiceError::Refused(Problem::LastCoordinator));
        }
    }
    Ok(())
}
