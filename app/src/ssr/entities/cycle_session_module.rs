use sea_orm::entity::prelude::*;

/// A course module a session covers.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cycle_session_module")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub session_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub module_id: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::course_module::Entity", from = "Column::ModuleId", to = "super::course_module::Column::Id")]
    Module,
}

impl ActiveModelBehavior for ActiveModel {}
