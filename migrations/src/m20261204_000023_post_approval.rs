//! Pre-moderation: a category may hold a member's first posts in it for a
//! moderator's approval; until then they wait apart from the topics.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ForumCategory {
    Table,
    Slug,
    /// How many of a member's first posts in the category wait for a
    /// moderator; 0 when none do.
    ApproveFirstPosts,
}

#[derive(DeriveIden)]
enum ForumTopic {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum AwaitingPost {
    Table,
    Id,
    AuthorId,
    /// Set for a new topic: the category it opens in.
    CategorySlug,
    /// Set for a reply: its topic.
    TopicId,
    Title,
    Body,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(ForumCategory::Table).add_column(integer(ForumCategory::ApproveFirstPosts).default(0)).to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AwaitingPost::Table)
                    .col(uuid(AwaitingPost::Id).primary_key())
                    .col(uuid(AwaitingPost::AuthorId))
                    .col(string_null(AwaitingPost::CategorySlug))
                    .col(uuid_null(AwaitingPost::TopicId))
                    .col(string(AwaitingPost::Title))
                    .col(text(AwaitingPost::Body))
                    .col(big_integer(AwaitingPost::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AwaitingPost::Table, AwaitingPost::AuthorId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AwaitingPost::Table, AwaitingPost::CategorySlug)
                            .to(ForumCategory::Table, ForumCategory::Slug)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AwaitingPost::Table, AwaitingPost::TopicId)
                            .to(ForumTopic::Table, ForumTopic::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // The author sees what they have waiting where they wrote it.
        manager
            .create_index(
                Index::create().name("idx_awaiting_post_author").table(AwaitingPost::Table).col(AwaitingPost::AuthorId).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(AwaitingPost::Table).to_owned()).await?;
        manager.alter_table(Table::alter().table(ForumCategory::Table).drop_column(ForumCategory::ApproveFirstPosts).to_owned()).await
    }
}
