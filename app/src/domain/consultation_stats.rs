//! What the coordinators' statistics page shows: the districts' workload
//! now, each jurist's, and a year of service month by month.

use serde::{Deserialize, Serialize};

use super::District;

/// How many months the page goes back, the current one included.
pub const MONTHS: i32 = 12;

/// Minutes as hours with one decimal, as the page and the files give them.
pub fn hours_text(minutes: Option<i64>) -> Option<String> {
    minutes.map(|m| format!("{}.{}", m / 60, m % 60 / 6))
}

/// An average rating with one decimal.
pub fn rating_text(average: Option<f64>) -> Option<String> {
    average.map(|a| format!("{a:.1}"))
}

/// A count as a float, for averages and charts.
pub fn as_float(count: usize) -> f64 {
    f64::from(u32::try_from(count).unwrap_or(u32::MAX))
}

/// One month of requests filed in it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MonthStats {
    /// `YYYY-MM`, in Rome.
    pub month: String,
    pub filed: u32,
    /// Of those, answered (or closed after an answer).
    pub answered: u32,
    /// Median time from filing to the jurist's first response, in minutes.
    pub median_first_response: Option<i64>,
    /// Median time from filing to the last answer, in minutes.
    pub median_resolution: Option<i64>,
    pub ratings: u32,
    /// The average of the guardians' ratings (1–5).
    pub average_rating: Option<f64>,
}

/// A district's requests now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DistrictLoad {
    pub district: District,
    pub open: u32,
    pub overdue: u32,
    pub unassigned: u32,
}

/// A jurist's requests in a district: open and overdue now, and over the
/// months shown, how many they handled, how fast and how well rated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JuristLoad {
    pub name: String,
    pub district: District,
    pub open: u32,
    pub overdue: u32,
    pub handled: u32,
    pub median_first_response: Option<i64>,
    pub ratings: u32,
    pub average_rating: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConsultationStats {
    /// The districts the reader coordinates.
    pub districts: Vec<District>,
    /// The one chosen, or all of them.
    pub district: Option<District>,
    pub loads: Vec<DistrictLoad>,
    pub jurists: Vec<JuristLoad>,
    /// Oldest first.
    pub months: Vec<MonthStats>,
}

/// The statistics' two tables, as CSV files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatsTable {
    Months,
    Jurists,
}

impl StatsTable {
    pub fn code(self) -> &'static str {
        match self {
            StatsTable::Months => "months",
            StatsTable::Jurists => "jurists",
        }
    }

    pub fn from_code(code: &str) -> Option<StatsTable> {
        [StatsTable::Months, StatsTable::Jurists].into_iter().find(|t| t.code() == code)
    }
}
