//! A topic's posts are read by their place in it: one index on the topic
//! and the position, unique, so two posts can never share a place.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ForumPost {
    Table,
    TopicId,
    Position,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("idx_forum_post_topic").table(ForumPost::Table).to_owned()).await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_post_place")
                    .table(ForumPost::Table)
                    .col(ForumPost::TopicId)
                    .col(ForumPost::Position)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("idx_forum_post_place").table(ForumPost::Table).to_owned()).await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_post_topic")
                    .table(ForumPost::Table)
                    .col(ForumPost::TopicId)
                    .col(ForumPost::CreatedAt)
                    .to_owned(),
            )
            .await
    }
}
