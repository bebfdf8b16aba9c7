//! The queue filtered by topic over a district's whole history (the "all"
//! view): without this index every request of the district is read to
//! find one topic's.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Consultation {
    Table,
    District,
    Topic,
}

const NAME: &str = "idx_consultation_topic";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create().name(NAME).table(Consultation::Table).col(Consultation::District).col(Consultation::Topic).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name(NAME).table(Consultation::Table).to_owned()).await
    }
}
