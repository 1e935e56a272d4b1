//! Calendar arithmetic and astronomy: pure functions with no catalogue types.
//!
//! Each submodule cites the published algorithm it implements.

pub mod astro;
pub mod chinese;
pub mod easter;
pub mod ethiopian;
pub mod gregorian;
pub mod hebrew;
pub mod hijri;
mod hijri_uq_table;
pub mod hindu;
pub mod julian;
pub mod persian;
pub mod sun;
pub mod thai;
pub mod tibetan;

use chrono::NaiveDate;
use icu_calendar::{AsCalendar, Date, Iso};

/// The Gregorian date of an `icu_calendar` date.
pub(crate) fn to_naive<A: AsCalendar>(date: &Date<A>) -> Option<NaiveDate> {
    let iso = date.to_calendar(Iso);
    NaiveDate::from_ymd_opt(
        iso.year().extended_year(),
        u32::from(iso.month().ordinal),
        u32::from(iso.day_of_month().0),
    )
}
