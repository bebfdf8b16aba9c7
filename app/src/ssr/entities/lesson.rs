use sea_orm::entity::prelude::*;

/// A lesson as learners read it now.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lesson")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub course_id: Uuid,
    pub module_id: Uuid,
    /// Stable within the course: what `lesson:KEY` links name.
    pub key: String,
    pub position: i32,
    /// The reading time.
    pub minutes: i32,
    pub title_it: String,
    pub title_en: String,
    pub summary_it: String,
    pub summary_en: String,
    /// The Markdown, and as rendered when it was published.
    pub body: String,
    pub body_html: String,
    /// The published version: each change of the text adds one.
    pub version: i32,
    /// `domain::training::PartStatus::code`.
    pub status: String,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
