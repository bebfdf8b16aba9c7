//! Certificates: one per learner who completed a cycle, with the facts it
//! states copied at issue (a later rename or edit does not change what a
//! court clerk verifies), its public verification code, and its revocation.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum TrainingCycle {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Certificate {
    Table,
    Id,
    Code,
    CycleId,
    UserId,
    HolderName,
    CycleTitle,
    CourseTitleIt,
    CourseTitleEn,
    District,
    StartsOn,
    EndsOn,
    AttendedMinutes,
    Trainers,
    IssuedAt,
    RevokedAt,
    RevokedBy,
    RevokedReason,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Certificate::Table)
                    .col(uuid(Certificate::Id).primary_key())
                    .col(string_len_uniq(Certificate::Code, 16))
                    .col(uuid(Certificate::CycleId))
                    .col(uuid(Certificate::UserId))
                    .col(string_len(Certificate::HolderName, 200))
                    .col(string_len(Certificate::CycleTitle, 200))
                    .col(string_len(Certificate::CourseTitleIt, 300))
                    .col(string_len(Certificate::CourseTitleEn, 300))
                    .col(string_len(Certificate::District, 16))
                    .col(string_len(Certificate::StartsOn, 10))
                    .col(string_len(Certificate::EndsOn, 10))
                    .col(integer(Certificate::AttendedMinutes))
                    .col(text(Certificate::Trainers))
                    .col(big_integer(Certificate::IssuedAt))
                    .col(big_integer_null(Certificate::RevokedAt))
                    .col(uuid_null(Certificate::RevokedBy))
                    .col(text_null(Certificate::RevokedReason))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Certificate::Table, Certificate::CycleId)
                            .to(TrainingCycle::Table, TrainingCycle::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Certificate::Table, Certificate::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Certificate::Table, Certificate::RevokedBy)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        // One per learner and cycle: issuing twice at the same moment
        // (two changes completing the cycle together) makes one.
        manager
            .create_index(
                Index::create()
                    .name("idx_certificate_cycle_user")
                    .table(Certificate::Table)
                    .col(Certificate::CycleId)
                    .col(Certificate::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_certificate_district_issued")
                    .table(Certificate::Table)
                    .col(Certificate::District)
                    .col(Certificate::IssuedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Certificate::Table).to_owned()).await
    }
}
