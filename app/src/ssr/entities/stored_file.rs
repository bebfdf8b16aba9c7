use sea_orm::entity::prelude::*;

/// A file someone attached, kept on disk under its id (see `ssr::files`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stored_file")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub uploaded_by: Option<Uuid>,
    /// `domain::files::FileKind::code`, read from the content.
    pub kind: String,
    /// As the uploader named it: shown, never used as a path.
    pub name: String,
    pub size: i64,
    pub sha256: String,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
