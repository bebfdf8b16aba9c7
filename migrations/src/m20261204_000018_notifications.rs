//! Notifications: what each member watches, follows or mutes; the
//! notifications themselves, read in the app and sent by mail at once or in
//! a digest; each account's mail preference and unread count; and the
//! unsubscribe links already used (each works once). The outbox keeps the
//! unsubscribe address a mail's headers carry.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
    NotifyMail,
    DigestDueAt,
    UnreadNotifications,
}

#[derive(DeriveIden)]
enum Subscription {
    Table,
    UserId,
    Target,
    Level,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Notification {
    Table,
    Id,
    UserId,
    Kind,
    Target,
    PostId,
    ActorId,
    CreatedAt,
    ReadAt,
    MailedAt,
}

#[derive(DeriveIden)]
enum UnsubscribeUse {
    Table,
    Nonce,
    UsedAt,
}

#[derive(DeriveIden)]
enum OutboxMail {
    Table,
    UnsubscribeUrl,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        for column in [
            // `immediately`, `daily`, `weekly` or `never`.
            string(User::NotifyMail).default("immediately").to_owned(),
            // When the next digest is due, for `daily` and `weekly`.
            big_integer_null(User::DigestDueAt),
            integer(User::UnreadNotifications).default(0).to_owned(),
        ] {
            manager.alter_table(Table::alter().table(User::Table).add_column(column).to_owned()).await?;
        }
        // The digest job looks members up by when their digest is due.
        manager.create_index(Index::create().name("idx_user_digest_due").table(User::Table).col(User::DigestDueAt).to_owned()).await?;
        manager
            .create_table(
                Table::create()
                    .table(Subscription::Table)
                    .col(uuid(Subscription::UserId))
                    // `category:<slug>` or `topic:<id>`, as drafts name them.
                    .col(string(Subscription::Target))
                    // `watching`, `following` (a category's new topics) or `muted`.
                    .col(string(Subscription::Level))
                    .col(big_integer(Subscription::UpdatedAt))
                    .primary_key(Index::create().col(Subscription::UserId).col(Subscription::Target))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Subscription::Table, Subscription::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_subscription_target").table(Subscription::Table).col(Subscription::Target).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Notification::Table)
                    .col(uuid(Notification::Id).primary_key())
                    .col(uuid(Notification::UserId))
                    // `reply` or `new_topic`.
                    .col(string(Notification::Kind))
                    // What reading marks it read: `topic:<id>`.
                    .col(string(Notification::Target))
                    .col(uuid(Notification::PostId))
                    .col(uuid_null(Notification::ActorId))
                    .col(big_integer(Notification::CreatedAt))
                    .col(big_integer_null(Notification::ReadAt))
                    // When it went out by mail, at once or in a digest.
                    .col(big_integer_null(Notification::MailedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Notification::Table, Notification::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Notification::Table, Notification::ActorId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        // One notification per member and post.
        manager
            .create_index(
                Index::create()
                    .name("idx_notification_user_post")
                    .table(Notification::Table)
                    .col(Notification::UserId)
                    .col(Notification::PostId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notification_user_created")
                    .table(Notification::Table)
                    .col(Notification::UserId)
                    .col(Notification::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(UnsubscribeUse::Table)
                    .col(string(UnsubscribeUse::Nonce).primary_key())
                    .col(big_integer(UnsubscribeUse::UsedAt))
                    .to_owned(),
            )
            .await?;
        manager.alter_table(Table::alter().table(OutboxMail::Table).add_column(string_null(OutboxMail::UnsubscribeUrl)).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(OutboxMail::Table).drop_column(OutboxMail::UnsubscribeUrl).to_owned()).await?;
        manager.drop_table(Table::drop().table(UnsubscribeUse::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Notification::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Subscription::Table).to_owned()).await?;
        manager.drop_index(Index::drop().name("idx_user_digest_due").table(User::Table).to_owned()).await?;
        for column in [User::NotifyMail, User::DigestDueAt, User::UnreadNotifications] {
            manager.alter_table(Table::alter().table(User::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
