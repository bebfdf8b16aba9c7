use sea_orm::entity::prelude::*;

/// An invitation by e-mail to join a consultation as its co-requester.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consultation_invite")]
pub struct Model {
    /// The digest of the link's token.
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_digest: String,
    pub consultation_id: Uuid,
    /// Only an account with this address may accept.
    pub email: String,
    pub invited_by: Option<Uuid>,
    pub created_at: i64,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
