//! Training cycles: a course run in one district, with its dates, its
//! enrolment window and capacity, its trainers, its sessions (and the
//! modules each covers) and its learners, enrolled or waiting for a place.

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
}

#[derive(DeriveIden)]
enum CourseModule {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum TrainingCycle {
    Table,
    Id,
    CourseId,
    District,
    Title,
    StartsOn,
    EndsOn,
    EnrolFrom,
    EnrolUntil,
    Capacity,
    MinAttendance,
    OpenToAllDistricts,
    Status,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CycleTrainer {
    Table,
    CycleId,
    UserId,
}

#[derive(DeriveIden)]
enum CycleSession {
    Table,
    Id,
    CycleId,
    StartsAt,
    EndsAt,
    Place,
    OnlineLink,
    CountedMinutes,
}

#[derive(DeriveIden)]
enum CycleSessionModule {
    Table,
    SessionId,
    ModuleId,
}

#[derive(DeriveIden)]
enum Enrolment {
    Table,
    Id,
    CycleId,
    UserId,
    Status,
    QueuedAt,
    UpdatedAt,
}

fn cascade(from: (impl IntoIden, impl IntoIden), to: (impl IntoIden, impl IntoIden)) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(from.0, from.1).to(to.0, to.1).on_delete(ForeignKeyAction::Cascade).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TrainingCycle::Table)
                    .col(uuid(TrainingCycle::Id).primary_key())
                    .col(uuid(TrainingCycle::CourseId))
                    .col(string_len(TrainingCycle::District, 16))
                    .col(string(TrainingCycle::Title))
                    // Dates as `YYYY-MM-DD` in Rome, so they compare as text.
                    .col(string_len(TrainingCycle::StartsOn, 10))
                    .col(string_len(TrainingCycle::EndsOn, 10))
                    .col(string_len(TrainingCycle::EnrolFrom, 10))
                    .col(string_len(TrainingCycle::EnrolUntil, 10))
                    .col(integer(TrainingCycle::Capacity))
                    // Percent of the counted hours a learner must attend.
                    .col(integer(TrainingCycle::MinAttendance).default(75))
                    .col(boolean(TrainingCycle::OpenToAllDistricts).default(false))
                    // draft, open, running, completed, cancelled.
                    .col(string_len(TrainingCycle::Status, 16))
                    .col(uuid_null(TrainingCycle::CreatedBy))
                    .col(big_integer(TrainingCycle::CreatedAt))
                    .col(big_integer(TrainingCycle::UpdatedAt))
                    .foreign_key(&mut cascade((TrainingCycle::Table, TrainingCycle::CourseId), (Course::Table, Course::Id)))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TrainingCycle::Table, TrainingCycle::CreatedBy)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_training_cycle_district")
                    .table(TrainingCycle::Table)
                    .col(TrainingCycle::District)
                    .col(TrainingCycle::StartsOn)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CycleTrainer::Table)
                    .col(uuid(CycleTrainer::CycleId))
                    .col(uuid(CycleTrainer::UserId))
                    .primary_key(Index::create().col(CycleTrainer::CycleId).col(CycleTrainer::UserId))
                    .foreign_key(&mut cascade((CycleTrainer::Table, CycleTrainer::CycleId), (TrainingCycle::Table, TrainingCycle::Id)))
                    .foreign_key(&mut cascade((CycleTrainer::Table, CycleTrainer::UserId), (User::Table, User::Id)))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CycleSession::Table)
                    .col(uuid(CycleSession::Id).primary_key())
                    .col(uuid(CycleSession::CycleId))
                    .col(big_integer(CycleSession::StartsAt))
                    .col(big_integer(CycleSession::EndsAt))
                    .col(text_null(CycleSession::Place))
                    .col(text_null(CycleSession::OnlineLink))
                    // Minutes counted toward attendance and the certificate.
                    .col(integer(CycleSession::CountedMinutes))
                    .foreign_key(&mut cascade((CycleSession::Table, CycleSession::CycleId), (TrainingCycle::Table, TrainingCycle::Id)))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_cycle_session_cycle")
                    .table(CycleSession::Table)
                    .col(CycleSession::CycleId)
                    .col(CycleSession::StartsAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CycleSessionModule::Table)
                    .col(uuid(CycleSessionModule::SessionId))
                    .col(uuid(CycleSessionModule::ModuleId))
                    .primary_key(Index::create().col(CycleSessionModule::SessionId).col(CycleSessionModule::ModuleId))
                    .foreign_key(&mut cascade(
                        (CycleSessionModule::Table, CycleSessionModule::SessionId),
                        (CycleSession::Table, CycleSession::Id),
                    ))
                    .foreign_key(&mut cascade(
                        (CycleSessionModule::Table, CycleSessionModule::ModuleId),
                        (CourseModule::Table, CourseModule::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Enrolment::Table)
                    .col(uuid(Enrolment::Id).primary_key())
                    .col(uuid(Enrolment::CycleId))
                    .col(uuid(Enrolment::UserId))
                    // enrolled, waiting, withdrawn, removed.
                    .col(string_len(Enrolment::Status, 16))
                    // When they entered their status: the waiting list's order.
                    .col(big_integer(Enrolment::QueuedAt))
                    .col(big_integer(Enrolment::UpdatedAt))
                    .foreign_key(&mut cascade((Enrolment::Table, Enrolment::CycleId), (TrainingCycle::Table, TrainingCycle::Id)))
                    .foreign_key(&mut cascade((Enrolment::Table, Enrolment::UserId), (User::Table, User::Id)))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_enrolment_learner")
                    .table(Enrolment::Table)
                    .col(Enrolment::CycleId)
                    .col(Enrolment::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager.create_index(Index::create().name("idx_enrolment_user").table(Enrolment::Table).col(Enrolment::UserId).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Enrolment::Table.into_iden(),
            CycleSessionModule::Table.into_iden(),
            CycleSession::Table.into_iden(),
            CycleTrainer::Table.into_iden(),
            TrainingCycle::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
