//! Easter Sunday by the Gregorian (Western) and Julian (Orthodox) computus.
//!
//! - Western: the "Anonymous Gregorian algorithm" of *Nature* (1876), as given
//!   by Jean Meeus, *Astronomical Algorithms* (2nd ed., 1998), chapter 8. It is
//!   valid for every Gregorian year from 1583.
//! - Orthodox: Meeus's Julian-calendar algorithm (same chapter), giving a Julian
//!   date that is then converted to the Gregorian calendar.

use chrono::NaiveDate;

use super::julian;

/// The first year of the Gregorian computus.
pub const FIRST_GREGORIAN_YEAR: i32 = 1583;

/// Western Easter Sunday of `year` (Gregorian computus), or `None` before 1583
/// or outside chrono's date range.
///
/// ```
/// use chrono::NaiveDate;
/// use clash_core::calendars::easter::western;
/// assert_eq!(western(2024), NaiveDate::from_ymd_opt(2024, 3, 31));
/// ```
pub fn western(year: i32) -> Option<NaiveDate> {
    if year < FIRST_GREGORIAN_YEAR {
        return None;
    }
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
    NaiveDate::from_ymd_opt(year, month.try_into().ok()?, day.try_into().ok()?)
}

/// Orthodox Easter Sunday of `year` (Julian computus), as a Gregorian date.
///
/// ```
/// use chrono::NaiveDate;
/// use clash_core::calendars::easter::orthodox;
/// assert_eq!(orthodox(2024), NaiveDate::from_ymd_opt(2024, 5, 5));
/// ```
pub fn orthodox(year: i32) -> Option<NaiveDate> {
    if year < FIRST_GREGORIAN_YEAR {
        return None;
    }
    let a = year % 4;
    let b = year % 7;
    let c = year % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    julian::to_gregorian(year, month.try_into().ok()?, day.try_into().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn western_cases() {
        // Extremes and well-known years (Meeus, table in ch. 8).
        for (year, want) in [
            (1818, ymd(1818, 3, 22)),
            (1943, ymd(1943, 4, 25)),
            (2000, ymd(2000, 4, 23)),
            (2025, ymd(2025, 4, 20)),
            (2038, ymd(2038, 4, 25)),
            (2285, ymd(2285, 3, 22)),
        ] {
            assert_eq!(western(year), want, "{year}");
        }
        assert_eq!(western(1582), None);
    }

    #[test]
    fn orthodox_cases() {
        for (year, want) in [
            (2023, ymd(2023, 4, 16)),
            (2024, ymd(2024, 5, 5)),
            (2025, ymd(2025, 4, 20)),
            (2026, ymd(2026, 4, 12)),
        ] {
            assert_eq!(orthodox(year), want, "{year}");
        }
    }
}
