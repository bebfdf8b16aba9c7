//! Working days in Italy, for service levels counted "in working days"
//! (the consultations' first response and resolution targets): Monday to
//! Friday in Europe/Rome, except the national holidays and the closing days
//! an office adds (a district's patron saint: Milano closes on 7 December,
//! Sant'Ambrogio; Brescia on 15 February, Santi Faustino e Giovita).
//!
//! The national holidays are those of art. 2 of l. 27 May 1949, n. 260, as
//! in force: 1 and 6 January, Easter Monday, 25 April, 1 May, 2 June,
//! 15 August, 1 November, 8 and 25–26 December, and since 2026 4 October
//! (festa nazionale di San Francesco d'Assisi, l. 4 October 2025, n. 151).
//! Sundays are holidays by the same article; Saturdays are not working days
//! for the offices this serves.
//!
//! Working time runs on whole working days, midnight to midnight in Rome.
//! Summer time starts and ends on Sundays, so every working day is 24 hours.

use super::rome_time::{civil_from_days, days_from_civil, rome_offset_seconds};

const DAY: i64 = 86_400;

/// Easter Sunday of `year` (Gregorian computus, the anonymous algorithm
/// published in *Nature* in 1876): (month, day). The letters are the
/// algorithm's own, so it can be checked against its publication.
#[allow(clippy::many_single_char_names)]
pub fn easter_sunday(year: i64) -> (u32, u32) {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    (u32::try_from(month).unwrap_or(4), u32::try_from(day).unwrap_or(1))
}

/// Whether the date is a national holiday in Italy (Sundays aside).
pub fn is_national_holiday(year: i64, month: u32, day: u32) -> bool {
    const FIXED: [(u32, u32); 10] = [(1, 1), (1, 6), (4, 25), (5, 1), (6, 2), (8, 15), (11, 1), (12, 8), (12, 25), (12, 26)];
    if FIXED.contains(&(month, day)) || (year >= 2026 && (month, day) == (10, 4)) {
        return true;
    }
    let (easter_month, easter_day) = easter_sunday(year);
    days_from_civil(year, month, day) == days_from_civil(year, easter_month, easter_day) + 1
}

/// Which days count: weekdays that are neither national holidays nor one
/// of the office's own closing days.
#[derive(Clone, Debug, Default)]
pub struct WorkingCalendar {
    /// Days since 1970-01-01 of the extra closing days.
    closed: Vec<i64>,
    /// Closing days every year, as (month, day): a patron saint's day.
    yearly: Vec<(u32, u32)>,
}

impl WorkingCalendar {
    /// A calendar with these extra closing days, as (year, month, day).
    pub fn with_closing_days(days: impl IntoIterator<Item = (i64, u32, u32)>) -> WorkingCalendar {
        WorkingCalendar { closed: days.into_iter().map(|(y, m, d)| days_from_civil(y, m, d)).collect(), yearly: Vec::new() }
    }

    /// The calendar of `district`'s offices, from every district's yearly
    /// closing days as (district, month, day).
    pub fn for_district(closing_days: &[(super::District, u32, u32)], district: super::District) -> WorkingCalendar {
        WorkingCalendar::with_yearly_closing_days(closing_days.iter().filter(|(d, ..)| *d == district).map(|&(_, month, day)| (month, day)))
    }

    /// A calendar closed every year on these days, as (month, day).
    pub fn with_yearly_closing_days(days: impl IntoIterator<Item = (u32, u32)>) -> WorkingCalendar {
        WorkingCalendar { closed: Vec::new(), yearly: days.into_iter().collect() }
    }

    /// Whether the day (days since 1970-01-01, in Rome) is a working day.
    pub fn is_working_day(&self, day: i64) -> bool {
        // 1970-01-01 was a Thursday: 0 is Sunday, 6 Saturday.
        let weekday = (day + 4).rem_euclid(7);
        let (year, month, date) = civil_from_days(day);
        (1..=5).contains(&weekday)
            && !is_national_holiday(year, month, date)
            && !self.closed.contains(&day)
            && !self.yearly.contains(&(month, date))
    }

    /// The instant (Unix seconds) at which `seconds` of working time will
    /// have passed since `start`: a target of N working days is
    /// `N * 86_400`. Started on a day off, the time runs from the next
    /// working day's midnight.
    pub fn add_working_time(&self, start: i64, seconds: i64) -> i64 {
        let mut local = start + rome_offset_seconds(start);
        let mut left = seconds.max(0);
        loop {
            let day = local.div_euclid(DAY);
            let day_end = (day + 1) * DAY;
            if self.is_working_day(day) {
                if left <= day_end - local {
                    local += left;
                    break;
                }
                left -= day_end - local;
            } else if left == 0 {
                break;
            }
            local = day_end;
        }
        // The offset in force an hour before the local reading is the one
        // in force then: switches happen at night on Sundays.
        local - rome_offset_seconds(local - 3_600)
    }

    /// How much working time passes between two instants (none if `to` is
    /// not after `from`): the time a request waited, to add to its targets.
    pub fn working_time_between(&self, from: i64, to: i64) -> i64 {
        let (mut local, end) = (from + rome_offset_seconds(from), to + rome_offset_seconds(to));
        let mut total = 0;
        while local < end {
            let day = local.div_euclid(DAY);
            let next = ((day + 1) * DAY).min(end);
            if self.is_working_day(day) {
                total += next - local;
            }
            local = next;
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unix seconds of a local time in Rome.
    fn rome(year: i64, month: u32, day: u32, hour: i64) -> i64 {
        let local = days_from_civil(year, month, day) * DAY + hour * 3_600;
        local - rome_offset_seconds(local - 3_600)
    }

    fn days(n: i64) -> i64 {
        n * DAY
    }

    #[test]
    fn easter_falls_where_the_calendar_says() {
        assert_eq!(easter_sunday(2024), (3, 31));
        assert_eq!(easter_sunday(2025), (4, 20));
        assert_eq!(easter_sunday(2026), (4, 5));
        assert_eq!(easter_sunday(2027), (3, 28));
        assert_eq!(easter_sunday(2038), (4, 25), "the latest possible date");
    }

    #[test]
    fn the_national_holidays_in_force_including_saint_francis_from_2026() {
        assert!(is_national_holiday(2027, 3, 29), "Easter Monday");
        assert!(is_national_holiday(2027, 6, 2) && is_national_holiday(2027, 12, 26) && is_national_holiday(2027, 1, 6));
        assert!(is_national_holiday(2027, 10, 4), "San Francesco, l. 151/2025");
        assert!(!is_national_holiday(2025, 10, 4), "not before 2026");
        assert!(!is_national_holiday(2027, 11, 4), "4 November is a remembrance, not a day off");
        assert!(!is_national_holiday(2027, 3, 19), "nor San Giuseppe, since l. 54/1977");
        let calendar = WorkingCalendar::default();
        assert!(!calendar.is_working_day(days_from_civil(2027, 10, 4)), "a Monday off");
        assert!(!calendar.is_working_day(days_from_civil(2027, 3, 27)), "a Saturday");
        assert!(calendar.is_working_day(days_from_civil(2027, 3, 30)), "the Tuesday after Easter");
    }

    #[test]
    fn working_days_skip_weekends_holidays_and_the_offices_own_closing_days() {
        let calendar = WorkingCalendar::default();
        // Friday 10:00 + 1 working day: Monday 10:00.
        assert_eq!(calendar.add_working_time(rome(2027, 1, 15, 10), days(1)), rome(2027, 1, 18, 10));
        // Before Easter (and across the switch to summer time): Tuesday.
        assert_eq!(calendar.add_working_time(rome(2027, 3, 26, 10), days(1)), rome(2027, 3, 30, 10));
        // Christmas 2025: Thursday and Friday off, then the weekend.
        assert_eq!(calendar.add_working_time(rome(2025, 12, 24, 12), days(1)), rome(2025, 12, 29, 12));
        // Filed on a Saturday: the time runs from Monday's midnight.
        assert_eq!(calendar.add_working_time(rome(2027, 1, 16, 15), days(1)), rome(2027, 1, 19, 0));
        // Milano closes on Sant'Ambrogio, the day before the Immacolata.
        let milano = WorkingCalendar::with_closing_days([(2027, 12, 7)]);
        assert_eq!(milano.add_working_time(rome(2027, 12, 6, 9), days(1)), rome(2027, 12, 9, 9));
        assert_eq!(calendar.add_working_time(rome(2027, 12, 6, 9), days(1)), rome(2027, 12, 7, 9), "elsewhere a working day");
    }

    #[test]
    fn waiting_time_is_counted_in_working_time_only() {
        let calendar = WorkingCalendar::default();
        // Friday 16:00 to Monday 10:00: 8 hours on Friday, 10 on Monday.
        assert_eq!(calendar.working_time_between(rome(2027, 1, 15, 16), rome(2027, 1, 18, 10)), 18 * 3_600);
        assert_eq!(calendar.working_time_between(rome(2027, 1, 16, 0), rome(2027, 1, 18, 0)), 0, "a weekend");
        assert_eq!(calendar.working_time_between(rome(2027, 1, 18, 10), rome(2027, 1, 15, 16)), 0);
        // A request that waited moves its target by the working time waited.
        let start = rome(2027, 1, 14, 9);
        let waited = calendar.working_time_between(rome(2027, 1, 15, 16), rome(2027, 1, 18, 10));
        assert_eq!(calendar.add_working_time(start, days(2) + waited), rome(2027, 1, 19, 3));
    }
}
