//! How far each member has read each topic: the place of the last post
//! they were shown, so the category tells what is new and the topic opens
//! where they left off.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ForumTopic {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum TopicVisit {
    Table,
    UserId,
    TopicId,
    LastPosition,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TopicVisit::Table)
                    .col(uuid(TopicVisit::UserId))
                    .col(uuid(TopicVisit::TopicId))
                    .col(integer(TopicVisit::LastPosition))
                    .primary_key(Index::create().col(TopicVisit::UserId).col(TopicVisit::TopicId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TopicVisit::Table, TopicVisit::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(TopicVisit::Table, TopicVisit::TopicId)
                            .to(ForumTopic::Table, ForumTopic::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(TopicVisit::Table).to_owned()).await
    }
}
