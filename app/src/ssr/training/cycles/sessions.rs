//! A cycle's sessions: when (Europe/Rome), where or online, which modules
//! they cover and how many hours count toward the certificate. Its staff
//! add and remove them while the cycle is live.

use sea_orm::{ActiveValue::Set, ColumnTrait as _, EntityTrait as _, QueryFilter as _, TransactionTrait as _, prelude::Uuid};

use super::{district_of, load_for_staff, status_of};
use crate::{
    domain::{Problem, SessionUser, parse_clock, parse_date, rome_instant},
    ssr::{
        audit::{self, AuditRecord},
        authz::account_id,
        entities::{course_module, cycle_session, cycle_session_module},
        error::{ServiceError, ServiceResult, Validation},
        state::AppState,
        training::{parse_id, published},
    },
};

const PLACE_MAX_CHARS: usize = 200;
const LINK_MAX_CHARS: usize = 500;

/// A session as its form sends it.
pub struct SessionFields<'a> {
    pub date: &'a str,
    pub starts: &'a str,
    pub ends: &'a str,
    pub place: &'a str,
    pub online_link: &'a str,
    /// Hours counted, as `2` or `2,5`; empty counts the whole session.
    pub counted_hours: &'a str,
    pub modules: &'a [String],
}

/// Hours as people write them, `2` or `2,5` or `2.5`, in whole minutes.
fn parse_hours(text: &str) -> Option<i32> {
    let text = text.trim().replace(',', ".");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let digits = |part: &str, most: usize| part.len() <= most && part.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !digits(whole, 2) || !digits(fraction, 2) {
        return None;
    }
    let whole: i32 = whole.parse().ok()?;
    let hundredths: i32 = format!("{fraction:0<2}").parse().ok()?;
    let minutes = whole * 60 + (hundredths * 60 + 50) / 100;
    (1..=24 * 60).contains(&minutes).then_some(minutes)
}

/// An online meeting's address: whole, over https, without spaces.
fn valid_link(link: &str) -> bool {
    link.strip_prefix("https://").is_some_and(|rest| rest.len() > 3 && rest.contains('.'))
        && !link.chars().any(char::is_whitespace)
        && link.chars().count() <= LINK_MAX_CHARS
}

/// Adds a session to the cycle `id`.
pub async fn add(state: &AppState, reader: &SessionUser, id: &str, fields: &SessionFields<'_>) -> ServiceResult<()> {
    let cycle = load_for_staff(&state.db, reader, id).await?;
    if !status_of(&cycle).is_live() {
        return Err(ServiceError::Refused(Problem::NotNow));
    }
    let mut validation = Validation::default();
    let date = parse_date(fields.date);
    match &date {
        None => validation.add("date", Problem::DateInvalid),
        Some(date) if *date < cycle.starts_on || *date > cycle.ends_on => validation.add("date", Problem::OutsideCycle),
        Some(_) => {}
    }
    let starts = parse_clock(fields.starts);
    if starts.is_none() {
        validation.add("starts", Problem::DateInvalid);
    }
    let ends = parse_clock(fields.ends);
    match (starts, ends) {
        (_, None) => validation.add("ends", Problem::DateInvalid),
        (Some(starts), Some(ends)) if ends <= starts => validation.add("ends", Problem::TimeBeforeStart),
        _ => {}
    }
    let (place, link) = (fields.place.trim(), fields.online_link.trim());
    if place.is_empty() == link.is_empty() {
        validation.add("place", Problem::PlaceOrLink);
    } else if place.chars().count() > PLACE_MAX_CHARS {
        validation.add("place", Problem::TitleInvalid);
    } else if !link.is_empty() && !valid_link(link) {
        validation.add("online_link", Problem::LinkInvalid);
    }
    let length = starts.zip(ends).map(|(s, e)| i32::try_from(e.saturating_sub(s)).unwrap_or(0));
    let counted = if fields.counted_hours.trim().is_empty() { length } else { parse_hours(fields.counted_hours) };
    if counted.is_none() || counted.zip(length).is_some_and(|(counted, length)| counted > length) {
        validation.add("counted_hours", Problem::NumberOutOfRange);
    }
    let course_modules: Vec<Uuid> = course_module::Entity::find()
        .filter(course_module::Column::CourseId.eq(cycle.course_id))
        .filter(course_module::Column::Status.eq(published()))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|m| m.id)
        .collect();
    let mut modules = Vec::new();
    for chosen in fields.modules {
        match Uuid::parse_str(chosen).ok().filter(|id| course_modules.contains(id)) {
            Some(id) if !modules.contains(&id) => modules.push(id),
            Some(_) => {}
            None => validation.add("modules", Problem::ChoiceInvalid),
        }
    }
    validation.finish()?;
    let missing = || ServiceError::Internal("checked session fields missing".into());
    let date = date.ok_or_else(missing)?;
    let starts_at = rome_instant(&date, starts.ok_or_else(missing)?).ok_or_else(missing)?;
    let ends_at = rome_instant(&date, ends.ok_or_else(missing)?).ok_or_else(missing)?;
    let session = Uuid::new_v4();
    let txn = state.db.begin().await?;
    cycle_session::Entity::insert(cycle_session::ActiveModel {
        id: Set(session),
        cycle_id: Set(cycle.id),
        starts_at: Set(starts_at),
        ends_at: Set(ends_at),
        place: Set((!place.is_empty()).then(|| place.to_owned())),
        online_link: Set((!link.is_empty()).then(|| link.to_owned())),
        counted_minutes: Set(counted.ok_or_else(missing)?),
        reminded_at: Set(None),
    })
    .exec_without_returning(&txn)
    .await?;
    if !modules.is_empty() {
        cycle_session_module::Entity::insert_many(
            modules.iter().map(|&module_id| cycle_session_module::ActiveModel { session_id: Set(session), module_id: Set(module_id) }),
        )
        .exec_without_returning(&txn)
        .await?;
    }
    audit::record(&txn, session_audit(reader, &cycle, "cycle.session_add", format!("{date} {} – {}", fields.starts, fields.ends))?).await?;
    txn.commit().await?;
    Ok(())
}

fn session_audit<'a>(
    reader: &SessionUser,
    cycle: &crate::ssr::entities::training_cycle::Model,
    action: &'a str,
    detail: String,
) -> ServiceResult<AuditRecord<'a>> {
    Ok(AuditRecord {
        actor: Some(account_id(reader)?),
        action,
        subject_kind: "training_cycle",
        subject_id: cycle.id.to_string(),
        detail,
        district: Some(district_of(cycle)),
    })
}

/// Removes the session `session` from the cycle `id`.
pub async fn remove(state: &AppState, reader: &SessionUser, id: &str, session: &str) -> ServiceResult<()> {
    let cycle = load_for_staff(&state.db, reader, id).await?;
    if !status_of(&cycle).is_live() {
        return Err(ServiceError::Refused(Problem::NotNow));
    }
    let session = parse_id(session)?;
    let txn = state.db.begin().await?;
    let removed = cycle_session::Entity::delete_many()
        .filter(cycle_session::Column::Id.eq(session))
        .filter(cycle_session::Column::CycleId.eq(cycle.id))
        .exec(&txn)
        .await?;
    if removed.rows_affected == 0 {
        return Err(ServiceError::NotFound);
    }
    audit::record(&txn, session_audit(reader, &cycle, "cycle.session_remove", session.to_string())?).await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_read_as_people_write_them() {
        assert_eq!(parse_hours("2"), Some(120));
        assert_eq!(parse_hours("2,5"), Some(150));
        assert_eq!(parse_hours(" 1.25 "), Some(75));
        for wrong in ["", "0", "-1", "25", "due", "1.234", "100"] {
            assert_eq!(parse_hours(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn an_online_link_is_a_whole_https_address() {
        assert!(valid_link("https://meet.example.org/ditu-milano"));
        for wrong in ["http://meet.example.org", "meet.example.org", "https://", "https://a b.org", "javascript:alert(1)"] {
            assert!(!valid_link(wrong), "{wrong}");
        }
    }
}
