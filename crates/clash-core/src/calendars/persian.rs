//! Nowruz by the Iranian rule: the year begins on the day (Iran Standard
//! Time, UTC+3:30) in which the March equinox falls if it falls before
//! noon, otherwise on the next day (Iranian Calendar Act of 1925; the
//! meridian used today is 52.5° E).

use chrono::{Duration, NaiveDate};

use super::astro::{solar_longitude_after, JulianDay};

/// The Gregorian date of Nowruz (1 Farvardin) in Gregorian `year`.
///
/// ```
/// use chrono::NaiveDate;
/// use clash_core::calendars::persian::nowruz;
/// assert_eq!(nowruz(2024), NaiveDate::from_ymd_opt(2024, 3, 20));
/// assert_eq!(nowruz(2025), NaiveDate::from_ymd_opt(2025, 3, 21));
/// ```
pub fn nowruz(year: i32) -> Option<NaiveDate> {
    let equinox = solar_longitude_after(JulianDay::from_ymd_hms(year, 3, 1, 0, 0, 0.0), 0.0);
    let local = equinox.to_datetime()? + Duration::minutes(210);
    let date = local.date();
    if local.time() < chrono::NaiveTime::from_hms_opt(12, 0, 0)? {
        Some(date)
    } else {
        date.succ_opt()
    }
}
