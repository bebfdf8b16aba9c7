//! The one place that reads the time. Times are stored as UTC Unix seconds.

use time::OffsetDateTime;

pub const MINUTE: i64 = 60;
pub const HOUR: i64 = 60 * MINUTE;
pub const DAY: i64 = 24 * HOUR;

pub fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}
