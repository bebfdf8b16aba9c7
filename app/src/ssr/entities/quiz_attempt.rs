use sea_orm::entity::prelude::*;

/// A learner's submitted attempt at a quiz, scored on the server.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quiz_attempt")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub quiz_id: Uuid,
    pub user_id: Uuid,
    /// 1 for the first attempt, and so on.
    pub number: i32,
    /// JSON: `{ question key: [choice keys] }`, as answered.
    pub answers: String,
    /// Questions answered right, of `questions`.
    pub correct: i32,
    pub questions: i32,
    pub passed: bool,
    pub submitted_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
