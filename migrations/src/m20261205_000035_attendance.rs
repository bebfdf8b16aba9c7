//! Attendance: per session and learner, present, absent or justified, as
//! the trainer marked it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CycleSession {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Attendance {
    Table,
    SessionId,
    UserId,
    Mark,
    MarkedBy,
    MarkedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Attendance::Table)
                    .col(uuid(Attendance::SessionId))
                    .col(uuid(Attendance::UserId))
                    // present, absent, justified.
                    .col(string_len(Attendance::Mark, 16))
                    .col(uuid_null(Attendance::MarkedBy))
                    .col(big_integer(Attendance::MarkedAt))
                    .primary_key(Index::create().col(Attendance::SessionId).col(Attendance::UserId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Attendance::Table, Attendance::SessionId)
                            .to(CycleSession::Table, CycleSession::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Attendance::Table, Attendance::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Attendance::Table, Attendance::MarkedBy)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager.create_index(Index::create().name("idx_attendance_user").table(Attendance::Table).col(Attendance::UserId).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Attendance::Table).to_owned()).await
    }
}
