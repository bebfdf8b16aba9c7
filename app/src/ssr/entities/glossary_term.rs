use sea_orm::entity::prelude::*;

/// A term of a course's glossary, in Italian and English.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "glossary_term")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub course_id: Uuid,
    /// Stable within the course: what `glossary:KEY` links name.
    pub key: String,
    pub term_it: String,
    pub term_en: String,
    pub definition_it: String,
    pub definition_en: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
