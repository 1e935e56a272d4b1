//! The Ethiopian calendar, converted with `icu_calendar` (Amete Mihret
//! era; 12 months of 30 days and Pagume of 5 or 6).

use chrono::{Datelike, NaiveDate};
use icu_calendar::cal::EthiopianEraStyle;
use icu_calendar::Date;

/// The Gregorian date of `day` `month` `year` (Amete Mihret).
///
/// ```
/// use chrono::NaiveDate;
/// use clash_core::calendars::ethiopian::to_gregorian;
/// // Enkutatash (1 Meskerem 2017) was 2024-09-11.
/// assert_eq!(to_gregorian(2017, 1, 1), NaiveDate::from_ymd_opt(2024, 9, 11));
/// ```
pub fn to_gregorian(year: i32, month: u8, day: u8) -> Option<NaiveDate> {
    super::to_naive(
        &Date::try_new_ethiopian(EthiopianEraStyle::AmeteMihret, year, month, day).ok()?,
    )
}

/// The dates in Gregorian `year` of `day` `month` of the Ethiopian calendar.
pub fn in_gregorian_year(year: i32, month: u8, day: u8) -> impl Iterator<Item = NaiveDate> {
    (year - 9..=year - 7)
        .filter_map(move |ey| to_gregorian(ey, month, day))
        .filter(move |d| d.year() == year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enkutatash() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        // 1 Meskerem is 11 September, or 12 September in the year before a
        // Gregorian leap year (Pagume has 6 days then): 2023-09-12 (2016
        // E.C.), 2024-09-11, 2027-09-12.
        assert_eq!(
            in_gregorian_year(2023, 1, 1).collect::<Vec<_>>(),
            vec![d(2023, 9, 12).unwrap()]
        );
        assert_eq!(
            in_gregorian_year(2024, 1, 1).collect::<Vec<_>>(),
            vec![d(2024, 9, 11).unwrap()]
        );
        assert_eq!(
            in_gregorian_year(2027, 1, 1).collect::<Vec<_>>(),
            vec![d(2027, 9, 12).unwrap()]
        );
        // Genna (29 Tahsas) is 7 January.
        assert_eq!(to_gregorian(2017, 4, 29), d(2025, 1, 7));
    }
}
