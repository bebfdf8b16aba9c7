//! The coordinators' statistics: each district's open and overdue requests
//! now, each jurist's workload, and month by month the requests filed,
//! answered, how fast (median first response and resolution, in calendar
//! time) and how the guardians rated them; the same tables as CSV.

use std::collections::HashMap;

use sea_orm::{ColumnTrait as _, EntityTrait as _, QueryFilter as _, QuerySelect as _, prelude::Uuid};

use crate::{
    domain::{
        District, SessionUser,
        consultation_stats::{
            ConsultationStats, DistrictLoad, JuristLoad, MONTHS, MonthStats, StatsTable, as_float, hours_text, rating_text,
        },
        consultations::Status,
        rome_date,
    },
    i18n::Texts,
    ssr::{authz, clock, csv, entities::consultation, error::ServiceResult, state::AppState},
};

/// The months shown, oldest first, as `YYYY-MM`, ending with `today`'s.
fn months_until(today: &str) -> Vec<String> {
    let year: i32 = today[..4].parse().unwrap_or(1970);
    let month: i32 = today[5..7].parse().unwrap_or(1);
    let last = year * 12 + month - 1;
    (0..MONTHS).rev().map(|back| last - back).map(|m| format!("{:04}-{:02}", m / 12, m % 12 + 1)).collect()
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn median(mut values: Vec<i64>) -> Option<i64> {
    values.sort_unstable();
    let middle = values.len() / 2;
    match values.len() {
        0 => None,
        n if n % 2 == 1 => Some(values[middle]),
        _ => Some(i64::midpoint(values[middle - 1], values[middle])),
    }
}

fn average(ratings: &[i32]) -> Option<f64> {
    (!ratings.is_empty()).then(|| f64::from(ratings.iter().sum::<i32>()) / as_float(ratings.len()))
}

/// What the statistics read of a request.
#[derive(sea_orm::FromQueryResult)]
struct Row {
    district: String,
    status: String,
    assignee_id: Option<Uuid>,
    created_at: i64,
    first_response_at: Option<i64>,
    answered_at: Option<i64>,
    due_at: Option<i64>,
    rating: Option<i32>,
}

/// Minutes from filing to `at`.
fn minutes_after(row: &Row, at: Option<i64>) -> Option<i64> {
    at.map(|at| (at - row.created_at).max(0) / 60)
}

#[derive(Default)]
struct Tally {
    filed: u32,
    answered: u32,
    first_responses: Vec<i64>,
    resolutions: Vec<i64>,
    ratings: Vec<i32>,
}

impl Tally {
    fn add(&mut self, row: &Row) {
        self.filed += 1;
        if row.answered_at.is_some() {
            self.answered += 1;
        }
        self.first_responses.extend(minutes_after(row, row.first_response_at));
        self.resolutions.extend(minutes_after(row, row.answered_at));
        self.ratings.extend(row.rating);
    }
}

pub async fn stats(state: &AppState, reader: &SessionUser, chosen: &str) -> ServiceResult<ConsultationStats> {
    let (coordinated, district) = authz::coordinated_districts(reader, chosen)?;
    let shown: Vec<District> = district.map_or_else(|| coordinated.clone(), |d| vec![d]);
    let codes: Vec<&str> = shown.iter().map(|d| d.code()).collect();
    let now = clock::now();
    let months = months_until(&rome_date(now));
    // A month is at most 31 days: this reaches back past the first one shown.
    let since = now - (i64::from(MONTHS) * 31 + 1) * clock::DAY;
    let open: Vec<&str> = Status::ALL.into_iter().filter(|s| s.is_open()).map(Status::code).collect();
    let rows = consultation::Entity::find()
        .select_only()
        .columns([
            consultation::Column::District,
            consultation::Column::Status,
            consultation::Column::AssigneeId,
            consultation::Column::CreatedAt,
            consultation::Column::FirstResponseAt,
            consultation::Column::AnsweredAt,
            consultation::Column::DueAt,
            consultation::Column::Rating,
        ])
        .filter(consultation::Column::District.is_in(codes.clone()))
        .filter(sea_orm::Condition::any().add(consultation::Column::CreatedAt.gte(since)).add(consultation::Column::Status.is_in(open)))
        .into_model::<Row>()
        .all(&state.db)
        .await?;

    let mut loads: Vec<DistrictLoad> =
        shown.iter().map(|&district| DistrictLoad { district, open: 0, overdue: 0, unassigned: 0 }).collect();
    let mut by_month: HashMap<&str, Tally> = HashMap::new();
    let mut by_jurist: HashMap<(Uuid, String), (u32, u32, Tally)> = HashMap::new();
    for row in &rows {
        let is_open = Status::from_code(&row.status).is_some_and(Status::is_open);
        let overdue = is_open && row.due_at.is_some_and(|due| due < now);
        if is_open && let Some(load) = loads.iter_mut().find(|l| l.district.code() == row.district) {
            load.open += 1;
            load.overdue += u32::from(overdue);
            load.unassigned += u32::from(row.assignee_id.is_none());
        }
        let filed_in = rome_date(row.created_at);
        let month = months.iter().find(|m| filed_in.starts_with(m.as_str()));
        if let Some(month) = month {
            by_month.entry(month.as_str()).or_default().add(row);
        }
        let in_period = month.is_some();
        if let Some(jurist) = row.assignee_id {
            let entry = by_jurist.entry((jurist, row.district.clone())).or_default();
            if is_open {
                entry.0 += 1;
                entry.1 += u32::from(overdue);
            }
            if in_period {
                entry.2.add(row);
            }
        }
    }
    let months = months
        .iter()
        .map(|month| {
            let tally = by_month.remove(month.as_str()).unwrap_or_default();
            MonthStats {
                month: month.clone(),
                filed: tally.filed,
                answered: tally.answered,
                median_first_response: median(tally.first_responses),
                median_resolution: median(tally.resolutions),
                ratings: count(tally.ratings.len()),
                average_rating: average(&tally.ratings),
            }
        })
        .collect();

    // Every jurist of the districts shown, with or without requests.
    let jurists = super::access::jurists_of(&state.db, &shown).await?;
    let mut jurists: Vec<JuristLoad> = jurists
        .into_iter()
        .map(|(id, name, district)| {
            let (open, overdue, tally) = by_jurist.remove(&(id, district.code().to_owned())).unwrap_or_default();
            JuristLoad {
                name,
                district,
                open,
                overdue,
                handled: tally.filed,
                median_first_response: median(tally.first_responses),
                ratings: count(tally.ratings.len()),
                average_rating: average(&tally.ratings),
            }
        })
        .collect();
    jurists.sort_by(|a, b| (a.district, &a.name).cmp(&(b.district, &b.name)));
    Ok(ConsultationStats { districts: coordinated, district, loads, jurists, months })
}

fn hours(minutes: Option<i64>) -> String {
    hours_text(minutes).unwrap_or_default()
}

fn rating(average: Option<f64>) -> String {
    rating_text(average).unwrap_or_default()
}

/// One of the statistics' tables as CSV (RFC 4180), headed in the reader's language.
pub fn csv(t: &Texts, stats: &ConsultationStats, table: StatsTable) -> String {
    let mut lines = Vec::new();
    match table {
        StatsTable::Months => {
            lines.push(vec![
                t.stats_month.to_owned(),
                t.stats_filed.to_owned(),
                t.stats_answered.to_owned(),
                t.stats_first_response_hours.to_owned(),
                t.stats_resolution_hours.to_owned(),
                t.stats_ratings.to_owned(),
                t.stats_average_rating.to_owned(),
            ]);
            for m in &stats.months {
                lines.push(vec![
                    m.month.clone(),
                    m.filed.to_string(),
                    m.answered.to_string(),
                    hours(m.median_first_response),
                    hours(m.median_resolution),
                    m.ratings.to_string(),
                    rating(m.average_rating),
                ]);
            }
        }
        StatsTable::Jurists => {
            lines.push(vec![
                t.stats_jurist.to_owned(),
                t.consultations_district.to_owned(),
                t.stats_open.to_owned(),
                t.stats_overdue.to_owned(),
                t.stats_handled.to_owned(),
                t.stats_first_response_hours.to_owned(),
                t.stats_ratings.to_owned(),
                t.stats_average_rating.to_owned(),
            ]);
            for j in &stats.jurists {
                lines.push(vec![
                    j.name.clone(),
                    j.district.name().to_owned(),
                    j.open.to_string(),
                    j.overdue.to_string(),
                    j.handled.to_string(),
                    hours(j.median_first_response),
                    j.ratings.to_string(),
                    rating(j.average_rating),
                ]);
            }
        }
    }
    csv::table(&lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_of_months_ends_with_the_current_one() {
        let months = months_until("2027-03-15");
        assert_eq!(months.len(), 12);
        assert_eq!(months.first().map(String::as_str), Some("2026-04"));
        assert_eq!(months.last().map(String::as_str), Some("2027-03"));
        assert_eq!(months_until("2026-12-04")[0], "2026-01");
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![30, 10, 20]), Some(20));
        assert_eq!(median(vec![40, 10, 20, 30]), Some(25));
    }
}
