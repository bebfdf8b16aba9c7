use sea_orm::entity::prelude::*;

/// A case study: an invented situation with a discussion guide, for trainers.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_study")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub course_id: Uuid,
    pub module_id: Uuid,
    /// Stable within the course: what `case:KEY` links name.
    pub key: String,
    pub position: i32,
    pub title_it: String,
    pub title_en: String,
    pub summary_it: String,
    pub summary_en: String,
    pub body: String,
    pub body_html: String,
    /// `domain::training::PartStatus::code`.
    pub status: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
