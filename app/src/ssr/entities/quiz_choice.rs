use sea_orm::entity::prelude::*;

/// A choice offered by a quiz question.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quiz_choice")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub question_id: Uuid,
    /// Stable within the question.
    pub key: String,
    pub position: i32,
    pub correct: bool,
    pub text_it: String,
    pub text_en: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
