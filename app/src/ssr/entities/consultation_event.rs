use sea_orm::entity::prelude::*;

/// One line of a consultation's history: a transition, or a jurist's or
/// coordinator's view of it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consultation_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub consultation_id: Uuid,
    pub actor_id: Option<Uuid>,
    pub event: String,
    pub detail: String,
    pub at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
