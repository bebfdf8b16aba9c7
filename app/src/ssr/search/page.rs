//! The search page's data: the reader's question checked, the places they
//! may search, one page of results with their snippets.

use std::collections::HashMap;

use super::{Filters, analysis, find};
use crate::{
    domain::{
        FieldProblem, Problem, SessionUser, rome_offset_seconds,
        search::{COUNTED_UP_TO, SearchHit, SearchPage, SearchRequest},
    },
    i18n::Locale,
    ssr::{community::findable, error::ServiceResult, faq, state::AppState, training},
};

/// Results on a page.
pub const RESULTS_PER_PAGE: u64 = 20;

/// The first second of `day` (`YYYY-MM-DD`) in Rome.
fn day_start(day: &str) -> Option<i64> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let midnight_utc = time::Date::parse(day, &format).ok()?.midnight().assume_utc().unix_timestamp();
    // Rome changes its clocks at 01:00 UTC, never around its own midnight.
    Some(midnight_utc - rome_offset_seconds(midnight_utc))
}

/// A day filter: empty for none, otherwise a date.
fn read_day(field: &str, value: &str, problems: &mut Vec<FieldProblem>) -> Option<i64> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let start = day_start(value);
    if start.is_none() {
        problems.push(FieldProblem { field: field.to_owned(), problem: Problem::DateInvalid });
    }
    start
}

/// Searches what `reader` may see (a visitor: what is public).
pub async fn search_page(
    state: &AppState,
    reader: Option<&SessionUser>,
    locale: Locale,
    request: SearchRequest,
    page: u64,
) -> ServiceResult<SearchPage> {
    let mut places = findable::places(&state.db, reader, locale).await?;
    places.push(faq::findable::place(locale));
    places.extend(training::findable::place(reader, locale));
    let mut problems = Vec::new();
    let since = read_day("from", &request.from, &mut problems);
    let until = read_day("to", &request.to, &mut problems).map(|start| start + crate::ssr::clock::DAY);
    if let (Some(since), Some(until)) = (since, until)
        && until <= since
    {
        problems.push(FieldProblem { field: "to".to_owned(), problem: Problem::DateBeforeStart });
    }
    let place = request.place.trim();
    let scopes: Vec<String> = if place.is_empty() {
        places.iter().map(|p| p.key.clone()).collect()
    } else if places.iter().any(|p| p.key == place) {
        vec![place.to_owned()]
    } else {
        // A place the reader may not search is as unknown as one that does not exist.
        problems.push(FieldProblem { field: "place".to_owned(), problem: Problem::ChoiceInvalid });
        Vec::new()
    };
    let terms = analysis::query_terms(&request.q);
    let mut result =
        SearchPage { searched: !terms.is_empty() && problems.is_empty(), signed_in: reader.is_some(), ..SearchPage::default() };
    if result.searched {
        let author = Some(request.author.trim().to_lowercase()).filter(|a| !a.is_empty());
        let filters = Filters { scopes, author, since, until };
        let (matches, total) = find(&state.db, &terms, &filters, page * RESULTS_PER_PAGE, RESULTS_PER_PAGE).await?;
        let names: HashMap<&str, &str> = places.iter().map(|p| (p.key.as_str(), p.name.as_str())).collect();
        result.hits = matches
            .into_iter()
            .map(|m| SearchHit {
                place: names.get(m.scope.as_str()).map_or_else(String::new, |name| (*name).to_owned()),
                snippet: analysis::snippet(&m.body, &terms),
                title: m.title,
                link: m.link,
                // The FAQ and the lessons have no author: they speak for the programme.
                author: m.author_name.or_else(|| {
                    (![faq::findable::SCOPE, training::findable::SCOPE].contains(&m.scope.as_str()))
                        .then(|| locale.texts().community_deleted_author.to_owned())
                }),
                created_at: m.created_at,
            })
            .collect();
        result.total = total;
        result.pages = total.min(COUNTED_UP_TO).div_ceil(RESULTS_PER_PAGE);
        result.page = page;
    }
    result.places = places;
    result.problems = problems;
    result.request = request;
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_start_at_midnight_in_rome() {
        // Winter: UTC+1; summer: UTC+2.
        assert_eq!(day_start("2026-01-15"), Some(1_768_431_600));
        assert_eq!(day_start("2026-07-15"), Some(1_784_066_400));
        assert_eq!(day_start("15/01/2026"), None);
        assert_eq!(day_start("2026-02-30"), None);
    }
}
