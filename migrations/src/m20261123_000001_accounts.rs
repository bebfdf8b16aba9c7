//! Districts, users and their roles.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum District {
    Table,
    Code,
    Name,
}

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
    Email,
    Name,
    PasswordHash,
    Locale,
    HomeDistrict,
    Status,
    EmailVerifiedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum UserRole {
    Table,
    UserId,
    Role,
    District,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(District::Table)
                    .col(string_len(District::Code, 16).primary_key())
                    .col(string_len(District::Name, 64))
                    .to_owned(),
            )
            .await?;
        let seed = Query::insert()
            .into_table(District::Table)
            .columns([District::Code, District::Name])
            .values_panic(["milano".into(), "Milano".into()])
            .values_panic(["brescia".into(), "Brescia".into()])
            .to_owned();
        manager.exec_stmt(seed).await?;

        manager
            .create_table(
                Table::create()
                    .table(User::Table)
                    .col(uuid(User::Id).primary_key())
                    // Stored lower-cased, so uniqueness is case-insensitive.
                    .col(string_len_uniq(User::Email, 254))
                    .col(string_len(User::Name, 120))
                    // Empty until an invited user sets a password.
                    .col(string_len(User::PasswordHash, 255))
                    .col(string_len(User::Locale, 8))
                    .col(string_len(User::HomeDistrict, 16))
                    .col(string_len(User::Status, 16))
                    .col(big_integer_null(User::EmailVerifiedAt))
                    .col(big_integer(User::CreatedAt))
                    .col(big_integer(User::UpdatedAt))
                    .foreign_key(ForeignKey::create().from(User::Table, User::HomeDistrict).to(District::Table, District::Code))
                    .to_owned(),
            )
            .await?;
        manager.create_index(Index::create().name("idx_user_created_at").table(User::Table).col(User::CreatedAt).to_owned()).await?;

        // One row per role and district; roles without a district scope
        // (guardian, operator) use the user's home district.
        manager
            .create_table(
                Table::create()
                    .table(UserRole::Table)
                    .col(uuid(UserRole::UserId))
                    .col(string_len(UserRole::Role, 16))
                    .col(string_len(UserRole::District, 16))
                    .primary_key(Index::create().col(UserRole::UserId).col(UserRole::Role).col(UserRole::District))
                    .foreign_key(
                        ForeignKey::create()
                            .from(UserRole::Table, UserRole::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(ForeignKey::create().from(UserRole::Table, UserRole::District).to(District::Table, District::Code))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_user_role_role_district")
                    .table(UserRole::Table)
                    .col(UserRole::Role)
                    .col(UserRole::District)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(UserRole::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(User::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(District::Table).to_owned()).await
    }
}
