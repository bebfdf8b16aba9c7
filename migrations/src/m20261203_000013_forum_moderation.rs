//! Moderation of the communities: a post hidden by a moderator keeps the
//! reason, and members' flags wait in a queue until a moderator acts.

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
    HiddenReason,
}

#[derive(DeriveIden)]
enum ForumFlag {
    Table,
    Id,
    PostId,
    ReporterId,
    Reason,
    Note,
    CreatedAt,
    ResolvedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(ForumPost::Table).add_column(string_len_null(ForumPost::HiddenReason, 500)).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ForumFlag::Table)
                    .col(uuid(ForumFlag::Id).primary_key())
                    .col(uuid(ForumFlag::PostId))
                    .col(uuid(ForumFlag::ReporterId))
                    // `minor_data`, `offensive`, `spam` or `other`.
                    .col(string_len(ForumFlag::Reason, 16))
                    .col(string_len(ForumFlag::Note, 500))
                    .col(big_integer(ForumFlag::CreatedAt))
                    .col(big_integer_null(ForumFlag::ResolvedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumFlag::Table, ForumFlag::PostId)
                            .to(ForumPost::Table, ForumPost::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumFlag::Table, ForumFlag::ReporterId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One flag per member and post: flagging again changes nothing.
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_flag_reporter")
                    .table(ForumFlag::Table)
                    .col(ForumFlag::PostId)
                    .col(ForumFlag::ReporterId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_forum_flag_open").table(ForumFlag::Table).col(ForumFlag::ResolvedAt).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ForumFlag::Table).to_owned()).await?;
        manager.alter_table(Table::alter().table(ForumPost::Table).drop_column(ForumPost::HiddenReason).to_owned()).await
    }
}
