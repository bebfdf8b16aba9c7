//! Reactions to posts (a small fixed set, one of each kind per member and
//! post) and a topic's accepted answer.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ForumPost {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ForumTopic {
    Table,
    AcceptedPostId,
}

#[derive(DeriveIden)]
enum ForumReaction {
    Table,
    PostId,
    UserId,
    Kind,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ForumReaction::Table)
                    .col(uuid(ForumReaction::PostId))
                    .col(uuid(ForumReaction::UserId))
                    // `helpful`, `thanks` or `same`.
                    .col(string(ForumReaction::Kind))
                    .col(big_integer(ForumReaction::CreatedAt))
                    .primary_key(Index::create().col(ForumReaction::PostId).col(ForumReaction::UserId).col(ForumReaction::Kind))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumReaction::Table, ForumReaction::PostId)
                            .to(ForumPost::Table, ForumPost::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumReaction::Table, ForumReaction::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // Posts are never removed from the table (a deleted one keeps its
        // place), so the column needs no foreign key to stay true.
        manager.alter_table(Table::alter().table(ForumTopic::Table).add_column(uuid_null(ForumTopic::AcceptedPostId)).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(ForumTopic::Table).drop_column(ForumTopic::AcceptedPostId).to_owned()).await?;
        manager.drop_table(Table::drop().table(ForumReaction::Table).to_owned()).await
    }
}
