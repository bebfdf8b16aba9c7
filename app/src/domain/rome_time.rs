//! Times are stored in UTC and shown in Europe/Rome. The rule is fixed by EU
//! law (summer time from the last Sunday of March to the last Sunday of
//! October, switching at 01:00 UTC), so it is computed here rather than
//! shipping a time-zone database to the browser.

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian.
pub(super) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = u32::try_from(day_of_year - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// (year, month, day) → days since 1970-01-01.
pub(super) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month = i64::from(month);
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The Unix time of 01:00 UTC on the last Sunday of `month` in `year`.
fn last_sunday_switch(year: i64, month: u32) -> i64 {
    let last_day = days_from_civil(year, month, 31);
    // 1970-01-01 was a Thursday: weekday 0 = Sunday is (days + 4) mod 7.
    let weekday = (last_day + 4).rem_euclid(7);
    (last_day - weekday) * 86_400 + 3_600
}

/// The offset of Europe/Rome from UTC at a given instant, in seconds.
pub fn rome_offset_seconds(unix_seconds: i64) -> i64 {
    let (year, _, _) = civil_from_days(unix_seconds.div_euclid(86_400));
    let summer = unix_seconds >= last_sunday_switch(year, 3) && unix_seconds < last_sunday_switch(year, 10);
    if summer { 7_200 } else { 3_600 }
}

/// "dd/mm/yyyy hh:mm" in Europe/Rome.
pub fn rome_time(unix_seconds: i64) -> String {
    let local = unix_seconds + rome_offset_seconds(unix_seconds);
    let (year, month, day) = civil_from_days(local.div_euclid(86_400));
    let seconds_of_day = local.rem_euclid(86_400);
    format!("{day:02}/{month:02}/{year} {:02}:{:02}", seconds_of_day / 3_600, (seconds_of_day % 3_600) / 60)
}

/// The date in Rome at `unix_seconds`, as `YYYY-MM-DD` (so dates compare
/// as text).
pub fn rome_date(unix_seconds: i64) -> String {
    let (year, month, day) = civil_from_days((unix_seconds + rome_offset_seconds(unix_seconds)).div_euclid(86_400));
    format!("{year:04}-{month:02}-{day:02}")
}

/// Reads a date as `YYYY-MM-DD` (what a date field sends), rejecting days
/// that do not exist.
pub fn parse_date(text: &str) -> Option<String> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i64 = parts.next().filter(|p| p.len() == 4)?.parse().ok()?;
    let month: u32 = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
    let day: u32 = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
    let exists = (1..=12).contains(&month) && civil_from_days(days_from_civil(year, month, day)) == (year, month, day);
    exists.then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Reads a time of day as `HH:MM` (what a time field sends), in minutes
/// after midnight.
pub fn parse_clock(text: &str) -> Option<u32> {
    let (hours, minutes) = text.trim().split_once(':')?;
    let hours: u32 = hours.parse().ok().filter(|h| *h < 24 && hours.len() == 2)?;
    let minutes: u32 = minutes.parse().ok().filter(|m| *m < 60 && minutes.len() == 2)?;
    Some(hours * 60 + minutes)
}

/// The instant the clocks in Rome read `minutes` after midnight on `date`
/// (`YYYY-MM-DD`). In the hour skipped in March it is the hour after; in
/// the hour repeated in October, the first of the two.
pub fn rome_instant(date: &str, minutes: u32) -> Option<i64> {
    let date = parse_date(date)?;
    let (year, month, day) = (date[..4].parse().ok()?, date[5..7].parse().ok()?, date[8..].parse().ok()?);
    let local = days_from_civil(year, month, day) * 86_400 + i64::from(minutes) * 60;
    // The offset in force two hours before the local reading (at most two
    // hours ahead of UTC) is the one in force then, but around a switch.
    Some(local - rome_offset_seconds(local - 7_200))
}

/// "hh:mm" in Europe/Rome.
pub fn rome_clock(unix_seconds: i64) -> String {
    rome_time(unix_seconds)[11..].to_owned()
}

/// "dd/mm/yyyy" for a `YYYY-MM-DD` date, as Italians write it.
pub fn italian_date(date: &str) -> String {
    match parse_date(date) {
        Some(date) => format!("{}/{}/{}", &date[8..10], &date[5..7], &date[..4]),
        None => date.to_owned(),
    }
}

/// Monday, as [`next_rome_time`] counts weekdays (0 is Sunday).
pub const MONDAY: i64 = 1;

/// The first instant after `now` when the clocks in Rome read `hour`:00,
/// on `weekday` if one is given.
pub fn next_rome_time(now: i64, hour: u32, weekday: Option<i64>) -> i64 {
    let mut day = (now + rome_offset_seconds(now)).div_euclid(86_400);
    loop {
        let local = day * 86_400 + i64::from(hour) * 3_600;
        // The offset in force an hour earlier than the local reading is the
        // one in force then, except within the hour of a switch (01:00 UTC,
        // long before any hour this is asked for but 02:00).
        let at = local - rome_offset_seconds(local - 3_600);
        // 1970-01-01 was a Thursday.
        if at > now && weekday.is_none_or(|weekday| (day + 4).rem_euclid(7) == weekday) {
            return at;
        }
        day += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_strictly_and_today_is_the_date_in_rome() {
        assert_eq!(parse_date("2028-02-29").as_deref(), Some("2028-02-29"));
        for wrong in ["2027-02-29", "2027-13-01", "27-01-01", "2027-1-1", "", "oggi"] {
            assert_eq!(parse_date(wrong), None, "{wrong}");
        }
        // 23:30 UTC on 31 December is already New Year's Day in Rome.
        assert_eq!(rome_date(days_from_civil(2026, 12, 31) * 86_400 + 23 * 3_600 + 1_800), "2027-01-01");
        assert_eq!(italian_date("2027-01-05"), "05/01/2027");
    }

    #[test]
    fn a_time_in_rome_is_read_in_winter_and_in_summer() {
        assert_eq!(parse_clock("09:30"), Some(570));
        for wrong in ["9:30", "24:00", "12:60", "", "noon"] {
            assert_eq!(parse_clock(wrong), None, "{wrong}");
        }
        let winter = rome_instant("2027-01-15", 13 * 60).unwrap();
        assert_eq!(rome_time(winter), "15/01/2027 13:00");
        assert_eq!(winter % 86_400, 12 * 3_600, "CET is UTC+1");
        let summer = rome_instant("2027-07-01", 14 * 60).unwrap();
        assert_eq!(rome_time(summer), "01/07/2027 14:00");
        assert_eq!(rome_clock(summer), "14:00");
        assert_eq!(rome_instant("2027-02-30", 0), None);
    }

    #[test]
    fn the_next_morning_in_rome_in_winter_and_summer_and_the_next_monday() {
        let utc = |y, m, d, h: i64| days_from_civil(y, m, d) * 86_400 + h * 3_600;
        // Friday 2026-12-04 10:00 UTC: 07:00 in Rome is 06:00 UTC (CET).
        assert_eq!(next_rome_time(utc(2026, 12, 4, 10), 7, None), utc(2026, 12, 5, 6));
        assert_eq!(next_rome_time(utc(2026, 12, 4, 5), 7, None), utc(2026, 12, 4, 6), "later the same day");
        assert_eq!(next_rome_time(utc(2026, 12, 4, 10), 7, Some(MONDAY)), utc(2026, 12, 7, 6));
        // In summer 07:00 in Rome is 05:00 UTC (CEST).
        assert_eq!(next_rome_time(utc(2026, 7, 1, 12), 7, None), utc(2026, 7, 2, 5));
    }

    #[test]
    fn winter_and_summer_times_in_rome() {
        // 2026-01-15 12:00 UTC → 13:00 in Rome (CET).
        assert_eq!(rome_time(1_768_478_400), "15/01/2026 13:00");
        // 2026-07-01 12:00 UTC → 14:00 in Rome (CEST).
        assert_eq!(rome_time(1_782_907_200), "01/07/2026 14:00");
    }

    #[test]
    fn summer_time_starts_on_the_last_sunday_of_march_at_one_utc() {
        // 2026-03-29 is the last Sunday of March.
        let switch = last_sunday_switch(2026, 3);
        assert_eq!(rome_time(switch - 1), "29/03/2026 01:59");
        assert_eq!(rome_time(switch), "29/03/2026 03:00");
    }

    #[test]
    fn civil_dates_round_trip() {
        for days in [-1000, 0, 1, 20_000, 20_454, 30_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
