//! Cycles in calendar programs: a cycle's sessions as an `.ics` file for
//! whoever sees its page, and a personal feed of every session of the
//! reader's cycles (enrolled, or as a trainer) that a calendar program
//! subscribes to without signing in. The feed's address is signed with the
//! server's key over the account and a generation number, so nothing secret
//! is stored; a new address (a new generation) revokes the old one.

use base64::{Engine as _, engine::general_purpose::URL_SAFE_NO_PAD};
use icalendar::{Calendar, Component as _, Event, EventLike as _};
use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QueryOrder as _, prelude::Uuid,
    sea_query::OnConflict,
};

use super::{may_see, session_views};
use crate::{
    domain::{
        SessionUser,
        cycles::{CycleStatus, EnrolmentStatus},
    },
    i18n::Locale,
    routes::paths,
    ssr::{
        authz::account_id,
        entities::{calendar_feed, cycle_trainer, enrolment, training_cycle, user},
        error::{ServiceError, ServiceResult},
        secrets::SigningKey,
        state::AppState,
        training::parse_id,
    },
};

fn utc(unix_seconds: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(unix_seconds, 0).unwrap_or_default()
}

/// The sessions of `cycles` as events; online links only where
/// `with_links` says the reader may have them.
async fn events(
    db: &impl ConnectionTrait,
    state: &AppState,
    cycles: &[(training_cycle::Model, bool)],
    locale: Locale,
) -> ServiceResult<Calendar> {
    let t = locale.texts();
    let mut calendar = Calendar::new();
    calendar.name(t.cycles_title);
    for (cycle, with_links) in cycles {
        let link = state.settings.link(&paths::training_cycle(cycle.id));
        for session in session_views(db, cycle.id, *with_links, locale, None).await? {
            let mut event = Event::new();
            event
                .uid(&format!("{}@tutela", session.id))
                .summary(&cycle.title)
                .starts(utc(session.starts_at))
                .ends(utc(session.ends_at))
                .url(&link);
            let place = session.place.or(session.online_link).unwrap_or_else(|| t.cycles_online_for_enrolled.to_owned());
            event.location(&place);
            let mut description = link.clone();
            if !session.modules.is_empty() {
                description = format!("{}: {}\n{description}", t.cycles_covers, session.modules.join(", "));
            }
            event.description(&description);
            calendar.push(event.done());
        }
    }
    Ok(calendar.done())
}

/// The sessions of the cycle `id`, for whoever sees its page.
pub async fn cycle_file(state: &AppState, reader: &SessionUser, locale: Locale, id: &str) -> ServiceResult<String> {
    let cycle = training_cycle::Entity::find_by_id(parse_id(id)?).one(&state.db).await?.ok_or(ServiceError::NotFound)?;
    let sight = may_see(&state.db, reader, &cycle).await?.ok_or(ServiceError::NotFound)?;
    Ok(events(&state.db, state, &[(cycle, sight.links)], locale).await?.to_string())
}

fn token(key: &SigningKey, member: Uuid, generation: i32) -> String {
    let payload = format!("{member}.{generation}");
    format!("{}.{}", URL_SAFE_NO_PAD.encode(&payload), key.sign(payload.as_bytes()))
}

/// The account and generation a feed address names, if its signature holds.
fn read(key: &SigningKey, token: &str) -> Option<(Uuid, i32)> {
    let (encoded, tag) = token.split_once('.')?;
    let payload = String::from_utf8(URL_SAFE_NO_PAD.decode(encoded).ok()?).ok()?;
    if !key.verify(payload.as_bytes(), tag) {
        return None;
    }
    let (member, generation) = payload.split_once('.')?;
    Some((Uuid::parse_str(member).ok()?, generation.parse().ok()?))
}

/// The reader's feed address, if they turned it on.
pub async fn feed_address(state: &AppState, reader: &SessionUser) -> ServiceResult<Option<String>> {
    let member = account_id(reader)?;
    let feed = calendar_feed::Entity::find_by_id(member).one(&state.db).await?;
    Ok(feed.map(|feed| state.settings.link(&paths::calendar_feed(token(&state.signing_key, member, feed.generation)))))
}

/// Turns the reader's feed on with a new address: the old one stops working.
pub async fn renew_feed(state: &AppState, reader: &SessionUser) -> ServiceResult<()> {
    let member = account_id(reader)?;
    let generation = calendar_feed::Entity::find_by_id(member).one(&state.db).await?.map_or(1, |feed| feed.generation.saturating_add(1));
    calendar_feed::Entity::insert(calendar_feed::ActiveModel { user_id: Set(member), generation: Set(generation) })
        .on_conflict(OnConflict::column(calendar_feed::Column::UserId).update_column(calendar_feed::Column::Generation).to_owned())
        .exec_without_returning(&state.db)
        .await?;
    Ok(())
}

/// Turns the reader's feed off.
pub async fn stop_feed(state: &AppState, reader: &SessionUser) -> ServiceResult<()> {
    calendar_feed::Entity::delete_by_id(account_id(reader)?).exec(&state.db).await?;
    Ok(())
}

/// The feed at `token`: the sessions of the cycles its account is enrolled
/// in or trains, in its language; `None` for an address that is not (or no
/// longer) valid.
pub async fn feed(state: &AppState, token: &str) -> ServiceResult<Option<String>> {
    let Some((member, generation)) = read(&state.signing_key, token) else { return Ok(None) };
    let db = &state.db;
    if calendar_feed::Entity::find_by_id(member).one(db).await?.is_none_or(|feed| feed.generation != generation) {
        return Ok(None);
    }
    let Some(account) = user::Entity::find_by_id(member).one(db).await? else { return Ok(None) };
    let enrolled: Vec<Uuid> = enrolment::Entity::find()
        .filter(enrolment::Column::UserId.eq(member))
        .filter(enrolment::Column::Status.eq(EnrolmentStatus::Enrolled.code()))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.cycle_id)
        .collect();
    let trained: Vec<Uuid> = cycle_trainer::Entity::find()
        .filter(cycle_trainer::Column::UserId.eq(member))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.cycle_id)
        .collect();
    let cycles = training_cycle::Entity::find()
        .filter(training_cycle::Column::Id.is_in(enrolled.iter().chain(&trained).copied()))
        // A draft's meetings are not settled, a cancelled cycle's will not happen.
        .filter(training_cycle::Column::Status.is_not_in([CycleStatus::Draft.code(), CycleStatus::Cancelled.code()]))
        .order_by_asc(training_cycle::Column::StartsOn)
        .all(db)
        .await?;
    // Both the enrolled and the cycle's trainers may have the online links.
    let cycles: Vec<(training_cycle::Model, bool)> = cycles.into_iter().map(|cycle| (cycle, true)).collect();
    let locale = Locale::from_code(&account.locale).unwrap_or_default();
    Ok(Some(events(db, state, &cycles, locale).await?.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feed_address_names_its_account_and_generation_and_cannot_be_forged() {
        let key = SigningKey::from_bytes([7; 32]);
        let member = Uuid::new_v4();
        let address = token(&key, member, 3);
        assert_eq!(read(&key, &address), Some((member, 3)));
        let forged = token(&SigningKey::from_bytes([8; 32]), member, 4);
        assert_eq!(read(&key, &forged), None);
        let (_, tag) = address.split_once('.').unwrap();
        let other = format!("{}.{tag}", URL_SAFE_NO_PAD.encode(format!("{member}.4")));
        assert_eq!(read(&key, &other), None, "a generation changed by hand");
    }
}
