//! The mail outbox and the leases that let one instance at a time run a job.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OutboxMail {
    Table,
    Id,
    Recipient,
    Subject,
    BodyText,
    BodyHtml,
    Status,
    Attempts,
    NextAttemptAt,
    LastError,
    ClaimedUntil,
    CreatedAt,
    SentAt,
}

#[derive(DeriveIden)]
enum JobLease {
    Table,
    Name,
    Holder,
    LeasedUntil,
    LastRunAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Mails are rendered when queued (in the recipient's language), so a
        // retry sends exactly what was meant even if templates change.
        manager
            .create_table(
                Table::create()
                    .table(OutboxMail::Table)
                    .col(big_pk_auto(OutboxMail::Id))
                    .col(string_len(OutboxMail::Recipient, 254))
                    .col(string_len(OutboxMail::Subject, 255))
                    .col(text(OutboxMail::BodyText))
                    .col(text(OutboxMail::BodyHtml))
                    .col(string_len(OutboxMail::Status, 16))
                    .col(integer(OutboxMail::Attempts).default(0))
                    .col(big_integer(OutboxMail::NextAttemptAt))
                    .col(text_null(OutboxMail::LastError))
                    .col(big_integer_null(OutboxMail::ClaimedUntil))
                    .col(big_integer(OutboxMail::CreatedAt))
                    .col(big_integer_null(OutboxMail::SentAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outbox_mail_due")
                    .table(OutboxMail::Table)
                    .col(OutboxMail::Status)
                    .col(OutboxMail::NextAttemptAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(JobLease::Table)
                    .col(string_len(JobLease::Name, 64).primary_key())
                    .col(string_len(JobLease::Holder, 64))
                    .col(big_integer(JobLease::LeasedUntil))
                    .col(big_integer_null(JobLease::LastRunAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(JobLease::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(OutboxMail::Table).to_owned()).await
    }
}
