use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_post")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub topic_id: Uuid,
    /// 1 for the opening post, then in the order saved.
    pub position: i32,
    pub author_id: Option<Uuid>,
    pub body_markdown: String,
    /// Rendered and sanitised when written.
    pub body_html: String,
    /// `visible`, `hidden` (by a moderator) or `deleted` (by its author).
    pub status: String,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    /// Why a moderator hid it; shown to moderators only.
    pub hidden_reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::user::Entity", from = "Column::AuthorId", to = "super::user::Column::Id")]
    Author,
    #[sea_orm(belongs_to = "super::forum_topic::Entity", from = "Column::TopicId", to = "super::forum_topic::Column::Id")]
    Topic,
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Author.def()
    }
}

impl Related<super::forum_topic::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Topic.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
