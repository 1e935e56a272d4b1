//! The Islamic (Hijri) calendar.
//!
//! - Umm al-Qura: the calendar of Saudi Arabia (King Abdulaziz City for
//!   Science and Technology), from its published tables, 1343–1500 AH
//!   (1924-08-01 to 2077-11-16) (`hijri_uq_table`). `icu_calendar`
//!   also ships Umm al-Qura data, but it differs from the published tables
//!   by a day in about 40% of the months checked (1924–1999 and
//!   2030–2077), so the published table is used.
//! - Tabular (type II leap years, Friday epoch, the "civil" variant), by
//!   `icu_calendar`: a 30-year arithmetic cycle, usually within a day or two
//!   of sighting.

use chrono::{Datelike, NaiveDate};
use icu_calendar::cal::hijri::{TabularAlgorithmEpoch, TabularAlgorithmLeapYears};
use icu_calendar::cal::Hijri;
use icu_calendar::Date;

/// How Hijri dates are computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Method {
    /// Umm al-Qura tables (Saudi Arabia), within [`UMM_AL_QURA_YEARS`].
    #[default]
    UmmAlQura,
    /// The arithmetic (tabular) calendar.
    Tabular,
}

/// The Hijri years for which the Umm al-Qura tables are published.
pub const UMM_AL_QURA_YEARS: std::ops::RangeInclusive<i32> = 1343..=1500;

/// The Gregorian date of `day` `month` `year` AH by `method`, or `None`
/// where the method has no answer (Umm al-Qura outside its published
/// years; a 30th day the month lacks).
///
/// ```
/// use chrono::NaiveDate;
/// use clash_core::calendars::hijri::{to_gregorian, Method};
/// // Eid al-Fitr 1445 (1 Shawwal) by Umm al-Qura: 2024-04-10.
/// assert_eq!(to_gregorian(1445, 10, 1, Method::UmmAlQura), NaiveDate::from_ymd_opt(2024, 4, 10));
/// ```
pub fn to_gregorian(year: i32, month: u8, day: u8, method: Method) -> Option<NaiveDate> {
    match method {
        Method::UmmAlQura => umm_al_qura(year, month, day),
        Method::Tabular => super::to_naive(
            &Date::try_new_hijri_with_calendar(
                year,
                month,
                day,
                Hijri::new_tabular(
                    TabularAlgorithmLeapYears::TypeII,
                    TabularAlgorithmEpoch::Friday,
                ),
            )
            .ok()?,
        ),
    }
}

fn umm_al_qura(year: i32, month: u8, day: u8) -> Option<NaiveDate> {
    let index = usize::try_from(year - *UMM_AL_QURA_YEARS.start()).ok()?;
    let (_, (y, m, d), lengths) = super::hijri_uq_table::TABLE.get(index)?;
    let month_index = usize::from(month.checked_sub(1)?);
    let length = *lengths.get(month_index)?;
    if day == 0 || day > length {
        return None;
    }
    let before: i64 = lengths
        .iter()
        .take(month_index)
        .map(|&l| i64::from(l))
        .sum();
    NaiveDate::from_ymd_opt(*y, *m, *d)?
        .checked_add_signed(chrono::Duration::days(before + i64::from(day) - 1))
}

/// The first and last Gregorian days covered by the Umm al-Qura tables
/// (computed once).
pub fn umm_al_qura_span() -> Option<(NaiveDate, NaiveDate)> {
    static SPAN: std::sync::OnceLock<Option<(NaiveDate, NaiveDate)>> = std::sync::OnceLock::new();
    *SPAN.get_or_init(|| {
        let first = to_gregorian(*UMM_AL_QURA_YEARS.start(), 1, 1, Method::UmmAlQura)?;
        let last = (1..=30)
            .rev()
            .find_map(|d| to_gregorian(*UMM_AL_QURA_YEARS.end(), 12, d, Method::UmmAlQura))?;
        Some((first, last))
    })
}

/// The Hijri years that may have a date in Gregorian `year`.
pub fn years_touching(year: i32) -> std::ops::RangeInclusive<i32> {
    // A Hijri year is 354 or 355 days: 1 AH began in 622.
    let approx = ((f64::from(year) - 622.0) * 365.2425 / 354.367) as i32;
    approx..=approx + 2
}

/// The dates in Gregorian `year` of `day` `month` AH by `method`, with the
/// Hijri year of each. Zero, one or two dates.
pub fn in_gregorian_year(
    year: i32,
    month: u8,
    day: u8,
    method: Method,
) -> impl Iterator<Item = (i32, NaiveDate)> {
    years_touching(year)
        .filter_map(move |hy| to_gregorian(hy, month, day, method).map(|d| (hy, d)))
        .filter(move |(_, d)| d.year() == year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        // Umm al-Qura: 1 Ramadan 1445 = 2024-03-11; 10 Dhu al-Hijjah 1445 = 2024-06-16.
        assert_eq!(to_gregorian(1445, 9, 1, Method::UmmAlQura), d(2024, 3, 11));
        assert_eq!(
            to_gregorian(1445, 12, 10, Method::UmmAlQura),
            d(2024, 6, 16)
        );
        // Outside the tables: no answer rather than a guess.
        assert_eq!(to_gregorian(1342, 1, 1, Method::UmmAlQura), None);
        assert!(to_gregorian(1342, 1, 1, Method::Tabular).is_some());
        // 1 Muharram falls twice in 2008 (10 January and 29 December).
        let both: Vec<_> = in_gregorian_year(2008, 1, 1, Method::UmmAlQura).collect();
        assert_eq!(both.len(), 2, "{both:?}");
    }
}
