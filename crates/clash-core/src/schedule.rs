//! Scheduling suggestions (SPEC §7): the best days (or day-times) in a
//! window for a given audience.
//!
//! A date is only as bad as the people it keeps away, so each clash is
//! weighed by the share of the audience that keeps it: an audience profile
//! (`data/profiles/*.toml`, from the 2021 Census, or a staff survey of an
//! organisation's own) gives each tradition's share, and national,
//! international, awareness and astronomical days count for everyone.
//!
//! The score of a candidate (lower is better) is the sum over its clashes
//! of
//!
//! ```text
//! weight(impact) × share(tradition) × (½ if only possible)
//! ```
//!
//! with weights high 100, medium 10, low 1 (one high-impact clash for
//! everyone outweighs ten medium ones). The impact is the clash's own: for
//! a timed meeting an iftar is high and the evening outside a fast low.
//! Candidates are ranked first by whether they have a high-impact clash
//! that someone in the audience keeps (none, only on a possible date, a
//! certain one), so a date with one is never suggested while a date
//! without exists; then by whether they have a medium or high clash of a
//! tradition kept by at least 1% of the audience, so that awareness days
//! (low) never outweigh a real observance; then by score; then by date. Public holidays in the
//! audience's regions are never candidates, whatever the filter.
//!
//! Scores are kept in millionths (integers), so ties are exact and the
//! order is deterministic.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use chrono::{DateTime, Datelike, NaiveDate, Weekday};
use chrono_tz::Tz;
use serde::Deserialize;

use crate::catalogue::{line_of, one_line, Filter, MAX_FILE_BYTES};
use crate::error::{Error, ErrorKind, Result};
use crate::location::{meeting_on, ClockNote};
use crate::model::{parse_weekday, Category, Impact, Region, RegionSet, Tradition};
use crate::occurrence::{raise_for_food, Index, OccurrenceRef};
use crate::timing::{MeetingKind, Sky, TimedReason};

/// The longest window searched, in days.
pub const MAX_WINDOW_DAYS: i64 = 731;
/// The most suggestions returned.
pub const MAX_COUNT: usize = 100;
/// The longest timed meeting, in minutes (one day: a longer one is a
/// whole-day event).
pub const MAX_MEETING_MINUTES: i64 = 24 * 60;

/// How near (days either side) a high-impact day must be to count as
/// avoided by a suggestion, and how many are named.
const AVOID_DAYS: i64 = 3;
const MAX_AVOIDS: usize = 3;

/// One whole share, in millionths.
const WHOLE: u64 = 1_000_000;

/// The share of the audience (1%, in millionths) from which a tradition's
/// medium or high clash outranks any number of awareness days (SPEC §7).
const REAL_SHARE: u32 = 10_000;

/// The embedded audience profiles, by name.
pub const PROFILES: &[(&str, &str)] = &[
    (
        "leicester",
        include_str!("../../../data/profiles/leicester.toml"),
    ),
    (
        "england-wales",
        include_str!("../../../data/profiles/england-wales.toml"),
    ),
];

/// Who an event is for: each tradition's share of the audience.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    name: String,
    title: String,
    source: String,
    regions: Option<RegionSet>,
    /// Millionths of the audience, by [`Tradition`] position.
    shares: Vec<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileSpec {
    name: String,
    title: Option<String>,
    source: String,
    regions: Option<Vec<String>>,
    unit: String,
    total: Option<f64>,
    audience: toml::Table,
}

/// Traditions that are not an audience's religion (national,
/// international, awareness and astronomical days, and an organisation's
/// own): they count for everyone.
fn for_everyone(t: Tradition) -> bool {
    matches!(
        t,
        Tradition::National
            | Tradition::International
            | Tradition::Awareness
            | Tradition::Astronomical
            | Tradition::Local
    )
}

impl Profile {
    /// An embedded profile: `leicester` or `england-wales`.
    ///
    /// # Errors
    /// [`ErrorKind::Unknown`] for another name.
    pub fn embedded(name: &str) -> Result<Profile> {
        let text = PROFILES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| *t)
            .ok_or_else(|| {
                let names: Vec<&str> = PROFILES.iter().map(|(n, _)| *n).collect();
                Error::unknown(format!(
                    "unknown profile `{name}` (embedded: {}; or give a TOML file)",
                    names.join(", ")
                ))
            })?;
        Profile::from_toml(Path::new("<embedded>").join(format!("{name}.toml")), text)
    }

    /// A profile from a TOML file (at most 4 MiB, as catalogue files).
    ///
    /// # Errors
    /// I/O errors, an oversized file, and everything
    /// [`Profile::from_toml`] reports.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Profile> {
        let path = path.as_ref();
        let text = crate::file::read_text(path, MAX_FILE_BYTES)?;
        Profile::from_toml(path, &text)
    }

    /// A profile from TOML text; `origin` names it in errors. The format
    /// (see `data/profiles/README.md`): `name`, `title`, `source`,
    /// `regions` (whose public holidays to avoid), `unit` (`count` or
    /// `percent`), optional `total` (for counts; default their sum) and an
    /// `[audience]` table of religious traditions, `other`, `no-religion`
    /// and `not-stated`. A religious tradition not named takes the share of
    /// `other`; `christian` also stands for `orthodox-christian` unless
    /// that is given.
    ///
    /// # Errors
    /// [`ErrorKind::Syntax`] for bad TOML, [`ErrorKind::Invalid`] for bad
    /// values, with the line where known.
    pub fn from_toml(origin: impl AsRef<Path>, text: &str) -> Result<Profile> {
        let origin = origin.as_ref();
        let spec: ProfileSpec = toml::from_str(text).map_err(|e| {
            let mut err = Error::new(ErrorKind::Syntax, one_line(e.message())).with_file(origin);
            if let Some(span) = e.span() {
                err = err.with_line(line_of(text, span.start));
            }
            err
        })?;
        Profile::from_spec(spec).map_err(|e| e.with_file(origin))
    }

    fn from_spec(spec: ProfileSpec) -> Result<Profile> {
        for (field, text, max) in [
            ("name", Some(&spec.name), 100),
            ("title", spec.title.as_ref(), 200),
            ("source", Some(&spec.source), 500),
        ] {
            if let Some(t) = text {
                if t.trim().is_empty() || t.len() > max || t.chars().any(char::is_control) {
                    return Err(Error::invalid("must be one short line of text").with_field(field));
                }
            }
        }
        let name = spec.name.trim().to_string();
        let percent = match spec.unit.as_str() {
            "count" => false,
            "percent" => true,
            other => {
                return Err(Error::invalid(format!(
                    "invalid value `{other}` (allowed: count, percent)"
                ))
                .with_field("unit"))
            }
        };
        let mut values: Vec<(Option<Tradition>, &'static str, f64)> = Vec::new();
        let mut sum = 0.0;
        for (key, value) in &spec.audience {
            let number = match value {
                toml::Value::Integer(i) => *i as f64,
                toml::Value::Float(f) => *f,
                _ => {
                    return Err(
                        Error::invalid("must be a number").with_field(format!("audience.{key}"))
                    )
                }
            };
            if !number.is_finite() || number < 0.0 || (percent && number > 100.0) || number > 1e12 {
                return Err(Error::invalid(format!(
                    "must be a number from 0 to {}",
                    if percent { "100" } else { "10^12" }
                ))
                .with_field(format!("audience.{key}")));
            }
            let slot = match key.as_str() {
                "other" => (None, "other"),
                "no-religion" => (None, "no-religion"),
                "not-stated" => (None, "not-stated"),
                k => {
                    let t = Tradition::from_str(k)
                        .map_err(|e| Error::invalid(e.to_string()).with_field("audience"))?;
                    if for_everyone(t) {
                        return Err(Error::invalid(format!(
                            "`{k}` days count for everyone; leave it out"
                        ))
                        .with_field("audience"));
                    }
                    (Some(t), t.as_str())
                }
            };
            sum += number;
            values.push((slot.0, slot.1, number));
        }
        let total = match (percent, spec.total) {
            (true, Some(_)) => {
                return Err(Error::invalid("only for `unit = \"count\"`").with_field("total"))
            }
            (true, None) => 100.0,
            (false, Some(t)) if t.is_finite() && t >= sum && t > 0.0 => t,
            (false, Some(_)) => {
                return Err(
                    Error::invalid("must be positive and at least the sum of the audience")
                        .with_field("total"),
                )
            }
            (false, None) => sum,
        };
        if total <= 0.0 {
            return Err(Error::invalid("the audience is empty").with_field("audience"));
        }
        let ppm = |v: f64| ((v / total).min(1.0) * WHOLE as f64).round() as u32;
        let of = |key: &str| {
            values
                .iter()
                .find(|(_, k, _)| *k == key)
                .map(|(_, _, v)| ppm(*v))
        };
        let other = of("other").unwrap_or(0);
        let christian = of("christian");
        let shares = Tradition::ALL
            .iter()
            .map(|&t| {
                if for_everyone(t) {
                    return WHOLE as u32;
                }
                match (of(t.as_str()), t) {
                    (Some(v), _) => v,
                    (None, Tradition::OrthodoxChristian) => christian.unwrap_or(other),
                    (None, _) => other,
                }
            })
            .collect();
        let regions = match spec.regions {
            Some(list) if list.is_empty() => {
                return Err(Error::invalid(
                    "name at least one region, or leave `regions` out for all four nations",
                )
                .with_field("regions"))
            }
            Some(list) => {
                let mut set = RegionSet::empty();
                for r in list {
                    set.insert(
                        Region::from_str(&r)
                            .map_err(|e| Error::invalid(e.to_string()).with_field("regions"))?,
                    );
                }
                Some(set)
            }
            None => None,
        };
        Ok(Profile {
            title: spec
                .title
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| name.clone()),
            name,
            source: spec.source.trim().to_string(),
            regions,
            shares,
        })
    }

    /// Its short name (`leicester`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// A one-line description.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Where its figures come from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The regions whose public holidays it avoids (`None`: all of them).
    pub fn regions(&self) -> Option<RegionSet> {
        self.regions
    }

    /// The share of the audience (0 to 1) that keeps `tradition`'s days.
    pub fn share(&self, tradition: Tradition) -> f64 {
        f64::from(self.share_ppm(tradition)) / WHOLE as f64
    }

    fn share_ppm(&self, tradition: Tradition) -> u32 {
        self.shares
            .get(tradition.index() as usize)
            .copied()
            .unwrap_or(0)
    }
}

/// A set of weekdays, parsed from `mon-fri`, `mon,wed,fri`, `sat-sun`,
/// `fri-mon` (wrapping) or `all`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Weekdays(u8);

impl Weekdays {
    /// Monday to Friday.
    pub const WORKING: Weekdays = Weekdays(0b0001_1111);
    /// Every day.
    pub const ALL: Weekdays = Weekdays(0b0111_1111);

    /// Whether `day` is in the set.
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    /// The days in the set, Monday first.
    pub fn days(self) -> impl Iterator<Item = Weekday> {
        (0u8..7)
            .filter(move |k| self.0 & (1 << k) != 0)
            .filter_map(|k| Weekday::try_from(k).ok())
    }
}

impl Default for Weekdays {
    fn default() -> Self {
        Weekdays::WORKING
    }
}

impl FromStr for Weekdays {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let bad = || {
            Error::invalid(format!(
                "invalid weekdays `{s}` (for example mon-fri, mon,wed,fri, sat-sun or all)"
            ))
        };
        if s.trim().eq_ignore_ascii_case("all") {
            return Ok(Weekdays::ALL);
        }
        let mut bits = 0u8;
        for part in s.split(',') {
            match part.split_once('-') {
                Some((a, b)) => {
                    let (a, b) = (
                        parse_weekday(a).ok_or_else(bad)?,
                        parse_weekday(b).ok_or_else(bad)?,
                    );
                    let mut d = a;
                    for _ in 0..7 {
                        bits |= 1 << d.num_days_from_monday();
                        if d == b {
                            break;
                        }
                        d = d.succ();
                    }
                }
                None => bits |= 1 << parse_weekday(part).ok_or_else(bad)?.num_days_from_monday(),
            }
        }
        Ok(Weekdays(bits))
    }
}

impl fmt::Display for Weekdays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<String> = self
            .days()
            .map(|d| d.to_string().to_ascii_lowercase())
            .collect();
        f.write_str(&names.join(","))
    }
}

/// What to find: a window, the allowed weekdays, an optional local time
/// and duration, and how many suggestions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    /// First day of the window.
    pub from: NaiveDate,
    /// Last day of the window (inclusive).
    pub to: NaiveDate,
    /// The allowed weekdays.
    pub weekdays: Weekdays,
    /// The meeting's local start time (minutes after midnight) and length
    /// in minutes; `None` for whole days.
    pub time: Option<(u32, i64)>,
    /// What kind of meeting (with food, for fasts).
    pub kind: MeetingKind,
    /// How many suggestions (1 to [`MAX_COUNT`]).
    pub count: usize,
}

/// A score in millionths of a point (lower is better); shown with two
/// decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Score(pub u64);

impl Score {
    /// The score in points.
    pub fn points(self) -> f64 {
        self.0 as f64 / WHOLE as f64
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}", self.points())
    }
}

/// Whether a candidate has a high-impact clash that part of the audience
/// keeps (ordered: none first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HighImpact {
    /// None.
    None,
    /// Only if an observance falls on one of its possible dates.
    Possible,
    /// Certainly.
    Certain,
}

impl HighImpact {
    /// `none`, `possible` or `certain`.
    pub fn as_str(self) -> &'static str {
        match self {
            HighImpact::None => "none",
            HighImpact::Possible => "possible",
            HighImpact::Certain => "certain",
        }
    }
}

/// A clash of a candidate, with what it costs.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ScoredClash<'a> {
    /// What it clashes with.
    pub occurrence: OccurrenceRef<'a>,
    /// The clash's impact (for a timed meeting, that of the part of the day
    /// it overlaps).
    pub impact: Impact,
    /// True when it applies only on one of the occurrence's possible dates.
    pub possible: bool,
    /// For a timed meeting: the overlap.
    pub overlap: Option<(DateTime<Tz>, DateTime<Tz>)>,
    /// For a timed meeting: why (its `Display` gives the words).
    pub reason: Option<TimedReason>,
    /// The share of the audience that keeps it (0 to 1).
    pub share: f64,
    /// What it adds to the score.
    pub points: Score,
}

/// A candidate date (or date and time) and its score.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Candidate<'a> {
    /// The day.
    pub date: NaiveDate,
    /// The meeting's start and end, for a timed request.
    pub meeting: Option<(DateTime<Tz>, DateTime<Tz>)>,
    /// A note on the time (a DST gap or fold).
    pub note: Option<ClockNote>,
    /// Its high-impact clashes (for this audience).
    pub high: HighImpact,
    /// Whether it has a medium or high clash of a tradition kept by at
    /// least 1% of the audience: a day without one ranks first, however
    /// many awareness days it has (SPEC §7).
    pub real: bool,
    /// Its score.
    pub score: Score,
    /// Its clashes, ordered by points (highest first), then impact, then id.
    pub clashes: Vec<ScoredClash<'a>>,
}

impl Candidate<'_> {
    /// The ranking key: high-impact clashes, then whether it has a real
    /// (medium or high) clash, then score, then date.
    pub fn rank_key(&self) -> (HighImpact, bool, Score, NaiveDate) {
        (self.high, self.real, self.score, self.date)
    }
}

/// A suggestion: the candidate and the nearby high-impact days (and public
/// holidays) it avoids.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Suggestion<'a> {
    /// The candidate.
    pub candidate: Candidate<'a>,
    /// What choosing this date avoids: up to three observances (not
    /// weekly ones), nearest first, that make another candidate within
    /// three days either side high-impact for this audience, or that are
    /// public holidays there.
    pub avoids: Vec<(NaiveDate, OccurrenceRef<'a>)>,
}

/// The answer to a [`Request`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Suggestions<'a> {
    /// The best candidates, best first.
    pub suggestions: Vec<Suggestion<'a>>,
    /// How many candidates were scored (allowed weekdays, not public
    /// holidays).
    pub candidates: usize,
    /// How many of them have a high-impact clash for this audience.
    pub with_high_impact: usize,
    /// The allowed days skipped as public holidays.
    pub public_holidays: Vec<NaiveDate>,
}

impl Suggestions<'_> {
    /// True when every candidate has a high-impact clash (the suggestions
    /// are the least bad).
    pub fn all_high_impact(&self) -> bool {
        self.candidates > 0 && self.with_high_impact == self.candidates
    }
}

/// The nations whose public holidays an audience keeps: the filter's
/// regions, else the profile's, else all four.
fn audience_regions(filter: &Filter, profile: &Profile) -> RegionSet {
    filter
        .region_set()
        .or(profile.regions())
        .unwrap_or_else(RegionSet::nations)
}

/// Public holidays in `regions`.
fn holiday_filter(regions: RegionSet) -> Filter {
    Filter::default()
        .categories([Category::PublicHoliday])
        .regions(regions.iter())
}

fn weight(impact: Impact) -> u64 {
    match impact {
        Impact::High => 100,
        Impact::Medium => 10,
        _ => 1,
    }
}

impl<'c> Index<'c> {
    /// A whole day's clashes passing `filter`; with food, a fast's days
    /// count as high before the filter's lowest impact applies (as in
    /// [`Index::check`]).
    fn whole_day(
        &self,
        date: NaiveDate,
        filter: &Filter,
        kind: MeetingKind,
    ) -> Result<Vec<crate::occurrence::Clash<'_>>> {
        if !kind.with_food {
            return self.clashes(date, date, filter);
        }
        let (rest, min) = filter.split_min_impact();
        let mut all = self.clashes(date, date, &rest)?;
        raise_for_food(&mut all, kind);
        if let Some(min) = min {
            all.retain(|c| c.impact >= min);
        }
        Ok(all)
    }

    /// Scores every candidate of `request` for `profile`: each allowed day
    /// of the window that is not a public holiday in the filter's regions
    /// (or the profile's, or any), with the clashes passing `filter`.
    ///
    /// # Errors
    /// [`ErrorKind::OutOfRange`] for a reversed window, one over
    /// [`MAX_WINDOW_DAYS`] or outside the index, a count outside
    /// 1..=[`MAX_COUNT`], or a meeting over [`MAX_MEETING_MINUTES`] or not
    /// within a day.
    pub fn candidates(
        &self,
        request: &Request,
        filter: &Filter,
        profile: &Profile,
    ) -> Result<(Vec<Candidate<'_>>, Vec<NaiveDate>)> {
        let Request {
            from, to, weekdays, ..
        } = *request;
        if from > to {
            return Err(Error::out_of_range(format!(
                "the window {from}..{to} is reversed"
            )));
        }
        if (to - from).num_days() >= MAX_WINDOW_DAYS {
            return Err(Error::out_of_range(format!(
                "a window may span at most {MAX_WINDOW_DAYS} days"
            )));
        }
        if !(1..=MAX_COUNT).contains(&request.count) {
            return Err(Error::out_of_range(format!(
                "ask for 1 to {MAX_COUNT} suggestions"
            )));
        }
        if let Some((clock, minutes)) = request.time {
            if clock >= 24 * 60 || !(1..=MAX_MEETING_MINUTES).contains(&minutes) {
                return Err(Error::out_of_range(format!(
                    "a meeting starts within the day and lasts 1 minute to {} hours",
                    MAX_MEETING_MINUTES / 60
                )));
            }
        }
        self.check_range(from, to)?;
        // Public holidays count only in the audience's nations: the
        // filter's regions, else the profile's, else all four.
        let regions = audience_regions(filter, profile);
        let filter = &filter.clone().regions(regions.iter());
        let holidays = holiday_filter(regions);
        let tz = self.settings().location_ref().timezone();
        let sky = Sky::new(self.settings().location_ref());
        let mut out = Vec::new();
        let mut skipped = Vec::new();
        for date in from.iter_days().take_while(|d| *d <= to) {
            if !weekdays.contains(date.weekday()) {
                continue;
            }
            let (meeting, note) = match request.time {
                Some((clock, minutes)) => match meeting_on(tz, date, clock, minutes) {
                    (Some(meeting), note) => (Some(meeting), note),
                    (None, _) => continue,
                },
                None => (None, None),
            };
            // A meeting that would run past the indexed days (the end of
            // 2999) is not a candidate.
            if meeting.is_some_and(|(_, e)| e.date_naive() > self.days().1) {
                continue;
            }
            if self
                .clashes_of_days(date, date, &holidays, false)?
                .iter()
                .any(|c| !c.possible)
            {
                skipped.push(date);
                continue;
            }
            let mut clashes: Vec<ScoredClash<'_>> = match meeting {
                Some((start, end)) => self
                    .clashes_under(&sky, start, end, filter, request.kind)?
                    .into_iter()
                    .map(|c| ScoredClash {
                        occurrence: c.occurrence,
                        impact: c.impact,
                        possible: c.possible,
                        overlap: Some(c.overlap),
                        reason: Some(c.reason),
                        share: 0.0,
                        points: Score(0),
                    })
                    .collect(),
                None => self
                    .whole_day(date, filter, request.kind)?
                    .into_iter()
                    .map(|c| ScoredClash {
                        occurrence: c.occurrence,
                        impact: c.impact,
                        possible: c.possible,
                        overlap: None,
                        reason: None,
                        share: 0.0,
                        points: Score(0),
                    })
                    .collect(),
            };
            let mut high = HighImpact::None;
            let mut real = false;
            let mut score = 0u64;
            for c in &mut clashes {
                let ppm = profile.share_ppm(c.occurrence.observance().tradition());
                let mut points = weight(c.impact) * u64::from(ppm);
                if c.possible {
                    points /= 2;
                }
                c.share = f64::from(ppm) / WHOLE as f64;
                c.points = Score(points);
                score += points;
                real |= c.impact >= Impact::Medium && ppm >= REAL_SHARE;
                if c.impact == Impact::High && ppm > 0 {
                    high = high.max(match c.possible {
                        true => HighImpact::Possible,
                        false => HighImpact::Certain,
                    });
                }
            }
            clashes.sort_by(|a, b| {
                b.points.cmp(&a.points).then(b.impact.cmp(&a.impact)).then(
                    a.occurrence
                        .observance()
                        .id()
                        .cmp(b.occurrence.observance().id()),
                )
            });
            out.push(Candidate {
                date,
                meeting,
                note,
                high,
                real,
                score: Score(score),
                clashes,
            });
        }
        Ok((out, skipped))
    }

    /// The `request.count` best candidates for `profile` (SPEC §7): see the
    /// module documentation for the score and the order. Deterministic; the
    /// work is bounded by [`MAX_WINDOW_DAYS`] days.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use clash_core::{Catalogue, Filter, Index, MeetingKind, Profile, Request, Weekdays};
    ///
    /// let catalogue = Catalogue::embedded()?;
    /// let index = Index::new(&catalogue, 2026, 2026)?;
    /// let request = Request {
    ///     from: NaiveDate::from_ymd_opt(2026, 3, 16).unwrap(),
    ///     to: NaiveDate::from_ymd_opt(2026, 3, 27).unwrap(),
    ///     weekdays: Weekdays::WORKING,
    ///     time: Some((18 * 60, 120)), // 18:00 for two hours
    ///     kind: MeetingKind::default(),
    ///     count: 3,
    /// };
    /// let leicester = Profile::embedded("leicester")?;
    /// let found = index.suggest(&request, &Filter::default(), &leicester)?;
    /// let best = &found.suggestions[0].candidate;
    /// // Eid al-Fitr (20 March 2026) and its following days, the evenings
    /// // of Ramadan and Chaitra Navaratri (to Ram Navami, 26 March) are
    /// // avoided.
    /// assert_eq!(best.date, NaiveDate::from_ymd_opt(2026, 3, 27).unwrap());
    /// # Ok::<(), clash_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Index::candidates`].
    pub fn suggest(
        &self,
        request: &Request,
        filter: &Filter,
        profile: &Profile,
    ) -> Result<Suggestions<'_>> {
        let (mut all, public_holidays) = self.candidates(request, filter, profile)?;
        let candidates = all.len();
        let with_high_impact = all.iter().filter(|c| c.high != HighImpact::None).count();
        // What each day avoids: its high-impact clashes and public holidays.
        let mut bad: Vec<(NaiveDate, OccurrenceRef<'_>)> = all
            .iter()
            .filter(|c| c.high != HighImpact::None)
            .flat_map(|c| {
                c.clashes
                    .iter()
                    .filter(|s| s.impact == Impact::High && s.share > 0.0)
                    .map(move |s| (c.date, s.occurrence))
            })
            .collect();
        let holidays = holiday_filter(audience_regions(filter, profile));
        for d in &public_holidays {
            for c in self.clashes(*d, *d, &holidays)? {
                if !c.possible {
                    bad.push((*d, c.occurrence));
                }
            }
        }
        all.sort_by_key(Candidate::rank_key);
        all.truncate(request.count);
        let suggestions = all
            .into_iter()
            .map(|candidate| {
                let own = |o: &OccurrenceRef<'_>| {
                    candidate
                        .clashes
                        .iter()
                        .any(|c| c.occurrence.observance().id() == o.observance().id())
                };
                let mut near: Vec<(NaiveDate, OccurrenceRef<'_>)> = bad
                    .iter()
                    .filter(|(d, o)| {
                        let days = (*d - candidate.date).num_days().abs();
                        (1..=AVOID_DAYS).contains(&days)
                            && o.occurrence().category() != Category::Weekly
                            && !own(o)
                    })
                    .copied()
                    .collect();
                near.sort_by_key(|(d, o)| {
                    (
                        (*d - candidate.date).num_days().abs(),
                        *d,
                        o.observance().id().clone(),
                    )
                });
                let mut avoids: Vec<(NaiveDate, OccurrenceRef<'_>)> = Vec::new();
                for (d, o) in near {
                    let same = |a: &(NaiveDate, OccurrenceRef<'_>)| {
                        a.1.observance().id() == o.observance().id()
                    };
                    if !avoids.iter().any(same) && avoids.len() < MAX_AVOIDS {
                        avoids.push((d, o));
                    }
                }
                Suggestion { candidate, avoids }
            })
            .collect();
        Ok(Suggestions {
            suggestions,
            candidates,
            with_high_impact,
            public_holidays,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays() {
        assert_eq!("mon-fri".parse::<Weekdays>().unwrap(), Weekdays::WORKING);
        assert_eq!("all".parse::<Weekdays>().unwrap(), Weekdays::ALL);
        let w: Weekdays = "fri-mon".parse().unwrap();
        assert_eq!(w.to_string(), "mon,fri,sat,sun");
        let w: Weekdays = "Tue,thursday".parse().unwrap();
        assert_eq!(w.to_string(), "tue,thu");
        assert!("mo".parse::<Weekdays>().is_err());
        assert!("mon-xyz".parse::<Weekdays>().is_err());
        assert!("".parse::<Weekdays>().is_err());
    }

    #[test]
    fn embedded_profiles() {
        let p = Profile::embedded("leicester").unwrap();
        // 86,405 Muslims of 368,397 residents.
        assert!((p.share(Tradition::Muslim) - 86_405.0 / 368_397.0).abs() < 1e-6);
        assert_eq!(p.share(Tradition::National), 1.0);
        // Jain is counted under "other" in TS030.
        assert!((p.share(Tradition::Jain) - 2_061.0 / 368_397.0).abs() < 1e-6);
        assert_eq!(
            p.share(Tradition::OrthodoxChristian),
            p.share(Tradition::Christian)
        );
        let ew = Profile::embedded("england-wales").unwrap();
        assert!((ew.share(Tradition::Hindu) - 0.017).abs() < 1e-9);
        assert!(Profile::embedded("narnia").is_err());
    }

    #[test]
    fn the_documented_example_profile_loads() {
        let readme = include_str!("../../../data/profiles/README.md");
        let example = readme
            .split("```toml\n")
            .nth(1)
            .and_then(|rest| rest.split("```").next())
            .unwrap();
        let p = Profile::from_toml("README.md", example).unwrap();
        assert_eq!(p.name(), "staff");
        assert!((p.share(Tradition::Muslim) - 0.12).abs() < 1e-9);
        // Not named: takes `other` (not given, so 0).
        assert_eq!(p.share(Tradition::Sikh), 0.0);
        assert_eq!(p.regions().map(|r| r.iter().count()), Some(1));
    }

    #[test]
    fn profile_errors_name_the_field() {
        let base = "name = \"x\"\nsource = \"survey\"\n";
        let cases = [
            ("unit = \"parts\"\n[audience]\nmuslim = 1\n", "unit"),
            ("unit = \"count\"\n[audience]\nmartian = 1\n", "audience"),
            (
                "unit = \"count\"\n[audience]\nnational = 1\n",
                "count for everyone",
            ),
            (
                "unit = \"percent\"\n[audience]\nhindu = 120\n",
                "audience.hindu",
            ),
            (
                "unit = \"count\"\n[audience]\nhindu = -1\n",
                "audience.hindu",
            ),
            (
                "unit = \"count\"\n[audience]\nhindu = \"many\"\n",
                "audience.hindu",
            ),
            ("unit = \"count\"\n[audience]\n", "empty"),
            (
                "unit = \"count\"\ntotal = 1\n[audience]\nhindu = 5\n",
                "total",
            ),
            (
                "unit = \"count\"\nregions = [\"fr\"]\n[audience]\nhindu = 5\n",
                "regions",
            ),
            (
                "unit = \"count\"\ncolour = 1\n[audience]\nhindu = 5\n",
                "colour",
            ),
            (
                "unit = \"count\"\nregions = []\n[audience]\nhindu = 5\n",
                "at least one region",
            ),
            (
                "unit = \"count\"\ntitle = \"a\\u001b[31m\"\n[audience]\nhindu = 5\n",
                "title",
            ),
        ];
        for (rest, needle) in cases {
            let err = Profile::from_toml("p.toml", &format!("{base}{rest}"))
                .unwrap_err()
                .to_string();
            assert!(err.contains(needle), "{rest}: {err}");
            assert!(err.starts_with("p.toml"), "{err}");
        }
    }
}
