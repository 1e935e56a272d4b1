//! Gregorian helpers on top of `chrono`.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The last day of `month` in `year`.
pub fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// The `n`th `weekday` counting forwards from `anchor` inclusive (`n >= 1`), or
/// backwards from `anchor` inclusive (`n <= -1`). `n == 0` gives `None`.
///
/// ```
/// use chrono::{NaiveDate, Weekday};
/// use clash_core::calendars::gregorian::nth_weekday_from;
/// // The first Monday in May 2026.
/// let may1 = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
/// assert_eq!(nth_weekday_from(may1, Weekday::Mon, 1), NaiveDate::from_ymd_opt(2026, 5, 4));
/// ```
pub fn nth_weekday_from(anchor: NaiveDate, weekday: Weekday, n: i32) -> Option<NaiveDate> {
    let target = i64::from(weekday.num_days_from_monday());
    let here = i64::from(anchor.weekday().num_days_from_monday());
    let first = if n > 0 {
        (target - here).rem_euclid(7) + 7 * i64::from(n - 1)
    } else if n < 0 {
        -((here - target).rem_euclid(7)) - 7 * i64::from(-n - 1)
    } else {
        return None;
    };
    anchor.checked_add_signed(Duration::days(first))
}

/// Whether `date` falls on a Saturday or Sunday.
pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nth_weekday_cases() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        // Last Monday in May 2026 counted back from 31 May.
        assert_eq!(
            nth_weekday_from(d(2026, 5, 31), Weekday::Mon, -1),
            Some(d(2026, 5, 25))
        );
        // Advent Sunday 2026: first Sunday on or after 27 November.
        assert_eq!(
            nth_weekday_from(d(2026, 11, 27), Weekday::Sun, 1),
            Some(d(2026, 11, 29))
        );
        // Third Sunday in June 2024.
        assert_eq!(
            nth_weekday_from(d(2024, 6, 1), Weekday::Sun, 3),
            Some(d(2024, 6, 16))
        );
        // Anchor itself counts.
        assert_eq!(
            nth_weekday_from(d(2024, 6, 2), Weekday::Sun, 1),
            Some(d(2024, 6, 2))
        );
        assert_eq!(
            nth_weekday_from(d(2024, 6, 2), Weekday::Sun, -1),
            Some(d(2024, 6, 2))
        );
        assert_eq!(nth_weekday_from(d(2024, 6, 2), Weekday::Sun, 0), None);
        assert_eq!(last_day_of_month(2024, 2), Some(d(2024, 2, 29)));
        assert_eq!(last_day_of_month(2023, 12), Some(d(2023, 12, 31)));
    }
}
