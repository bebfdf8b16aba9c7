//! Courses as learners read them: modules, lessons (with every published
//! version), case studies for trainers, quizzes with their questions and
//! choices, the glossary, and what each learner has read. The DiTu course
//! is imported from `content/` into these tables; trainers' courses are
//! written into the same ones. Every part has a `key`, stable within its
//! course, which re-imports match on so that nothing a learner did is lost.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Course {
    Table,
    Id,
    Key,
    TitleIt,
    TitleEn,
    SummaryIt,
    SummaryEn,
    Status,
    Origin,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CourseModule {
    Table,
    Id,
    CourseId,
    Key,
    Position,
    TitleIt,
    TitleEn,
    SummaryIt,
    SummaryEn,
    Status,
}

#[derive(DeriveIden)]
enum Lesson {
    Table,
    Id,
    CourseId,
    ModuleId,
    Key,
    Position,
    Minutes,
    TitleIt,
    TitleEn,
    SummaryIt,
    SummaryEn,
    Body,
    BodyHtml,
    Version,
    Status,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum LessonVersion {
    Table,
    LessonId,
    Version,
    Body,
    BodyHtml,
    PublishedAt,
}

#[derive(DeriveIden)]
enum LessonRead {
    Table,
    UserId,
    LessonId,
    Version,
    ReadAt,
}

#[derive(DeriveIden)]
enum CaseStudy {
    Table,
    Id,
    CourseId,
    ModuleId,
    Key,
    Position,
    TitleIt,
    TitleEn,
    SummaryIt,
    SummaryEn,
    Body,
    BodyHtml,
    Status,
}

#[derive(DeriveIden)]
enum Quiz {
    Table,
    Id,
    CourseId,
    ModuleId,
    Key,
    TitleIt,
    TitleEn,
    PassPercent,
    MaxAttempts,
    Status,
}

#[derive(DeriveIden)]
enum QuizQuestion {
    Table,
    Id,
    QuizId,
    Key,
    Position,
    Kind,
    PromptIt,
    PromptEn,
    ExplanationIt,
    ExplanationEn,
}

#[derive(DeriveIden)]
enum QuizChoice {
    Table,
    Id,
    QuestionId,
    Key,
    Position,
    Correct,
    TextIt,
    TextEn,
}

#[derive(DeriveIden)]
enum GlossaryTerm {
    Table,
    Id,
    CourseId,
    Key,
    TermIt,
    TermEn,
    DefinitionIt,
    DefinitionEn,
}

fn belongs_to(table: impl IntoIden, column: impl IntoIden, parent: impl IntoIden, parent_id: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(table, column).to(parent, parent_id).on_delete(ForeignKeyAction::Cascade).to_owned()
}

/// A unique index on a part's key within its parent.
fn unique_key(name: &str, table: impl IntoIden, parent: impl IntoIden, key: impl IntoIden) -> IndexCreateStatement {
    Index::create().name(name).table(table.into_iden()).col(parent).col(key).unique().to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Course::Table)
                    .col(uuid(Course::Id).primary_key())
                    .col(string(Course::Key).unique_key())
                    .col(string(Course::TitleIt))
                    .col(string(Course::TitleEn))
                    .col(text(Course::SummaryIt))
                    .col(text(Course::SummaryEn))
                    .col(string(Course::Status))
                    // "content" for what `content/` holds, "authored" for what trainers write here.
                    .col(string(Course::Origin))
                    .col(big_integer(Course::CreatedAt))
                    .col(big_integer(Course::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CourseModule::Table)
                    .col(uuid(CourseModule::Id).primary_key())
                    .col(uuid(CourseModule::CourseId))
                    .col(string(CourseModule::Key))
                    .col(integer(CourseModule::Position))
                    .col(string(CourseModule::TitleIt))
                    .col(string(CourseModule::TitleEn))
                    .col(text(CourseModule::SummaryIt))
                    .col(text(CourseModule::SummaryEn))
                    .col(string(CourseModule::Status))
                    .foreign_key(&mut belongs_to(CourseModule::Table, CourseModule::CourseId, Course::Table, Course::Id))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_key("idx_course_module_key", CourseModule::Table, CourseModule::CourseId, CourseModule::Key)).await?;

        manager
            .create_table(
                Table::create()
                    .table(Lesson::Table)
                    .col(uuid(Lesson::Id).primary_key())
                    .col(uuid(Lesson::CourseId))
                    .col(uuid(Lesson::ModuleId))
                    .col(string(Lesson::Key))
                    .col(integer(Lesson::Position))
                    .col(integer(Lesson::Minutes))
                    .col(string(Lesson::TitleIt))
                    .col(string(Lesson::TitleEn))
                    .col(text(Lesson::SummaryIt))
                    .col(text(Lesson::SummaryEn))
                    .col(text(Lesson::Body))
                    .col(text(Lesson::BodyHtml))
                    // The published version learners read now; older ones are in lesson_version.
                    .col(integer(Lesson::Version))
                    .col(string(Lesson::Status))
                    .col(big_integer(Lesson::UpdatedAt))
                    .foreign_key(&mut belongs_to(Lesson::Table, Lesson::CourseId, Course::Table, Course::Id))
                    .foreign_key(&mut belongs_to(Lesson::Table, Lesson::ModuleId, CourseModule::Table, CourseModule::Id))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_key("idx_lesson_key", Lesson::Table, Lesson::CourseId, Lesson::Key)).await?;
        manager
            .create_index(
                Index::create().name("idx_lesson_module").table(Lesson::Table).col(Lesson::ModuleId).col(Lesson::Position).to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(LessonVersion::Table)
                    .col(uuid(LessonVersion::LessonId))
                    .col(integer(LessonVersion::Version))
                    .col(text(LessonVersion::Body))
                    .col(text(LessonVersion::BodyHtml))
                    .col(big_integer(LessonVersion::PublishedAt))
                    .primary_key(Index::create().col(LessonVersion::LessonId).col(LessonVersion::Version))
                    .foreign_key(&mut belongs_to(LessonVersion::Table, LessonVersion::LessonId, Lesson::Table, Lesson::Id))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(LessonRead::Table)
                    .col(uuid(LessonRead::UserId))
                    .col(uuid(LessonRead::LessonId))
                    // The version they marked as read: a later one is shown as changed.
                    .col(integer(LessonRead::Version))
                    .col(big_integer(LessonRead::ReadAt))
                    .primary_key(Index::create().col(LessonRead::UserId).col(LessonRead::LessonId))
                    .foreign_key(&mut belongs_to(LessonRead::Table, LessonRead::UserId, User::Table, User::Id))
                    .foreign_key(&mut belongs_to(LessonRead::Table, LessonRead::LessonId, Lesson::Table, Lesson::Id))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CaseStudy::Table)
                    .col(uuid(CaseStudy::Id).primary_key())
                    .col(uuid(CaseStudy::CourseId))
                    .col(uuid(CaseStudy::ModuleId))
                    .col(string(CaseStudy::Key))
                    .col(integer(CaseStudy::Position))
                    .col(string(CaseStudy::TitleIt))
                    .col(string(CaseStudy::TitleEn))
                    .col(text(CaseStudy::SummaryIt))
                    .col(text(CaseStudy::SummaryEn))
                    .col(text(CaseStudy::Body))
                    .col(text(CaseStudy::BodyHtml))
                    .col(string(CaseStudy::Status))
                    .foreign_key(&mut belongs_to(CaseStudy::Table, CaseStudy::CourseId, Course::Table, Course::Id))
                    .foreign_key(&mut belongs_to(CaseStudy::Table, CaseStudy::ModuleId, CourseModule::Table, CourseModule::Id))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_key("idx_case_study_key", CaseStudy::Table, CaseStudy::CourseId, CaseStudy::Key)).await?;

        manager
            .create_table(
                Table::create()
                    .table(Quiz::Table)
                    .col(uuid(Quiz::Id).primary_key())
                    .col(uuid(Quiz::CourseId))
                    .col(uuid(Quiz::ModuleId))
                    .col(string(Quiz::Key))
                    .col(string(Quiz::TitleIt))
                    .col(string(Quiz::TitleEn))
                    .col(small_integer(Quiz::PassPercent))
                    .col(integer_null(Quiz::MaxAttempts))
                    .col(string(Quiz::Status))
                    .foreign_key(&mut belongs_to(Quiz::Table, Quiz::CourseId, Course::Table, Course::Id))
                    .foreign_key(&mut belongs_to(Quiz::Table, Quiz::ModuleId, CourseModule::Table, CourseModule::Id))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_key("idx_quiz_key", Quiz::Table, Quiz::CourseId, Quiz::Key)).await?;

        manager
            .create_table(
                Table::create()
                    .table(QuizQuestion::Table)
                    .col(uuid(QuizQuestion::Id).primary_key())
                    .col(uuid(QuizQuestion::QuizId))
                    .col(string(QuizQuestion::Key))
                    .col(integer(QuizQuestion::Position))
                    .col(string(QuizQuestion::Kind))
                    .col(text(QuizQuestion::PromptIt))
                    .col(text(QuizQuestion::PromptEn))
                    .col(text(QuizQuestion::ExplanationIt))
                    .col(text(QuizQuestion::ExplanationEn))
                    .foreign_key(&mut belongs_to(QuizQuestion::Table, QuizQuestion::QuizId, Quiz::Table, Quiz::Id))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_key("idx_quiz_question_key", QuizQuestion::Table, QuizQuestion::QuizId, QuizQuestion::Key)).await?;

        manager
            .create_table(
                Table::create()
                    .table(QuizChoice::Table)
                    .col(uuid(QuizChoice::Id).primary_key())
                    .col(uuid(QuizChoice::QuestionId))
                    .col(string(QuizChoice::Key))
                    .col(integer(QuizChoice::Position))
                    .col(boolean(QuizChoice::Correct))
                    .col(text(QuizChoice::TextIt))
                    .col(text(QuizChoice::TextEn))
                    .foreign_key(&mut belongs_to(QuizChoice::Table, QuizChoice::QuestionId, QuizQuestion::Table, QuizQuestion::Id))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_key("idx_quiz_choice_key", QuizChoice::Table, QuizChoice::QuestionId, QuizChoice::Key)).await?;

        manager
            .create_table(
                Table::create()
                    .table(GlossaryTerm::Table)
                    .col(uuid(GlossaryTerm::Id).primary_key())
                    .col(uuid(GlossaryTerm::CourseId))
                    .col(string(GlossaryTerm::Key))
                    .col(string(GlossaryTerm::TermIt))
                    .col(string(GlossaryTerm::TermEn))
                    .col(text(GlossaryTerm::DefinitionIt))
                    .col(text(GlossaryTerm::DefinitionEn))
                    .foreign_key(&mut belongs_to(GlossaryTerm::Table, GlossaryTerm::CourseId, Course::Table, Course::Id))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_key("idx_glossary_term_key", GlossaryTerm::Table, GlossaryTerm::CourseId, GlossaryTerm::Key)).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            GlossaryTerm::Table.into_iden(),
            QuizChoice::Table.into_iden(),
            QuizQuestion::Table.into_iden(),
            Quiz::Table.into_iden(),
            CaseStudy::Table.into_iden(),
            LessonRead::Table.into_iden(),
            LessonVersion::Table.into_iden(),
            Lesson::Table.into_iden(),
            CourseModule::Table.into_iden(),
            Course::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
