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
