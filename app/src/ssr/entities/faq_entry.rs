use sea_orm::entity::prelude::*;

/// An entry of the public FAQ (see `ssr::faq`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "faq_entry")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The request it was written from, while there is one.
    pub consultation_id: Option<Uuid>,
    /// `domain::consultations::Topic::code`.
    pub topic: String,
    /// The question, in one sentence.
    pub title: String,
    /// The answer in Markdown, and as rendered when saved.
    pub body: String,
    pub body_html: String,
    /// `domain::faq::FaqStatus::code`.
    pub status: String,
    pub author_id: Option<Uuid>,
    pub approved_by: Option<Uuid>,
    pub created_at: i64,
    pub updated_at: i64,
    pub published_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
