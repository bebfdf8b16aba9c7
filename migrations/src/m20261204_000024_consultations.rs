//! Legal consultations: a guardian's request, its thread (with the jurists'
//! internal notes) and its history, with the times its service levels are
//! computed from.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Consultation {
    Table,
    Id,
    /// None once the requester's account is deleted.
    RequesterId,
    District,
    /// The taxonomy's key.
    Topic,
    Urgency,
    Status,
    Subject,
    /// The guardian's own date (a hearing, a permit's expiry), `YYYY-MM-DD`.
    Deadline,
    AssigneeId,
    CreatedAt,
    /// The last message or transition.
    UpdatedAt,
    /// Filed or last reopened: the service levels run from here.
    StartedAt,
    FirstResponseAt,
    AwaitingReplySince,
    PausedSince,
    PausedSeconds,
    /// The next service-level due time, kept for the queue's order.
    DueAt,
    /// The due time a "due soon" reminder went out for, and the one a
    /// breach was told for: each is told once.
    WarnedDueAt,
    BreachedDueAt,
    AnsweredAt,
    ClosedAt,
    Rating,
    RatingComment,
    /// When the retention period anonymised it.
    AnonymisedAt,
}

#[derive(DeriveIden)]
enum ConsultationMessage {
    Table,
    Id,
    ConsultationId,
    AuthorId,
    /// `request`, `requester`, `question`, `answer` or `note` (internal).
    Kind,
    Body,
    /// Rendered and sanitised when written.
    BodyHtml,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ConsultationEvent {
    Table,
    Id,
    ConsultationId,
    ActorId,
    Event,
    Detail,
    At,
}

fn to_user(from: (Consultation, Consultation)) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(from.0, from.1).to(User::Table, User::Id).on_delete(ForeignKeyAction::SetNull).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Consultation::Table)
                    .col(uuid(Consultation::Id).primary_key())
                    .col(uuid_null(Consultation::RequesterId))
                    .col(string_len(Consultation::District, 16))
                    .col(string_len(Consultation::Topic, 32))
                    .col(string_len(Consultation::Urgency, 16))
                    .col(string_len(Consultation::Status, 16))
                    .col(string(Consultation::Subject))
                    .col(string_len_null(Consultation::Deadline, 10))
                    .col(uuid_null(Consultation::AssigneeId))
                    .col(big_integer(Consultation::CreatedAt))
                    .col(big_integer(Consultation::UpdatedAt))
                    .col(big_integer(Consultation::StartedAt))
                    .col(big_integer_null(Consultation::FirstResponseAt))
                    .col(big_integer_null(Consultation::AwaitingReplySince))
                    .col(big_integer_null(Consultation::PausedSince))
                    .col(big_integer(Consultation::PausedSeconds).default(0))
                    .col(big_integer_null(Consultation::DueAt))
                    .col(big_integer_null(Consultation::WarnedDueAt))
                    .col(big_integer_null(Consultation::BreachedDueAt))
                    .col(big_integer_null(Consultation::AnsweredAt))
                    .col(big_integer_null(Consultation::ClosedAt))
                    .col(integer_null(Consultation::Rating))
                    .col(text_null(Consultation::RatingComment))
                    .col(big_integer_null(Consultation::AnonymisedAt))
                    .foreign_key(&mut to_user((Consultation::Table, Consultation::RequesterId)))
                    .foreign_key(&mut to_user((Consultation::Table, Consultation::AssigneeId)))
                    .to_owned(),
            )
            .await?;
        for (name, columns) in [
            ("idx_consultation_requester", vec![Consultation::RequesterId, Consultation::CreatedAt]),
            // The queue: a district's requests in a state, by due time.
            ("idx_consultation_queue", vec![Consultation::District, Consultation::Status, Consultation::DueAt]),
            ("idx_consultation_assignee", vec![Consultation::AssigneeId, Consultation::Status]),
        ] {
            let mut index = Index::create().name(name).table(Consultation::Table).to_owned();
            for column in columns {
                index.col(column);
            }
            manager.create_index(index).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(ConsultationMessage::Table)
                    .col(uuid(ConsultationMessage::Id).primary_key())
                    .col(uuid(ConsultationMessage::ConsultationId))
                    .col(uuid_null(ConsultationMessage::AuthorId))
                    .col(string_len(ConsultationMessage::Kind, 16))
                    .col(text(ConsultationMessage::Body))
                    .col(text(ConsultationMessage::BodyHtml))
                    .col(big_integer(ConsultationMessage::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsultationMessage::Table, ConsultationMessage::ConsultationId)
                            .to(Consultation::Table, Consultation::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsultationMessage::Table, ConsultationMessage::AuthorId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_consultation_message_thread")
                    .table(ConsultationMessage::Table)
                    .col(ConsultationMessage::ConsultationId)
                    .col(ConsultationMessage::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ConsultationEvent::Table)
                    .col(big_pk_auto(ConsultationEvent::Id))
                    .col(uuid(ConsultationEvent::ConsultationId))
                    .col(uuid_null(ConsultationEvent::ActorId))
                    .col(string_len(ConsultationEvent::Event, 32))
                    .col(string(ConsultationEvent::Detail))
                    .col(big_integer(ConsultationEvent::At))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsultationEvent::Table, ConsultationEvent::ConsultationId)
                            .to(Consultation::Table, Consultation::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsultationEvent::Table, ConsultationEvent::ActorId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_consultation_event_history")
                    .table(ConsultationEvent::Table)
                    .col(ConsultationEvent::ConsultationId)
                    .col(ConsultationEvent::At)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ConsultationEvent::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ConsultationMessage::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Consultation::Table).to_owned()).await
    }
}
