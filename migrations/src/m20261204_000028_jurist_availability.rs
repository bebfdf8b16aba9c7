//! Round-robin: whether a jurist takes new requests of a district in turn,
//! and when they were last given one.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum JuristAvailability {
    Table,
    UserId,
    District,
    Available,
    LastAssignedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(JuristAvailability::Table)
                    .col(uuid(JuristAvailability::UserId))
                    .col(string_len(JuristAvailability::District, 16))
                    .col(boolean(JuristAvailability::Available).default(true))
                    .col(big_integer_null(JuristAvailability::LastAssignedAt))
                    .primary_key(Index::create().col(JuristAvailability::UserId).col(JuristAvailability::District))
                    .foreign_key(
                        ForeignKey::create()
                            .from(JuristAvailability::Table, JuristAvailability::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(JuristAvailability::Table).to_owned()).await
    }
}
