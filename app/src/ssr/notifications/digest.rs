//! Digests: members who chose daily or weekly mail get their notifications
//! not yet read nor mailed in one message, at seven in the morning in Rome
//! (on Mondays, weekly). The digest job calls [`send_due`].

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait as _, EntityTrait as _, QueryFilter as _, QueryOrder as _, QuerySelect as _, TransactionTrait as _, prelude::Uuid,
    sea_query::Expr,
};

use super::{next_digest_at, unsubscribe};
use crate::{
    domain::{UserStatus, notifications::MailFrequency},
    i18n::Locale,
    routes::paths,
    ssr::{
        clock,
        community::{access::member_may_take_part, notify::describe},
        entities::{notification, user, user_role},
        error::ServiceResult,
        mail::{self, DigestItem, MailKind},
        sessions::grant_of,
        state::AppState,
    },
};

/// Members handled per run; the next run goes on.
const MEMBERS_PER_RUN: u64 = 200;
/// Notifications listed in one digest; the rest wait on the list page.
const ITEMS_PER_DIGEST: u64 = 50;

/// Sends the digests that are due; returns how many went to the outbox.
pub async fn send_due(state: &AppState) -> ServiceResult<usize> {
    let now = clock::now();
    let due = user::Entity::find()
        .filter(user::Column::DigestDueAt.lte(now))
        .order_by_asc(user::Column::DigestDueAt)
        .limit(MEMBERS_PER_RUN)
        .all(&state.db)
        .await?;
    if due.is_empty() {
        return Ok(0);
    }
    let mut grants: HashMap<Uuid, Vec<_>> = HashMap::new();
    for role in user_role::Entity::find().filter(user_role::Column::UserId.is_in(due.iter().map(|m| m.id))).all(&state.db).await? {
        grants.entry(role.user_id).or_default().extend(grant_of(&role));
    }
    let mut sent = 0;
    for member in due {
        let frequency = MailFrequency::from_code(&member.notify_mail).unwrap_or_default();
        let pending = notification::Entity::find()
            .filter(notification::Column::UserId.eq(member.id))
            .filter(notification::Column::ReadAt.is_null())
            .filter(notification::Column::MailedAt.is_null())
            .order_by_asc(notification::Column::CreatedAt)
            .limit(ITEMS_PER_DIGEST)
            .all(&state.db)
            .await?;
        let locale = Locale::from_code(&member.locale).unwrap_or_default();
        let home = member.home();
        let member_grants = grants.remove(&member.id).unwrap_or_default();
        let active = UserStatus::from_code(&member.status) == Some(UserStatus::Active);
        let views = if active {
            describe(&state.db, &pending, locale, |c| member_may_take_part(home, &member_grants, c)).await?
        } else {
            Vec::new()
        };
        let txn = state.db.begin().await?;
        if !views.is_empty() {
            let t = locale.texts();
            let items = views
                .into_iter()
                .map(|view| DigestItem {
                    actor: view.actor.unwrap_or_else(|| t.community_deleted_author.to_owned()),
                    topic: view.topic,
                    category: view.category,
                    excerpt: view.excerpt,
                    link: state.settings.link(&view.link),
                })
                .collect();
            let digest = MailKind::Digest {
                name: member.name.clone(),
                items,
                weekly: frequency == MailFrequency::Weekly,
                link: state.settings.link(paths::NOTIFICATIONS),
                unsubscribe: unsubscribe::link(&state.settings, &state.signing_key, member.id),
            };
            mail::enqueue(&txn, &member.email, locale, &digest).await?;
            sent += 1;
        }
        // What a digest could not show (a category out of reach now) is
        // not offered again either.
        if !pending.is_empty() {
            notification::Entity::update_many()
                .col_expr(notification::Column::MailedAt, Expr::value(now))
                .filter(notification::Column::Id.is_in(pending.iter().map(|n| n.id)))
                .exec(&txn)
                .await?;
        }
        user::Entity::update_many()
            .col_expr(user::Column::DigestDueAt, Expr::value(next_digest_at(frequency, now)))
            .filter(user::Column::Id.eq(member.id))
            .exec(&txn)
            .await?;
        txn.commit().await?;
    }
    Ok(sent)
}
