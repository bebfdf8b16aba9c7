//! The public FAQ: entries a jurist writes from an answered request,
//! anonymised, and publishes once a second jurist or a coordinator approves.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Consultation {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum FaqEntry {
    Table,
    Id,
    ConsultationId,
    Topic,
    Title,
    Body,
    BodyHtml,
    Status,
    AuthorId,
    ApprovedBy,
    CreatedAt,
    UpdatedAt,
    PublishedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FaqEntry::Table)
                    .col(uuid(FaqEntry::Id).primary_key())
                    // One entry per request: making it again opens the one there is.
                    .col(uuid_null(FaqEntry::ConsultationId).unique_key())
                    .col(string(FaqEntry::Topic))
                    .col(string(FaqEntry::Title))
                    .col(text(FaqEntry::Body))
                    .col(text(FaqEntry::BodyHtml))
                    .col(string(FaqEntry::Status))
                    .col(uuid_null(FaqEntry::AuthorId))
                    .col(uuid_null(FaqEntry::ApprovedBy))
                    .col(big_integer(FaqEntry::CreatedAt))
                    .col(big_integer(FaqEntry::UpdatedAt))
                    .col(big_integer_null(FaqEntry::PublishedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(FaqEntry::Table, FaqEntry::ConsultationId)
                            .to(Consultation::Table, Consultation::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(FaqEntry::Table, FaqEntry::AuthorId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(FaqEntry::Table, FaqEntry::ApprovedBy)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_faq_entry_status_topic")
                    .table(FaqEntry::Table)
                    .col(FaqEntry::Status)
                    .col(FaqEntry::Topic)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(FaqEntry::Table).to_owned()).await
    }
}
