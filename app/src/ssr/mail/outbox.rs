//! The outbox table: queueing, claiming without double work across
//! instances, delivery with back-off, and giving up after too many tries.

use sea_orm::{
    ActiveModelTrait as _,
    ActiveValue::Set,
    ColumnTrait as _, ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait as _, QueryFilter as _, QueryOrder as _,
    QuerySelect as _, TransactionTrait as _,
    sea_query::{Expr, ExprTrait as _, LockBehavior, LockType},
};

use super::{
    templates::{MailKind, render},
    transport::MailTransport,
};
use crate::{
    i18n::Locale,
    ssr::{clock, entities::outbox_mail, error::ServiceResult, state::Settings},
};

pub const PENDING: &str = "pending";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";

/// Attempts before a mail is marked failed and shown to coordinators.
pub const MAX_ATTEMPTS: i32 = 8;
/// How long a claimed mail is reserved for the instance that claimed it.
const CLAIM_SECONDS: i64 = 120;
const BATCH: u64 = 20;

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
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Claims the mails that are due: on PostgreSQL rows locked by another
/// instance are skipped (`FOR UPDATE SKIP LOCKED`); on SQLite, a single
/// writer, the conditional update does the same job.
async fn claim_due(db: &DatabaseConnection, now: i64) -> ServiceResult<Vec<outbox_mail::Model>> {
    let txn = db.begin().await?;
    let mut query = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::Status.eq(PENDING))
        .filter(outbox_mail::Column::NextAttemptAt.lte(now))
        .filter(outbox_mail::Column::ClaimedUntil.is_null().or(outbox_mail::Column::ClaimedUntil.lt(now)))
        .order_by_asc(outbox_mail::Column::Id)
        .limit(BATCH);
    if txn.get_database_backend() == DatabaseBackend::Postgres {
        query = query.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    }
    let due = query.all(&txn).await?;
    let mut claimed = Vec::with_capacity(due.len());
    for mail in due {
        let result = outbox_mail::Entity::update_many()
            .col_expr(outbox_mail::Column::ClaimedUntil, Expr::value(now + CLAIM_SECONDS))
            .filter(outbox_mail::Column::Id.eq(mail.id))
            .filter(outbox_mail::Column::ClaimedUntil.is_null().or(outbox_mail::Column::ClaimedUntil.lt(now)))
            .exec(&txn)
            .await?;
        if result.rows_affected == 1 {
            claimed.push(mail);
        }
    }
    txn.commit().await?;
    Ok(claimed)
}

/// Sends what is due. Returns how many mails went out.
pub async fn deliver_due(db: &DatabaseConnection, settings: &Settings, transport: &MailTransport) -> ServiceResult<usize> {
    let now = clock::now();
    let mut sent = 0;
    for mail in claim_due(db, now).await? {
        let outcome = transport.send(&settings.mail_from, &mail.recipient, &mail.subject, &mail.body_text, &mail.body_html).await;
        let attempts = mail.attempts + 1;
        let mut update =
            outbox_mail::ActiveModel { id: Set(mail.id), attempts: Set(attempts), claimed_until: Set(None), ..Default::default() };
        match outcome {
            Ok(()) => {
                update.status = Set(SENT.to_owned());
                update.sent_at = Set(Some(clock::now()));
                update.last_error = Set(None);
                sent += 1;
            }
            Err(error) => {
                tracing::warn!(mail_id = mail.id, attempts, error = %error, "mail delivery failed");
                update.last_error = Set(Some(error.0));
                if attempts >= MAX_ATTEMPTS {
                    update.status = Set(FAILED.to_owned());
                } else {
                    update.next_attempt_at = Set(clock::now() + retry_delay(settings, attempts));
                }
            }
        }
        update.update(db).await?;
    }
    Ok(sent)
}

/// Exponential back-off from the configured base, capped at an hour.
fn retry_delay(settings: &Settings, attempts: i32) -> i64 {
    let factor = 1i64 << attempts.clamp(0, 12);
    (settings.mail_retry_base_seconds * factor / 2).clamp(1, clock::HOUR)
}
