//! The Tibetan calendar in its Phugpa version (the calendar of the Dalai
//! Lama's tradition and of the Men-Tsee-Khang, the Tibetan Medical and
//! Astro-science Institute in Dharamsala), by the arithmetic of Svante
//! Janson, "Tibetan calendar mathematics" (Uppsala, December 2007, revised
//! 2014; arXiv:1401.6285; <https://www2.math.uu.se/~svante/papers/calendars/tibet.pdf>),
//! with the epoch constants of his epoch E806:
//!
//! - **Months.** A year `Y` is numbered by the Gregorian year in which it
//!   begins (Janson's convention). Month `M` of year `Y` is the `x`-th
//!   solar month from the epoch, `x = 12 (Y − 806) + M − 3`; the lunar
//!   months (the *true month count* `n`) run 67 to every 65 solar months:
//!   `n = ⌊(67 x + β* + 17) / 65⌋` with `β* = 61`. When the count jumps by
//!   two between months `M − 1` and `M` (the intercalation index
//!   `(67 x + β*) mod 65` is 48 or 49), there are two months numbered `M`:
//!   the first, count `n − 1`, is the leap month.
//! - **Days.** Day `d` (1–30) of the month with count `n` ends at the
//!   *true date* `mean_date + moon_equ / 60 − sun_equ / 60`, where
//!   `mean_date = m0 + n m1 + d m2` (`m1 = 167025/5656` days, `m2 = m1/30`,
//!   `m0 = 2015501 + 4783/5656`, a Julian Day Number), the moon's equation
//!   is the table 0, 5, 10, 15, 19, 22, 24, 25 (a quarter of its period of
//!   28, the rest by symmetry, linear between entries) at 28 × the moon's
//!   anomaly `n a1 + d a2 + a0` (`a1 = 253/3528`, `a2 = 1/28`,
//!   `a0 = 475/3528`), and the sun's equation the table 0, 6, 10, 11 (of
//!   12) at 12 × the sun's anomaly, the mean sun `n s1 + d s2 + s0` less
//!   a quarter (`s1 = 65/804`, `s2 = s1/30`, `s0 = 743/804`). The civil
//!   day carrying date `d` is the integer part of its true date (a Julian
//!   Day Number). Where two true dates fall in one civil day the first
//!   date is skipped; where a civil day holds no true date, it carries the
//!   number of the next one (a doubled day; the first is the leap day).
//!
//! The constants above are Janson's for the epoch E806. The intercalation
//! constant, `β* = 61` in this form of the month count, was chosen here as
//! a value that agrees with both dated examples Janson prints (the paper's
//! dates: 31 December 2007 = Sunday, day 23 of month 11, Fire-Pig year;
//! 8 January 2014 = Wednesday, day 8 of month 11, Water-Snake year; the
//! first's weekday is a slip, 31 December 2007 was a Monday), with a
//! published worked conversion (12 December 1888 = day 10 of month 11,
//! day 4 skipped), with the leap months the almanacs publish (a leap sixth
//! month in 2024: Chökhor Düchen, day 4 of month 6, kept on 9–10 July and
//! on 8 August 2024) and with the Phugpa calendar of Dershowitz and
//! Reingold, *Calendrical Calculations* (3rd ed., 2008, ch. 19): their
//! arithmetic, run independently for 1950–2060 when this module was
//! written, puts the leap months in the same places and ends every lunar
//! day on the same civil day (they number a skipped or doubled day
//! differently: their day `d` is the day after day `d − 1` ends).
//!
//! **Losar**, the New Year, is the first day of the year: the civil day
//! after the last day (day 30) of the previous year's twelfth month. That
//! is day 1 of month 1 in most years; the first day of the leap first month
//! when the first month is doubled (as in 2019); the first of two days 1
//! when day 1 is doubled; and, when day 1 is skipped, the day the almanac
//! numbers 2, which is the year's first day all the same. In every year
//! 1950–2060 this is the day Dershowitz and Reingold's arithmetic gives for
//! day 1 of month 1 (of the leap first month when there is one).

use chrono::NaiveDate;

/// Janson's epoch E806: the year of the epoch's month count.
const YEAR0: i128 = 806;
/// The month (of year [`YEAR0`]) at which the solar month count is 0.
const MONTH0: i128 = 3;
/// The intercalation constant β* of epoch E806.
const BETA_STAR: i128 = 61;

/// The common denominator of every true date: the least common multiple of
/// the mean date's 11312, the moon equation's 60 × 126 and the sun
/// equation's 60 × 402 (2^4 · 3^3 · 5 · 7 · 67 · 101).
pub const DEN: i128 = 102_317_040;
/// `m2 = 11135/11312` days (one lunar day), in units of 1/[`DEN`].
const M2: i128 = 11_135 * (DEN / 11_312);
/// `m0 = 2015501 + 4783/5656`, in units of 1/[`DEN`].
const M0: i128 = 2_015_501 * DEN + 4_783 * (DEN / 5_656);

/// A month of the Tibetan calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    /// The year, numbered by the Gregorian year in which it begins.
    pub year: i32,
    /// 1–12.
    pub number: u8,
    /// The first of two months with this number.
    pub leap: bool,
}

/// The solar month count `x` of month `number` of `year` from the epoch.
fn solar_months(year: i32, number: u8) -> i128 {
    12 * (i128::from(year) - YEAR0) + i128::from(number) - MONTH0
}

/// The true month count of solar month `x` (the regular month).
fn count_of(x: i128) -> i128 {
    (67 * x + BETA_STAR + 17).div_euclid(65)
}

/// Whether month `number` of `year` is doubled: preceded by a leap month of
/// the same number.
///
/// ```
/// use clash_core::calendars::tibetan::is_doubled;
/// // The Wood Dragon year 2024 has a leap sixth month.
/// assert!(is_doubled(2024, 6));
/// assert!(!is_doubled(2024, 7));
/// ```
pub fn is_doubled(year: i32, number: u8) -> bool {
    let x = solar_months(year, number);
    count_of(x) - count_of(x - 1) == 2
}

/// The intercalation index `(67 x + β*) mod 65` of month `number` of
/// `year`: 48 or 49 exactly when the month is doubled.
pub fn intercalation_index(year: i32, number: u8) -> i128 {
    (67 * solar_months(year, number) + BETA_STAR).rem_euclid(65)
}

/// The true month count `n` of a month (the leap month's count is one less
/// than its regular month's). `None` for a month number outside 1–12 or a
/// leap month that does not exist.
pub fn month_count(month: Month) -> Option<i128> {
    if !(1..=12).contains(&month.number) {
        return None;
    }
    let n = count_of(solar_months(month.year, month.number));
    match month.leap {
        false => Some(n),
        true if is_doubled(month.year, month.number) => Some(n - 1),
        true => None,
    }
}

/// The moon's equation over a quarter of its period of 28 steps, in units
/// of 1/60 day.
const MOON_EQUATION: [i128; 8] = [0, 5, 10, 15, 19, 22, 24, 25];
/// The sun's equation over a quarter of its period of 12 steps, in units
/// of 1/60 day.
const SUN_EQUATION: [i128; 4] = [0, 6, 10, 11];

/// An equation table at whole step `i`: `quarter` holds its first quarter
/// period (`quarter.len() − 1` steps), the rest follows by symmetry, the
/// second half negative.
fn equation(quarter: &[i128], i: i128) -> i128 {
    let q = i128::try_from(quarter.len()).map_or(1, |n| (n - 1).max(1));
    let i = i.rem_euclid(4 * q);
    let (k, sign) = match i / q {
        0 => (i, 1),
        1 => (2 * q - i, 1),
        2 => (i - 2 * q, -1),
        _ => (4 * q - i, -1),
    };
    let value = usize::try_from(k).ok().and_then(|k| quarter.get(k));
    sign * value.copied().unwrap_or(0)
}

/// The parts of a true date, exact: each a numerator over [`DEN`] days
/// (the anomalies as fractions of a revolution over their own
/// denominators).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrueDate {
    /// The mean date, Julian days × [`DEN`].
    pub mean_date: i128,
    /// The moon's anomaly in revolutions × 3528, in `0..3528`.
    pub moon_anomaly: i128,
    /// The sun's anomaly (mean sun less a quarter) in revolutions × 4824,
    /// in `0..4824`.
    pub sun_anomaly: i128,
    /// The moon's equation, days × [`DEN`].
    pub moon_equ: i128,
    /// The sun's equation, days × [`DEN`].
    pub sun_equ: i128,
}

impl TrueDate {
    /// The true date of day `day` of the month with true month count `n`.
    pub fn of(n: i128, day: i128) -> Self {
        let lunar_days = 30 * n + day;
        let mean_date = M0 + lunar_days * M2;
        // a0 + n a1 + d a2 = (475 + 253 n + 126 d) / 3528.
        let moon_anomaly = (475 + 253 * n + 126 * day).rem_euclid(3528);
        // s0 + (30 n + d) s2 − 1/4 = (4458 + 13 (30 n + d) − 1206) / 4824.
        let sun_anomaly = (3252 + 13 * lunar_days).rem_euclid(4824);
        // 28 × anomaly = moon_anomaly / 126 steps; 12 × anomaly = sun_anomaly / 402.
        let moon_equ = interpolate(&MOON_EQUATION, moon_anomaly, 126) * (DEN / (60 * 126));
        let sun_equ = interpolate(&SUN_EQUATION, sun_anomaly, 402) * (DEN / (60 * 402));
        TrueDate {
            mean_date,
            moon_anomaly,
            sun_anomaly,
            moon_equ,
            sun_equ,
        }
    }

    /// The true date, Julian days × [`DEN`].
    pub fn value(self) -> i128 {
        self.mean_date + self.moon_equ - self.sun_equ
    }

    /// The Julian Day Number of the civil day on which this lunar day ends.
    pub fn julian_day(self) -> i128 {
        self.value().div_euclid(DEN)
    }
}

/// The equation table of `quarter` at `steps / per` steps, linear between
/// its whole steps, in units of 1/(60 × `per`) day.
fn interpolate(quarter: &[i128], steps: i128, per: i128) -> i128 {
    let whole = steps.div_euclid(per);
    let part = steps.rem_euclid(per);
    let low = equation(quarter, whole);
    low * per + (equation(quarter, whole + 1) - low) * part
}

/// The Julian Day Number of the civil day that ends lunar day `day` (1–30)
/// of the month with count `n`.
pub fn julian_day(n: i128, day: i128) -> i128 {
    TrueDate::of(n, day).julian_day()
}

/// The Gregorian date of a Julian Day Number.
fn gregorian(jdn: i128) -> Option<NaiveDate> {
    // JDN 1721426 is 1 January 1 (proleptic Gregorian), chrono's day 1.
    let days = i32::try_from(jdn - 1_721_425).ok()?;
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// The first civil day of the month with count `n`: the day after the last
/// day (day 30) of the month before.
pub fn first_day(n: i128) -> Option<NaiveDate> {
    gregorian(julian_day(n - 1, 30) + 1)
}

/// The Gregorian date that carries day `day` of `month`: the civil day on
/// which that lunar day ends, or, for a skipped day, `None`. For a doubled
/// day this is the second (regular) of the two days.
///
/// ```
/// use chrono::NaiveDate;
/// use clash_core::calendars::tibetan::{date, Month};
/// // Janson's paper is dated 31 December 2007: day 23 of month 11 of the
/// // Fire Pig year.
/// let m = Month { year: 2007, number: 11, leap: false };
/// assert_eq!(date(m, 23), NaiveDate::from_ymd_opt(2007, 12, 31));
/// ```
pub fn date(month: Month, day: u8) -> Option<NaiveDate> {
    if !(1..=30).contains(&day) {
        return None;
    }
    let n = month_count(month)?;
    let d = i128::from(day);
    let jd = julian_day(n, d);
    let before = if d == 1 {
        julian_day(n - 1, 30)
    } else {
        julian_day(n, d - 1)
    };
    if jd == before {
        return None;
    }
    gregorian(jd)
}

/// Losar, the first day of the Tibetan year that begins in Gregorian `year`
/// (see the module documentation).
///
/// ```
/// use chrono::NaiveDate;
/// use clash_core::calendars::tibetan::new_year;
/// // Losar 2026, the Fire Horse year: 18 February 2026.
/// assert_eq!(new_year(2026), NaiveDate::from_ymd_opt(2026, 2, 18));
/// ```
pub fn new_year(year: i32) -> Option<NaiveDate> {
    let first = Month {
        year,
        number: 1,
        leap: is_doubled(year, 1),
    };
    first_day(month_count(first)?)
}

#[cfg(test)]
mod tests {
    use chrono::{Datelike, Weekday};

    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn month(year: i32, number: u8, leap: bool) -> Month {
        Month { year, number, leap }
    }

    /// Janson's two dated examples, the paper's dates: "31 December, 2007
    /// (Sunday 23, month 11, Fire-Pig year)" and "revised 8 January, 2014
    /// (Wednesday 8, month 11, Water-Snake year)". The first's weekday as
    /// printed is not the civil weekday of 31 December 2007 (a Monday), so
    /// only its day number is tested; the second's is.
    #[test]
    fn janson_dated_examples() {
        let a = date(month(2007, 11, false), 23).unwrap();
        assert_eq!(a, d(2007, 12, 31));
        let b = date(month(2013, 11, false), 8).unwrap();
        assert_eq!(b, d(2014, 1, 8));
        assert_eq!(b.weekday(), Weekday::Wed);
    }

    /// A published worked conversion with a skipped day: "date of birth
    /// 12/12/1888. The Tibetan year is Earth Rat. December 12 falls in the
    /// 11th lunar month, which begins on December 4. Since there is no 4th
    /// day in that month, 12/12 falls on the 10th day"
    /// (astrologicalsociety.us/indian-astrology/info-rcv.html).
    #[test]
    fn worked_example_1888_skipped_day() {
        let m = month(1888, 11, false);
        assert_eq!(first_day(month_count(m).unwrap()), Some(d(1888, 12, 4)));
        assert_eq!(date(m, 4), None);
        assert_eq!(date(m, 10), Some(d(1888, 12, 12)));
    }

    /// The month counts and intercalation: 67 lunar months to 65 solar
    /// months, so two leap months in every 65, and the doubled months are
    /// those of intercalation index 48 or 49.
    #[test]
    fn intercalation() {
        let mut leaps = 0;
        for x in 0..65 {
            let year = 2000 + x / 12;
            let number = u8::try_from(x % 12 + 1).unwrap();
            let doubled = is_doubled(year, number);
            assert_eq!(
                doubled,
                matches!(intercalation_index(year, number), 48 | 49),
                "{year}-{number}"
            );
            leaps += usize::from(doubled);
        }
        assert_eq!(leaps, 2);
        // A leap month exists only where the month is doubled.
        assert!(month_count(month(2024, 6, true)).is_some());
        assert!(month_count(month(2024, 7, true)).is_none());
        assert!(month_count(month(2024, 13, false)).is_none());
    }

    /// Published dates of the lunar months around a leap month: Chökhor
    /// Düchen (day 4 of month 6) 2024 fell "on 9 and 10 July and 8th
    /// August (according to the Tibetan calendar Chökhor Düchen falls over
    /// 2 months and in the 1st month over 2 days)" (ah-lama.com,
    /// 2024-08-08): a leap sixth month with a doubled day 4.
    #[test]
    fn leap_month_and_doubled_day_2024() {
        assert!(is_doubled(2024, 6));
        let leap = month(2024, 6, true);
        assert_eq!(date(leap, 4), Some(d(2024, 7, 10)));
        // Day 4 doubled: day 3 ends two civil days before day 4.
        assert_eq!(date(leap, 3), Some(d(2024, 7, 8)));
        assert_eq!(date(month(2024, 6, false), 4), Some(d(2024, 8, 8)));
    }

    /// Saga Dawa (the fourth month) 2021 "runs from May 12, 2021 until
    /// June 10, 2021", Saga Dawa Düchen (day 15) on 26 May 2021
    /// (nobletruth.org; khachodling.org); Saga Dawa Düchen 2022 on 14 June,
    /// Chökhor Düchen 1 August, Lhabab Düchen (9/22) 15 November 2022
    /// (kagyubuddhism.org; tara.org).
    #[test]
    fn published_festival_days() {
        let m4 = month(2021, 4, false);
        assert_eq!(first_day(month_count(m4).unwrap()), Some(d(2021, 5, 12)));
        assert_eq!(date(m4, 15), Some(d(2021, 5, 26)));
        assert_eq!(date(month(2022, 4, false), 15), Some(d(2022, 6, 14)));
        assert_eq!(date(month(2022, 6, false), 4), Some(d(2022, 8, 1)));
        assert_eq!(date(month(2022, 9, false), 22), Some(d(2022, 11, 15)));
    }

    /// The tables: the moon's equation peaks at 25 at a quarter period and
    /// changes sign at half; the sun's at 11 and 6.
    #[test]
    fn tables() {
        let moon_tab = |i| equation(&MOON_EQUATION, i);
        let sun_tab = |i| equation(&SUN_EQUATION, i);
        let moon: Vec<i128> = (0..=14).map(moon_tab).collect();
        assert_eq!(
            moon,
            [0, 5, 10, 15, 19, 22, 24, 25, 24, 22, 19, 15, 10, 5, 0]
        );
        assert_eq!(moon_tab(21), -25);
        assert_eq!(moon_tab(28), 0);
        let sun: Vec<i128> = (0..=12).map(sun_tab).collect();
        assert_eq!(sun, [0, 6, 10, 11, 10, 6, 0, -6, -10, -11, -10, -6, 0]);
        // Linear between entries: halfway from 7 (25) to 8 (24).
        assert_eq!(
            interpolate(&MOON_EQUATION, 7 * 126 + 63, 126),
            25 * 126 - 63
        );
    }

    /// Every year 1950–2060 has one Losar, between late January and mid
    /// March, and the years between successive Losars have 12 or 13 months
    /// (354–385 days).
    #[test]
    fn one_losar_a_year_1950_2060() {
        let mut previous: Option<NaiveDate> = None;
        for year in 1950..=2060 {
            let losar = new_year(year).unwrap();
            assert_eq!(losar.year(), year);
            assert!(
                d(year, 1, 25) <= losar && losar <= d(year, 3, 15),
                "{year}: {losar}"
            );
            if let Some(p) = previous {
                let days = (losar - p).num_days();
                assert!((353..=385).contains(&days), "{year}: {days}");
            }
            previous = Some(losar);
        }
    }

    /// No panic at the ends of the year range.
    #[test]
    fn extreme_years() {
        for year in [i32::MIN, i32::MIN + 1, -1, 0, 1, i32::MAX - 1, i32::MAX] {
            let _ = new_year(year);
            let _ = date(month(year, 12, false), 30);
        }
        assert!(date(month(2024, 1, false), 0).is_none());
        assert!(date(month(2024, 1, false), 31).is_none());
    }
}
