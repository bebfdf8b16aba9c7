//! Canned replies: texts the jurists keep for the questions that come
//! back, with placeholders filled for each request.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CannedReply {
    Table,
    Id,
    Title,
    Body,
    UpdatedBy,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CannedReply::Table)
                    .col(uuid(CannedReply::Id).primary_key())
                    .col(string(CannedReply::Title))
                    .col(text(CannedReply::Body))
                    .col(uuid_null(CannedReply::UpdatedBy))
                    .col(big_integer(CannedReply::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CannedReply::Table, CannedReply::UpdatedBy)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(CannedReply::Table).to_owned()).await
    }
}
