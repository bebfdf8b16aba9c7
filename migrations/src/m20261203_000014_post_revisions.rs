//! Earlier versions of edited posts, for moderators to read.

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
enum ForumPostRevision {
    Table,
    Id,
    PostId,
    BodyMarkdown,
    ReplacedAt,
    EditorId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ForumPostRevision::Table)
                    .col(uuid(ForumPostRevision::Id).primary_key())
                    .col(uuid(ForumPostRevision::PostId))
                    // The text as it was before the edit that replaced it.
                    .col(text(ForumPostRevision::BodyMarkdown))
                    .col(big_integer(ForumPostRevision::ReplacedAt))
                    .col(uuid_null(ForumPostRevision::EditorId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumPostRevision::Table, ForumPostRevision::PostId)
                            .to(ForumPost::Table, ForumPost::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumPostRevision::Table, ForumPostRevision::EditorId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_post_revision_post")
                    .table(ForumPostRevision::Table)
                    .col(ForumPostRevision::PostId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ForumPostRevision::Table).to_owned()).await
    }
}
