use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_entry")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub actor_id: Option<Uuid>,
    pub action: String,
    pub subject_kind: String,
    pub subject_id: String,
    pub detail: String,
    pub at: i64,
    /// The district whose coordinators read the entry; none for entries
    /// only a coordinator of every district reads.
    pub district: Option<String>,
    /// The client's address, empty for the command line and jobs.
    pub client: String,
    /// The request's id, as in the request log.
    pub request_id: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
