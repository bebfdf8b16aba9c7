//! Each member's handle, for @mentions in the community: unique, chosen
//! from the name when the account is made. Accounts made before get theirs
//! when the server starts (the names need Unicode folding the schema
//! builder does not have).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Handle,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(User::Table).add_column(string_null(User::Handle)).to_owned()).await?;
        manager.create_index(Index::create().name("idx_user_handle").table(User::Table).col(User::Handle).unique().to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("idx_user_handle").table(User::Table).to_owned()).await?;
        manager.alter_table(Table::alter().table(User::Table).drop_column(User::Handle).to_owned()).await
    }
}
