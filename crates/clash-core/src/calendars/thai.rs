//! The Thai lunar calendar (*patithin chanthrakhati*), by which Thailand
//! fixes its Buddhist holy days.
//!
//! The structure (Wikipedia, "Thai lunar calendar", sections Years and
//! Months: <https://en.wikipedia.org/wiki/Thai_lunar_calendar>; J. C. Eade,
//! *The Calendrical Systems of Mainland South-East Asia*, Brill 1995):
//!
//! - the count of months starts with month 1 (*duean ai*) in November or
//!   December; months alternate 29 days (odd months) and 30 days (even
//!   months), each starting at the (calendrical) new moon, so that the 15th
//!   waxing day, the 15th day of the month, is the full moon;
//! - a year is of one of three kinds: *pakatimat*, 354 days; *athikawan*,
//!   355 days, a 30th day added to month 7; *athikamat*, 384 days, a second
//!   30-day 8th month (month "8/8") after the 8th. No year has both.
//!
//! Which kind each year is follows the Suriyayatra reckoning. The year
//! kinds here are a table, [`TABLE_YEARS`] (the lunar years whose 8th month
//! falls in Gregorian 1915–2157), as the Thai almanacs published by
//! myhora.com tabulate them (collected in the `holidays` Python package's
//! Thai calendar, MIT licence; the table is facts, the code our own). The
//! table's leap months are those the Suriyayatra rule gives (the year's
//! *tithi* of 25 or more or of 5 or less, or 24 when the next year's is not
//! 5 or less: Eade 1995) in every year from 1915 to 2041 but 1944–1945; the
//! unit tests check this.
//!
//! Outside the table the year kinds are estimated ([`Reckoning::Estimated`]):
//! a leap month by that Suriyayatra tithi rule, and a leap day whenever the
//! year's first day would otherwise fall more than half a day behind the
//! mean new moon (mean synodic month 29.530589 days). Over the table's
//! years this estimate puts the year's first day on the table's day in
//! most years and a day off in the rest, so dates outside the table may
//! be a day off (and, where the leap month falls differently, a month).

use chrono::{Duration, NaiveDate};

/// The kind of a Thai lunar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum YearKind {
    /// *Pakatimat*: 12 months, 354 days.
    Normal,
    /// *Athikawan*: a 30th day in month 7, 355 days.
    Athikawan,
    /// *Athikamat*: a second 8th month, 384 days.
    Athikamat,
}

impl YearKind {
    /// The number of days in the year.
    pub fn days(self) -> i64 {
        match self {
            YearKind::Normal => 354,
            YearKind::Athikawan => 355,
            YearKind::Athikamat => 384,
        }
    }

    fn lunations(self) -> u8 {
        match self {
            YearKind::Athikamat => 13,
            _ => 12,
        }
    }
}

/// Whether a date comes from the table or from the estimate outside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reckoning {
    /// Within [`TABLE_YEARS`].
    Table,
    /// Outside it: the year kinds estimated (see the module docs).
    Estimated,
}

/// A month of the Thai lunar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    /// 1–12.
    pub number: u8,
    /// The second 8th month (8/8) of an athikamat year.
    pub second: bool,
}

/// The lunar years (named by the Gregorian year of their 8th month) whose
/// kinds [`year_kind`] takes from the table.
pub const TABLE_YEARS: std::ops::RangeInclusive<i32> = 1915..=2157;

/// The years [`year_kind`] answers for: the table and the estimate around it.
pub const YEARS: std::ops::RangeInclusive<i32> = 1500..=3100;

/// N = pakatimat, W = athikawan, M = athikamat; one letter per lunar year
/// from 1915 (source: see the module docs).
const TABLE: &[&str] = &[
    "MNWMNMNNMNWMNMWNMNWMNWMNMNNMNMWNMNWMNWMNNMWMNNMNWM", // 1915
    "NMNNMWNMWNMNMNWMNNMNMNWMNWMNMNNMWNMWNMNMNWMNWMNMNN", // 1965
    "MWNMNWMNMNWMNNMNMWNMWNMNNMWNMNMWNMNMNWMNWMNWMNNMNM", // 2015
    "NMWNMNWMNMNWMNNMNMWNMWNMNNMWNMNMWNMNMNWMNNMNWNWMNM", // 2065
    "NMWNMNWMNMNWMNNMNMWNMWNMNNMWNMNMWNMNMNWMNNM",        // 2115
];

/// The first day of month 1 of the lunar year 1915.
fn epoch() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1914, 11, 18)
}

/// Mean synodic month, days (Meeus, *Astronomical Algorithms*, ch. 49).
const SYNODIC: f64 = 29.530_589;

/// How far (days) the year's first day may fall behind the mean new moon
/// before the estimate adds a leap day.
const BEHIND: f64 = -0.5;

fn table_kind(year: i32) -> Option<YearKind> {
    let i = usize::try_from(year.checked_sub(*TABLE_YEARS.start())?).ok()?;
    let letter = TABLE.iter().flat_map(|row| row.bytes()).nth(i)?;
    match letter {
        b'N' => Some(YearKind::Normal),
        b'W' => Some(YearKind::Athikawan),
        b'M' => Some(YearKind::Athikamat),
        _ => None,
    }
}

/// The Suriyayatra *tithi* of Chula Sakarat year `cs` (the lunar day at
/// the year's astronomical start): from the *horakhun* (days elapsed since
/// the era), `h = (292207 cs + 373) div 800 + 1`, the tithi is
/// `(h + (11 h + 650) div 692) mod 30` (Eade 1995).
fn tithi(cs: i64) -> i64 {
    let h = (292_207 * cs + 373).div_euclid(800) + 1;
    (h + (11 * h + 650).div_euclid(692)).rem_euclid(30)
}

/// Whether the Suriyayatra rule makes the lunar year of Gregorian `year`
/// (Chula Sakarat `year - 638`) an athikamat year.
fn rule_leap_month(year: i32) -> bool {
    let cs = i64::from(year) - 638;
    match tithi(cs) {
        t if t >= 25 || t <= 5 => true,
        24 => tithi(cs + 1) > 5,
        _ => false,
    }
}

/// The first day of month 1 of each lunar year, walking out from the table.
/// Bounded: at most `YEARS` steps.
fn year_start(year: i32) -> Option<(NaiveDate, YearKind, Reckoning)> {
    if !YEARS.contains(&year) {
        return None;
    }
    let first = *TABLE_YEARS.start();
    let last = *TABLE_YEARS.end();
    let mut start = epoch()?;
    // Days of the first day after the mean new moon, relative to the epoch.
    let mut behind = 0.0_f64;
    if year >= first {
        for y in first..year.min(last + 1) {
            let kind = table_kind(y)?;
            start = start.checked_add_signed(Duration::days(kind.days()))?;
            behind += kind.days() as f64 - f64::from(kind.lunations()) * SYNODIC;
        }
        if year <= last {
            return Some((start, table_kind(year)?, Reckoning::Table));
        }
        for y in last + 1..=year {
            let kind = estimated_kind(y, behind);
            if y == year {
                return Some((start, kind, Reckoning::Estimated));
            }
            start = start.checked_add_signed(Duration::days(kind.days()))?;
            behind += kind.days() as f64 - f64::from(kind.lunations()) * SYNODIC;
        }
        None
    } else {
        for y in (year..first).rev() {
            let kind = if rule_leap_month(y) {
                YearKind::Athikamat
            } else {
                // Going back, a leap day where the start would otherwise
                // run more than half a day ahead of the mean new moon.
                let normal = behind - (354.0 - 12.0 * SYNODIC);
                if normal > BEHIND + 1.0 {
                    YearKind::Athikawan
                } else {
                    YearKind::Normal
                }
            };
            start = start.checked_sub_signed(Duration::days(kind.days()))?;
            behind -= kind.days() as f64 - f64::from(kind.lunations()) * SYNODIC;
            if y == year {
                return Some((start, kind, Reckoning::Estimated));
            }
        }
        None
    }
}

fn estimated_kind(year: i32, behind: f64) -> YearKind {
    if rule_leap_month(year) {
        YearKind::Athikamat
    } else if behind + 354.0 - 12.0 * SYNODIC < BEHIND {
        YearKind::Athikawan
    } else {
        YearKind::Normal
    }
}

/// The first and last days of the lunar years in [`TABLE_YEARS`].
pub fn table_span() -> Option<(NaiveDate, NaiveDate)> {
    let (first, _, _) = year_start(*TABLE_YEARS.start())?;
    let (after, _, _) = year_start(TABLE_YEARS.end().checked_add(1)?)?;
    Some((first, after.pred_opt()?))
}

/// The kind of the lunar year whose 8th month falls in Gregorian `year`,
/// or `None` outside [`YEARS`].
///
/// ```
/// use clash_core::calendars::thai::{year_kind, Reckoning, YearKind};
/// // 2026 (BE 2569) has a second 8th month.
/// assert_eq!(year_kind(2026), Some((YearKind::Athikamat, Reckoning::Table)));
/// ```
pub fn year_kind(year: i32) -> Option<(YearKind, Reckoning)> {
    year_start(year).map(|(_, kind, reckoning)| (kind, reckoning))
}

/// The Gregorian date of day `day` (1–30: 1–15 waxing, 16 on the waning
/// days) of `month` in the lunar year whose 8th month falls in Gregorian
/// `year`, or `None` where there is no such day (outside [`YEARS`], an
/// 8/8 month in a year without one, a 30th day the month lacks).
///
/// ```
/// use chrono::NaiveDate;
/// use clash_core::calendars::thai::{to_gregorian, Month, Reckoning};
/// // Makha Bucha 2024: the full moon of month 3, 24 February 2024.
/// let m3 = Month { number: 3, second: false };
/// assert_eq!(to_gregorian(2024, m3, 15), Some((NaiveDate::from_ymd_opt(2024, 2, 24).unwrap(), Reckoning::Table)));
/// ```
pub fn to_gregorian(year: i32, month: Month, day: u8) -> Option<(NaiveDate, Reckoning)> {
    let (start, kind, reckoning) = year_start(year)?;
    if !(1..=12).contains(&month.number) || day == 0 {
        return None;
    }
    if month.second && (month.number != 8 || kind != YearKind::Athikamat) {
        return None;
    }
    let length = |n: u8, second: bool| -> i64 {
        match (n, second) {
            (_, true) => 30,
            (7, false) if kind == YearKind::Athikawan => 30,
            (n, false) if n % 2 == 1 => 29,
            _ => 30,
        }
    };
    let mut offset = 0_i64;
    for n in 1..month.number {
        offset += length(n, false);
        if n == 8 && kind == YearKind::Athikamat {
            offset += 30;
        }
    }
    if month.second {
        offset += length(8, false);
    }
    if i64::from(day) > length(month.number, month.second) {
        return None;
    }
    let date = start.checked_add_signed(Duration::days(offset + i64::from(day) - 1))?;
    Some((date, reckoning))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn table_is_whole() {
        for y in TABLE_YEARS {
            assert!(table_kind(y).is_some(), "{y}");
        }
        assert_eq!(table_kind(1914), None);
        assert_eq!(table_kind(2158), None);
    }

    #[test]
    fn suriyayatra_rule_agrees_with_the_table_to_2041() {
        let differ: Vec<i32> = (1915..=2041)
            .filter(|&y| rule_leap_month(y) != (table_kind(y) == Some(YearKind::Athikamat)))
            .collect();
        assert_eq!(differ, vec![1944, 1945]);
    }

    #[test]
    fn known_dates() {
        let m = |number, second| Month { number, second };
        // (year, month, day, date): Thai public holidays of 2023-2025 as
        // reported (Makha Bucha, Asarnha Bucha, Khao Phansa, Ok Phansa).
        let cases = [
            (2024, m(3, false), 15, d(2024, 2, 24)),
            (2024, m(8, false), 15, d(2024, 7, 20)),
            (2023, m(4, false), 15, d(2023, 3, 6)),
            (2023, m(8, true), 15, d(2023, 8, 1)),
            (2023, m(8, true), 16, d(2023, 8, 2)),
            (2025, m(11, false), 15, d(2025, 10, 7)),
        ];
        for (y, month, day, want) in cases {
            assert_eq!(
                to_gregorian(y, month, day).map(|r| r.0),
                Some(want),
                "{y} {month:?} {day}"
            );
        }
    }

    #[test]
    fn no_such_days() {
        let m = |number, second| Month { number, second };
        // (year, month, day): a second 8th month in a year without one,
        // a 13th month, a 30th of a 29-day month, a day 0, years out of range.
        let cases = [
            (2024, m(8, true), 15),
            (2024, m(13, false), 1),
            (2024, m(1, false), 30),
            (2024, m(1, false), 0),
            (i32::MAX, m(1, false), 1),
            (i32::MIN, m(1, false), 1),
        ];
        for (y, month, day) in cases {
            assert_eq!(to_gregorian(y, month, day), None, "{y} {month:?} {day}");
        }
    }

    #[test]
    fn estimate_is_continuous_and_bounded() {
        for y in *YEARS.start()..*YEARS.end() {
            let (a, k, _) = year_start(y).unwrap();
            let (b, _, _) = year_start(y + 1).unwrap();
            assert_eq!((b - a).num_days(), k.days(), "{y}");
        }
    }
}
