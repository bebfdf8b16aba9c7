use sea_orm::entity::prelude::*;

/// A learner's place in a cycle, or on its waiting list.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "enrolment")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub cycle_id: Uuid,
    pub user_id: Uuid,
    /// An `EnrolmentStatus` code.
    pub status: String,
    /// When they entered their status: the waiting list's order.
    pub queued_at: i64,
    pub updated_at: i64,
    /// When they were last reminded of a course they left aside.
    pub nudged_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::user::Entity", from = "Column::UserId", to = "super::user::Column::Id")]
    User,
}

impl ActiveModelBehavior for ActiveModel {}
