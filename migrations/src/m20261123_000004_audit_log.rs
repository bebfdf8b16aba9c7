//! The audit log: who did what to whom, and when.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditEntry {
    Table,
    Id,
    ActorId,
    Action,
    SubjectKind,
    SubjectId,
    Detail,
    At,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // No foreign keys: the log outlives the accounts it mentions.
        manager
            .create_table(
                Table::create()
                    .table(AuditEntry::Table)
                    .col(big_pk_auto(AuditEntry::Id))
                    .col(uuid_null(AuditEntry::ActorId))
                    .col(string_len(AuditEntry::Action, 64))
                    .col(string_len(AuditEntry::SubjectKind, 32))
                    .col(string_len(AuditEntry::SubjectId, 64))
                    .col(text(AuditEntry::Detail))
                    .col(big_integer(AuditEntry::At))
                    .to_owned(),
            )
            .await?;
        manager.create_index(Index::create().name("idx_audit_entry_at").table(AuditEntry::Table).col(AuditEntry::At).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(AuditEntry::Table).to_owned()).await
    }
}
