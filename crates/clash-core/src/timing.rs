//! Time of day (SPEC §4, §6): the types that say when, within its days,
//! an observance matters at a location. Which observances a meeting at a
//! given local time overlaps, and why, is asked of the index
//! ([`crate::Index::clashes_at`]).
//!
//! Every observance has a span: from local midnight of its first day (or
//! sunset the evening before, for `begins = "sunset-before"`) to the end of
//! its last day (local midnight, or sunset or nightfall for those that
//! begin at sunset). Some narrow that to daily hours (`hours`: Jumu'ah
//! prayers after solar noon, Navaratri's garba nights, Hanukkah's candle
//! lighting), and fasts add their fasting hours and, for Ramadan, the iftar
//! at sunset, which matter more than the rest of the day. Times are the
//! location's civil time, so they follow the clock changes.
//!
//! Sun-based times at a place where the Sun does not reach the needed
//! depression (dawn at −18° in a British summer) use the one-seventh-of-the-
//! night rule that UK mosques use (dawn = sunrise − (sunrise − sunset)/7 of
//! the night); where the Sun does not rise or set at all, the civil day is
//! used and the reason says so.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::str::FromStr;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike};
use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::location::{local_instant, Location};

/// A time of day, by the clock or by the Sun, with an offset in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    base: Base,
    offset_minutes: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Base {
    /// Minutes after local midnight.
    Clock(u32),
    Dawn,
    Sunrise,
    SolarNoon,
    Sunset,
    Nightfall,
}

impl At {
    /// The instant on local date `date` at `location`, or `None` where the
    /// Sun never reaches the needed altitude.
    pub fn on(&self, date: NaiveDate, location: &Location) -> Option<DateTime<Tz>> {
        self.on_sky(date, &Sky::new(location))
    }

    pub(crate) fn on_sky(&self, date: NaiveDate, sky: &Sky<'_>) -> Option<DateTime<Tz>> {
        let base = match self.base {
            Base::Clock(m) => {
                let naive = date.and_hms_opt(0, 0, 0)? + Duration::minutes(i64::from(m));
                local_instant(sky.timezone(), naive).0?
            }
            Base::Dawn => sky.get(date, SkyEvent::Dawn)?,
            Base::Sunrise => sky.get(date, SkyEvent::Sunrise)?,
            Base::SolarNoon => sky.get(date, SkyEvent::SolarNoon)?,
            Base::Sunset => sky.get(date, SkyEvent::Sunset)?,
            Base::Nightfall => sky.get(date, SkyEvent::Nightfall)?,
        };
        base.checked_add_signed(Duration::minutes(i64::from(self.offset_minutes)))
    }

    pub(crate) fn by_sun(&self) -> bool {
        !matches!(self.base, Base::Clock(_))
    }
}

/// The Sun's and Moon's times at a location, each computed once per date
/// for as long as the value lives (one timed check, or one `suggest`
/// window): neighbouring possible days and the observances of the same
/// evening ask for the same sunsets.
pub(crate) struct Sky<'l> {
    location: &'l Location,
    memo: RefCell<SkyMemo>,
}

/// Each date's event, once computed (`None`: it does not happen that day).
type SkyMemo = HashMap<(NaiveDate, SkyEvent), Option<DateTime<Tz>>, BuildHasherDefault<DayHasher>>;

/// A hasher for a memo's (date, event) keys, which are a few dates near
/// one meeting, not a caller's choice: the default, SipHash (made to
/// resist flooding by untrusted keys), was 7,500 of the 281,000
/// instructions of a timed check served over HTTP (callgrind).
#[derive(Default)]
struct DayHasher(u64);

impl Hasher for DayHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        // Fibonacci hashing: the golden ratio's multiplier spreads nearby
        // values over the high bits that hashbrown looks at.
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_i32(&mut self, n: i32) {
        self.write_u64(u64::from(n.cast_unsigned()));
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_isize(&mut self, n: isize) {
        self.write_u64(n as u64);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum SkyEvent {
    Dawn,
    Sunrise,
    SolarNoon,
    Sunset,
    Nightfall,
    Moonrise,
    /// Local midnight at the start of the date (the first instant of the
    /// date after a gap in the clock).
    Midnight,
}

impl<'l> Sky<'l> {
    pub(crate) fn new(location: &'l Location) -> Self {
        Sky {
            location,
            memo: RefCell::new(HashMap::default()),
        }
    }

    pub(crate) fn timezone(&self) -> Tz {
        self.location.timezone()
    }

    pub(crate) fn get(&self, date: NaiveDate, event: SkyEvent) -> Option<DateTime<Tz>> {
        if let Some(t) = self.memo.borrow().get(&(date, event)) {
            return *t;
        }
        let l = self.location;
        let t = match event {
            SkyEvent::Dawn => self.dawn_by_rule(date),
            SkyEvent::Sunrise => l.sunrise(date),
            SkyEvent::SolarNoon => l.solar_noon(date),
            SkyEvent::Sunset => l.sunset(date),
            SkyEvent::Nightfall => l.nightfall(date),
            SkyEvent::Moonrise => l.moonrise(date),
            SkyEvent::Midnight => date
                .and_hms_opt(0, 0, 0)
                .and_then(|n| local_instant(l.timezone(), n).0),
        };
        self.memo.borrow_mut().insert((date, event), t);
        t
    }

    /// Dawn (−18°), or by the one-seventh rule where the Sun never gets
    /// that low: the night from the previous sunset to sunrise, less its
    /// last seventh.
    fn dawn_by_rule(&self, date: NaiveDate) -> Option<DateTime<Tz>> {
        if let Some(d) = self.location.dawn(date) {
            return Some(d);
        }
        let rise = self.get(date, SkyEvent::Sunrise)?;
        let set = self.get(date.pred_opt()?, SkyEvent::Sunset)?;
        let night = rise.signed_duration_since(set);
        rise.checked_sub_signed(night / 7)
    }
}

impl FromStr for At {
    type Err = Error;

    /// `HH:MM`, or `dawn`, `sunrise`, `solar-noon`, `sunset`, `nightfall`,
    /// optionally followed by `+` or `-` and minutes or hours (`+90m`,
    /// `-1h`, `+1h30m`).
    fn from_str(s: &str) -> Result<Self> {
        let bad = || {
            Error::invalid(format!(
                "invalid time `{s}` (use HH:MM, or dawn, sunrise, solar-noon, sunset or nightfall, optionally +90m or -1h)"
            ))
        };
        let named = [
            ("solar-noon", Base::SolarNoon),
            ("sunrise", Base::Sunrise),
            ("sunset", Base::Sunset),
            ("nightfall", Base::Nightfall),
            ("dawn", Base::Dawn),
        ];
        let (base, rest) = match named.iter().find(|(n, _)| s.starts_with(n)) {
            Some((n, b)) => (*b, &s[n.len()..]),
            None => {
                let clock = s.get(..5).ok_or_else(bad)?;
                (Base::Clock(parse_clock(clock).ok_or_else(bad)?), &s[5..])
            }
        };
        let offset = match rest.chars().next() {
            None => 0,
            Some(c @ ('+' | '-')) => {
                let minutes = parse_duration_minutes(&rest[1..])
                    .filter(|m| *m <= 24 * 60)
                    .ok_or_else(bad)?;
                let minutes = i32::try_from(minutes).map_err(|_| bad())?;
                if c == '-' {
                    -minutes
                } else {
                    minutes
                }
            }
            Some(_) => return Err(bad()),
        };
        Ok(At {
            base,
            offset_minutes: offset,
        })
    }
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.base {
            Base::Clock(m) => write!(f, "{:02}:{:02}", m / 60, m % 60)?,
            Base::Dawn => f.write_str("dawn")?,
            Base::Sunrise => f.write_str("sunrise")?,
            Base::SolarNoon => f.write_str("solar noon")?,
            Base::Sunset => f.write_str("sunset")?,
            Base::Nightfall => f.write_str("nightfall")?,
        }
        match self.offset_minutes {
            0 => Ok(()),
            m if m > 0 => write!(f, " + {m} min"),
            m => write!(f, " − {} min", -m),
        }
    }
}

/// `HH:MM` (00:00–23:59) as minutes after midnight.
pub fn parse_clock(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// A duration such as `90m`, `2h`, `1h30m` or `45` (minutes), in minutes;
/// `None` when malformed, zero or over 100 years.
pub fn parse_duration_minutes(s: &str) -> Option<i64> {
    const LIMIT: i64 = 100 * 366 * 24 * 60;
    let mut total: i64 = 0;
    let mut number = String::new();
    let mut any = false;
    for c in s.trim().chars() {
        match c {
            '0'..='9' => {
                if number.len() >= 12 {
                    return None;
                }
                number.push(c);
            }
            'h' | 'm' => {
                let n: i64 = number.parse().ok()?;
                total = total.checked_add(if c == 'h' { n.checked_mul(60)? } else { n })?;
                number.clear();
                any = true;
            }
            _ => return None,
        }
    }
    if !number.is_empty() {
        if any {
            return None;
        }
        total = number.parse().ok()?;
    }
    (total > 0 && total <= LIMIT).then_some(total)
}

/// Daily hours, `hours = { from = "…", to = "…", what = "…" }`: `to` at or
/// before `from` means the next day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hours {
    /// When they begin.
    pub from: At,
    /// When they end.
    pub to: At,
    /// What happens then, for the reason ("garba and dandiya").
    pub what: String,
    /// Whether the whole day still counts, the hours being its most
    /// important part (Diwali's evening), rather than only the hours.
    pub all_day: bool,
    /// Whether the hours fall on the eve of each day (the evening that
    /// begins it, for an observance that begins at sunset: Hanukkah's
    /// candles) rather than on the civil day itself (the evening after
    /// Eid prayers, of family visits and meals).
    pub on_eve: bool,
}

/// A fast's hours (`fast = "…"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fast {
    /// Dawn to sunset each day, with the iftar at sunset (Ramadan).
    DawnToSunset,
    /// Dawn to nightfall (the minor Jewish fasts).
    DawnToNightfall,
    /// A voluntary fast of one day, dawn to sunset, that many (not all)
    /// keep (Ashura, the Day of Arafah): no Ramadan evening around it.
    VoluntaryDawnToSunset,
    /// Sunrise to sunset each day, broken at sunset (the Bahá'í Fast).
    SunriseToSunset,
    /// The whole span, sunset to nightfall (Yom Kippur, Tisha B'Av).
    Whole,
    /// Sunrise until moonrise at the location, broken with a puja and a
    /// meal when the Moon rises.
    SunriseToMoonrise,
    /// Dawn (after a pre-dawn meal) until moonrise at the location, broken
    /// with a puja and a meal when the Moon rises (Karva Chauth, after the
    /// sargi).
    DawnToMoonrise,
}

impl FromStr for Fast {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s {
            "dawn-to-sunset" => Fast::DawnToSunset,
            "dawn-to-nightfall" => Fast::DawnToNightfall,
            "sunrise-to-sunset" => Fast::SunriseToSunset,
            "whole" => Fast::Whole,
            "sunrise-to-moonrise" => Fast::SunriseToMoonrise,
            "dawn-to-moonrise" => Fast::DawnToMoonrise,
            "voluntary-dawn-to-sunset" => Fast::VoluntaryDawnToSunset,
            _ => {
                return Err(Error::invalid(format!(
                    "invalid value `{s}` (allowed: dawn-to-sunset, dawn-to-nightfall, sunrise-to-sunset, sunrise-to-moonrise, dawn-to-moonrise, voluntary-dawn-to-sunset, whole)"
                )))
            }
        })
    }
}

/// How an observance that begins at sunset ends on its last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum DayEnd {
    /// At sunset (the Islamic and Bahá'í day).
    #[default]
    Sunset,
    /// At nightfall (the Jewish day: Shabbat and festivals end when three
    /// stars are out).
    Nightfall,
}

impl FromStr for DayEnd {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "sunset" => Ok(DayEnd::Sunset),
            "nightfall" => Ok(DayEnd::Nightfall),
            _ => Err(Error::invalid(format!(
                "invalid value `{s}` (allowed: sunset, nightfall)"
            ))),
        }
    }
}

/// A start before sunset (`begins_early = { minutes = 18, what = "candle
/// lighting" }`): Shabbat and the Jewish festivals begin when the candles
/// are lit, 18 minutes before sunset in UK synagogue timetables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Early {
    /// How many minutes before sunset.
    pub minutes: u16,
    /// What marks the start ("candle lighting").
    pub what: String,
}

/// Hours on the afternoon before an observance that begins at sunset, up
/// to its start (`eve = { from = "solar-noon", what = "…" }`): the meal
/// before the Yom Kippur fast, the preparations for the first Seder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EveHours {
    /// When they begin, on the civil day before the first day.
    pub from: At,
    /// What happens then.
    pub what: String,
}

/// The time-of-day facts of an observance.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timing {
    /// Daily hours that narrow its span, if any.
    pub hours: Option<Hours>,
    /// Its fast, if any.
    pub fast: Option<Fast>,
    /// How it ends, when it begins at sunset.
    pub ends: DayEnd,
    /// A start before sunset, if it has one.
    pub early: Option<Early>,
    /// Hours on the afternoon before, if it has them.
    pub eve: Option<EveHours>,
    /// What food-centred events should know (a diet kept on these days),
    /// reported when a meeting serves food.
    pub food: Option<String>,
}

/// Options of a timed check.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MeetingKind {
    /// The meeting serves food or drink, which matters in fasting hours.
    pub with_food: bool,
}

/// Why a timed meeting clashes with an observance: the part of its time
/// that the meeting overlaps, with the clock times of that part, and the
/// food notes of a meeting that serves food. `Display` gives the words
/// ("iftar at 17:59 (sunset)").
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TimedReason {
    /// The part overlapped.
    pub part: TimedPart,
    /// The meeting serves food in fasting hours, when food or drink would
    /// not be taken.
    pub no_food: bool,
    /// What a food-centred event should know of the day (its diet), for a
    /// meeting that serves food ([`Timing::food`]), unless the part is
    /// itself a meal.
    pub food: Option<String>,
}

impl TimedReason {
    /// The reason for `part`, without food notes.
    pub fn new(part: TimedPart) -> Self {
        TimedReason {
            part,
            no_food: false,
            food: None,
        }
    }
}

impl fmt::Display for TimedReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.part)?;
        if self.no_food {
            f.write_str("; food or drink would not be taken")?;
        }
        match &self.food {
            Some(note) => write!(f, "; food: {note}"),
            None => Ok(()),
        }
    }
}

/// The part of an observance's time that a timed meeting overlaps, with
/// its times (local civil times at the location). `Display` gives the words.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimedPart {
    /// Its whole span ("from sunset Fri 2026-03-20 18:21").
    Span(SpanReason),
    /// The afternoon before it begins (its `eve` hours): "the meal before
    /// the fast, from solar noon (12:10) until it begins at 18:02".
    Eve {
        /// What happens then.
        what: String,
        /// When the hours begin, as the catalogue says it.
        from: At,
        /// When they begin that day.
        start: DateTime<Tz>,
        /// When the observance begins.
        begins: DateTime<Tz>,
    },
    /// Its daily hours: "Jumu'ah prayers, solar noon (12:10) to 14:00".
    Hours {
        /// What happens then.
        what: String,
        /// When they begin, as the catalogue says it.
        from: At,
        /// When they begin that day.
        start: DateTime<Tz>,
        /// When they end, as the catalogue says it.
        to: At,
        /// When they end that day.
        end: DateTime<Tz>,
    },
    /// A fast of the whole span ([`Fast::Whole`]): "the fast, " and the span.
    WholeFast(SpanReason),
    /// A fast day outside its fasting hours: "outside the fasting hours
    /// (…)", with the span.
    OutsideFast(SpanReason),
    /// The fasting hours of one day ([`Fast::DawnToSunset`],
    /// [`Fast::DawnToNightfall`], [`Fast::SunriseToSunset`]): "fasting from
    /// dawn (05:01) to sunset (18:21)".
    Fasting {
        /// The fast (which says what the hours run from and to).
        fast: Fast,
        /// When they begin.
        start: DateTime<Tz>,
        /// When they end.
        end: DateTime<Tz>,
    },
    /// The morning of a Ramadan fast, the easiest time to meet: "fasting
    /// from dawn (05:01) to sunset (18:21); the morning is the easiest time".
    FastMorning {
        /// Dawn that day.
        dawn: DateTime<Tz>,
        /// Sunset that day.
        sunset: DateTime<Tz>,
    },
    /// The iftar, sunset and the hour after: "iftar at 17:59 (sunset)".
    Iftar {
        /// Sunset that day.
        sunset: DateTime<Tz>,
    },
    /// A Ramadan evening after the iftar hour: "Ramadan evening: Isha and
    /// taraweeh prayers after the iftar at 17:59".
    RamadanEvening {
        /// The iftar (sunset) that day.
        iftar: DateTime<Tz>,
    },
    /// The fasting hours of a fast until moonrise
    /// ([`Fast::SunriseToMoonrise`], [`Fast::DawnToMoonrise`]): "fasting
    /// from sunrise (06:40) until moonrise (20:15)".
    FastToMoonrise {
        /// The fast (which says whether it runs from dawn or sunrise).
        fast: Fast,
        /// Dawn or sunrise that day (or the start of the civil day where
        /// the Sun does not rise or the sky does not reach dawn).
        start: DateTime<Tz>,
        /// Moonrise that day, or `None` when the Moon does not rise (the
        /// fast lasts until the end of the day).
        moonrise: Option<DateTime<Tz>>,
    },
    /// The hour after moonrise, when such a fast is broken: "the fast is
    /// broken at moonrise (20:15) with a puja and a family meal".
    BrokenAtMoonrise {
        /// Moonrise that day.
        moonrise: DateTime<Tz>,
    },
    /// A meal on a day with a diet of its own: "a meal: " and the diet.
    Meal {
        /// The diet ([`Timing::food`]).
        food: String,
    },
}

/// `HH:MM` (as `%H:%M`, written directly: parsing the format string for
/// each time was a tenth of a timed answer's words).
fn hm(t: &DateTime<Tz>) -> Hm {
    Hm(t.hour(), t.minute())
}

struct Hm(u32, u32);

impl fmt::Display for Hm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0, self.1)
    }
}

/// `Www YYYY-MM-DD HH:MM` (as `%a %Y-%m-%d %H:%M`, written directly).
struct DayHm<'a>(&'a DateTime<Tz>);

impl fmt::Display for DayHm<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.0;
        write!(
            f,
            "{} {:04}-{:02}-{:02} {}",
            t.weekday(),
            t.year(),
            t.month(),
            t.day(),
            hm(t)
        )
    }
}

/// A time by the Sun, with its clock time ("sunset (18:21)"), or a clock
/// time.
struct AtTime<'a>(&'a At, &'a DateTime<Tz>);

impl fmt::Display for AtTime<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.by_sun() {
            true => write!(f, "{} ({})", self.0, hm(self.1)),
            false => write!(f, "{}", hm(self.1)),
        }
    }
}

impl fmt::Display for TimedPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimedPart::Span(span) => write!(f, "{span}"),
            TimedPart::Eve {
                what,
                from,
                start,
                begins,
            } => write!(
                f,
                "{what}, from {from} ({}) until it begins at {}",
                hm(start),
                hm(begins)
            ),
            TimedPart::Hours {
                what,
                from,
                start,
                to,
                end,
            } => write!(f, "{what}, {} to {}", AtTime(from, start), AtTime(to, end)),
            TimedPart::WholeFast(span) => write!(f, "the fast, {span}"),
            TimedPart::OutsideFast(span) => write!(f, "outside the fasting hours ({span})"),
            TimedPart::Fasting { fast, start, end } => {
                let from = match fast {
                    Fast::SunriseToSunset => "sunrise",
                    _ => "dawn",
                };
                let to = match fast {
                    Fast::DawnToNightfall => "nightfall",
                    _ => "sunset",
                };
                let many = match fast {
                    Fast::VoluntaryDawnToSunset => "a voluntary fast that many keep, ",
                    _ => "fasting ",
                };
                write!(f, "{many}from {from} ({}) to {to} ({})", hm(start), hm(end))
            }
            TimedPart::FastMorning { dawn, sunset } => write!(
                f,
                "fasting from dawn ({}) to sunset ({}); the morning is the easiest time",
                hm(dawn),
                hm(sunset)
            ),
            TimedPart::Iftar { sunset } => write!(f, "iftar at {} (sunset)", hm(sunset)),
            TimedPart::RamadanEvening { iftar } => write!(
                f,
                "Ramadan evening: Isha and taraweeh prayers after the iftar at {}",
                hm(iftar)
            ),
            TimedPart::FastToMoonrise {
                fast,
                start,
                moonrise,
            } => {
                let from = match fast {
                    Fast::DawnToMoonrise => "dawn",
                    _ => "sunrise",
                };
                write!(f, "fasting from {from} ({}) until ", hm(start))?;
                match moonrise {
                    Some(m) => write!(f, "moonrise ({})", hm(m)),
                    None => f.write_str("the end of the day (no moonrise that day)"),
                }
            }
            TimedPart::BrokenAtMoonrise { moonrise } => write!(
                f,
                "the fast is broken at moonrise ({}) with a puja and a family meal",
                hm(moonrise)
            ),
            TimedPart::Meal { food } => write!(f, "a meal: {food}"),
        }
    }
}

/// An observance's whole span, as a timed reason tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SpanReason {
    /// From sunset (or a start before it) the evening before: "from sunset
    /// Thu 2026-03-19 18:21 until nightfall Fri 2026-03-20 19:15".
    FromSunset {
        /// Its start before sunset, if it has one ("candle lighting (18
        /// minutes before sunset)").
        early: Option<Early>,
        /// When it begins.
        start: DateTime<Tz>,
        /// How and when it ends, when by the Sun (else at midnight, and
        /// unsaid).
        until: Option<(DayEnd, DateTime<Tz>)>,
    },
    /// It begins at sunset, but the Sun does not set that evening at the
    /// location: "no sunset at this location on 2026-06-20: the civil day
    /// is used".
    NoSunset {
        /// The evening without a sunset.
        evening: NaiveDate,
    },
    /// Whole civil days: "all day", or "all day, 2026-03-20 to 2026-03-22".
    AllDay {
        /// The first day.
        first: NaiveDate,
        /// The last day.
        last: NaiveDate,
    },
}

impl fmt::Display for SpanReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let day = DayHm;
        match self {
            SpanReason::FromSunset {
                early,
                start,
                until,
            } => {
                match early {
                    Some(e) => write!(
                        f,
                        "from {} ({} minutes before sunset) {}",
                        e.what,
                        e.minutes,
                        day(start)
                    )?,
                    None => write!(f, "from sunset {}", day(start))?,
                }
                match until {
                    Some((end, t)) => {
                        let what = match end {
                            DayEnd::Sunset => "sunset",
                            DayEnd::Nightfall => "nightfall",
                        };
                        write!(f, " until {what} {}", day(t))
                    }
                    None => Ok(()),
                }
            }
            SpanReason::NoSunset { evening } => write!(
                f,
                "no sunset at this location on {evening}: the civil day is used"
            ),
            SpanReason::AllDay { first, last } if first == last => f.write_str("all day"),
            SpanReason::AllDay { first, last } => write!(f, "all day, {first} to {last}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_times_and_durations() {
        assert_eq!("18:00".parse::<At>().unwrap().to_string(), "18:00");
        assert_eq!(
            "sunset+90m".parse::<At>().unwrap().to_string(),
            "sunset + 90 min"
        );
        assert_eq!(
            "solar-noon".parse::<At>().unwrap().to_string(),
            "solar noon"
        );
        assert_eq!(
            "solar-noon+1h30m".parse::<At>().unwrap().to_string(),
            "solar noon + 90 min"
        );
        assert_eq!(
            "sunset-1h".parse::<At>().unwrap().to_string(),
            "sunset − 60 min"
        );
        for bad in [
            "24:00",
            "7:00",
            "noon",
            "sunset+",
            "sunset+2d",
            "sunset+100000h",
        ] {
            assert!(bad.parse::<At>().is_err(), "{bad}");
        }
        assert_eq!(parse_duration_minutes("90m"), Some(90));
        assert_eq!(parse_duration_minutes("2h"), Some(120));
        assert_eq!(parse_duration_minutes("1h30m"), Some(90));
        assert_eq!(parse_duration_minutes("45"), Some(45));
        for bad in [
            "",
            "0m",
            "h",
            "2x",
            "1h30",
            "100000000h",
            "99999999999999999999m",
        ] {
            assert_eq!(parse_duration_minutes(bad), None, "{bad}");
        }
    }

    #[test]
    fn reasons_in_words() {
        use chrono::TimeZone;
        let london = chrono_tz::Europe::London;
        let t = |h, m| london.with_ymd_and_hms(2026, 3, 20, h, m, 0).unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let at = |s: &str| s.parse::<At>().unwrap();
        let candles = Early {
            minutes: 18,
            what: "candle lighting".to_string(),
        };
        let cases: Vec<(TimedPart, &str)> = vec![
            (TimedPart::Iftar { sunset: t(18, 21) }, "iftar at 18:21 (sunset)"),
            (
                TimedPart::Fasting { fast: Fast::DawnToNightfall, start: t(5, 1), end: t(19, 2) },
                "fasting from dawn (05:01) to nightfall (19:02)",
            ),
            (
                TimedPart::Fasting { fast: Fast::VoluntaryDawnToSunset, start: t(5, 1), end: t(19, 2) },
                "a voluntary fast that many keep, from dawn (05:01) to sunset (19:02)",
            ),
            (
                TimedPart::Hours {
                    what: "Jumu'ah prayers".to_string(),
                    from: at("solar-noon"),
                    start: t(12, 10),
                    to: at("14:00"),
                    end: t(14, 0),
                },
                "Jumu'ah prayers, solar noon (12:10) to 14:00",
            ),
            (
                TimedPart::FastToMoonrise {
                    fast: Fast::SunriseToMoonrise,
                    start: t(6, 5),
                    moonrise: None,
                },
                "fasting from sunrise (06:05) until the end of the day (no moonrise that day)",
            ),
            (
                TimedPart::FastToMoonrise {
                    fast: Fast::DawnToMoonrise,
                    start: t(4, 55),
                    moonrise: Some(t(20, 15)),
                },
                "fasting from dawn (04:55) until moonrise (20:15)",
            ),
            (
                TimedPart::Span(SpanReason::FromSunset {
                    early: Some(candles),
                    start: t(18, 3),
                    until: Some((DayEnd::Nightfall, t(19, 15))),
                }),
                "from candle lighting (18 minutes before sunset) Fri 2026-03-20 18:03 until nightfall Fri 2026-03-20 19:15",
            ),
            (
                TimedPart::OutsideFast(SpanReason::AllDay { first: day(20), last: day(20) }),
                "outside the fasting hours (all day)",
            ),
            (
                TimedPart::WholeFast(SpanReason::NoSunset { evening: day(19) }),
                "the fast, no sunset at this location on 2026-03-19: the civil day is used",
            ),
        ];
        for (part, words) in cases {
            assert_eq!(part.to_string(), words);
        }
        let reason = TimedReason {
            part: TimedPart::FastMorning {
                dawn: t(5, 1),
                sunset: t(18, 21),
            },
            no_food: true,
            food: Some("no meat".to_string()),
        };
        assert_eq!(
            reason.to_string(),
            "fasting from dawn (05:01) to sunset (18:21); the morning is the easiest time; \
             food or drink would not be taken; food: no meat"
        );
    }
}
