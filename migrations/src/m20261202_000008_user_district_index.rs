//! Users by home district, newest first: the users list of a coordinator
//! of one district counts and pages through this index alone.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    HomeDistrict,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("idx_user_district_created_at")
                    .table(User::Table)
                    .col(User::HomeDistrict)
                    .col(User::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("idx_user_district_created_at").table(User::Table).to_owned()).await
    }
}
