use sea_orm::entity::prelude::*;

/// A published version of a lesson's text, kept so learners can see what changed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lesson_version")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub lesson_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub version: i32,
    pub body: String,
    pub body_html: String,
    pub published_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
