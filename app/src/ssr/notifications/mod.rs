//! Notifications, for any area: who watches, follows or mutes what
//! (`subscription` rows keyed by a target such as `topic:<id>`), the
//! notifications stored for each member with the unread count kept on the
//! account, reading them, the mail preference, digests (`digest`) and
//! one-click unsubscribe links (`unsubscribe`). An area decides whom a
//! change concerns and what its mail says (the community:
//! `community::notify`); this module stores, counts and delivers.

pub mod digest;
pub mod unsubscribe;

use sea_orm::{
    ActiveValue::Set,
    ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QueryOrder as _, QuerySelect as _, TransactionTrait as _,
    prelude::Uuid,
    sea_query::{Expr, ExprTrait as _, OnConflict},
};

use crate::{
    domain::{
        MONDAY, SessionUser, next_rome_time,
        notifications::{MailFrequency, MailSettings, NotificationKind, NotificationsPage, WatchLevel},
    },
    ssr::{
        authz::account_id,
        clock,
        community::{access::can_take_part, notify::describe},
        db,
        entities::{notification, subscription, user},
        error::{ServiceError, ServiceResult},
        sessions,
        state::AppState,
    },
};

/// Notifications on the list page.
pub const PER_PAGE: u64 = 30;

/// Each member's level for each of `targets`, where they set one; never `except`'s.
pub async fn levels(db: &impl ConnectionTrait, targets: &[String], except: Uuid) -> ServiceResult<Vec<(Uuid, String, WatchLevel)>> {
    Ok(subscription::Entity::find()
        .filter(subscription::Column::Target.is_in(targets.iter().cloned()))
        .filter(subscription::Column::UserId.ne(except))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|row| WatchLevel::from_code(&row.level).map(|level| (row.user_id, row.target, level)))
        .collect())
}

/// The reader's own level for `target`; `Normal` where they set none.
pub async fn level_of(db: &impl ConnectionTrait, reader: Uuid, target: &str) -> ServiceResult<WatchLevel> {
    let row = subscription::Entity::find_by_id((reader, target.to_owned())).one(db).await?;
    Ok(row.and_then(|row| WatchLevel::from_code(&row.level)).unwrap_or_default())
}

fn subscription_row(member: Uuid, target: &str, level: WatchLevel) -> subscription::ActiveModel {
    subscription::ActiveModel {
        user_id: Set(member),
        target: Set(target.to_owned()),
        level: Set(level.code().to_owned()),
        updated_at: Set(clock::now()),
    }
}

fn on_member_and_target() -> OnConflict {
    OnConflict::columns([subscription::Column::UserId, subscription::Column::Target])
}

/// Sets `member`'s level for `target`; `Normal` forgets it.
pub async fn set_level(db: &impl ConnectionTrait, member: Uuid, target: &str, level: WatchLevel) -> ServiceResult<()> {
    if level == WatchLevel::Normal {
        subscription::Entity::delete_by_id((member, target.to_owned())).exec(db).await?;
        return Ok(());
    }
    subscription::Entity::insert(subscription_row(member, target, level))
        .on_conflict(on_member_and_target().update_columns([subscription::Column::Level, subscription::Column::UpdatedAt]).to_owned())
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Watches `target` for `member` unless they chose a level for it already
/// (one who muted a topic and then replies stays muted).
pub async fn watch_unless_set(db: &impl ConnectionTrait, member: Uuid, target: &str) -> ServiceResult<()> {
    subscription::Entity::insert(subscription_row(member, target, WatchLevel::Watching))
        .on_conflict(on_member_and_target().do_nothing().to_owned())
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// A notification to store.
pub struct NewNotification {
    pub recipient: Uuid,
    pub kind: NotificationKind,
    pub target: String,
    pub post: Uuid,
    pub actor: Option<Uuid>,
    /// Whether it went out by mail already (sent at once).
    pub mailed: bool,
}

/// Stores notifications and counts them as unread, in the caller's
/// transaction; the caller calls [`changed`] for the recipients once it
/// has committed, so their pages show the new count.
pub async fn store(db: &impl ConnectionTrait, notifications: Vec<NewNotification>) -> ServiceResult<()> {
    if notifications.is_empty() {
        return Ok(());
    }
    let now = clock::now();
    let recipients: Vec<Uuid> = notifications.iter().map(|n| n.recipient).collect();
    let rows = notifications.into_iter().map(|n| notification::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(n.recipient),
        kind: Set(n.kind.code().to_owned()),
        target: Set(n.target),
        post_id: Set(n.post),
        actor_id: Set(n.actor),
        created_at: Set(now),
        read_at: Set(None),
        mailed_at: Set(n.mailed.then_some(now)),
    });
    notification::Entity::insert_many(rows).exec_without_returning(db).await?;
    user::Entity::update_many()
        .col_expr(user::Column::UnreadNotifications, Expr::col(user::Column::UnreadNotifications).add(1))
        .filter(user::Column::Id.is_in(recipients))
        .exec(db)
        .await?;
    Ok(())
}

/// After a committed change to members' notifications: this instance
/// forgets their sessions, so the count shows on their next page.
pub fn changed(state: &AppState, members: impl IntoIterator<Item = Uuid>) {
    for member in members {
        sessions::changed(state, member);
    }
}

/// Counts the member's unread notifications again and keeps the count.
async fn recount(db: &impl ConnectionTrait, member: Uuid) -> ServiceResult<()> {
    let unread = notification::Entity::find()
        .select_only()
        .column_as(notification::Column::Id.count(), "unread")
        .filter(notification::Column::UserId.eq(member))
        .filter(notification::Column::ReadAt.is_null())
        .into_tuple::<i64>()
        .one(db)
        .await?
        .unwrap_or(0);
    user::Entity::update_many()
        .col_expr(user::Column::UnreadNotifications, Expr::value(i32::try_from(unread).unwrap_or(i32::MAX)))
        .filter(user::Column::Id.eq(member))
        .exec(db)
        .await?;
    Ok(())
}

/// Marks as read what the reader was notified of at `target`, now that
/// they have read it there. Costs nothing when nothing is unread.
pub async fn read_at_target(state: &AppState, reader: &SessionUser, target: &str) -> ServiceResult<()> {
    if reader.unread_notifications == 0 {
        return Ok(());
    }
    mark_read(state, account_id(reader)?, Some(target)).await
}

/// Marks every notification of the reader as read.
pub async fn read_all(state: &AppState, reader: &SessionUser) -> ServiceResult<()> {
    mark_read(state, account_id(reader)?, None).await
}

async fn mark_read(state: &AppState, member: Uuid, target: Option<&str>) -> ServiceResult<()> {
    let txn = state.db.begin().await?;
    let mut update = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(clock::now()))
        .filter(notification::Column::UserId.eq(member))
        .filter(notification::Column::ReadAt.is_null());
    if let Some(target) = target {
        update = update.filter(notification::Column::Target.eq(target));
    }
    let marked = update.exec(&txn).await?.rows_affected;
    if marked > 0 {
        recount(&txn, member).await?;
    }
    txn.commit().await?;
    if marked > 0 {
        changed(state, [member]);
    }
    Ok(())
}

/// The reader's notifications, newest first, page `page`.
pub async fn list(state: &AppState, reader: &SessionUser, page: u64) -> ServiceResult<NotificationsPage> {
    let mine = notification::Entity::find().filter(notification::Column::UserId.eq(account_id(reader)?));
    let found = db::fetch_page(
        &state.db,
        mine,
        |select| select.order_by_desc(notification::Column::CreatedAt).order_by_desc(notification::Column::Id),
        page,
        PER_PAGE,
    )
    .await?;
    let notifications = describe(&state.db, &found.rows, reader.locale, |category| can_take_part(reader, category)).await?;
    Ok(NotificationsPage { notifications, unread: u64::from(reader.unread_notifications), page: found.page, pages: found.pages })
}

/// The reader's mail preferences.
pub async fn mail_settings(state: &AppState, reader: &SessionUser) -> ServiceResult<MailSettings> {
    let found: Option<(String, bool)> = user::Entity::find_by_id(account_id(reader)?)
        .select_only()
        .columns([user::Column::NotifyMail, user::Column::TrainingReminders])
        .into_tuple()
        .one(&state.db)
        .await?;
    let (frequency, training_reminders) = found.ok_or(ServiceError::NotFound)?;
    Ok(MailSettings { frequency: MailFrequency::from_code(&frequency).unwrap_or_default(), training_reminders })
}

/// Turns the training's reminders on or off for `member`.
pub async fn set_training_reminders(db: &impl ConnectionTrait, member: Uuid, on: bool) -> ServiceResult<()> {
    user::Entity::update_many()
        .col_expr(user::Column::TrainingReminders, Expr::value(on))
        .filter(user::Column::Id.eq(member))
        .exec(db)
        .await?;
    Ok(())
}

/// Sets how notifications reach `member`'s inbox; a digest is due at the
/// next morning (daily) or Monday morning (weekly), in Rome.
pub async fn set_mail_frequency(db: &impl ConnectionTrait, member: Uuid, frequency: MailFrequency) -> ServiceResult<()> {
    user::Entity::update_many()
        .col_expr(user::Column::NotifyMail, Expr::value(frequency.code()))
        .col_expr(user::Column::DigestDueAt, Expr::value(next_digest_at(frequency, clock::now())))
        .filter(user::Column::Id.eq(member))
        .exec(db)
        .await?;
    Ok(())
}

/// The hour, in Rome, at which digests go out.
const DIGEST_HOUR: u32 = 7;

/// When the next digest of `frequency` is due after `now`; none for mail
/// sent at once or never.
pub fn next_digest_at(frequency: MailFrequency, now: i64) -> Option<i64> {
    match frequency {
        MailFrequency::Daily => Some(next_rome_time(now, DIGEST_HOUR, None)),
        MailFrequency::Weekly => Some(next_rome_time(now, DIGEST_HOUR, Some(MONDAY))),
        MailFrequency::Immediately | MailFrequency::Never => None,
    }
}
