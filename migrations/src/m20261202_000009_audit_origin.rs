//! Where an audited action came from: the client's address and the
//! request's id, which the request log also carries.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditEntry {
    Table,
    Client,
    RequestId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        for column in [AuditEntry::Client, AuditEntry::RequestId] {
            manager.alter_table(Table::alter().table(AuditEntry::Table).add_column(string_len(column, 64).default("")).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [AuditEntry::Client, AuditEntry::RequestId] {
            manager.alter_table(Table::alter().table(AuditEntry::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
