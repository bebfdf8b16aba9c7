use sea_orm::entity::prelude::*;

/// One meeting of a cycle, in person or online.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cycle_session")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub cycle_id: Uuid,
    /// Unix seconds.
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: Option<String>,
    /// Shown only to the cycle's learners and staff.
    pub online_link: Option<String>,
    /// Minutes counted toward attendance and the certificate.
    pub counted_minutes: i32,
    /// When its learners were reminded of it, the day before.
    pub reminded_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
