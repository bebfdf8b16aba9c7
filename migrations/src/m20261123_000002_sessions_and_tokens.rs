//! Sign-in sessions and single-use e-mail tokens (verification, reset, invitation).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    TokenHash,
    UserId,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum EmailToken {
    Table,
    TokenHash,
    UserId,
    Purpose,
    NewEmail,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Only a SHA-256 of each token is stored: a leaked table opens nothing.
        manager
            .create_table(
                Table::create()
                    .table(Session::Table)
                    .col(string_len(Session::TokenHash, 64).primary_key())
                    .col(uuid(Session::UserId))
                    .col(big_integer(Session::CreatedAt))
                    .col(big_integer(Session::LastSeenAt))
                    .col(big_integer(Session::ExpiresAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Session::Table, Session::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager.create_index(Index::create().name("idx_session_user").table(Session::Table).col(Session::UserId).to_owned()).await?;

        manager
            .create_table(
                Table::create()
                    .table(EmailToken::Table)
                    .col(string_len(EmailToken::TokenHash, 64).primary_key())
                    .col(uuid(EmailToken::UserId))
                    .col(string_len(EmailToken::Purpose, 16))
                    // The address a change-of-e-mail token confirms.
                    .col(string_len_null(EmailToken::NewEmail, 254))
                    .col(big_integer(EmailToken::ExpiresAt))
                    .col(big_integer_null(EmailToken::UsedAt))
                    .col(big_integer(EmailToken::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EmailToken::Table, EmailToken::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_email_token_user_purpose")
                    .table(EmailToken::Table)
                    .col(EmailToken::UserId)
                    .col(EmailToken::Purpose)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(EmailToken::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Session::Table).to_owned()).await
    }
}
