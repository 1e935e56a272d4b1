//! Julian-calendar dates, converted with `icu_calendar`.

use chrono::NaiveDate;
use icu_calendar::Date;

/// The Gregorian date of the Julian date `year-month-day`, or `None` if it
/// does not exist (e.g. 30 February) or is out of range.
///
/// ```
/// use chrono::NaiveDate;
/// use clash_core::calendars::julian::to_gregorian;
/// // Orthodox Christmas: 25 December (Julian) of 2025 is 7 January 2026.
/// assert_eq!(to_gregorian(2025, 12, 25), NaiveDate::from_ymd_opt(2026, 1, 7));
/// ```
pub fn to_gregorian(year: i32, month: u8, day: u8) -> Option<NaiveDate> {
    super::to_naive(&Date::try_new_julian(year, month, day).ok()?)
}

/// The Gregorian dates within Gregorian `year` of the Julian day `month-day`
/// (zero or one date, two only in theory near year ends far from our era).
pub fn in_gregorian_year(year: i32, month: u8, day: u8) -> impl Iterator<Item = NaiveDate> {
    (year - 1..=year)
        .filter_map(move |jy| to_gregorian(jy, month, day))
        .filter(move |d| chrono::Datelike::year(d) == year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn christmas_and_theophany() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        let got: Vec<_> = in_gregorian_year(2026, 12, 25).collect();
        assert_eq!(got, vec![d(2026, 1, 7).unwrap()]);
        let got: Vec<_> = in_gregorian_year(2026, 1, 6).collect();
        assert_eq!(got, vec![d(2026, 1, 19).unwrap()]);
        // From 2101 the calendars are 14 days apart.
        let got: Vec<_> = in_gregorian_year(2101, 12, 25).collect();
        assert_eq!(got, vec![d(2101, 1, 8).unwrap()]);
        // 1900 (Julian leap year, not Gregorian): 13 days apart from 1 March 1900.
        assert_eq!(to_gregorian(1900, 2, 29), d(1900, 3, 13));
        assert_eq!(to_gregorian(2023, 2, 30), None);
    }
}
