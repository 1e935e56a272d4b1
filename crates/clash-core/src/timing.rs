//! Time of day (SPEC §4, §6): when, within its days, an observance matters
//! at a location, and which observances a meeting at a given local time
//! overlaps, and why.
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
use std::str::FromStr;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::location::Location;
use crate::model::{ClashKind, Verdict, DEFAULT_THRESHOLD};
use crate::model::{DayStart, Impact};
use crate::observance::Observance;
use crate::occurrence::{Index, OccurrenceRef};
use crate::Filter;

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

    fn on_sky(&self, date: NaiveDate, sky: &Sky<'_>) -> Option<DateTime<Tz>> {
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

    fn by_sun(&self) -> bool {
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
type SkyMemo = HashMap<(NaiveDate, SkyEvent), Option<DateTime<Tz>>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum SkyEvent {
    Dawn,
    Sunrise,
    SolarNoon,
    Sunset,
    Nightfall,
    Moonrise,
}

impl<'l> Sky<'l> {
    pub(crate) fn new(location: &'l Location) -> Self {
        Sky {
            location,
            memo: RefCell::new(HashMap::new()),
        }
    }

    fn timezone(&self) -> Tz {
        self.location.timezone()
    }

    fn get(&self, date: NaiveDate, event: SkyEvent) -> Option<DateTime<Tz>> {
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
    /// Sunrise to sunset each day, broken at sunset (the Bahá'í Fast).
    SunriseToSunset,
    /// The whole span, sunset to nightfall (Yom Kippur, Tisha B'Av).
    Whole,
    /// Sunrise until moonrise at the location, broken with a puja and a
    /// meal when the Moon rises (Karva Chauth).
    SunriseToMoonrise,
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
            _ => {
                return Err(Error::invalid(format!(
                    "invalid value `{s}` (allowed: dawn-to-sunset, dawn-to-nightfall, sunrise-to-sunset, sunrise-to-moonrise, whole)"
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

/// A local date-time resolved in a time zone, with a note when the clock
/// time does not exist (the spring-forward gap: taken as the same clock
/// time in the offset before the change, i.e. moved forward by the gap) or
/// occurs twice (the autumn fold: the first, summer-time, instant).
pub fn local_instant(tz: Tz, naive: NaiveDateTime) -> (Option<DateTime<Tz>>, Option<String>) {
    match tz.from_local_datetime(&naive) {
        chrono::LocalResult::Single(t) => (Some(t), None),
        chrono::LocalResult::Ambiguous(first, _) => (
            Some(first),
            Some(format!(
                "{} happens twice on {} in {} (the clocks go back); the first ({}) is used",
                naive.format("%H:%M"),
                naive.date(),
                tz.name(),
                first.format("%Z, %:z"),
            )),
        ),
        chrono::LocalResult::None => {
            let before = naive
                .checked_sub_signed(Duration::hours(6))
                .and_then(|b| tz.from_local_datetime(&b).earliest());
            let Some(before) = before else {
                return (None, None);
            };
            let utc = naive - before.offset().fix();
            let t = tz.from_utc_datetime(&utc);
            let note = format!(
                "{} does not exist on {} in {} (the clocks go forward); it is taken as {}",
                naive.format("%H:%M"),
                naive.date(),
                tz.name(),
                t.format("%H:%M %Z"),
            );
            (Some(t), Some(note))
        }
    }
}

/// What part of an observance a meeting overlaps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    /// The rest of a fast day, outside its fasting hours and evening.
    Rest,
    /// The morning of a Ramadan fast (dawn to solar noon), the easiest
    /// time to meet.
    FastMorning,
    /// The afternoon before it begins (its `eve` hours).
    Eve,
    /// Its span.
    Span,
    /// Its daily hours.
    Hours,
    /// A Ramadan evening after the iftar hour (Isha and taraweeh prayers).
    FastEvening,
    /// Its fasting hours.
    Fasting,
    /// The iftar (sunset and the hour after).
    Iftar,
}

/// One part of an observance's time. Its words are written only for the
/// part a meeting is reported against (most windows are not).
struct Window<'o> {
    from: DateTime<Tz>,
    to: DateTime<Tz>,
    part: Part,
    reason: Box<dyn Fn() -> String + 'o>,
}

/// The words for an observance's whole span.
#[derive(Clone, Copy)]
struct SpanWords<'o> {
    early: Option<&'o Early>,
    sunset_start: bool,
    from_sun: bool,
    to_label: Option<&'static str>,
    span: (DateTime<Tz>, DateTime<Tz>),
    days: (NaiveDate, NaiveDate),
}

impl SpanWords<'_> {
    fn text(&self) -> String {
        let (span_from, span_to) = self.span;
        let (start, end) = self.days;
        let begin_words = match self.early {
            Some(e) => format!("{} ({} minutes before sunset)", e.what, e.minutes),
            None => "sunset".to_string(),
        };
        match (self.from_sun, self.to_label) {
            (true, Some(what)) => format!(
                "from {begin_words} {} until {what} {}",
                day_label(&span_from),
                day_label(&span_to)
            ),
            (true, None) => format!("from {begin_words} {}", day_label(&span_from)),
            (false, _) if self.sunset_start => format!(
                "no sunset at this location on {}: the civil day is used",
                start.pred_opt().unwrap_or(start)
            ),
            (false, _) if start == end => "all day".to_string(),
            (false, _) => format!("all day, {start} to {end}"),
        }
    }
}

/// A time by the Sun, with its clock time ("sunset (18:21)"), or a clock time.
fn at_text(at: &At, t: &DateTime<Tz>) -> String {
    match at.by_sun() {
        true => format!("{at} ({})", hm(t)),
        false => hm(t),
    }
}

/// A clash of a timed meeting with an observance.
#[derive(Debug, Clone)]
pub struct TimedClash<'a> {
    /// What it clashes with.
    pub occurrence: OccurrenceRef<'a>,
    /// The overlap of the meeting with the observance's time.
    pub overlap: (DateTime<Tz>, DateTime<Tz>),
    /// Why, in words ("iftar at 17:50 (sunset)").
    pub reason: String,
    /// How much this overlap matters: the observance's impact, raised for
    /// an iftar or a meal in fasting hours, lowered outside a fast's hours.
    pub impact: Impact,
    /// True when it applies only if observed on one of its possible dates.
    pub possible: bool,
    /// [`ClashKind::Eve`] when the overlap is the afternoon before it
    /// begins (its `eve` hours), else [`ClashKind::Day`].
    pub kind: ClashKind,
}

/// Options of a timed check.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MeetingKind {
    /// The meeting serves food or drink, which matters in fasting hours.
    pub with_food: bool,
}

/// The most days of an observance whose daily windows are computed.
const MAX_DAYS: i64 = 62;

fn hm(t: &DateTime<Tz>) -> String {
    t.format("%H:%M").to_string()
}

fn day_label(t: &DateTime<Tz>) -> String {
    t.format("%a %Y-%m-%d %H:%M").to_string()
}

/// The windows of observance `obs` occurring over `start..=end` at the
/// location of `sky`, with daily windows only for the days `near` (those
/// a meeting touches, give or take a day), so that a month-long fast
/// costs no more than a one-day one.
fn windows<'o>(
    obs: &'o Observance,
    (start, end): (NaiveDate, NaiveDate),
    sky: &Sky<'_>,
    near: (NaiveDate, NaiveDate),
) -> Vec<Window<'o>> {
    let tz = sky.timezone();
    let midnight = |d: NaiveDate| d.and_hms_opt(0, 0, 0).and_then(|n| local_instant(tz, n).0);
    let timing = obs.timing();
    let sunset_start = obs.begins() == DayStart::SunsetBefore;
    let mut out = Vec::new();
    // The span.
    let early = timing.early.as_ref();
    let (span_from, from_sun) = match sunset_start {
        true => match start.pred_opt().and_then(|d| sky.get(d, SkyEvent::Sunset)) {
            Some(t) => {
                let lead = Duration::minutes(early.map_or(0, |e| i64::from(e.minutes)));
                (t.checked_sub_signed(lead), true)
            }
            None => (midnight(start), false),
        },
        false => (midnight(start), false),
    };
    let (span_to, to_label) = if sunset_start {
        let t = match timing.ends {
            DayEnd::Sunset => sky.get(end, SkyEvent::Sunset).map(|t| (t, "sunset")),
            DayEnd::Nightfall => sky.get(end, SkyEvent::Nightfall).map(|t| (t, "nightfall")),
        };
        match t {
            Some((t, what)) => (Some(t), Some(what)),
            None => (end.succ_opt().and_then(midnight), None),
        }
    } else {
        (end.succ_opt().and_then(midnight), None)
    };
    let (Some(span_from), Some(span_to)) = (span_from, span_to) else {
        return out;
    };
    let span_reason = SpanWords {
        early,
        sunset_start,
        from_sun,
        to_label,
        span: (span_from, span_to),
        days: (start, end),
    };
    let days = || {
        let (first, last) = (start.max(near.0), end.min(near.1));
        first
            .iter_days()
            .take_while(move |d| *d <= last)
            .take(MAX_DAYS as usize)
    };
    // The afternoon before, up to the start (the meal before a fast, the
    // preparations for a Seder).
    if let (Some(eve), true) = (&timing.eve, from_sun) {
        let eve_day = start.pred_opt().filter(|d| *d >= near.0 && *d <= near.1);
        if let Some(a) = eve_day.and_then(|d| eve.from.on_sky(d, sky)) {
            if a < span_from {
                out.push(Window {
                    from: a,
                    to: span_from,
                    part: Part::Eve,
                    reason: Box::new(move || {
                        format!(
                            "{}, from {} ({}) until it begins at {}",
                            eve.what,
                            eve.from,
                            hm(&a),
                            hm(&span_from)
                        )
                    }),
                });
            }
        }
    }
    if let Some(h) = &timing.hours {
        // Daily hours narrow the span (or, with `all_day`, stand out in it,
        // or follow it: Eid's evening is after the Islamic day's sunset);
        // an observance that begins at sunset has its evenings on the eve of
        // each day unless they are `on = "day"`.
        if h.all_day {
            out.push(Window {
                from: span_from,
                to: span_to,
                part: Part::Span,
                reason: Box::new(move || span_reason.text()),
            });
        }
        for d in days() {
            let day = if h.on_eve {
                d.pred_opt().unwrap_or(d)
            } else {
                d
            };
            let (Some(a), Some(mut b)) = (h.from.on_sky(day, sky), h.to.on_sky(day, sky)) else {
                continue;
            };
            if b <= a {
                match day.succ_opt().and_then(|n| h.to.on_sky(n, sky)) {
                    Some(n) => b = n,
                    None => continue,
                }
            }
            out.push(Window {
                from: a,
                to: b,
                part: Part::Hours,
                reason: Box::new(move || {
                    format!(
                        "{}, {} to {}",
                        h.what,
                        at_text(&h.from, &a),
                        at_text(&h.to, &b)
                    )
                }),
            });
        }
        return out;
    }
    match timing.fast {
        Some(Fast::Whole) => out.push(Window {
            from: span_from,
            to: span_to,
            part: Part::Fasting,
            reason: Box::new(move || format!("the fast, {}", span_reason.text())),
        }),
        Some(Fast::SunriseToMoonrise) => {
            out.push(rest_of_fast(span_from, span_to, span_reason));
            for d in days() {
                let Some(end_of_day) = d.succ_opt().and_then(midnight) else {
                    continue;
                };
                // Where the Sun does not rise, the civil day.
                let Some(a) = sky.get(d, SkyEvent::Sunrise).or_else(|| midnight(d)) else {
                    continue;
                };
                let rise = sky.get(d, SkyEvent::Moonrise).filter(|m| *m > a);
                let b = rise.unwrap_or(end_of_day);
                out.push(Window {
                    from: a,
                    to: b,
                    part: Part::Fasting,
                    reason: Box::new(move || {
                        let until = match rise {
                            Some(m) => format!("moonrise ({})", hm(&m)),
                            None => "the end of the day (no moonrise that day)".to_string(),
                        };
                        format!("fasting from sunrise ({}) until {until}", hm(&a))
                    }),
                });
                if let Some(m) = rise {
                    out.push(Window {
                        from: m,
                        to: m + Duration::hours(1),
                        part: Part::Hours,
                        reason: Box::new(move || {
                            format!(
                                "the fast is broken at moonrise ({}) with a puja and a family meal",
                                hm(&m)
                            )
                        }),
                    });
                }
            }
        }
        Some(fast) => {
            out.push(rest_of_fast(span_from, span_to, span_reason));
            for d in days() {
                let (start_word, a) = match fast {
                    Fast::SunriseToSunset => ("sunrise", sky.get(d, SkyEvent::Sunrise)),
                    _ => ("dawn", sky.get(d, SkyEvent::Dawn)),
                };
                let (end_word, b) = match fast {
                    Fast::DawnToNightfall => ("nightfall", sky.get(d, SkyEvent::Nightfall)),
                    _ => ("sunset", sky.get(d, SkyEvent::Sunset)),
                };
                let (Some(a), Some(b)) = (a, b) else {
                    continue;
                };
                // Ramadan's fasting hours that matter are from solar noon.
                let noon = match fast {
                    Fast::DawnToSunset => {
                        sky.get(d, SkyEvent::SolarNoon).filter(|n| a < *n && *n < b)
                    }
                    _ => None,
                };
                out.push(Window {
                    from: noon.unwrap_or(a),
                    to: b,
                    part: Part::Fasting,
                    reason: Box::new(move || {
                        format!(
                            "fasting from {start_word} ({}) to {end_word} ({})",
                            hm(&a),
                            hm(&b)
                        )
                    }),
                });
                // Ramadan: the morning (dawn to solar noon) is the easiest
                // time to meet; the iftar (and Maghrib) takes the hour after sunset, and the
                // evening after it Isha and the taraweeh prayers, until
                // 23:00 (or an hour after the iftar, whichever is later).
                if fast == Fast::DawnToSunset {
                    if let Some(noon) = noon {
                        out.push(Window {
                            from: a,
                            to: noon,
                            part: Part::FastMorning,
                            reason: Box::new(move || {
                                format!(
                                    "fasting from dawn ({}) to sunset ({}); the morning is the easiest time",
                                    hm(&a),
                                    hm(&b)
                                )
                            }),
                        });
                    }
                    let iftar_end = b + Duration::hours(1);
                    out.push(Window {
                        from: b,
                        to: iftar_end,
                        part: Part::Iftar,
                        reason: Box::new(move || format!("iftar at {} (sunset)", hm(&b))),
                    });
                    let late = d
                        .and_hms_opt(23, 0, 0)
                        .and_then(|n| local_instant(sky.timezone(), n).0)
                        .filter(|t| *t > iftar_end);
                    if let Some(late) = late {
                        out.push(Window {
                            from: iftar_end,
                            to: late,
                            part: Part::FastEvening,
                            reason: Box::new(move || {
                                format!(
                                    "Ramadan evening: Isha and taraweeh prayers after the iftar at {}",
                                    hm(&b)
                                )
                            }),
                        });
                    }
                }
            }
        }
        None => out.push(Window {
            from: span_from,
            to: span_to,
            part: Part::Span,
            reason: Box::new(move || span_reason.text()),
        }),
    }
    out
}

/// The whole span of a fast, outside its fasting hours (low).
fn rest_of_fast(from: DateTime<Tz>, to: DateTime<Tz>, span: SpanWords<'_>) -> Window<'_> {
    Window {
        from,
        to,
        part: Part::Rest,
        reason: Box::new(move || format!("outside the fasting hours ({})", span.text())),
    }
}

impl Index<'_> {
    /// The observances passing `filter` that a meeting from `from` to `to`
    /// (local times at the index's location) overlaps, one entry per
    /// occurrence with the overlap of its most important part, ordered by
    /// impact (highest first), then start, then id (SPEC §6). Weekly
    /// observances are included when `filter` lets them through. The
    /// filter's minimum impact applies to each clash's own impact (an iftar
    /// is high whatever Ramadan's impact), not the observance's.
    ///
    /// # Errors
    /// [`crate::ErrorKind::OutOfRange`] when the meeting ends before it
    /// begins, lasts over 31 days, or falls outside the index.
    pub fn clashes_at(
        &self,
        from: DateTime<Tz>,
        to: DateTime<Tz>,
        filter: &Filter,
        kind: MeetingKind,
    ) -> Result<Vec<TimedClash<'_>>> {
        let sky = Sky::new(self.settings().location_ref());
        self.clashes_under(&sky, from, to, filter, kind)
    }

    /// [`Index::clashes_at`] with the Sun's times of `sky` (the index's
    /// location), kept from one meeting to the next.
    pub(crate) fn clashes_under(
        &self,
        sky: &Sky<'_>,
        from: DateTime<Tz>,
        to: DateTime<Tz>,
        filter: &Filter,
        kind: MeetingKind,
    ) -> Result<Vec<TimedClash<'_>>> {
        if to <= from {
            return Err(Error::out_of_range("the meeting must end after it begins"));
        }
        if to - from > Duration::days(31) {
            return Err(Error::out_of_range(
                "a timed meeting may last at most 31 days",
            ));
        }
        let location = self.settings().location_ref();
        let tz = location.timezone();
        let (first, last) = (
            from.with_timezone(&tz).date_naive(),
            to.with_timezone(&tz).date_naive(),
        );
        let (lo, hi) = self.days();
        let day_from = first.pred_opt().unwrap_or(first).max(lo);
        let day_to = last.succ_opt().unwrap_or(last).min(hi);
        self.check_range(first, last)?;
        let (filter, min_impact) = filter.split_min_impact();
        let midnight = |d: NaiveDate| d.and_hms_opt(0, 0, 0).and_then(|n| local_instant(tz, n).0);
        let mut out = Vec::new();
        for c in self.clashes_of_days(day_from, day_to, &filter, false)? {
            let occ = c.occurrence.occurrence();
            let obs = c.occurrence.observance();
            let len = occ.end() - occ.start();
            // Every possible day is a real day (SPEC §6.1): the expected
            // start and each possible one, with its own hours.
            let starts = std::iter::once((occ.start(), false))
                .chain(occ.possible_dates().iter().map(|d| (*d, true)));
            let own = c.impact;
            // How much a part matters (an iftar, or a meal in fasting
            // hours, is high; the rest of a fast day low).
            let weigh = |part: Part| match part {
                Part::Iftar => Impact::High,
                Part::Fasting | Part::FastMorning if kind.with_food => Impact::High,
                Part::Rest | Part::FastMorning => Impact::Low,
                Part::Fasting | Part::Span | Part::Hours | Part::FastEvening | Part::Eve => own,
            };
            let mut best: Option<(Part, bool, Window)> = None;
            for (s, possible) in starts {
                let Some(e) = s.checked_add_signed(len) else {
                    continue;
                };
                // Its windows lie from noon the day before it begins (an
                // eve) to the morning after it ends (evening hours): a
                // start whose days are away from the meeting's is skipped.
                if s.pred_opt().unwrap_or(s) > last || e.succ_opt().unwrap_or(e) < first {
                    continue;
                }
                let mut ws = windows(obs, (s, e), sky, (day_from, day_to));
                // A meal on a day with a diet of its own (Navaratri).
                if let (true, Some(food), Some(a), Some(b)) = (
                    kind.with_food,
                    obs.timing().food.as_deref(),
                    midnight(s),
                    e.succ_opt().and_then(midnight),
                ) {
                    ws.push(Window {
                        from: a,
                        to: b,
                        part: Part::Span,
                        reason: Box::new(move || format!("a meal: {food}")),
                    });
                }
                for w in ws {
                    let (a, b) = (w.from.max(from), w.to.min(to));
                    // The part that matters most; then a certain day
                    // before a possible one; then the more particular part.
                    let key = |part: Part, possible: bool| (weigh(part), !possible, part);
                    let better = best
                        .as_ref()
                        .is_none_or(|(p, q, ..)| key(w.part, possible) > key(*p, *q));
                    if a < b && better {
                        best = Some((
                            w.part,
                            possible,
                            Window {
                                from: a,
                                to: b,
                                ..w
                            },
                        ));
                    }
                }
            }
            let Some((part, possible, w)) = best else {
                continue;
            };
            let food_note = obs.timing().food.as_deref().filter(|_| kind.with_food);
            let impact = weigh(part);
            let mut reason = match part {
                Part::Fasting | Part::FastMorning if kind.with_food => {
                    format!("{}; food or drink would not be taken", (w.reason)())
                }
                _ => (w.reason)(),
            };
            if let Some(note) = food_note.filter(|_| !reason.starts_with("a meal: ")) {
                reason = format!("{reason}; food: {note}");
            }
            if min_impact.is_some_and(|m| impact < m) {
                continue;
            }
            let eve = part == Part::Eve;
            out.push(TimedClash {
                occurrence: c.occurrence,
                overlap: (w.from.with_timezone(&tz), w.to.with_timezone(&tz)),
                reason,
                impact,
                possible,
                kind: if eve { ClashKind::Eve } else { ClashKind::Day },
            });
        }
        out.sort_by(|a, b| {
            b.impact
                .cmp(&a.impact)
                .then(a.overlap.0.cmp(&b.overlap.0))
                .then(
                    a.occurrence
                        .observance()
                        .id()
                        .cmp(b.occurrence.observance().id()),
                )
        });
        Ok(out)
    }

    /// A timed check (SPEC §6.1): [`Index::clashes_at`], split into the
    /// clashes whose own impact is at least the filter's minimum impact,
    /// else [`DEFAULT_THRESHOLD`], and the rest ("also").
    ///
    /// ```
    /// use chrono::TimeZone;
    /// use clash_core::{Catalogue, Filter, Index, MeetingKind};
    /// let cat = Catalogue::embedded()?;
    /// let index = Index::new(&cat, 2025, 2025)?;
    /// let london = chrono_tz::Europe::London;
    /// // A Friday meeting ending 15:45; sunset 15:50, candle lighting 15:32.
    /// let from = london.with_ymd_and_hms(2025, 12, 19, 14, 45, 0).unwrap();
    /// let to = london.with_ymd_and_hms(2025, 12, 19, 15, 45, 0).unwrap();
    /// let all = Filter::default().categories(clash_core::Category::ALL.iter().copied());
    /// let found = index.check_at(from, to, &all, MeetingKind::default())?;
    /// assert!(found.clashes.iter().any(|c| c.occurrence.observance().id().as_str() == "shabbat"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`Index::clashes_at`].
    pub fn check_at(
        &self,
        from: DateTime<Tz>,
        to: DateTime<Tz>,
        filter: &Filter,
        kind: MeetingKind,
    ) -> Result<Verdict<TimedClash<'_>>> {
        let (rest, min) = filter.split_min_impact();
        let threshold = min.unwrap_or(DEFAULT_THRESHOLD);
        let (clashes, also) = self
            .clashes_at(from, to, &rest, kind)?
            .into_iter()
            .partition(|c| c.impact >= threshold);
        Ok(Verdict { clashes, also })
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
    fn gap_and_fold() {
        let tz = chrono_tz::Europe::London;
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        let (t, note) = local_instant(tz, at("2026-03-29 01:30"));
        assert_eq!(t.unwrap().to_rfc3339(), "2026-03-29T02:30:00+01:00");
        assert!(note.unwrap().contains("does not exist"));
        let (t, note) = local_instant(tz, at("2026-10-25 01:30"));
        assert_eq!(t.unwrap().to_rfc3339(), "2026-10-25T01:30:00+01:00");
        assert!(note.unwrap().contains("twice"));
        let (t, note) = local_instant(tz, at("2026-10-25 09:00"));
        assert_eq!(t.unwrap().to_rfc3339(), "2026-10-25T09:00:00+00:00");
        assert!(note.is_none());
    }
}
