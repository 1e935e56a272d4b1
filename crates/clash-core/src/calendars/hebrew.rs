//! The Hebrew calendar, converted with `icu_calendar` (the arithmetic of
//! the fixed calendar of Hillel II: molad, dehiyyot, 19-year cycle).
//!
//! Months are named by codes as in CLDR: `M01` Tishrei … `M05` Shevat,
//! `M05L` Adar I (leap years only), `M06` Adar (Adar II in leap years),
//! `M07` Nisan … `M12` Elul.

use chrono::{Datelike, NaiveDate};
use icu_calendar::types::Month;
use icu_calendar::Date;

/// A Hebrew month by code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HebrewMonth {
    number: u8,
    leap: bool,
}

impl HebrewMonth {
    /// Parses a month code `M01`–`M12` or `M05L`.
    pub fn from_code(code: &str) -> Option<HebrewMonth> {
        let rest = code.strip_prefix('M')?;
        let (digits, leap) = match rest.strip_suffix('L') {
            Some(d) => (d, true),
            None => (rest, false),
        };
        let number: u8 = digits.parse().ok().filter(|n| (1..=12).contains(n))?;
        if digits.len() != 2 || (leap && number != 5) {
            return None;
        }
        Some(HebrewMonth { number, leap })
    }

    /// The month code.
    pub fn code(self) -> String {
        format!("M{:02}{}", self.number, if self.leap { "L" } else { "" })
    }

    /// The English name.
    pub fn name(self) -> &'static str {
        const NAMES: [&str; 12] = [
            "Tishrei", "Heshvan", "Kislev", "Tevet", "Shevat", "Adar", "Nisan", "Iyar", "Sivan",
            "Tammuz", "Av", "Elul",
        ];
        if self.leap {
            return "Adar I";
        }
        NAMES
            .get(usize::from(self.number) - 1)
            .copied()
            .unwrap_or("?")
    }
}

/// Whether Hebrew year `year` has 13 months.
pub fn is_leap_year(year: i32) -> bool {
    (7 * year + 1).rem_euclid(19) < 7
}

/// The Gregorian date of `day` `month` `year` (Anno Mundi). Adar I in a
/// common year, or a day the month lacks (30 Heshvan in a short year), is
/// `None`.
///
/// ```
/// use chrono::NaiveDate;
/// use clash_core::calendars::hebrew::{to_gregorian, HebrewMonth};
/// // Yom Kippur 5785 (10 Tishrei) is 2024-10-12.
/// let tishrei = HebrewMonth::from_code("M01").unwrap();
/// assert_eq!(to_gregorian(5785, tishrei, 10), NaiveDate::from_ymd_opt(2024, 10, 12));
/// ```
pub fn to_gregorian(year: i32, month: HebrewMonth, day: u8) -> Option<NaiveDate> {
    let m = if month.leap {
        if !is_leap_year(year) {
            return None;
        }
        Month::leap(month.number)
    } else {
        Month::new(month.number)
    };
    let date = Date::try_new_hebrew_v2(year, m, day).ok()?;
    // icu clamps nothing here, but check the day survived (no 30 Heshvan in
    // a deficient year).
    if date.day_of_month().0 != day {
        return None;
    }
    super::to_naive(&date)
}

/// The dates in Gregorian `year` of `day` `month` of the Hebrew calendar.
pub fn in_gregorian_year(
    year: i32,
    month: HebrewMonth,
    day: u8,
) -> impl Iterator<Item = (i32, NaiveDate)> {
    (year + 3760..=year + 3761)
        .filter_map(move |hy| to_gregorian(hy, month, day).map(|d| (hy, d)))
        .filter(move |(_, d)| d.year() == year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        let m = |c| HebrewMonth::from_code(c).unwrap();
        let d = |y, mo, dd| NaiveDate::from_ymd_opt(y, mo, dd);
        // hebcal: Purim 5784 (leap year, Adar II) 2024-03-24; Purim Katan (14 Adar I) 2024-02-23.
        assert_eq!(to_gregorian(5784, m("M06"), 14), d(2024, 3, 24));
        assert_eq!(to_gregorian(5784, m("M05L"), 14), d(2024, 2, 23));
        assert_eq!(to_gregorian(5785, m("M05L"), 14), None);
        // Passover 5785: 15 Nisan = 2025-04-13.
        assert_eq!(to_gregorian(5785, m("M07"), 15), d(2025, 4, 13));
        assert!(is_leap_year(5784) && !is_leap_year(5785));
        for bad in ["M13", "M5", "M06L", "X01", "M00"] {
            assert!(HebrewMonth::from_code(bad).is_none(), "{bad}");
        }
        assert_eq!(m("M05L").name(), "Adar I");
    }
}
