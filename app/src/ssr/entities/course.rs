use sea_orm::entity::prelude::*;

/// A course: the DiTu course imported from `content/`, or one a trainer wrote.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "course")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Stable and unique: the content's `id` for an imported course.
    pub key: String,
    pub title_it: String,
    pub title_en: String,
    pub summary_it: String,
    pub summary_en: String,
    /// `domain::training::PartStatus::code`.
    pub status: String,
    /// `ssr::training::import::ORIGIN` for imported courses, "authored" for the others.
    pub origin: String,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
