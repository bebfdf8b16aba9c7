use sea_orm::entity::prelude::*;

/// A learner's certificate of a completed cycle, with what it states as it
/// was when issued.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "certificate")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The public verification code, without separators.
    #[sea_orm(unique)]
    pub code: String,
    pub cycle_id: Uuid,
    pub user_id: Uuid,
    pub holder_name: String,
    pub cycle_title: String,
    pub course_title_it: String,
    pub course_title_en: String,
    /// A `District` code.
    pub district: String,
    pub starts_on: String,
    pub ends_on: String,
    pub attended_minutes: i32,
    /// The trainers' names, comma-separated, as printed.
    pub trainers: String,
    pub issued_at: i64,
    pub revoked_at: Option<i64>,
    pub revoked_by: Option<Uuid>,
    pub revoked_reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::user::Entity", from = "Column::UserId", to = "super::user::Column::Id")]
    User,
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
