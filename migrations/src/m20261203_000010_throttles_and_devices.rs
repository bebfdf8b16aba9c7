//! Counters against password guessing and mail flooding, shared by every
//! instance, and the browsers a user has signed in from (which the
//! per-account slowdown lets through, so nobody can lock an owner out).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Throttle {
    Table,
    Scope,
    Key,
    WindowStart,
    Hits,
    LastHitAt,
}

#[derive(DeriveIden)]
enum KnownDevice {
    Table,
    TokenHash,
    UserId,
    CreatedAt,
    LastUsedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Throttle::Table)
                    .col(string_len(Throttle::Scope, 32))
                    // An address, a /64 network, an e-mail address or an account id.
                    .col(string_len(Throttle::Key, 254))
                    .col(big_integer(Throttle::WindowStart))
                    .col(integer(Throttle::Hits))
                    .col(big_integer(Throttle::LastHitAt))
                    .primary_key(Index::create().col(Throttle::Scope).col(Throttle::Key))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_throttle_last_hit").table(Throttle::Table).col(Throttle::LastHitAt).to_owned())
            .await?;

        // Only a SHA-256 of each device token is stored, as for sessions.
        manager
            .create_table(
                Table::create()
                    .table(KnownDevice::Table)
                    .col(string_len(KnownDevice::TokenHash, 64).primary_key())
                    .col(uuid(KnownDevice::UserId))
                    .col(big_integer(KnownDevice::CreatedAt))
                    .col(big_integer(KnownDevice::LastUsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(KnownDevice::Table, KnownDevice::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_known_device_user").table(KnownDevice::Table).col(KnownDevice::UserId).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(KnownDevice::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Throttle::Table).to_owned()).await
    }
}
