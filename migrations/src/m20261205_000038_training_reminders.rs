//! The training's reminders: whether a member wants them (on unless they
//! turn them off in their profile), when a cycle's closing enrolment was
//! announced, and when a learner was last reminded of a course left aside.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    TrainingReminders,
}

#[derive(DeriveIden)]
enum TrainingCycle {
    Table,
    ClosingAnnouncedAt,
}

#[derive(DeriveIden)]
enum Enrolment {
    Table,
    NudgedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        manager
            .alter_table(Table::alter().table(User::Table).add_column(boolean(User::TrainingReminders).default(true)).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter().table(TrainingCycle::Table).add_column(big_integer_null(TrainingCycle::ClosingAnnouncedAt)).to_owned(),
            )
            .await?;
        manager.alter_table(Table::alter().table(Enrolment::Table).add_column(big_integer_null(Enrolment::NudgedAt)).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(Enrolment::Table).drop_column(Enrolment::NudgedAt).to_owned()).await?;
        manager.alter_table(Table::alter().table(TrainingCycle::Table).drop_column(TrainingCycle::ClosingAnnouncedAt).to_owned()).await?;
        manager.alter_table(Table::alter().table(User::Table).drop_column(User::TrainingReminders).to_owned()).await
    }
}
