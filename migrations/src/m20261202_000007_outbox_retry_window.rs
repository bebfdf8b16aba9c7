//! How long the outbox keeps retrying a mail: until `retry_until`, a day
//! after it was queued (or requeued by a coordinator). Mails already queued
//! get a day from when they were.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OutboxMail {
    Table,
    RetryUntil,
    CreatedAt,
}

const DAY: i64 = 24 * 60 * 60;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(OutboxMail::Table).add_column(big_integer(OutboxMail::RetryUntil).default(0)).to_owned())
            .await?;
        let backfill =
            Query::update().table(OutboxMail::Table).value(OutboxMail::RetryUntil, Expr::col(OutboxMail::CreatedAt).add(DAY)).to_owned();
        manager.exec_stmt(backfill).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(OutboxMail::Table).drop_column(OutboxMail::RetryUntil).to_owned()).await
    }
}
