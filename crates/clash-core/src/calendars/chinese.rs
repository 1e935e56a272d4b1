//! The Chinese lunisolar calendar, reckoned for China (UTC+8), converted
//! with `icu_calendar` (tables of the Purple Mountain Observatory's
//! calendar for 1900–2100, computed astronomically outside).

use chrono::{Datelike, NaiveDate};
use icu_calendar::types::Month;
use icu_calendar::Date;

/// The Gregorian date of `day` of lunar `month` (a leap month if `leap`) of
/// the Chinese year that begins in Gregorian year `related_year`.
///
/// ```
/// use chrono::NaiveDate;
/// use clash_core::calendars::chinese::to_gregorian;
/// // Chinese New Year 2024: 2024-02-10.
/// assert_eq!(to_gregorian(2024, 1, false, 1), NaiveDate::from_ymd_opt(2024, 2, 10));
/// ```
pub fn to_gregorian(related_year: i32, month: u8, leap: bool, day: u8) -> Option<NaiveDate> {
    let m = if leap {
        Month::leap(month)
    } else {
        Month::new(month)
    };
    let date = Date::try_new_chinese_traditional(related_year, m, day).ok()?;
    if date.day_of_month().0 != day {
        return None;
    }
    super::to_naive(&date)
}

/// The dates in Gregorian `year` of `day` of lunar `month`.
pub fn in_gregorian_year(
    year: i32,
    month: u8,
    leap: bool,
    day: u8,
) -> impl Iterator<Item = NaiveDate> {
    (year - 1..=year)
        .filter_map(move |ry| to_gregorian(ry, month, leap, day))
        .filter(move |d| d.year() == year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        // Hong Kong Observatory: Mid-Autumn 2024 = 2024-09-17; Dragon Boat 2025 = 2025-05-31.
        assert_eq!(to_gregorian(2024, 8, false, 15), d(2024, 9, 17));
        assert_eq!(to_gregorian(2025, 5, false, 5), d(2025, 5, 31));
        // 2025 has a leap sixth month.
        assert!(to_gregorian(2025, 6, true, 1).is_some());
        assert!(to_gregorian(2024, 6, true, 1).is_none());
    }
}
