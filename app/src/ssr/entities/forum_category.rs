use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_category")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub slug: String,
    pub name_it: String,
    pub name_en: String,
    pub description_it: String,
    pub description_en: String,
    /// Only this district's members (and coordinators) when set.
    pub district: Option<String>,
    /// Only this role's holders (and coordinators) when set.
    pub role: Option<String>,
    pub position: i32,
    /// How many of a member's first posts here wait for a moderator's
    /// approval; 0 when none do.
    pub approve_first_posts: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
