use sea_orm::entity::prelude::*;

/// A course run in one district: its dates, enrolment window, capacity and state.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "training_cycle")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub course_id: Uuid,
    pub district: String,
    pub title: String,
    /// `YYYY-MM-DD`, in Rome.
    pub starts_on: String,
    pub ends_on: String,
    /// The first and last day learners may enrol themselves.
    pub enrol_from: String,
    pub enrol_until: String,
    pub capacity: i32,
    /// Percent of the counted hours a learner must attend.
    pub min_attendance: i32,
    /// Whether guardians of the other districts may enrol too.
    pub open_to_all_districts: bool,
    /// A `CycleStatus` code.
    pub status: String,
    pub created_by: Option<Uuid>,
    pub created_at: i64,
    pub updated_at: i64,
    /// When the guardians who could enrol were told its enrolment closes soon.
    pub closing_announced_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
