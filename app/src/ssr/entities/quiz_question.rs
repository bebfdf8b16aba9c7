use sea_orm::entity::prelude::*;

/// A question of a quiz. Its answers never leave the server before a learner submits.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quiz_question")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub quiz_id: Uuid,
    /// Stable within the quiz.
    pub key: String,
    pub position: i32,
    /// "single" (one right choice) or "multiple" (one or more).
    pub kind: String,
    pub prompt_it: String,
    pub prompt_en: String,
    pub explanation_it: String,
    pub explanation_en: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
