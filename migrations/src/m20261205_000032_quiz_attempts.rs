//! A learner's attempts at a quiz: what they answered, checked on the server.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Quiz {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum QuizAttempt {
    Table,
    Id,
    QuizId,
    UserId,
    Number,
    Answers,
    Correct,
    Questions,
    Passed,
    SubmittedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(QuizAttempt::Table)
                    .col(uuid(QuizAttempt::Id).primary_key())
                    .col(uuid(QuizAttempt::QuizId))
                    .col(uuid(QuizAttempt::UserId))
                    // 1, 2, …: unique per learner and quiz, so two submissions at once cannot both be the last allowed.
                    .col(integer(QuizAttempt::Number))
                    // JSON: each question's key with the keys of the choices ticked.
                    .col(text(QuizAttempt::Answers))
                    .col(integer(QuizAttempt::Correct))
                    .col(integer(QuizAttempt::Questions))
                    .col(boolean(QuizAttempt::Passed))
                    .col(big_integer(QuizAttempt::SubmittedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(QuizAttempt::Table, QuizAttempt::QuizId)
                            .to(Quiz::Table, Quiz::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(QuizAttempt::Table, QuizAttempt::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_quiz_attempt_number")
                    .table(QuizAttempt::Table)
                    .col(QuizAttempt::UserId)
                    .col(QuizAttempt::QuizId)
                    .col(QuizAttempt::Number)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(QuizAttempt::Table).to_owned()).await
    }
}
