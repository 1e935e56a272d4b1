//! The rule language: how an observance's dates are found each year.
//!
//! Rules are parsed from the catalogue's TOML (the `catalogue` module, [`crate::Catalogue`]) into the
//! validated types here. Evaluating a rule for one Gregorian year gives the
//! start dates of the observance in that year; the catalogue then applies
//! per-year exceptions, extents and substitute days.

use std::fmt;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

pub mod hindu;
mod named;

pub use named::{HebrewAdjust, Named};

use crate::calendars::hebrew::HebrewMonth;
use crate::calendars::{astro, chinese, easter, ethiopian, gregorian, hebrew, hijri, julian, thai};
use crate::model::{Category, ObservanceId};
use crate::settings::{JewishCustoms, Settings};

/// How the dates of an observance are found in a Gregorian year.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Rule {
    /// The same Gregorian month and day every year.
    Fixed {
        /// Month, 1–12.
        month: u32,
        /// Day of the month.
        day: u32,
    },
    /// The `nth` `weekday` counted from `from_day` of `month` (forwards when
    /// `nth > 0`, backwards from the end of the month or `from_day` when `nth < 0`).
    Weekday {
        /// Month, 1–12.
        month: u32,
        /// The weekday.
        weekday: Weekday,
        /// 1..=5 or -5..=-1 (last).
        nth: i32,
        /// The day the count starts from (inclusive); default: 1st or last day.
        from_day: Option<u32>,
    },
    /// An RFC 5545 recurrence rule, expanded by the `rrule` crate.
    RRule(Box<RRuleRule>),
    /// Explicit one-off dates.
    Dates(Vec<NaiveDate>),
    /// An offset in days from Easter Sunday.
    Easter {
        /// Which computus.
        computus: Computus,
        /// Days after (positive) or before (negative) Easter Sunday.
        offset: i64,
    },
    /// An offset in days from each start of another observance.
    Relative {
        /// The other observance.
        to: ObservanceId,
        /// Days after (positive) or before (negative) its start.
        offset: i64,
    },
    /// A fixed day of the Julian calendar, shown as its Gregorian date.
    Julian {
        /// Julian month, 1–12.
        month: u8,
        /// Julian day of the month.
        day: u8,
    },
    /// A day of the Hebrew calendar.
    Hebrew {
        /// The month (`M05L` is Adar I; `M06` is Adar II in leap years).
        month: HebrewMonth,
        /// Day of the month.
        day: u8,
        /// The day in Israel, where it differs (Simchat Torah).
        israel_day: Option<u8>,
        /// A postponement rule.
        adjust: Option<HebrewAdjust>,
    },
    /// A day of the Hijri calendar (by the method in [`Settings`]).
    Hijri {
        /// Month, 1 (Muharram) – 12 (Dhu al-Hijjah).
        month: u8,
        /// Day of the month.
        day: u8,
    },
    /// A day of the Chinese lunisolar calendar (for China, UTC+8).
    Chinese {
        /// Lunar month, 1–12.
        month: u8,
        /// Whether it is the leap month of that number.
        leap: bool,
        /// Day of the month.
        day: u8,
    },
    /// A day of the Thai lunar calendar ([`thai`]), by which Thailand and
    /// Thai temples abroad keep the Buddhist holy days.
    Thai {
        /// Month, 1–12.
        month: u8,
        /// Day of the month, 1–30 (15 is the full moon; 16 the first
        /// waning day).
        day: u8,
        /// In an athikamat year, the month after instead (the second 8th
        /// after the 8th): Thai practice moves Makha Bucha, Visakha Bucha
        /// and Asarnha Bucha so.
        next_in_athikamat: bool,
    },
    /// The date on which the Sun reaches an apparent tropical longitude
    /// (equinoxes, solstices, solar terms).
    SolarLongitude {
        /// Degrees, 0–360.
        longitude: f64,
        /// The zone whose date is meant.
        zone: Zone,
    },
    /// A day of the Ethiopian calendar.
    Ethiopian {
        /// Month, 1 (Meskerem) – 13 (Pagume).
        month: u8,
        /// Day of the month.
        day: u8,
    },
    /// An irregular rule computed by a named function.
    Named(Named),
    /// Every week on `weekday` (Shabbat, Jumu'ah, Sunday worship).
    Weekly {
        /// The weekday.
        weekday: Weekday,
    },
    /// A Hindu lunisolar or solar rule, reckoned for India or at the
    /// location ([`hindu::HinduRule`]).
    Hindu(hindu::HinduRule),
    /// Every `days` days from `anchor`: a calendar of fixed-length years
    /// (the Shahenshahi year of 365 days drifts through the Gregorian one).
    Cycle {
        /// A known date.
        anchor: NaiveDate,
        /// The length of the cycle in days.
        days: u16,
    },
}

/// What a rule can see of the other observances of the same year.
pub(crate) trait Others {
    /// The start dates of another observance.
    fn starts(&self, id: &ObservanceId) -> &[NaiveDate];
    /// Its (start, possible start) pairs.
    fn alternates(&self, id: &ObservanceId) -> &[(NaiveDate, NaiveDate)];
}

/// Whose calendar date an astronomical instant is given as.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Zone {
    /// A fixed offset from UTC, in minutes (China: +480).
    Fixed(i32),
    /// The time zone of the location in [`Settings`].
    Location,
}

/// Why an occurrence's date is only an estimate beyond its certainty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Approximation {
    /// A Hijri date outside the published Umm al-Qura tables (1343–1500 AH,
    /// 1924–2077): the tabular calendar's date, which may differ by a day
    /// or two.
    OutsideUmmAlQura,
    /// A Thai lunar date outside the table of year kinds (the lunar years
    /// 1915–2157): the kinds are estimated, so the date may be a day off
    /// (or a month, where the leap month falls in another year).
    OutsideThaiTable,
}

impl Approximation {
    /// A one-line explanation.
    pub fn note(self) -> &'static str {
        match self {
            Approximation::OutsideUmmAlQura => {
                "outside the Umm al-Qura tables (1924–2077): tabular estimate, may differ by up to 2 days"
            }
            Approximation::OutsideThaiTable => {
                "outside the Thai calendar's table (1915–2157): estimated year kinds, may differ by a day (or a month where the leap month falls otherwise)"
            }
        }
    }

    /// Days either side the date may move.
    pub fn uncertainty_days(self) -> u8 {
        match self {
            Approximation::OutsideUmmAlQura => 2,
            Approximation::OutsideThaiTable => 1,
        }
    }
}

/// An RFC 5545 RRULE with its DTSTART.
#[derive(Debug, Clone)]
pub struct RRuleRule {
    pub(crate) text: String,
    pub(crate) dtstart: NaiveDate,
    pub(crate) set: rrule::RRuleSet,
}

/// Which Easter computus a rule uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Computus {
    /// Gregorian computus (Western churches).
    Western,
    /// Julian computus (Orthodox churches), as a Gregorian date.
    Orthodox,
}

/// How long an occurrence lasts.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Extent {
    /// A number of days (1 for a single day).
    Days(u16),
    /// Until the first given month and day on or after the start (inclusive).
    UntilDate {
        /// Month, 1–12.
        month: u32,
        /// Day of the month.
        day: u32,
    },
    /// Until the last day of the start's month.
    EndOfMonth,
    /// Until `offset` days from the first start of another observance on or
    /// after this one's start (e.g. Ramadan ends the day before Eid al-Fitr).
    Relative {
        /// The other observance.
        to: ObservanceId,
        /// Offset in days from its start.
        offset: i64,
    },
    /// Until the first day on or after the start on which a Hindu rule
    /// falls, reckoned with the same settings as the start (Hola Mohalla
    /// ends on Chet Vadi 1, the Pratipada after the Phalguna Purnima).
    Hindu(hindu::HinduRule),
}

/// The longest span an occurrence may have, in days (bounded work).
pub const MAX_SPAN_DAYS: i64 = 400;

/// A per-year exception to a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exception {
    /// The Gregorian year it applies to.
    pub year: i32,
    /// What happens that year.
    pub action: ExceptionAction,
    /// The last day of the moved occurrence, when it differs from the usual
    /// duration (a period announced with other dates that year).
    pub end: Option<NaiveDate>,
    /// Each moved date's own last day, where the dates are announced spans
    /// of different lengths (school holidays): `(start, end)` pairs.
    pub spans: Vec<(NaiveDate, NaiveDate)>,
    /// Why (an announcement, a law).
    pub reason: String,
}

impl Exception {
    /// The last day of the occurrence moved to `start`, when the
    /// exception says it.
    pub fn end_of(&self, start: NaiveDate) -> Option<NaiveDate> {
        self.spans
            .iter()
            .find(|(s, _)| *s == start)
            .map(|(_, e)| *e)
            .or(self.end)
    }
}

/// One row of an observance's table of announced dates (`announced = [{
/// year, date, end, source }]`): a date (or span) its organisers
/// announced, with where it was published. The years without a row are
/// the rule's estimates.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Announced {
    /// The Gregorian year.
    pub year: i32,
    /// The first day.
    pub start: NaiveDate,
    /// The last day (the first for a one-day event).
    pub end: NaiveDate,
    /// Where it was announced: a URL or a named publication.
    pub source: String,
}

/// What a per-year exception does. A moved date is an announced fact: it
/// carries no uncertainty, even for an estimated observance.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExceptionAction {
    /// The observance is moved to these dates that year.
    Move(Vec<NaiveDate>),
    /// The observance does not happen that year.
    Skip,
}

/// Another day some keep, offered as a possible date of every occurrence
/// whose own date differs (`also = { … }`): a day relative to the
/// occurrence itself, or to the nearest start of another observance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Also {
    /// The observance whose nearest start (within a week) it follows, or
    /// `None` for the occurrence's own start.
    pub to: Option<ObservanceId>,
    /// Days after (negative: before) that start.
    pub offset: i64,
    /// Who keeps that day, in words ("the Vakya panchang of Tamil Nadu").
    pub what: String,
}

/// How far another observance's start may be from an occurrence for
/// [`Also::to`] to follow it, in days.
pub const ALSO_NEAR_DAYS: i64 = 7;

impl Also {
    /// The other possible date of an occurrence starting on `start`, if
    /// it differs; `others` are the starts of [`Also::to`] in that year.
    pub(crate) fn date(&self, start: NaiveDate, others: &[NaiveDate]) -> Option<NaiveDate> {
        let base = match &self.to {
            None => start,
            Some(_) => others
                .iter()
                .copied()
                .filter(|d| (*d - start).num_days().abs() <= ALSO_NEAR_DAYS)
                .min_by_key(|d| (*d - start).num_days().abs())?,
        };
        base.checked_add_signed(Duration::days(self.offset))
            .filter(|d| *d != start)
    }
}

/// A substitute-day policy for public holidays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Substitute {
    /// A holiday on a weekend is taken on the next weekday that is not already
    /// a holiday of the same group in the same region (UK practice; Christmas
    /// Day and Boxing Day chain).
    pub group: String,
    /// When set, the weekend day itself is still listed, with this category and
    /// no regions (e.g. Christmas Day on a Sunday is still Christmas Day).
    pub weekend_category: Option<Category>,
}

impl Rule {
    /// Appends the start dates of this rule in Gregorian `year` to `out`.
    /// `starts_of` gives the start dates of another observance that year.
    pub(crate) fn dates_in_year(
        &self,
        year: i32,
        settings: &Settings,
        others: &dyn Others,
        out: &mut Vec<NaiveDate>,
        alternates: &mut Vec<(NaiveDate, NaiveDate)>,
    ) {
        match self {
            Rule::Fixed { month, day } => out.extend(NaiveDate::from_ymd_opt(year, *month, *day)),
            Rule::Weekday {
                month,
                weekday,
                nth,
                from_day,
            } => {
                let anchor = match from_day {
                    Some(d) => NaiveDate::from_ymd_opt(year, *month, *d),
                    None if *nth > 0 => NaiveDate::from_ymd_opt(year, *month, 1),
                    None => gregorian::last_day_of_month(year, *month),
                };
                let date = anchor.and_then(|a| gregorian::nth_weekday_from(a, *weekday, *nth));
                // Without an explicit anchor the date must stay in the month
                // (there is no 5th Monday in most months).
                out.extend(date.filter(|d| from_day.is_some() || d.month() == *month));
            }
            Rule::RRule(r) => r.dates_in_year(year, out),
            Rule::Dates(dates) => out.extend(dates.iter().filter(|d| d.year() == year)),
            Rule::Easter { computus, offset } => {
                let sunday = match computus {
                    Computus::Western => easter::western(year),
                    Computus::Orthodox => easter::orthodox(year),
                };
                out.extend(sunday.and_then(|d| d.checked_add_signed(Duration::days(*offset))));
            }
            Rule::Relative { to, offset } => {
                let shift = |d: &NaiveDate| d.checked_add_signed(Duration::days(*offset));
                out.extend(others.starts(to).iter().filter_map(shift));
                alternates.extend(
                    others
                        .alternates(to)
                        .iter()
                        .filter_map(|(a, b)| Some((shift(a)?, shift(b)?))),
                );
            }
            Rule::Julian { month, day } => {
                out.extend(julian::in_gregorian_year(year, *month, *day))
            }
            Rule::Hebrew {
                month,
                day,
                israel_day,
                adjust,
            } => {
                let day = match (settings.jewish(), israel_day) {
                    (JewishCustoms::Israel, Some(d)) => *d,
                    _ => *day,
                };
                for (hy, date) in hebrew::in_gregorian_year(year, *month, day) {
                    out.push(adjust.map_or(date, |a| a.apply(hy, date)));
                }
            }
            Rule::Hijri { month, day } => {
                let method = settings.islamic();
                out.extend(hijri::in_gregorian_year(year, *month, *day, method).map(|(_, d)| d));
                // Outside the Umm al-Qura tables: the tabular estimate,
                // marked as such by `Rule::approximate`.
                if method == hijri::Method::UmmAlQura {
                    let tabular =
                        hijri::in_gregorian_year(year, *month, *day, hijri::Method::Tabular);
                    for (hy, date) in tabular {
                        if !hijri::UMM_AL_QURA_YEARS.contains(&hy) {
                            out.push(date);
                        }
                    }
                }
            }
            Rule::Chinese { month, leap, day } => {
                out.extend(chinese::in_gregorian_year(year, *month, *leap, *day));
            }
            Rule::Thai {
                month,
                day,
                next_in_athikamat,
            } => {
                // Months 1 and 2 may fall in the December before the year
                // their lunar year is named by.
                for lunar_year in [year, year.saturating_add(1)] {
                    let Some((kind, _)) = thai::year_kind(lunar_year) else {
                        continue;
                    };
                    let month = match (*next_in_athikamat, kind, *month) {
                        (true, thai::YearKind::Athikamat, 8) => thai::Month {
                            number: 8,
                            second: true,
                        },
                        (true, thai::YearKind::Athikamat, m) => thai::Month {
                            number: m.saturating_add(1),
                            second: false,
                        },
                        (_, _, m) => thai::Month {
                            number: m,
                            second: false,
                        },
                    };
                    if let Some((date, _)) = thai::to_gregorian(lunar_year, month, *day) {
                        if date.year() == year {
                            out.push(date);
                        }
                    }
                }
            }
            Rule::SolarLongitude { longitude, zone } => {
                let local_date = |t: chrono::NaiveDateTime| -> NaiveDate {
                    match zone {
                        Zone::Fixed(minutes) => (t + Duration::minutes(i64::from(*minutes))).date(),
                        Zone::Location => {
                            let tz = settings.location_ref().timezone();
                            chrono::TimeZone::from_utc_datetime(&tz, &t).date_naive()
                        }
                    }
                };
                // Start a day early: the zone's year may begin before UTC's.
                let mut after = astro::JulianDay::from_ymd_hms(year, 1, 1, 0, 0, 0.0);
                after.0 -= 1.0;
                // A crossing whose local date is still in the year before
                // (the last days of December) means the year's own crossing
                // is the next one.
                for _ in 0..2 {
                    let t = astro::solar_longitude_after(after, *longitude);
                    let Some(date) = t.to_datetime().map(local_date) else {
                        break;
                    };
                    if date.year() == year {
                        out.push(date);
                    }
                    if date.year() >= year {
                        break;
                    }
                    after = astro::JulianDay(t.0 + 300.0);
                }
            }
            Rule::Ethiopian { month, day } => {
                out.extend(ethiopian::in_gregorian_year(year, *month, *day))
            }
            Rule::Named(n) => n.dates_in_year(year, out),
            Rule::Hindu(h) => h.dates_in_year(year, settings, out, alternates),
            Rule::Weekly { weekday } => {
                let Some(jan1) = NaiveDate::from_ymd_opt(year, 1, 1) else {
                    return;
                };
                if let Some(first) = gregorian::nth_weekday_from(jan1, *weekday, 1) {
                    out.extend(first.iter_weeks().take_while(|d| d.year() == year));
                }
            }
            Rule::Cycle { anchor, days } => {
                // Every `days` days from `anchor`, forwards and backwards.
                let (Some(first), Some(last)) = (
                    NaiveDate::from_ymd_opt(year, 1, 1),
                    NaiveDate::from_ymd_opt(year, 12, 31),
                ) else {
                    return;
                };
                let n = i64::from(*days);
                let k = (first - *anchor).num_days().div_euclid(n);
                for step in [k, k + 1, k + 2] {
                    if let Some(d) = anchor.checked_add_signed(Duration::days(step * n)) {
                        if d >= first && d <= last {
                            out.push(d);
                        }
                    }
                }
            }
        }
    }

    /// Why a date from this rule is only approximate, if it is: Hijri dates
    /// outside the Umm al-Qura tables are tabular estimates, Thai dates
    /// outside the table of year kinds estimates.
    pub(crate) fn approximate(
        &self,
        date: NaiveDate,
        settings: &Settings,
    ) -> Option<Approximation> {
        match self {
            Rule::Hijri { .. } if settings.islamic() == hijri::Method::UmmAlQura => {
                let (first, last) = hijri::umm_al_qura_span()?;
                (date < first || date > last).then_some(Approximation::OutsideUmmAlQura)
            }
            Rule::Thai { .. } => {
                let (first, last) = thai::table_span()?;
                (date < first || date > last).then_some(Approximation::OutsideThaiTable)
            }
            _ => None,
        }
    }

    /// The observance this rule depends on, if any.
    pub(crate) fn dependency(&self) -> Option<&ObservanceId> {
        match self {
            Rule::Relative { to, .. } => Some(to),
            _ => None,
        }
    }
}

/// An RRULE value (`FREQ=…;…`), for the `rrule` crate. Recurrence rules
/// are ASCII (RFC 5545 §3.3.10): anything else is refused here, because the
/// crate panics slicing a multi-byte BYDAY (found by fuzzing).
///
/// # Errors
/// Non-ASCII text, spaces inside the rule, and what the crate reports.
pub(crate) fn parse_rrule(
    text: &str,
) -> std::result::Result<rrule::RRule<rrule::Unvalidated>, String> {
    let text = text.trim();
    if !text.is_ascii() {
        return Err("only ASCII is allowed in a rule".to_string());
    }
    if text.contains(char::is_whitespace) {
        return Err("spaces inside the rule".to_string());
    }
    text.parse().map_err(|e: rrule::RRuleError| e.to_string())
}

/// The recurrence set of RRULE value `text` from `start` (UTC, as the
/// catalogue's rules are days).
///
/// # Errors
/// As [`parse_rrule`], and the crate's checks against the start (UNTIL
/// before it).
pub(crate) fn rrule_set(
    text: &str,
    start: NaiveDateTime,
) -> std::result::Result<rrule::RRuleSet, String> {
    use chrono::TimeZone;
    let start = rrule::Tz::UTC.from_utc_datetime(&start);
    let rule = parse_rrule(text.trim_start_matches("RRULE:"))?
        .validate(start)
        .map_err(|e| e.to_string())?;
    Ok(rrule::RRuleSet::new(start).rrule(rule))
}

/// Where to start expanding a rule without COUNT: the same phase, two
/// periods or more before `lo`, so that the instances before the window
/// are not stepped through (the importer's events and the catalogue's
/// `rrule` rules). Fixed periods (SECONDLY to WEEKLY) shift by seconds;
/// MONTHLY and YEARLY by whole months, unless the rule takes its day from
/// the start (no BYMONTHDAY, BYDAY, BYYEARDAY or BYWEEKNO) and that day is
/// not in every month (29–31), which a shift would change.
pub(crate) fn shifted_start(rule: &str, start: NaiveDateTime, lo: NaiveDateTime) -> NaiveDateTime {
    let Ok(r) = parse_rrule(rule) else {
        return start;
    };
    if r.get_count().is_some() || lo <= start {
        return start;
    }
    let interval = i64::from(r.get_interval().max(1));
    let unit = match r.get_freq() {
        rrule::Frequency::Secondly => 1,
        rrule::Frequency::Minutely => 60,
        rrule::Frequency::Hourly => 3600,
        rrule::Frequency::Daily => 86_400,
        rrule::Frequency::Weekly => 7 * 86_400,
        rrule::Frequency::Monthly | rrule::Frequency::Yearly => {
            let months = interval
                * match r.get_freq() {
                    rrule::Frequency::Yearly => 12,
                    _ => 1,
                };
            let gap = i64::from(lo.year() - start.year()) * 12 + i64::from(lo.month())
                - i64::from(start.month());
            let own_day = r.get_by_month_day().is_empty()
                && r.get_by_weekday().is_empty()
                && r.get_by_year_day().is_empty()
                && r.get_by_week_no().is_empty();
            if (own_day && start.day() > 28) || gap <= 3 * months {
                return start;
            }
            let shift = u32::try_from((gap / months - 2) * months).unwrap_or(0);
            return start
                .checked_add_months(chrono::Months::new(shift))
                .unwrap_or(start);
        }
    };
    let period = unit * interval;
    let gap = (lo - start).num_seconds();
    if gap <= 3 * period {
        return start;
    }
    start + Duration::seconds((gap / period - 2) * period)
}

impl RRuleRule {
    /// Most occurrences one rule may produce in a year (bounded work).
    const MAX_PER_YEAR: u16 = 366;

    fn dates_in_year(&self, year: i32, out: &mut Vec<NaiveDate>) {
        use chrono::TimeZone;
        let tz = rrule::Tz::UTC;
        let (Some(from), Some(to)) = (
            tz.with_ymd_and_hms(year, 1, 1, 0, 0, 0).single(),
            tz.with_ymd_and_hms(year, 12, 31, 23, 59, 59).single(),
        ) else {
            return;
        };
        let until = self
            .set
            .get_rrule()
            .iter()
            .filter_map(|r| r.get_until())
            .max();
        if year < self.dtstart.year() || until.is_some_and(|u| u.year() < year) {
            return;
        }
        // A rule from 1583 would step through every instance since; start
        // it near the year instead. The shifted set was valid from the real
        // start, so it fails only when the shift passes UNTIL: nothing is
        // left then.
        let start = self.dtstart.and_time(NaiveTime::MIN);
        let near = shifted_start(&self.text, start, from.naive_utc());
        let set = if near == start {
            self.set.clone()
        } else {
            match rrule_set(&self.text, near) {
                Ok(set) => set,
                Err(_) => return,
            }
        };
        let result = set.after(from).before(to).all(Self::MAX_PER_YEAR);
        out.extend(result.dates.iter().map(|d| d.date_naive()));
    }
}

impl Extent {
    /// The inclusive end date of an occurrence starting on `start` under
    /// `settings` (the start's own settings: a Hindu end is reckoned where
    /// the start was). `next_start_of` gives the first start of another
    /// observance on or after a date. `None` if the end cannot be found
    /// within [`MAX_SPAN_DAYS`].
    pub(crate) fn end(
        &self,
        start: NaiveDate,
        settings: &Settings,
        next_start_of: impl Fn(&ObservanceId, NaiveDate) -> Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        let end = match self {
            Extent::Days(n) => start.checked_add_signed(Duration::days(i64::from(*n) - 1))?,
            Extent::UntilDate { month, day } => {
                let this_year = NaiveDate::from_ymd_opt(start.year(), *month, *day);
                match this_year {
                    Some(d) if d >= start => d,
                    _ => NaiveDate::from_ymd_opt(start.year() + 1, *month, *day)?,
                }
            }
            Extent::EndOfMonth => gregorian::last_day_of_month(start.year(), start.month())?,
            Extent::Relative { to, offset } => {
                next_start_of(to, start)?.checked_add_signed(Duration::days(*offset))?
            }
            Extent::Hindu(rule) => rule.first_on_or_after(start, settings)?,
        };
        let span = (end - start).num_days();
        (0..MAX_SPAN_DAYS).contains(&span).then_some(end)
    }

    /// The observance this extent depends on, if any.
    pub(crate) fn dependency(&self) -> Option<&ObservanceId> {
        match self {
            Extent::Relative { to, .. } => Some(to),
            _ => None,
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|i| MONTHS.get(i as usize))
        .copied()
        .unwrap_or("?")
}

fn ordinal(n: i32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn offset_text(offset: i64) -> String {
    match offset {
        0 => String::new(),
        1 => " + 1 day".to_string(),
        -1 => " − 1 day".to_string(),
        n if n > 0 => format!(" + {n} days"),
        n => format!(" − {} days", -n),
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Fixed { month, day } => write!(f, "{day} {}", month_name(*month)),
            Rule::Weekday {
                month,
                weekday,
                nth,
                from_day,
            } => {
                let which = if *nth == -1 {
                    "last".to_string()
                } else if *nth < 0 {
                    format!("{} last", ordinal(-nth))
                } else {
                    ordinal(*nth)
                };
                let wd = weekday_name(*weekday);
                match from_day {
                    Some(d) if *nth > 0 => {
                        write!(f, "{which} {wd} on or after {d} {}", month_name(*month))
                    }
                    Some(d) => write!(f, "{which} {wd} on or before {d} {}", month_name(*month)),
                    None => write!(f, "{which} {wd} of {}", month_name(*month)),
                }
            }
            Rule::RRule(r) => write!(f, "RRULE {} from {}", r.text, r.dtstart),
            Rule::Dates(dates) => {
                let list: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
                write!(f, "one-off: {}", list.join(", "))
            }
            Rule::Easter { computus, offset } => {
                let which = match computus {
                    Computus::Western => "Western Easter Sunday (Gregorian computus)",
                    Computus::Orthodox => "Orthodox Easter Sunday (Julian computus)",
                };
                write!(f, "{which}{}", offset_text(*offset))
            }
            Rule::Relative { to, offset } => write!(f, "start of `{to}`{}", offset_text(*offset)),
            Rule::Julian { month, day } => write!(
                f,
                "{day} {} in the Julian calendar",
                month_name(u32::from(*month))
            ),
            Rule::Hebrew {
                month,
                day,
                israel_day,
                adjust,
            } => {
                write!(
                    f,
                    "{day} {} ({}) in the Hebrew calendar",
                    month.name(),
                    month.code()
                )?;
                if let Some(d) = israel_day {
                    write!(f, " ({d} {} in Israel)", month.name())?;
                }
                if let Some(a) = adjust {
                    write!(f, ", postponement rule `{}`", a.name())?;
                }
                Ok(())
            }
            Rule::Hijri { month, day } => {
                const NAMES: [&str; 12] = [
                    "Muharram",
                    "Safar",
                    "Rabi al-Awwal",
                    "Rabi al-Thani",
                    "Jumada al-Awwal",
                    "Jumada al-Thani",
                    "Rajab",
                    "Sha'ban",
                    "Ramadan",
                    "Shawwal",
                    "Dhu al-Qadah",
                    "Dhu al-Hijjah",
                ];
                let name = NAMES
                    .get(usize::from(*month).wrapping_sub(1))
                    .copied()
                    .unwrap_or("?");
                write!(f, "{day} {name} in the Hijri calendar")
            }
            Rule::Chinese { month, leap, day } => write!(
                f,
                "day {day} of {}month {month} of the Chinese calendar (China, UTC+8)",
                if *leap { "leap " } else { "" }
            ),
            Rule::Thai {
                month,
                day,
                next_in_athikamat,
            } => {
                write!(f, "day {day} of month {month} of the Thai lunar calendar")?;
                match (*next_in_athikamat, *month) {
                    (true, 8) => write!(f, " (of the second 8th month in a year that has one)"),
                    (true, m) => write!(
                        f,
                        " (of month {} in a year with a second 8th month)",
                        m.saturating_add(1)
                    ),
                    (false, _) => Ok(()),
                }
            }
            Rule::SolarLongitude { longitude, zone } => {
                write!(f, "the day the Sun reaches longitude {longitude}°")?;
                match zone {
                    Zone::Fixed(m) => write!(f, " (UTC{:+}:{:02})", m / 60, (m % 60).abs()),
                    Zone::Location => f.write_str(" (local date)"),
                }
            }
            Rule::Ethiopian { month, day } => {
                write!(f, "day {day} of month {month} of the Ethiopian calendar")
            }
            Rule::Named(n) => f.write_str(n.describe()),
            Rule::Cycle { anchor, days } => write!(f, "every {days} days from {anchor}"),
            Rule::Weekly { weekday } => write!(f, "every {}", weekday_name(*weekday)),
            Rule::Hindu(h) => write!(f, "{h}"),
        }
    }
}

impl fmt::Display for Extent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Extent::Days(1) => f.write_str("1 day"),
            Extent::Days(n) => write!(f, "{n} days"),
            Extent::UntilDate { month, day } => write!(f, "until {day} {}", month_name(*month)),
            Extent::EndOfMonth => f.write_str("until the end of the month"),
            Extent::Relative { to, offset } => {
                write!(f, "until the start of `{to}`{}", offset_text(*offset))
            }
            Extent::Hindu(rule) => write!(f, "until the day of {rule}"),
        }
    }
}

/// The English name of a weekday.
pub(crate) fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    /// Starting a rule near the year (for bounded work) gives the dates
    /// that stepping from its real start gives.
    #[test]
    fn shifted_rrules_keep_their_dates() {
        use chrono::TimeZone;
        for (text, dtstart) in [
            ("FREQ=DAILY", d(1583, 1, 1)),
            ("FREQ=DAILY;INTERVAL=11", d(1583, 1, 1)),
            ("FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH", d(1583, 1, 1)),
            ("FREQ=MONTHLY;INTERVAL=5;BYDAY=-1FR", d(1583, 1, 1)),
            ("FREQ=MONTHLY;BYMONTHDAY=-1,15", d(1700, 3, 28)),
            ("FREQ=MONTHLY", d(1650, 1, 31)),
            ("FREQ=YEARLY;INTERVAL=7;BYMONTH=6;BYDAY=3SU", d(1583, 1, 1)),
            ("FREQ=YEARLY", d(1600, 2, 29)),
            ("FREQ=YEARLY;INTERVAL=3", d(1601, 7, 4)),
            ("FREQ=DAILY;UNTIL=20500101T000000Z", d(1583, 1, 1)),
            ("FREQ=DAILY;UNTIL=19000101T000000Z", d(1583, 1, 1)),
            ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR,SA,SU", d(1583, 1, 31)),
            (
                "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
                d(1583, 1, 30),
            ),
            ("FREQ=MONTHLY;BYMONTHDAY=31", d(1583, 1, 31)),
            ("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;WKST=SU", d(1583, 3, 29)),
            ("FREQ=YEARLY;BYYEARDAY=1,100,366,-1", d(1583, 12, 31)),
            (
                "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29",
                d(1584, 2, 29),
            ),
            ("FREQ=YEARLY;BYMONTH=1,3", d(1600, 1, 31)),
        ] {
            let set: rrule::RRuleSet =
                format!("DTSTART:{}T000000Z\nRRULE:{text}", dtstart.format("%Y%m%d"))
                    .parse()
                    .unwrap();
            let rule = RRuleRule {
                text: text.to_string(),
                dtstart,
                set: set.clone(),
            };
            for year in [1700, 1901, 2026, 2049, 2050, 2100] {
                let mut ours = Vec::new();
                rule.dates_in_year(year, &mut ours);
                let tz = rrule::Tz::UTC;
                let from = tz.with_ymd_and_hms(year, 1, 1, 0, 0, 0).unwrap();
                let to = tz.with_ymd_and_hms(year, 12, 31, 23, 59, 59).unwrap();
                let stepped: Vec<NaiveDate> = set
                    .clone()
                    .after(from)
                    .before(to)
                    .all(366)
                    .dates
                    .iter()
                    .map(|t| t.date_naive())
                    .collect();
                assert_eq!(ours, stepped, "{text} from {dtstart} in {year}");
            }
        }
    }

    fn eval(rule: &Rule, year: i32) -> Vec<NaiveDate> {
        struct NoOthers;
        impl Others for NoOthers {
            fn starts(&self, _: &ObservanceId) -> &[NaiveDate] {
                &[]
            }
            fn alternates(&self, _: &ObservanceId) -> &[(NaiveDate, NaiveDate)] {
                &[]
            }
        }
        let mut out = Vec::new();
        rule.dates_in_year(
            year,
            &Settings::default(),
            &NoOthers,
            &mut out,
            &mut Vec::new(),
        );
        out
    }

    #[test]
    fn weekday_rules() {
        let last_mon_may = Rule::Weekday {
            month: 5,
            weekday: Weekday::Mon,
            nth: -1,
            from_day: None,
        };
        assert_eq!(eval(&last_mon_may, 2026), vec![d(2026, 5, 25)]);
        let fifth_mon_feb = Rule::Weekday {
            month: 2,
            weekday: Weekday::Mon,
            nth: 5,
            from_day: None,
        };
        assert_eq!(eval(&fifth_mon_feb, 2026), vec![]);
        assert_eq!(last_mon_may.to_string(), "last Monday of May");
    }

    #[test]
    fn cycle_and_weekly() {
        // Parsi New Year (Shahenshahi, 365-day year), as published: 16 August
        // 2021, 2022 and 2023, 15 August 2024 and 2025 (Government of India
        // greetings; excelnotes.com list of 2021–2025 dates).
        let parsi = Rule::Cycle {
            anchor: d(2024, 8, 15),
            days: 365,
        };
        for (year, day) in [(2021, 16), (2022, 16), (2023, 16), (2024, 15), (2025, 15)] {
            assert_eq!(eval(&parsi, year), vec![d(year, 8, day)], "{year}");
        }
        let fridays = eval(
            &Rule::Weekly {
                weekday: Weekday::Fri,
            },
            2026,
        );
        assert_eq!(fridays.len(), 52);
        assert_eq!(fridays.first(), Some(&d(2026, 1, 2)));
    }

    #[test]
    fn extents() {
        let none = |_: &ObservanceId, _| None;
        let s = Settings::default();
        assert_eq!(
            Extent::Days(8).end(d(2026, 11, 8), &s, none),
            Some(d(2026, 11, 15))
        );
        assert_eq!(
            Extent::EndOfMonth.end(d(2024, 2, 1), &s, none),
            Some(d(2024, 2, 29))
        );
        let until = Extent::UntilDate { month: 1, day: 5 };
        assert_eq!(until.end(d(2026, 12, 25), &s, none), Some(d(2027, 1, 5)));
    }
}
