//! The file store: files people attached, kept on disk outside the web
//! root under their id, and which consultation message each belongs to.

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
enum ConsultationMessage {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum StoredFile {
    Table,
    Id,
    UploadedBy,
    /// `domain::files::FileKind::code`, from the content.
    Kind,
    /// As the uploader named it; shown, never used as a path.
    Name,
    Size,
    Sha256,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ConsultationAttachment {
    Table,
    FileId,
    ConsultationId,
    MessageId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(StoredFile::Table)
                    .col(uuid(StoredFile::Id).primary_key())
                    .col(uuid_null(StoredFile::UploadedBy))
                    .col(string_len(StoredFile::Kind, 16))
                    .col(string(StoredFile::Name))
                    .col(big_integer(StoredFile::Size))
                    .col(string_len(StoredFile::Sha256, 64))
                    .col(big_integer(StoredFile::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(StoredFile::Table, StoredFile::UploadedBy)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ConsultationAttachment::Table)
                    .col(uuid(ConsultationAttachment::FileId).primary_key())
                    .col(uuid(ConsultationAttachment::ConsultationId))
                    .col(uuid(ConsultationAttachment::MessageId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsultationAttachment::Table, ConsultationAttachment::FileId)
                            .to(StoredFile::Table, StoredFile::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsultationAttachment::Table, ConsultationAttachment::ConsultationId)
                            .to(Consultation::Table, Consultation::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsultationAttachment::Table, ConsultationAttachment::MessageId)
                            .to(ConsultationMessage::Table, ConsultationMessage::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_consultation_attachment_consultation")
                    .table(ConsultationAttachment::Table)
                    .col(ConsultationAttachment::ConsultationId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ConsultationAttachment::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(StoredFile::Table).to_owned()).await
    }
}
