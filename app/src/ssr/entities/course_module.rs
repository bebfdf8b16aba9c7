use sea_orm::entity::prelude::*;

/// A module of a course.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "course_module")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub course_id: Uuid,
    /// Stable within the course.
    pub key: String,
    pub position: i32,
    pub title_it: String,
    pub title_en: String,
    pub summary_it: String,
    pub summary_en: String,
    /// `domain::training::PartStatus::code`.
    pub status: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
