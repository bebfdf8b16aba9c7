//! The outbox table: queueing, claiming each mail for one sender at a time
//! across instances, delivery with back-off for a day, and requeueing what
//! failed for good.

use sea_orm::{
    ActiveModelTrait as _,
    ActiveValue::Set,
    ColumnTrait as _, Condition, ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait as _, QueryFilter as _, QueryOrder as _,
    QuerySelect as _, TransactionTrait as _,
    sea_query::{Expr, ExprTrait as _, LockBehavior, LockType},
};

use super::{
    templates::{MailKind, render},
    transport::{MailTransport, Outgoing},
};
use crate::{
    i18n::Locale,
    ssr::{clock, entities::outbox_mail, error::ServiceResult, state::Settings},
};

pub const PENDING: &str = "pending";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";

/// How long a mail is retried, with back-off, before it is marked failed
/// and shown to coordinators (who may requeue it for as long again).
pub const RETRY_FOR_SECONDS: i64 = clock::DAY;
/// How long one sender holds a mail: longer than a send may take (the
/// transport gives up after 20 s), so no other instance sends it meanwhile.
const CLAIM_SECONDS: i64 = 120;
/// Mails sent per run of the job.
const BATCH: usize = 20;
/// Sent mail is kept this long (without its body) for the record.
const KEEP_SENT_SECONDS: i64 = 30 * clock::DAY;
/// Failed mail is kept this long for coordinators to look at or requeue.
const KEEP_FAILED_SECONDS: i64 = 90 * clock::DAY;

/// Renders `kind` in `locale` and queues it for `recipient`. Takes any
/// connection, so a mail can be queued in the same transaction as the
/// change it reports.
pub async fn enqueue(db: &impl ConnectionTrait, recipient: &str, locale: Locale, kind: &MailKind) -> ServiceResult<()> {
    let mail = render(kind, locale);
    let now = clock::now();
    outbox_mail::ActiveModel {
        recipient: Set(recipient.to_owned()),
        subject: Set(mail.subject),
        body_text: Set(mail.text),
        body_html: Set(mail.html),
        status: Set(PENDING.to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        created_at: Set(now),
        retry_until: Set(now + RETRY_FOR_SECONDS),
        unsubscribe_url: Set(kind.unsubscribe_url().map(str::to_owned)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A mail this sender holds, and the claim that proves it.
struct Claimed {
    mail: outbox_mail::Model,
    until: i64,
}

fn unclaimed(now: i64) -> Condition {
    Condition::any().add(outbox_mail::Column::ClaimedUntil.is_null()).add(outbox_mail::Column::ClaimedUntil.lt(now))
}

/// Claims the next mail that is due, if any: on PostgreSQL rows locked by
/// another instance are skipped (`FOR UPDATE SKIP LOCKED`); on SQLite, a
/// single writer, the conditional update does the same job.
async fn claim_next(db: &DatabaseConnection) -> ServiceResult<Option<Claimed>> {
    let now = clock::now();
    let txn = db.begin().await?;
    let mut query = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::Status.eq(PENDING))
        .filter(outbox_mail::Column::NextAttemptAt.lte(now))
        .filter(unclaimed(now))
        .order_by_asc(outbox_mail::Column::Id);
    if txn.get_database_backend() == DatabaseBackend::Postgres {
        query = query.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    }
    let Some(mail) = query.one(&txn).await? else { return Ok(None) };
    let until = now + CLAIM_SECONDS;
    let taken = outbox_mail::Entity::update_many()
        .col_expr(outbox_mail::Column::ClaimedUntil, Expr::value(until))
        .filter(outbox_mail::Column::Id.eq(mail.id))
        .filter(unclaimed(now))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok((taken.rows_affected == 1).then_some(Claimed { mail, until }))
}

/// Sends what is due, one claimed mail at a time. Returns how many went out.
pub async fn deliver_due(db: &DatabaseConnection, settings: &Settings, transport: &MailTransport) -> ServiceResult<usize> {
    let mut sent = 0;
    for _ in 0..BATCH {
        let Some(Claimed { mail, until }) = claim_next(db).await? else { break };
        let outgoing = Outgoing {
            from: &settings.mail_from,
            to: &mail.recipient,
            subject: &mail.subject,
            text: &mail.body_text,
            html: &mail.body_html,
            unsubscribe: mail.unsubscribe_url.as_deref(),
        };
        let outcome = transport.send(&outgoing).await;
        let attempts = mail.attempts + 1;
        let now = clock::now();
        let mut update = outbox_mail::Entity::update_many()
            .col_expr(outbox_mail::Column::Attempts, Expr::value(attempts))
            .col_expr(outbox_mail::Column::ClaimedUntil, Expr::value(Option::<i64>::None));
        match outcome {
            Ok(()) => {
                // The record stays; the body, with any link it carried, goes.
                update = update
                    .col_expr(outbox_mail::Column::Status, Expr::value(SENT))
                    .col_expr(outbox_mail::Column::SentAt, Expr::value(now))
                    .col_expr(outbox_mail::Column::LastError, Expr::value(Option::<String>::None))
                    .col_expr(outbox_mail::Column::BodyText, Expr::value(""))
                    .col_expr(outbox_mail::Column::BodyHtml, Expr::value(""));
                sent += 1;
            }
            Err(error) => {
                tracing::warn!(mail_id = mail.id, attempts, error = %error, "mail delivery failed");
                update = update.col_expr(outbox_mail::Column::LastError, Expr::value(error.0));
                let next = now + retry_delay(settings, attempts);
                update = if next > mail.retry_until {
                    update.col_expr(outbox_mail::Column::Status, Expr::value(FAILED))
                } else {
                    update.col_expr(outbox_mail::Column::NextAttemptAt, Expr::value(next))
                };
            }
        }
        // Only while the claim is still this sender's.
        let recorded =
            update.filter(outbox_mail::Column::Id.eq(mail.id)).filter(outbox_mail::Column::ClaimedUntil.eq(until)).exec(db).await?;
        if recorded.rows_affected != 1 {
            tracing::warn!(mail_id = mail.id, "a mail's claim lapsed while it was being sent");
        }
    }
    Ok(sent)
}

/// Exponential back-off from the configured base, capped at an hour.
fn retry_delay(settings: &Settings, attempts: i32) -> i64 {
    let factor = 1i64 << attempts.clamp(0, 12);
    (settings.mail_retry_base_seconds * factor / 2).clamp(1, clock::HOUR)
}

/// Puts a failed mail back in the queue, to be retried for another day.
/// `false` when there is no such failed mail.
pub async fn requeue(db: &impl ConnectionTrait, id: i64) -> ServiceResult<bool> {
    let now = clock::now();
    let requeued = outbox_mail::Entity::update_many()
        .col_expr(outbox_mail::Column::Status, Expr::value(PENDING))
        .col_expr(outbox_mail::Column::NextAttemptAt, Expr::value(now))
        .col_expr(outbox_mail::Column::RetryUntil, Expr::value(now + RETRY_FOR_SECONDS))
        .filter(outbox_mail::Column::Id.eq(id))
        .filter(outbox_mail::Column::Status.eq(FAILED))
        .exec(db)
        .await?;
    Ok(requeued.rows_affected == 1)
}

/// Deletes sent mail older than a month and failed mail older than three;
/// returns how many.
pub async fn purge_old(db: &impl ConnectionTrait) -> ServiceResult<u64> {
    let now = clock::now();
    let old = Condition::any()
        .add(outbox_mail::Column::Status.eq(SENT).and(outbox_mail::Column::CreatedAt.lt(now - KEEP_SENT_SECONDS)))
        .add(outbox_mail::Column::Status.eq(FAILED).and(outbox_mail::Column::CreatedAt.lt(now - KEEP_FAILED_SECONDS)));
    Ok(outbox_mail::Entity::delete_many().filter(old).exec(db).await?.rows_affected)
}
