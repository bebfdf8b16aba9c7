use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notification")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// A `NotificationKind` code.
    pub kind: String,
    /// What reading marks it read: `topic:<id>`.
    pub target: String,
    pub post_id: Uuid,
    pub actor_id: Option<Uuid>,
    pub created_at: i64,
    pub read_at: Option<i64>,
    pub mailed_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
