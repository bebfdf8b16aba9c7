//! When the learners of a session were reminded of it, so each session is
//! announced once.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CycleSession {
    Table,
    RemindedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(CycleSession::Table).add_column(big_integer_null(CycleSession::RemindedAt)).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(CycleSession::Table).drop_column(CycleSession::RemindedAt).to_owned()).await
    }
}
