//! Members a coordinator appoints to moderate one category.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ForumCategory {
    Table,
    Slug,
}

#[derive(DeriveIden)]
enum CategoryModerator {
    Table,
    CategorySlug,
    UserId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CategoryModerator::Table)
                    .col(string(CategoryModerator::CategorySlug))
                    .col(uuid(CategoryModerator::UserId))
                    .primary_key(Index::create().col(CategoryModerator::CategorySlug).col(CategoryModerator::UserId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CategoryModerator::Table, CategoryModerator::CategorySlug)
                            .to(ForumCategory::Table, ForumCategory::Slug)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CategoryModerator::Table, CategoryModerator::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // A member's appointments are read with their session.
        manager
            .create_index(
                Index::create()
                    .name("idx_category_moderator_user")
                    .table(CategoryModerator::Table)
                    .col(CategoryModerator::UserId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(CategoryModerator::Table).to_owned()).await
    }
}
