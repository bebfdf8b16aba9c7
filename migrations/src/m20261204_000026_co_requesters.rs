//! Co-requesters: a guardian invites the minor's social worker by e-mail
//! into a consultation; once they accept with that address, they read and
//! write in its thread.

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
enum ConsultationMember {
    Table,
    ConsultationId,
    UserId,
    AddedAt,
}

#[derive(DeriveIden)]
enum ConsultationInvite {
    Table,
    /// The digest of the link's token: the database alone opens nothing.
    TokenDigest,
    ConsultationId,
    /// The address invited: only an account with it may accept.
    Email,
    InvitedBy,
    CreatedAt,
    ExpiresAt,
    AcceptedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ConsultationMember::Table)
                    .col(uuid(ConsultationMember::ConsultationId))
                    .col(uuid(ConsultationMember::UserId))
                    .col(big_integer(ConsultationMember::AddedAt))
                    .primary_key(Index::create().col(ConsultationMember::ConsultationId).col(ConsultationMember::UserId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsultationMember::Table, ConsultationMember::ConsultationId)
                            .to(Consultation::Table, Consultation::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsultationMember::Table, ConsultationMember::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // A co-requester's own list of requests.
        manager
            .create_index(
                Index::create()
                    .name("idx_consultation_member_user")
                    .table(ConsultationMember::Table)
                    .col(ConsultationMember::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ConsultationInvite::Table)
                    .col(string_len(ConsultationInvite::TokenDigest, 64).primary_key())
                    .col(uuid(ConsultationInvite::ConsultationId))
                    .col(string(ConsultationInvite::Email))
                    .col(uuid_null(ConsultationInvite::InvitedBy))
                    .col(big_integer(ConsultationInvite::CreatedAt))
                    .col(big_integer(ConsultationInvite::ExpiresAt))
                    .col(big_integer_null(ConsultationInvite::AcceptedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsultationInvite::Table, ConsultationInvite::ConsultationId)
                            .to(Consultation::Table, Consultation::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsultationInvite::Table, ConsultationInvite::InvitedBy)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ConsultationInvite::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ConsultationMember::Table).to_owned()).await
    }
}
