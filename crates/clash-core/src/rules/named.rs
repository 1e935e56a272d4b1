//! The truly irregular rules, as small named functions referred to from the
//! catalogue by name.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::calendars::astro::{moon_phase_after, solar_longitude_after, JulianDay, SYNODIC_MONTH};
use crate::calendars::{persian, tibetan};
use crate::location::Location;

/// A postponement rule for a Hebrew date (as in the Israeli calendar law
/// and halakhic practice; the same rules as hebcal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum HebrewAdjust {
    /// A fast on Shabbat moves to Sunday (Tisha B'Av, Fast of Gedaliah,
    /// 17 Tammuz).
    ShabbatToSunday,
    /// The Fast of Esther on Shabbat moves back to Thursday.
    FastOfEsther,
    /// Any other fast on Shabbat moves back to Thursday (the Fast of the
    /// Firstborn when 14 Nisan is Shabbat).
    ShabbatToThursday,
    /// Yom HaShoah (27 Nisan): Friday → Thursday, Sunday → Monday.
    YomHaShoah,
    /// Yom HaAtzmaut (5 Iyar): Friday or Saturday → the Thursday before;
    /// Monday → Tuesday (from 5764 / 2004).
    YomHaAtzmaut,
}

impl HebrewAdjust {
    /// Parses a catalogue name.
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "shabbat-to-sunday" => HebrewAdjust::ShabbatToSunday,
            "fast-of-esther" => HebrewAdjust::FastOfEsther,
            "shabbat-to-thursday" => HebrewAdjust::ShabbatToThursday,
            "yom-hashoah" => HebrewAdjust::YomHaShoah,
            "yom-haatzmaut" => HebrewAdjust::YomHaAtzmaut,
            _ => return None,
        })
    }

    /// The catalogue name.
    pub fn name(self) -> &'static str {
        match self {
            HebrewAdjust::ShabbatToSunday => "shabbat-to-sunday",
            HebrewAdjust::FastOfEsther => "fast-of-esther",
            HebrewAdjust::ShabbatToThursday => "shabbat-to-thursday",
            HebrewAdjust::YomHaShoah => "yom-hashoah",
            HebrewAdjust::YomHaAtzmaut => "yom-haatzmaut",
        }
    }

    /// The observed date of the Hebrew date `date` in Hebrew year `year`.
    pub(crate) fn apply(self, year: i32, date: NaiveDate) -> NaiveDate {
        let shift = |days: i64| date + Duration::days(days);
        match (self, date.weekday()) {
            (HebrewAdjust::ShabbatToSunday, Weekday::Sat) => shift(1),
            (HebrewAdjust::FastOfEsther | HebrewAdjust::ShabbatToThursday, Weekday::Sat) => {
                shift(-2)
            }
            (HebrewAdjust::YomHaShoah, Weekday::Fri) => shift(-1),
            (HebrewAdjust::YomHaShoah, Weekday::Sun) => shift(1),
            (HebrewAdjust::YomHaAtzmaut, Weekday::Fri) => shift(-1),
            (HebrewAdjust::YomHaAtzmaut, Weekday::Sat) => shift(-2),
            (HebrewAdjust::YomHaAtzmaut, Weekday::Mon) if year >= 5764 => shift(1),
            _ => date,
        }
    }
}

/// An irregular rule computed by a named function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Named {
    /// Nowruz by the Iranian rule ([`persian::nowruz`]).
    Nowruz,
    /// Bahá'í Naw-Rúz: the day (sunset to sunset in Tehran) in which the
    /// March equinox falls (Universal House of Justice, 10 July 2014).
    BahaiNawRuz,
    /// The first (`1`) or second (`2`) day after the eighth new moon after
    /// Naw-Rúz, days reckoned sunset to sunset in Tehran: the Birth of the
    /// Báb and the Birth of Bahá'u'lláh.
    TwinHolyBirthday(u8),
    /// The days the UK's clocks go forward (`true`) or back (`false`), from
    /// the IANA time zone database (Europe/London) via chrono-tz.
    UkClockChange(bool),
    /// The Annunciation (25 March) by the Church of England's rules to
    /// order (Common Worship: Times and Seasons): on a Sunday, the Monday
    /// after; from Palm Sunday to the Second Sunday of Easter, the Monday
    /// after the Second Sunday of Easter.
    Annunciation,
    /// Losar, the Tibetan New Year: the first day of the Phugpa calendar's
    /// year that begins in the Gregorian year ([`tibetan::new_year`], after
    /// Janson, "Tibetan calendar mathematics").
    Losar,
}

impl Named {
    /// Every named rule of this kind, by its catalogue name.
    pub const ALL: [Named; 8] = [
        Named::Nowruz,
        Named::BahaiNawRuz,
        Named::TwinHolyBirthday(1),
        Named::TwinHolyBirthday(2),
        Named::UkClockChange(true),
        Named::UkClockChange(false),
        Named::Annunciation,
        Named::Losar,
    ];

    /// Parses a catalogue name: the one of [`Named::ALL`] with this
    /// [`Named::name`].
    pub fn from_name(name: &str) -> Option<Self> {
        Named::ALL.into_iter().find(|n| n.name() == name)
    }

    /// The catalogue name.
    pub fn name(self) -> &'static str {
        match self {
            Named::Nowruz => "nowruz",
            Named::BahaiNawRuz => "bahai-naw-ruz",
            Named::TwinHolyBirthday(1) => "birth-of-the-bab",
            Named::TwinHolyBirthday(_) => "birth-of-bahaullah",
            Named::UkClockChange(true) => "bst-starts",
            Named::UkClockChange(false) => "bst-ends",
            Named::Annunciation => "annunciation",
            Named::Losar => "losar",
        }
    }

    /// A sentence for `clash show`.
    pub fn describe(self) -> &'static str {
        match self {
            Named::Nowruz => "1 Farvardin: the day (Iran time) of the March equinox if before noon, else the next day",
            Named::BahaiNawRuz => "the day (sunset to sunset in Tehran) in which the March equinox falls",
            Named::TwinHolyBirthday(1) => "the first day after the eighth new moon after Naw-Rúz (Tehran sunsets)",
            Named::TwinHolyBirthday(_) => "the second day after the eighth new moon after Naw-Rúz (Tehran sunsets)",
            Named::UkClockChange(true) => "the days UK clocks go forward (IANA tz database, Europe/London)",
            Named::UkClockChange(false) => "the days UK clocks go back (IANA tz database, Europe/London)",
            Named::Annunciation => "25 March; on a Sunday the Monday after; from Palm Sunday to the Second Sunday of Easter, the Monday after the Second Sunday of Easter",
            Named::Losar => "the first day of the Tibetan (Phugpa) year: day 1 of month 1 (of the leap first month when there is one), or the day after the twelfth month ends when day 1 is skipped (Janson, Tibetan calendar mathematics)",
        }
    }

    /// The dates in Gregorian `year`.
    pub(crate) fn dates_in_year(self, year: i32, out: &mut Vec<NaiveDate>) {
        match self {
            Named::UkClockChange(forward) => clock_changes(year, forward, out),
            _ => out.extend(self.date_in_year(year)),
        }
    }

    /// The one date in Gregorian `year` of a once-a-year rule.
    fn date_in_year(self, year: i32) -> Option<NaiveDate> {
        match self {
            Named::UkClockChange(_) => None,
            Named::Nowruz => persian::nowruz(year),
            Named::Annunciation => annunciation(year),
            Named::Losar => tibetan::new_year(year),
            Named::BahaiNawRuz => bahai_naw_ruz(year),
            Named::TwinHolyBirthday(n) => {
                let naw_ruz = bahai_naw_ruz(year)?;
                // New moons are counted after the day of Naw-Rúz ends (at
                // sunset on its date): a new moon on Naw-Rúz itself, as in
                // 2034 and 2053, is not the first (Bahá'í World Centre's
                // table of dates).
                let start = tehran_sunset(naw_ruz)?;
                // The first new moon after Naw-Rúz begins, then the seventh
                // after that: seven lunations vary from their mean by well
                // under the three days' margin searched from.
                let first = moon_phase_after(start, 0.0);
                let seventh_later = JulianDay(first.0 + 7.0 * SYNODIC_MONTH - 3.0);
                let moon = moon_phase_after(seventh_later, 0.0);
                let day = badi_day_of(moon)?;
                day.checked_add_signed(Duration::days(i64::from(n)))
            }
        }
    }
}

/// The civil days of `year` on which Europe/London's UTC offset rises
/// (`forward`) or falls. A change at 01:00 or 02:00 local time: compare the
/// offsets at the start and the end of each day.
fn clock_changes(year: i32, forward: bool, out: &mut Vec<NaiveDate>) {
    use chrono::{Offset, TimeZone};
    let tz = chrono_tz::Europe::London;
    let offset_at = |d: NaiveDate, h: u32| -> Option<i32> {
        let t = d.and_hms_opt(h, 0, 0)?;
        Some(tz.offset_from_utc_datetime(&t).fix().local_minus_utc())
    };
    // Offsets change a few times a year at most: look inside a month only
    // when its first, middle and next month's first day differ.
    for month in 1..=12 {
        let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
            continue;
        };
        let later = first + Duration::days(32);
        let Some(next) = NaiveDate::from_ymd_opt(later.year(), later.month(), 1) else {
            continue;
        };
        let probe = [first, first + Duration::days(15), next].map(|d| offset_at(d, 0));
        if probe.iter().all(|o| *o == probe[0]) {
            continue;
        }
        for d in first.iter_days().take_while(|d| *d < next) {
            if let (Some(a), Some(b)) = (offset_at(d, 0), offset_at(d, 23)) {
                if (forward && b > a) || (!forward && b < a) {
                    out.push(d);
                }
            }
        }
    }
}

/// The Annunciation's date in `year` (see [`Named::Annunciation`]).
fn annunciation(year: i32) -> Option<NaiveDate> {
    let lady_day = NaiveDate::from_ymd_opt(year, 3, 25)?;
    let easter = crate::calendars::easter::western(year)?;
    let palm_sunday = easter - Duration::days(7);
    let low_sunday = easter + Duration::days(7);
    if palm_sunday <= lady_day && lady_day <= low_sunday {
        return Some(low_sunday + Duration::days(1));
    }
    match lady_day.weekday() {
        Weekday::Sun => Some(lady_day + Duration::days(1)),
        _ => Some(lady_day),
    }
}

fn tehran() -> Option<Location> {
    Location::preset("tehran")
}

/// Tehran's sunset on a civil date, as a Julian Day (UT).
fn tehran_sunset(date: NaiveDate) -> Option<JulianDay> {
    let set = tehran()?.sunset(date)?;
    Some(JulianDay::from_datetime(set.naive_utc()))
}

/// The civil date whose daytime belongs to the Badí' day (sunset to sunset
/// in Tehran) containing instant `t`.
fn badi_day_of(t: JulianDay) -> Option<NaiveDate> {
    let tz = tehran()?.timezone();
    let utc = t.to_datetime()?;
    let local = chrono::TimeZone::from_utc_datetime(&tz, &utc).date_naive();
    let sunset = tehran_sunset(local)?;
    if t.0 < sunset.0 {
        Some(local)
    } else {
        local.succ_opt()
    }
}

/// Bahá'í Naw-Rúz in Gregorian `year` (from 2015, the Badí' calendar's
/// astronomical reckoning).
fn bahai_naw_ruz(year: i32) -> Option<NaiveDate> {
    let equinox = solar_longitude_after(JulianDay::from_ymd_hms(year, 3, 1, 0, 0, 0.0), 0.0);
    badi_day_of(equinox)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bahai_dates() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        // Bahá'í World Centre: Naw-Rúz 2024 on 20 March, 2027 on 21 March;
        // Twin Holy Birthdays 2024 on 2–3 November. (2026 is a knife edge:
        // the equinox falls seconds from Tehran's sunset; the catalogue
        // records the published date as an exception.)
        assert_eq!(Named::BahaiNawRuz.date_in_year(2024), d(2024, 3, 20));
        assert_eq!(Named::BahaiNawRuz.date_in_year(2027), d(2027, 3, 21));
        assert_eq!(
            Named::TwinHolyBirthday(1).date_in_year(2024),
            d(2024, 11, 2)
        );
        assert_eq!(
            Named::TwinHolyBirthday(2).date_in_year(2024),
            d(2024, 11, 3)
        );
    }

    #[test]
    fn annunciation_transfers() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        // Church of England lectionaries (and the Roman calendar, which
        // transfers the same way): 2016 Good Friday → 4 April; 2018 Palm
        // Sunday → 9 April; 2024 Monday of Holy Week → 8 April; 2027
        // Maundy Thursday → 5 April; 2012 a Sunday in Lent → 26 March;
        // 2035 Easter Day itself → 2 April.
        for (year, want) in [
            (2016, d(2016, 4, 4)),
            (2018, d(2018, 4, 9)),
            (2021, d(2021, 3, 25)),
            (2024, d(2024, 4, 8)),
            (2025, d(2025, 3, 25)),
            (2027, d(2027, 4, 5)),
            (2012, d(2012, 3, 26)),
            (2035, d(2035, 4, 2)),
        ] {
            assert_eq!(Named::Annunciation.date_in_year(year), want, "{year}");
        }
    }

    #[test]
    fn uk_clock_changes() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let on = |year, forward| {
            let mut v = Vec::new();
            clock_changes(year, forward, &mut v);
            v
        };
        // gov.uk: 2026 clocks go forward 29 March, back 25 October.
        assert_eq!(on(2026, true), vec![d(2026, 3, 29)]);
        assert_eq!(on(2026, false), vec![d(2026, 10, 25)]);
        // tz database: BST ran through the winter of 1940–41; double summer
        // time from 4 May 1941, back to BST on 10 August.
        assert_eq!(on(1941, true), vec![d(1941, 5, 4)]);
        assert_eq!(on(1941, false), vec![d(1941, 8, 10)]);
        // No summer time in 1915.
        assert!(on(1915, true).is_empty());
    }

    #[test]
    fn hebrew_adjustments() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        // 9 Av 5785 fell on Shabbat 2025-08-02: Tisha B'Av on Sunday 2025-08-03.
        assert_eq!(
            HebrewAdjust::ShabbatToSunday.apply(5785, d(2025, 8, 2)),
            d(2025, 8, 3)
        );
        assert_eq!(
            HebrewAdjust::FastOfEsther.apply(5785, d(2025, 3, 15)),
            d(2025, 3, 13)
        );
    }
}
