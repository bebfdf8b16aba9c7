use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "search_entry")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// What it is: `post`.
    pub kind: String,
    /// Its id in its own table.
    pub source_id: String,
    /// Who may find it, as its area decides (a post's category).
    pub scope: String,
    pub title: String,
    /// Plain text, for snippets.
    pub body: String,
    pub link: String,
    pub author_id: Option<Uuid>,
    pub created_at: i64,
    /// The analysed terms the engines index.
    pub terms: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
