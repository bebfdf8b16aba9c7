use sea_orm::entity::prelude::*;

/// A guardian's request to the jurists of a district.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consultation")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// None once the requester's account is deleted.
    pub requester_id: Option<Uuid>,
    pub district: String,
    /// The taxonomy's key (`domain::consultations::Topic::code`).
    pub topic: String,
    pub urgency: String,
    pub status: String,
    pub subject: String,
    /// The guardian's own date, `YYYY-MM-DD`.
    pub deadline: Option<String>,
    pub assignee_id: Option<Uuid>,
    pub created_at: i64,
    pub updated_at: i64,
    /// Filed or last reopened: the service levels run from here.
    pub started_at: i64,
    pub first_response_at: Option<i64>,
    pub awaiting_reply_since: Option<i64>,
    pub paused_since: Option<i64>,
    pub paused_seconds: i64,
    /// The next service-level due time while it is the jurists' turn.
    pub due_at: Option<i64>,
    /// The due time a "due soon" reminder went out for.
    pub warned_due_at: Option<i64>,
    /// The due time whose breach was told.
    pub breached_due_at: Option<i64>,
    pub answered_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub rating: Option<i32>,
    pub rating_comment: Option<String>,
    /// When the retention period anonymised it.
    pub anonymised_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::consultation_message::Entity")]
    Message,
}

impl Related<super::consultation_message::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Message.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
