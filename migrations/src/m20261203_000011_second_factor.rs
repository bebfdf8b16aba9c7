//! Two-factor sign-in: a TOTP secret per account, the last time step it
//! accepted (a code is accepted once), single-use recovery codes, and the
//! sign-ins that have passed the password and wait for a code.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
    TotpSecret,
    TotpEnabledAt,
    TotpLastStep,
}

#[derive(DeriveIden)]
enum RecoveryCode {
    Table,
    CodeHash,
    UserId,
    UsedAt,
}

#[derive(DeriveIden)]
enum SignInChallenge {
    Table,
    TokenHash,
    UserId,
    ExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one at a time.
        for column in [string_len_null(User::TotpSecret, 64), big_integer_null(User::TotpEnabledAt), big_integer_null(User::TotpLastStep)] {
            manager.alter_table(Table::alter().table(User::Table).add_column(column).to_owned()).await?;
        }
        // Only a SHA-256 of each recovery code and challenge token is stored.
        manager
            .create_table(
                Table::create()
                    .table(RecoveryCode::Table)
                    .col(string_len(RecoveryCode::CodeHash, 64).primary_key())
                    .col(uuid(RecoveryCode::UserId))
                    .col(big_integer_null(RecoveryCode::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RecoveryCode::Table, RecoveryCode::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_recovery_code_user").table(RecoveryCode::Table).col(RecoveryCode::UserId).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SignInChallenge::Table)
                    .col(string_len(SignInChallenge::TokenHash, 64).primary_key())
                    .col(uuid(SignInChallenge::UserId))
                    .col(big_integer(SignInChallenge::ExpiresAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SignInChallenge::Table, SignInChallenge::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sign_in_challenge_expiry")
                    .table(SignInChallenge::Table)
                    .col(SignInChallenge::ExpiresAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(SignInChallenge::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(RecoveryCode::Table).to_owned()).await?;
        for column in [User::TotpLastStep, User::TotpEnabledAt, User::TotpSecret] {
            manager.alter_table(Table::alter().table(User::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
