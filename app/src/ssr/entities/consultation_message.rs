use sea_orm::entity::prelude::*;

/// A message in a consultation's thread; `note` ones are internal.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consultation_message")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub consultation_id: Uuid,
    pub author_id: Option<Uuid>,
    /// `domain::consultations::MessageKind::code`.
    pub kind: String,
    pub body: String,
    /// Rendered and sanitised when written.
    pub body_html: String,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::consultation::Entity", from = "Column::ConsultationId", to = "super::consultation::Column::Id")]
    Consultation,
}

impl Related<super::consultation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Consultation.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
