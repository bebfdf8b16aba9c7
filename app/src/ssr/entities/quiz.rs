use sea_orm::entity::prelude::*;

/// A module's quiz.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quiz")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub course_id: Uuid,
    pub module_id: Uuid,
    /// Stable within the course.
    pub key: String,
    pub title_it: String,
    pub title_en: String,
    /// The share of questions answered right that passes, in percent.
    pub pass_percent: i16,
    /// How many attempts a learner has; none for no limit.
    pub max_attempts: Option<i32>,
    /// `domain::training::PartStatus::code`.
    pub status: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
