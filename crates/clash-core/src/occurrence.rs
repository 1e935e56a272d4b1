//! Expanding a catalogue over a range of years into occurrences, and the
//! per-day index that makes checking a date a lookup.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate};
use chrono_tz::Tz;

use crate::calendars::gregorian::is_weekend;
use crate::catalogue::{Catalogue, Filter};
use crate::error::{Error, Result};
use crate::location::Location;
use crate::model::SUPPORTED_YEARS;
use crate::model::{
    Category, Certainty, ClashKind, DayStart, Impact, Region, RegionSet, Verdict, DEFAULT_THRESHOLD,
};
use crate::observance::Observance;
use crate::rules::{Approximation, ExceptionAction, MAX_SPAN_DAYS};
use crate::settings::Settings;

/// Most years one expansion or index may cover (bounded work).
pub const MAX_YEARS: i32 = 1000;

/// One occurrence of an observance: the civil dates whose daytime it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    observance: u32,
    start: NaiveDate,
    end: NaiveDate,
    category: Category,
    regions: RegionSet,
    substitute_for: Option<NaiveDate>,
    possible: Box<[NaiveDate]>,
    approximation: Option<Approximation>,
}

impl Occurrence {
    /// An occurrence from its fields (for baked data).
    pub(crate) fn from_parts(
        observance: u32,
        (start, end): (NaiveDate, NaiveDate),
        category: Category,
        regions: RegionSet,
        substitute_for: Option<NaiveDate>,
        possible: Box<[NaiveDate]>,
        approximation: Option<Approximation>,
    ) -> Self {
        Occurrence {
            observance,
            start,
            end,
            category,
            regions,
            substitute_for,
            possible,
            approximation,
        }
    }

    /// Why the date is only an estimate beyond the observance's own
    /// certainty (e.g. a Hijri date outside the Umm al-Qura tables).
    pub fn approximation(&self) -> Option<Approximation> {
        self.approximation
    }
    /// The position of its observance in [`Catalogue::observances`]
    /// (index plumbing: for embedders, [`crate::expert::observance_index`]).
    pub(crate) fn observance_index(&self) -> usize {
        self.observance as usize
    }
    /// The first civil date it covers.
    pub fn start(&self) -> NaiveDate {
        self.start
    }
    /// The last civil date it covers (inclusive).
    pub fn end(&self) -> NaiveDate {
        self.end
    }
    /// Its category: the observance's, except for the weekend day of a
    /// substituted holiday (e.g. Christmas Day on a Sunday is a holy day, and
    /// the bank holiday is the substitute on the Tuesday).
    pub fn category(&self) -> Category {
        self.category
    }
    /// Where this occurrence is a public holiday (empty if nowhere).
    pub fn regions(&self) -> RegionSet {
        self.regions
    }
    /// For a substitute day, the weekend date it stands in for.
    pub fn substitute_for(&self) -> Option<NaiveDate> {
        self.substitute_for
    }
    /// Other start dates on which it may be observed (moon sighting, another
    /// reckoning), in order.
    pub fn possible_dates(&self) -> &[NaiveDate] {
        &self.possible
    }
    /// Length in days.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
    /// What filters look at, packed ([`crate::catalogue::pack_key`]), for
    /// an occurrence of `obs` at `position` in the catalogue.
    fn key(&self, obs: &Observance, position: usize) -> u32 {
        crate::catalogue::pack_key(
            obs,
            self.category,
            self.regions,
            self.substitute_for.is_some(),
            position,
        )
    }
    /// Whether the span of this occurrence shifted to start on `start`
    /// overlaps `[from, to]`, and the overlap.
    fn overlap_from(
        &self,
        start: NaiveDate,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Option<(NaiveDate, NaiveDate)> {
        let end = start.checked_add_signed(self.end - self.start)?;
        let (a, b) = (start.max(from), end.min(to));
        (a <= b).then_some((a, b))
    }
}

/// No stored occurrences (an [`Index::build`] that expands them all).
fn no_stored(
    _: i32,
    _: i32,
    _: Option<&[bool]>,
    _: (NaiveDate, NaiveDate),
) -> Option<Result<Vec<Occurrence>>> {
    None
}

impl Filter {
    /// Whether an occurrence `occ` of `o` passes the whole filter.
    pub fn matches(&self, o: &Observance, occ: &Occurrence) -> bool {
        self.matches_day(o, occ.category, occ.regions, occ.substitute_for.is_some())
    }
}

/// An occurrence's display name ([`OccurrenceRef::display_name`]): its
/// observance's name, marked for a substitute day. `Display` gives the words
/// ("Christmas Day (substitute day)").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OccurrenceName<'a> {
    /// The observance's name.
    pub name: &'a str,
    /// For a substitute day, the weekend date it stands in for.
    pub substitute_for: Option<NaiveDate>,
}

impl OccurrenceName<'_> {
    /// Whether it is a substitute day.
    pub fn is_substitute(&self) -> bool {
        self.substitute_for.is_some()
    }
}

impl std::fmt::Display for OccurrenceName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)?;
        match self.substitute_for {
            Some(_) => f.write_str(" (substitute day)"),
            None => Ok(()),
        }
    }
}

/// An occurrence together with its observance.
#[derive(Debug, Clone, Copy)]
pub struct OccurrenceRef<'a> {
    observance: &'a Observance,
    occurrence: &'a Occurrence,
}

impl<'a> OccurrenceRef<'a> {
    /// The observance.
    pub fn observance(&self) -> &'a Observance {
        self.observance
    }
    /// The occurrence.
    pub fn occurrence(&self) -> &'a Occurrence {
        self.occurrence
    }
    /// The display name: the observance's, marked for a substitute day
    /// ("Christmas Day (substitute day)"); [`OccurrenceRef::display_name`]
    /// holds the two apart.
    pub fn name(&self) -> String {
        self.display_name().to_string()
    }
    /// The display name as its parts: the observance's name and, for a
    /// substitute day, the weekend date it stands in for.
    pub fn display_name(&self) -> OccurrenceName<'a> {
        OccurrenceName {
            name: self.observance.name(),
            substitute_for: self.occurrence.substitute_for,
        }
    }
    /// How many days either side the date may move: the observance's own
    /// uncertainty, widened where the date is an approximation.
    pub fn uncertainty_days(&self) -> u8 {
        let own = self.observance.uncertainty_days();
        self.occurrence
            .approximation
            .map_or(own, |a| own.max(a.uncertainty_days()))
    }

    /// The row of the observance's table of announced dates this
    /// occurrence is, if its date was announced (with the source).
    pub fn announced(&self) -> Option<&'a crate::rules::Announced> {
        let start = self.occurrence.start;
        self.observance
            .announced_in(start.year())
            .find(|a| a.start == start)
    }

    /// How sure this occurrence's date is: an announced date is
    /// [`Certainty::Fixed`] even when the observance's other years are
    /// estimates.
    pub fn certainty(&self) -> Certainty {
        match self.announced() {
            Some(_) => Certainty::Fixed,
            None => self.observance.certainty(),
        }
    }

    /// Whether this is an estimate of a date announced each year that is
    /// not yet announced for its year (an observance with a table of
    /// announced dates, in a year without a row): "expected (not yet
    /// announced)".
    pub fn not_yet_announced(&self) -> bool {
        !self.observance.announced().is_empty()
            && self
                .observance
                .announced_in(self.occurrence.start.year())
                .next()
                .is_none()
    }

    /// Its expected date and the others it may fall on, when it has
    /// possible dates.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use clash_core::{Catalogue, Filter, Index};
    /// let cat = Catalogue::embedded()?;
    /// let index = Index::new(&cat, 2027, 2027)?;
    /// let day = NaiveDate::from_ymd_opt(2027, 3, 9).unwrap();
    /// let eid = index.list(day, day, &Filter::default())?
    ///     .into_iter()
    ///     .find(|o| o.observance().id().as_str() == "eid-al-fitr")
    ///     .unwrap();
    /// assert_eq!(
    ///     eid.expected_dates().unwrap().to_string(),
    ///     "expected Tue 2027-03-09; may be Mon 2027-03-08 or Wed 2027-03-10 (moon sighting)"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn expected_dates(&self) -> Option<ExpectedDates<'a>> {
        let occ = self.occurrence;
        if occ.possible.is_empty() {
            return None;
        }
        let lunar = matches!(self.observance.rule(), crate::rules::Rule::Hijri { .. });
        let why = match (occ.approximation, self.observance.certainty()) {
            (Some(a), _) => DateDoubt::Approximation(a.note()),
            (None, Certainty::Estimated) if lunar => DateDoubt::MoonSighting,
            (None, Certainty::Estimated) => DateDoubt::Announcement,
            (None, _) => DateDoubt::Reckoning,
        };
        Some(ExpectedDates {
            expected: occ.start,
            others: &occ.possible,
            several_days: occ.end > occ.start,
            why,
        })
    }

    /// A note on how the date was found, where it is only approximate.
    pub fn note(&self) -> Option<&'static str> {
        self.occurrence.approximation.map(|a| a.note())
    }

    /// When it begins at `location`: sunset on the evening before for
    /// observances that begin then, or `None` for those that begin at
    /// midnight (or where the sun does not set that evening).
    pub fn starts_at(&self, location: &Location) -> Option<DateTime<Tz>> {
        self.starts_at_for(self.occurrence.start, location)
    }

    /// When it begins at `location` if its first day is `first_day` (one
    /// of its possible dates): sunset the evening before, or earlier where
    /// the tradition begins before sunset (Shabbat and the Jewish festivals
    /// at candle lighting); `None` for observances that begin at midnight.
    pub fn starts_at_for(&self, first_day: NaiveDate, location: &Location) -> Option<DateTime<Tz>> {
        match self.observance.begins() {
            DayStart::SunsetBefore => {
                let sunset = location.sunset(first_day.pred_opt()?)?;
                match &self.observance.timing().early {
                    Some(e) => sunset.checked_sub_signed(Duration::minutes(i64::from(e.minutes))),
                    None => Some(sunset),
                }
            }
            _ => None,
        }
    }
}

/// How an estimate of a date that is announced each year, not yet
/// announced for its year, is shown ([`OccurrenceRef::not_yet_announced`]).
pub const NOT_YET_ANNOUNCED: &str = "expected (not yet announced)";

/// The dates of an occurrence that may fall on other days, the expected
/// date first (SPEC §6.1); its `Display` gives the words: "expected Tue
/// 2027-03-09; may be Mon 2027-03-08 or Wed 2027-03-10 (moon sighting)".
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct ExpectedDates<'a> {
    /// The expected first day.
    pub expected: NaiveDate,
    /// The other possible first days, in order.
    pub others: &'a [NaiveDate],
    /// Whether the occurrence lasts more than a day ("expected to begin").
    pub several_days: bool,
    /// Why: moon sighting, another reckoning, or an approximation.
    pub why: DateDoubt,
}

/// Why an occurrence may fall on another day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DateDoubt {
    /// The start of the month depends on sighting the new moon.
    MoonSighting,
    /// The dates are announced each year.
    Announcement,
    /// Communities reckon it differently (India or the location; a window
    /// decided within minutes).
    Reckoning,
    /// The date is an approximation (its note says why).
    Approximation(&'static str),
}

impl std::fmt::Display for ExpectedDates<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (expected, may) = match self.several_days {
            true => ("expected to begin", "may begin"),
            false => ("expected", "may be"),
        };
        let day = |d: NaiveDate| d.format("%a %Y-%m-%d");
        write!(f, "{expected} {}; {may} ", day(self.expected))?;
        let n = self.others.len();
        for (i, d) in self.others.iter().enumerate() {
            let sep = match i {
                0 => "",
                _ if i + 1 == n => " or ",
                _ => ", ",
            };
            write!(f, "{sep}{}", day(*d))?;
        }
        match self.why {
            DateDoubt::MoonSighting => f.write_str(" (moon sighting)"),
            DateDoubt::Announcement => f.write_str(" (announced each year)"),
            DateDoubt::Reckoning => f.write_str(" (some communities reckon it on another day)"),
            DateDoubt::Approximation(note) => write!(f, " ({note})"),
        }
    }
}

/// The start dates of every observance in one year, indexed like
/// [`Catalogue::observances`].
type YearStarts = Vec<Vec<NaiveDate>>;

/// The (start, possible start) pairs of every observance in one year.
type YearAlternates = Vec<Vec<(NaiveDate, NaiveDate)>>;

/// One year's starts and alternates, as the other observances' rules see them.
struct Year<'a> {
    cat: &'a Catalogue,
    starts: &'a YearStarts,
    alternates: &'a YearAlternates,
}

impl crate::rules::Others for Year<'_> {
    fn starts(&self, id: &crate::model::ObservanceId) -> &[NaiveDate] {
        self.cat
            .position(id.as_str())
            .and_then(|j| self.starts.get(j))
            .map_or(&[], |v| v.as_slice())
    }

    fn alternates(&self, id: &crate::model::ObservanceId) -> &[(NaiveDate, NaiveDate)] {
        self.cat
            .position(id.as_str())
            .and_then(|j| self.alternates.get(j))
            .map_or(&[], |v| v.as_slice())
    }
}

fn starts_for_year(
    cat: &Catalogue,
    year: i32,
    settings: &Settings,
    need: Option<&[bool]>,
) -> (YearStarts, YearAlternates) {
    let obs = cat.observances();
    let mut starts: YearStarts = vec![Vec::new(); obs.len()];
    let mut alternates: YearAlternates = vec![Vec::new(); obs.len()];
    let mut buf = Vec::new();
    let mut alt_buf = Vec::new();
    for &i in cat.order() {
        let Some(o) = obs.get(i) else { continue };
        if !o.in_years(year) || need.is_some_and(|n| n.get(i) != Some(&true)) {
            continue;
        }
        buf.clear();
        alt_buf.clear();
        if let Some(e) = o.exceptions.iter().find(|e| e.year == year) {
            if let ExceptionAction::Move(dates) = &e.action {
                buf.extend_from_slice(dates);
            }
        } else {
            let others = Year {
                cat,
                starts: &starts,
                alternates: &alternates,
            };
            o.rule
                .dates_in_year(year, settings, &others, &mut buf, &mut alt_buf);
            // Another day some keep (`also`): a possible date of each start.
            if let Some(also) = &o.also {
                use crate::rules::Others as _;
                let near = also.to.as_ref().map_or(&[][..], |to| others.starts(to));
                alt_buf.extend(buf.iter().filter_map(|&d| Some((d, also.date(d, near)?))));
            }
        }
        buf.sort_unstable();
        buf.dedup();
        alt_buf.sort_unstable();
        alt_buf.dedup();
        if let Some(slot) = starts.get_mut(i) {
            slot.clone_from(&buf);
        }
        if let Some(slot) = alternates.get_mut(i) {
            slot.clone_from(&alt_buf);
        }
    }
    (starts, alternates)
}

/// Substitute days of one year: (observance, weekend date) → (region, date taken).
type Substitutes = HashMap<(usize, NaiveDate), Vec<(Region, NaiveDate)>>;

/// Resolves the UK rule: a holiday on a weekend is taken on the next weekday
/// that is not already a holiday of the same group in the same region,
/// taking the holidays in order of their natural dates (so Christmas Day and
/// Boxing Day chain).
fn substitutes(cat: &Catalogue, starts: &YearStarts) -> Substitutes {
    let obs = cat.observances();
    let mut groups: Vec<&str> = obs
        .iter()
        .filter_map(|o| o.holiday_group.as_deref())
        .collect();
    groups.sort_unstable();
    groups.dedup();
    let mut out = Substitutes::new();
    for group in groups {
        for &region in Region::NATIONS {
            let mut members: Vec<(NaiveDate, usize)> = Vec::new();
            for (i, o) in obs.iter().enumerate() {
                if o.holiday_group.as_deref() == Some(group) && o.regions.contains(region) {
                    let dates = starts.get(i).map_or(&[][..], |v| v.as_slice());
                    members.extend(dates.iter().map(|&d| (d, i)));
                }
            }
            members.sort_unstable();
            let mut taken: Vec<NaiveDate> = members
                .iter()
                .map(|m| m.0)
                .filter(|&d| !is_weekend(d))
                .collect();
            for &(date, i) in &members {
                let substitutes = obs.get(i).is_some_and(|o| o.substitute.is_some());
                if !is_weekend(date) || !substitutes {
                    continue;
                }
                // At most two weekend days and a few holidays to skip: bounded.
                let mut d = date;
                for _ in 0..14 {
                    let Some(next) = d.succ_opt() else { break };
                    d = next;
                    if !is_weekend(d) && !taken.contains(&d) {
                        taken.push(d);
                        out.entry((i, date)).or_default().push((region, d));
                        break;
                    }
                }
            }
        }
    }
    out
}

/// Expands the catalogue over Gregorian years `first..=last`, sorted by
/// start date, then id. The caller has checked the years ([`check_years`]).
/// The occurrences of years `first..=last`, of every observance, or only of
/// those marked in `need` (see `Catalogue::closure`).
pub(crate) fn expand(
    cat: &Catalogue,
    first: i32,
    last: i32,
    settings: &Settings,
    need: Option<&[bool]>,
) -> Result<Vec<Occurrence>> {
    expand_counted(cat, first, last, settings, need, None)
}

/// Counts the steps of a long expansion for a front end that shows how far
/// it has come: [`StepCounter::begin`] once with the number of steps, then
/// [`StepCounter::step`] after each (a year of dates computed).
pub trait StepCounter: Sync {
    /// A stage of `total` steps begins.
    fn begin(&self, total: usize);
    /// One more step is done.
    fn step(&self);
}

/// As [`expand`], counting a step in `counter` for each year computed
/// (the most of the work: the next year is computed too, for spans that
/// run into it).
fn expand_counted(
    cat: &Catalogue,
    first: i32,
    last: i32,
    settings: &Settings,
    need: Option<&[bool]>,
    counter: Option<&dyn StepCounter>,
) -> Result<Vec<Occurrence>> {
    let mut years: Vec<(YearStarts, YearAlternates)> = Vec::new();
    let after = (last + 1).min(*SUPPORTED_YEARS.end());
    if let Some(c) = counter {
        c.begin(usize::try_from(after - first + 1).unwrap_or(0));
    }
    for y in first..=after {
        years.push(starts_for_year(cat, y, settings, need));
        if let Some(c) = counter {
            c.step();
        }
    }
    let obs = cat.observances();
    let mut out = Vec::new();
    for (k, year) in (first..=last).enumerate() {
        let Some((starts, alternates)) = years.get(k) else {
            break;
        };
        let next = years.get(k + 1).map(|y| &y.0);
        let next_start_of =
            |id: &crate::model::ObservanceId, from: NaiveDate| -> Option<NaiveDate> {
                let j = cat.position(id.as_str())?;
                let this = starts.get(j).into_iter().flatten();
                let then = next.and_then(|n| n.get(j)).into_iter().flatten();
                this.chain(then).copied().find(|&d| d >= from)
            };
        let subs = substitutes(cat, starts);
        for (i, o) in obs.iter().enumerate() {
            let Some(dates) = starts.get(i) else { continue };
            let exception = o.exceptions.iter().find(|e| e.year == year);
            for &start in dates {
                let end = match exception.and_then(|e| e.end_of(start)) {
                    Some(end) => end,
                    None => match o.extent_for(settings).end(start, settings, next_start_of) {
                        Some(end) => end,
                        None => continue,
                    },
                };
                let approximation = match exception {
                    Some(_) => None,
                    None => o.rule.approximate(start, settings),
                };
                let base = Occurrence {
                    observance: u32::try_from(i)
                        .map_err(|_| Error::invalid("too many observances"))?,
                    start,
                    end,
                    category: o.category,
                    regions: o.regions,
                    substitute_for: None,
                    // A moved date was announced: it is not uncertain.
                    possible: match exception {
                        Some(_) => Box::default(),
                        None => {
                            let others = alternates
                                .get(i)
                                .into_iter()
                                .flatten()
                                .filter(|(d, _)| *d == start)
                                .map(|(_, alt)| *alt);
                            let mut all: Vec<NaiveDate> =
                                possible_starts(o, start, approximation).into_vec();
                            all.extend(others);
                            all.sort_unstable();
                            all.dedup();
                            all.retain(|d| *d != start);
                            all.into_boxed_slice()
                        }
                    },
                    approximation,
                };
                match subs.get(&(i, start)) {
                    None => out.push(base),
                    Some(taken) => {
                        push_substitutes(o, &base, taken, &mut out);
                    }
                }
            }
        }
    }
    sort(cat, &mut out);
    Ok(out)
}

/// The order of an expansion: by start, then id (stable, so that equal
/// keys keep their year-by-year order).
///
/// Ids compare by their rank in id order. Baked years come in order, so a
/// long read is usually sorted already: checking first spares the stable
/// sort's scratch copy of every occurrence (3.6 MB for 1900–2100).
pub(crate) fn sort(cat: &Catalogue, out: &mut [Occurrence]) {
    let key = |o: &Occurrence| (o.start, cat.id_rank(o.observance as usize));
    if !out.is_sorted_by_key(key) {
        out.sort_by_key(key);
    }
}

/// One occurrence per distinct substitute date (with the regions taking it
/// then), plus the weekend day itself when the observance keeps it.
fn push_substitutes(
    o: &Observance,
    base: &Occurrence,
    taken: &[(Region, NaiveDate)],
    out: &mut Vec<Occurrence>,
) {
    let mut dates: Vec<NaiveDate> = taken.iter().map(|t| t.1).collect();
    dates.sort_unstable();
    dates.dedup();
    for d in dates {
        let regions: RegionSet = taken.iter().filter(|t| t.1 == d).map(|t| t.0).collect();
        out.push(Occurrence {
            start: d,
            end: d,
            regions,
            substitute_for: Some(base.start),
            ..base.clone()
        });
    }
    if let Some(category) = o.substitute.as_ref().and_then(|s| s.weekend_category) {
        out.push(Occurrence {
            category,
            regions: RegionSet::empty(),
            ..base.clone()
        });
    }
}

fn possible_starts(
    o: &Observance,
    start: NaiveDate,
    approx: Option<Approximation>,
) -> Box<[NaiveDate]> {
    let own = match o.certainty {
        Certainty::Estimated => o.uncertainty_days,
        _ => 0,
    };
    let n = i64::from(own.max(approx.map_or(0, Approximation::uncertainty_days)));
    (-n..=n)
        .filter(|&k| k != 0)
        .filter_map(|k| start.checked_add_signed(Duration::days(k)))
        .collect()
}

/// The first and last days of years `first..=last`, once they are checked
/// as [`check_years`] does.
pub(crate) fn year_days(first: i32, last: i32) -> Result<(NaiveDate, NaiveDate)> {
    check_years(first, last)?;
    match (
        NaiveDate::from_ymd_opt(first, 1, 1),
        NaiveDate::from_ymd_opt(last, 12, 31),
    ) {
        (Some(a), Some(b)) => Ok((a, b)),
        _ => Err(Error::out_of_range("years out of range")),
    }
}

pub(crate) fn check_years(first: i32, last: i32) -> Result<()> {
    let (lo, hi) = (*SUPPORTED_YEARS.start(), *SUPPORTED_YEARS.end());
    if first < lo || last > hi {
        return Err(Error::out_of_range(format!(
            "years {first}..{last} are outside the supported range {lo}..{hi}"
        )));
    }
    if first > last {
        return Err(Error::out_of_range(format!(
            "range {first}..{last} is reversed"
        )));
    }
    if last - first >= MAX_YEARS {
        return Err(Error::out_of_range(format!(
            "a range of more than {MAX_YEARS} years is not supported"
        )));
    }
    Ok(())
}

/// Occurrences of a catalogue over a range of years, with a per-day index:
/// finding what falls on a date is a slice lookup.
///
/// ```
/// use chrono::NaiveDate;
/// use clash_core::{Catalogue, Filter, Index};
/// let cat = Catalogue::embedded()?;
/// let index = Index::new(&cat, 2026, 2026)?;
/// let day = NaiveDate::from_ymd_opt(2026, 12, 25).unwrap();
/// let clashes = index.clashes(day, day, &Filter::default())?;
/// assert!(clashes.iter().any(|c| c.occurrence.observance().id().as_str() == "christmas-day"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Index<'c> {
    catalogue: &'c Catalogue,
    settings: Settings,
    first_day: NaiveDate,
    last_day: NaiveDate,
    occurrences: Vec<Occurrence>,
    /// `entries[day_offsets[d]..day_offsets[d + 1]]` are the occurrences on day `d`.
    day_offsets: Vec<u32>,
    /// Occurrence positions; the top bit marks a possible (not certain)
    /// day, the next the first day (expected or possible) of an observance
    /// that begins at sunset the evening before (its eve is the day before).
    entries: Vec<u32>,
    /// For each entry, what filters look at ([`crate::catalogue::pack_key`]),
    /// so a check reads two dense arrays.
    keys: Vec<u32>,
}

const POSSIBLE: u32 = 1 << 31;
const BEGINS_AT_SUNSET: u32 = 1 << 30;
/// The occurrence position in an entry.
const POSITION: u32 = !(POSSIBLE | BEGINS_AT_SUNSET);

/// A clash between a queried span and an occurrence (SPEC §6).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Clash<'a> {
    /// What it clashes with.
    pub occurrence: OccurrenceRef<'a>,
    /// The first and last queried days it overlaps (for an eve, the last
    /// queried day).
    pub overlap: (NaiveDate, NaiveDate),
    /// True when it falls on the queried days only if observed on one of its
    /// possible dates (moon sighting, another reckoning).
    pub possible: bool,
    /// How it touches the queried days.
    pub kind: ClashKind,
    /// How much it matters here: the observance's impact, or its impact
    /// outside the nations where it is a public holiday, or high for a
    /// fast when the meeting serves food.
    pub impact: Impact,
}

impl<'c> Index<'c> {
    /// Expands `catalogue` over Gregorian years `first..=last` (plus the year
    /// before, for occurrences that run into `first`) and indexes every day.
    ///
    /// # Errors
    /// [`crate::ErrorKind::OutOfRange`] outside [`SUPPORTED_YEARS`] or over
    /// [`MAX_YEARS`] years.
    pub fn new(catalogue: &'c Catalogue, first: i32, last: i32) -> Result<Self> {
        Self::with_settings(catalogue, first, last, &Settings::default())
    }

    /// As [`Index::new`], with the location and conventions of `settings`.
    ///
    /// # Errors
    /// As [`Index::new`].
    pub fn with_settings(
        catalogue: &'c Catalogue,
        first: i32,
        last: i32,
        settings: &Settings,
    ) -> Result<Self> {
        Self::build(
            catalogue,
            year_days(first, last)?,
            settings,
            None,
            no_stored,
        )
    }

    /// As [`Index::with_settings`], expanding only what queries with
    /// `filter` (or a narrower one) can see: the observances in its scope
    /// (ids, traditions), what their rules refer to, and their holiday
    /// groups. Much faster for one tradition (no Hindu astronomy for a
    /// Jewish list); a query with a wider filter on this index misses the
    /// rest.
    ///
    /// # Errors
    /// As [`Index::new`].
    pub fn for_filter(
        catalogue: &'c Catalogue,
        first: i32,
        last: i32,
        settings: &Settings,
        filter: &crate::catalogue::Filter,
    ) -> Result<Self> {
        let need = catalogue.need(Some(filter));
        Self::build(
            catalogue,
            year_days(first, last)?,
            settings,
            need.as_deref(),
            no_stored,
        )
    }

    /// As [`Index::for_filter`] (or [`Index::with_settings`] without a
    /// filter), counting each year computed in `counter` (a long list's
    /// progress bar).
    ///
    /// # Errors
    /// As [`Index::new`].
    pub fn counted(
        catalogue: &'c Catalogue,
        first: i32,
        last: i32,
        settings: &Settings,
        filter: Option<&crate::catalogue::Filter>,
        counter: &dyn StepCounter,
    ) -> Result<Self> {
        let need = catalogue.need(filter);
        Self::build(
            catalogue,
            year_days(first, last)?,
            settings,
            need.as_deref(),
            |a, b, need, _| {
                Some(expand_counted(
                    catalogue,
                    a,
                    b,
                    settings,
                    need,
                    Some(counter),
                ))
            },
        )
    }

    /// As [`Index::for_filter`] (or [`Index::with_settings`] without a
    /// filter), indexing only the days `first_day..=last_day`: a check of
    /// one day or one meeting reads a few occurrences rather than two
    /// years of them. The index answers only about those days.
    ///
    /// # Errors
    /// As [`Index::new`], for the years of the two days; a reversed range.
    pub fn for_days(
        catalogue: &'c Catalogue,
        (first_day, last_day): (NaiveDate, NaiveDate),
        settings: &Settings,
        filter: Option<&crate::catalogue::Filter>,
    ) -> Result<Self> {
        let need = catalogue.need(filter);
        Self::build(
            catalogue,
            (first_day, last_day),
            settings,
            need.as_deref(),
            no_stored,
        )
    }

    /// Expands (or, when `stored` has them, reads) the occurrences that
    /// `need` keeps and indexes every day of `first_day..=last_day`.
    /// `stored(a, b, need, days)` gives the
    /// occurrences of years `a..=b` that `need` keeps, in the order of an
    /// expansion (it may leave out those that do not touch `days`), or
    /// `None` when it does not hold them all (baked data, [`crate::Baked`]).
    pub(crate) fn build(
        catalogue: &'c Catalogue,
        (first_day, last_day): (NaiveDate, NaiveDate),
        settings: &Settings,
        need: Option<&[bool]>,
        stored: impl FnOnce(
            i32,
            i32,
            Option<&[bool]>,
            (NaiveDate, NaiveDate),
        ) -> Option<Result<Vec<Occurrence>>>,
    ) -> Result<Self> {
        if first_day > last_day {
            return Err(Error::out_of_range(format!(
                "range {first_day}..{last_day} is reversed"
            )));
        }
        let (first, last) = (first_day.year(), last_day.year());
        check_years(first, last)?;
        let before = (first - 1).max(*SUPPORTED_YEARS.start());
        let expanded = match stored(before, last, need, (first_day, last_day)) {
            Some(read) => read?,
            None => expand(catalogue, before, last, settings, need)?,
        };
        let occurrences: Vec<Occurrence> = expanded
            .into_iter()
            .filter(|o| {
                if o.possible.is_empty() {
                    return o.end >= first_day && o.start <= last_day;
                }
                let span = o.end - o.start;
                let lo = o.possible.first().copied().unwrap_or(o.start).min(o.start);
                let hi = o.possible.last().map_or(o.end, |&p| {
                    p.checked_add_signed(span)
                        .unwrap_or(NaiveDate::MAX)
                        .max(o.end)
                });
                hi >= first_day && lo <= last_day
            })
            .collect();
        let days = usize::try_from((last_day - first_day).num_days() + 1)
            .map_err(|_| Error::out_of_range("bad range"))?;
        // (day, entry) pairs, then a stable counting sort by day: each
        // day's entries keep the order they were put in. Days are counted
        // from `first_day` as integers (chrono's date arithmetic per day
        // was half of building a long index).
        let base = i64::from(first_day.num_days_from_ce());
        let day_at = |d: NaiveDate| i64::from(d.num_days_from_ce()) - base;
        let last_k = i64::try_from(days).unwrap_or(i64::MAX) - 1;
        let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(occurrences.len() * 2);
        let mut put = |k: i64, value: u32| {
            if let Ok(k) = u32::try_from(k) {
                if i64::from(k) <= last_k {
                    pairs.push((k, value));
                }
            }
        };
        let mut starts: Vec<i64> = Vec::new();
        let mut possible_days: Vec<i64> = Vec::new();
        for (k, o) in occurrences.iter().enumerate() {
            let k = u32::try_from(k)
                .ok()
                .filter(|k| k & !POSITION == 0)
                .ok_or_else(|| Error::out_of_range("too many occurrences"))?;
            let at_sunset = catalogue
                .observances()
                .get(o.observance as usize)
                .is_some_and(|obs| obs.begins() == DayStart::SunsetBefore);
            let (start, end) = (day_at(o.start), day_at(o.end));
            // The first days (expected, or possible ones) of an observance
            // that begins at sunset the evening before.
            starts.clear();
            starts.push(start);
            starts.extend(o.possible.iter().map(|&d| day_at(d)));
            let first = |day: i64| match at_sunset && starts.contains(&day) {
                true => BEGINS_AT_SUNSET,
                false => 0,
            };
            for day in start.max(0)..=end.min(last_k) {
                put(day, k | first(day));
            }
            // The days of the possible spans, each once, in order (the
            // possible dates are in order, so the spans' union is made
            // without sorting; the sort is kept for any that are not).
            let alts = starts.get(1..).unwrap_or_default();
            let mut put_possible = |day: i64| {
                if day < start || day > end {
                    put(day, k | POSSIBLE | first(day));
                }
            };
            if alts.len() < 2 || alts.is_sorted() {
                let mut next = 0;
                for &alt in alts {
                    for day in alt.max(next)..=(alt + (end - start)).min(last_k) {
                        put_possible(day);
                        next = day + 1;
                    }
                }
            } else {
                possible_days.clear();
                for &alt in alts {
                    possible_days.extend(alt.max(0)..=(alt + (end - start)).min(last_k));
                }
                possible_days.sort_unstable();
                possible_days.dedup();
                possible_days.iter().for_each(|&day| put_possible(day));
            }
        }
        let occ_keys: Vec<u32> = occurrences
            .iter()
            .map(|o| {
                let i = o.observance as usize;
                catalogue
                    .observances()
                    .get(i)
                    .map_or(u32::MAX, |obs| o.key(obs, i))
            })
            .collect();
        u32::try_from(pairs.len()).map_err(|_| Error::out_of_range("index too large"))?;
        // Each day's count, summed into each day's end; then the entries
        // placed from the back, which moves each day's mark to its start
        // and keeps each day's entries in the order they were put in.
        let mut day_offsets = vec![0u32; days + 1];
        for &(day, _) in &pairs {
            if let Some(n) = day_offsets.get_mut(day as usize) {
                *n += 1;
            }
        }
        let mut total = 0;
        for n in day_offsets.iter_mut() {
            total += *n;
            *n = total;
        }
        let mut entries = vec![0u32; pairs.len()];
        let mut keys = vec![u32::MAX; pairs.len()];
        for &(day, value) in pairs.iter().rev() {
            let Some(at) = day_offsets.get_mut(day as usize) else {
                continue;
            };
            *at = at.saturating_sub(1);
            let slot = *at as usize;
            if let (Some(e), Some(key)) = (entries.get_mut(slot), keys.get_mut(slot)) {
                *e = value;
                *key = occ_keys
                    .get((value & POSITION) as usize)
                    .copied()
                    .unwrap_or(u32::MAX);
            }
        }
        Ok(Index {
            catalogue,
            settings: settings.clone(),
            first_day,
            last_day,
            occurrences,
            day_offsets,
            entries,
            keys,
        })
    }

    /// The catalogue this index was built from.
    pub fn catalogue(&self) -> &'c Catalogue {
        self.catalogue
    }

    /// The settings the dates were computed with.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The first and last days indexed.
    pub fn days(&self) -> (NaiveDate, NaiveDate) {
        (self.first_day, self.last_day)
    }

    /// Every occurrence indexed, sorted by start then id.
    pub fn occurrences(&self) -> impl Iterator<Item = OccurrenceRef<'_>> {
        self.occurrences.iter().filter_map(|o| self.resolve(o))
    }

    fn resolve<'s>(&'s self, o: &'s Occurrence) -> Option<OccurrenceRef<'s>> {
        Some(OccurrenceRef {
            observance: self.catalogue.observances().get(o.observance as usize)?,
            occurrence: o,
        })
    }

    pub(crate) fn check_range(&self, from: NaiveDate, to: NaiveDate) -> Result<()> {
        if from > to {
            return Err(Error::out_of_range(format!(
                "range {from}..{to} is reversed"
            )));
        }
        if from < self.first_day || to > self.last_day {
            return Err(Error::out_of_range(format!(
                "{from}..{to} is outside the indexed days {}..{}",
                self.first_day, self.last_day
            )));
        }
        Ok(())
    }

    /// The entry range of one day.
    fn day_range(&self, date: NaiveDate) -> std::ops::Range<usize> {
        let k = (date - self.first_day).num_days();
        usize::try_from(k)
            .ok()
            .and_then(|k| {
                Some(*self.day_offsets.get(k)? as usize..*self.day_offsets.get(k + 1)? as usize)
            })
            .unwrap_or(0..0)
    }

    /// Whether entry `i` passes `filter`: by its packed key, or in full when
    /// the filter names ids.
    fn entry_passes(&self, i: usize, filter: &Filter) -> bool {
        let key = self.keys.get(i).copied().unwrap_or(u32::MAX);
        match filter.matches_key(key) {
            Some(ok) => ok,
            None => self
                .entries
                .get(i)
                .and_then(|&e| self.occurrences.get((e & POSITION) as usize))
                .is_some_and(|o| self.passes(o, filter)),
        }
    }

    /// Whether anything passing `filter` falls on `date` (certainly or
    /// possibly). The fastest check: no allocation.
    ///
    /// # Errors
    /// [`crate::ErrorKind::OutOfRange`] outside the indexed days.
    pub fn any_on(&self, date: NaiveDate, filter: &Filter) -> Result<bool> {
        self.check_range(date, date)?;
        Ok(self.day_range(date).any(|i| self.entry_passes(i, filter)))
    }

    fn passes(&self, o: &Occurrence, filter: &Filter) -> bool {
        self.catalogue
            .observances()
            .get(o.observance as usize)
            .is_some_and(|obs| filter.matches(obs, o))
    }

    /// The clashes of the days `from..=to` with occurrences passing `filter`,
    /// ordered by impact (highest first), then start, then id (SPEC §6).
    ///
    /// # Errors
    /// [`crate::ErrorKind::OutOfRange`] for a reversed range or days outside
    /// the index.
    pub fn clashes(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        filter: &Filter,
    ) -> Result<Vec<Clash<'_>>> {
        self.clashes_of_days(from, to, filter, true)
    }

    /// [`Index::clashes`], with the eves of the day after `to` when `eves`
    /// (a timed check finds the evening's own hours instead).
    pub(crate) fn clashes_of_days(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        filter: &Filter,
        eves: bool,
    ) -> Result<Vec<Clash<'_>>> {
        self.check_range(from, to)?;
        // (occurrence position, certainly overlaps?), merged per occurrence:
        // sorting keeps long ranges O(n log n).
        let mut seen: Vec<(usize, bool)> = Vec::new();
        for day in from.iter_days().take_while(|d| *d <= to) {
            for i in self.day_range(day) {
                if self.entry_passes(i, filter) {
                    if let Some(&e) = self.entries.get(i) {
                        seen.push(((e & POSITION) as usize, e & POSSIBLE == 0));
                    }
                }
            }
        }
        // A single day's entries are already one per occurrence; for a range,
        // merge them (certain entries sort after possible ones of the same
        // occurrence).
        if from != to {
            seen.sort_unstable();
        }
        seen.dedup_by(|later, earlier| {
            if later.0 == earlier.0 {
                earlier.1 |= later.1;
                true
            } else {
                false
            }
        });
        let mut out: Vec<Clash<'_>> = seen
            .iter()
            .filter_map(|&(k, certain)| {
                let o = self.occurrences.get(k)?;
                let overlap = if certain {
                    o.overlap_from(o.start, from, to)?
                } else {
                    o.possible
                        .iter()
                        .filter_map(|&alt| o.overlap_from(alt, from, to))
                        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)))?
                };
                let occurrence = self.resolve(o)?;
                Some(Clash {
                    occurrence,
                    overlap,
                    possible: !certain,
                    kind: ClashKind::Day,
                    impact: self.impact_here(&occurrence, filter),
                })
            })
            .collect();
        // The eve (SPEC §6.1): what begins at sunset on the last day.
        let next = to.succ_opt().filter(|d| eves && *d <= self.last_day);
        if let Some(next) = next {
            // Where the Sun does not set, nothing begins this evening
            // (asked once, and only when something would begin).
            let mut sets: Option<bool> = None;
            for i in self.day_range(next) {
                let Some(&e) = self.entries.get(i) else {
                    continue;
                };
                // Only what begins at sunset this evening (marked in the
                // index: the cheapest test first).
                if e & BEGINS_AT_SUNSET == 0 {
                    continue;
                }
                let k = (e & POSITION) as usize;
                let Some(o) = self.occurrences.get(k) else {
                    continue;
                };
                // Already a clash of the checked days (a possible day of
                // it is a whole day, more than its evening).
                let seen_already = match from == to {
                    true => seen.iter().any(|s| s.0 == k),
                    false => seen.binary_search_by_key(&k, |s| s.0).is_ok(),
                };
                if seen_already || !self.entry_passes(i, filter) {
                    continue;
                }
                let Some(occurrence) = self.resolve(o) else {
                    continue;
                };
                if !*sets.get_or_insert_with(|| sun_sets(self.settings.location_ref(), to)) {
                    continue;
                }
                out.push(Clash {
                    occurrence,
                    overlap: (to, to),
                    possible: e & POSSIBLE != 0,
                    kind: ClashKind::Eve,
                    impact: self.impact_here(&occurrence, filter),
                });
            }
        }
        out.sort_by_key(|c| {
            let occ = c.occurrence.occurrence();
            (
                std::cmp::Reverse(c.impact),
                c.kind,
                occ.start,
                self.catalogue.id_rank(occ.observance as usize),
            )
        });
        Ok(out)
    }

    /// The impact of an occurrence passing `filter` at the filter's
    /// nations: its observance's, or outside the nations where it is a
    /// public holiday, its impact there.
    fn impact_here(&self, o: &OccurrenceRef<'_>, filter: &Filter) -> Impact {
        let obs = o.observance();
        match filter.is_elsewhere(o.occurrence().regions()) {
            true => obs.impact_elsewhere().unwrap_or(Impact::Low),
            false => obs.impact(),
        }
    }

    /// A whole-day check of `from..=to` (SPEC §6.1): the clashes passing
    /// `filter` (eves included) whose impact is at least the filter's
    /// minimum impact, else [`DEFAULT_THRESHOLD`], and the rest as "also",
    /// with the public holidays of nations other than the filter's
    /// (kind [`ClashKind::Elsewhere`]). A meeting with food makes a fast's
    /// clash high. The index must cover the day after `to` for its eve.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use clash_core::{Catalogue, ClashKind, Filter, Index, MeetingKind, Region};
    /// let cat = Catalogue::embedded()?;
    /// let index = Index::new(&cat, 2027, 2027)?;
    /// // Yom Kippur begins at sunset on 10 October 2027.
    /// let day = NaiveDate::from_ymd_opt(2027, 10, 10).unwrap();
    /// let found = index.check(day, day, &Filter::default(), MeetingKind::default())?;
    /// let eve = found.clashes.iter().find(|c| c.occurrence.observance().id().as_str() == "yom-kippur");
    /// assert_eq!(eve.map(|c| c.kind), Some(ClashKind::Eve));
    /// // St Andrew's Day is a public holiday in Scotland only.
    /// let day = NaiveDate::from_ymd_opt(2027, 11, 30).unwrap();
    /// let england = Filter::default().regions([Region::GbEng]);
    /// let found = index.check(day, day, &england, MeetingKind::default())?;
    /// assert!(found.also.iter().any(|c| c.kind == ClashKind::Elsewhere));
    /// assert!(found.clashes.iter().all(|c| c.kind != ClashKind::Elsewhere));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`Index::clashes`].
    pub fn check(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        filter: &Filter,
        kind: crate::timing::MeetingKind,
    ) -> Result<Verdict<Clash<'_>>> {
        let (rest, min) = filter.split_min_impact();
        let threshold = min.unwrap_or(DEFAULT_THRESHOLD);
        let mut verdict = Verdict::default();
        let mut all = self.clashes(from, to, &rest)?;
        raise_for_food(&mut all, kind);
        for c in all {
            match c.impact >= threshold {
                true => verdict.clashes.push(c),
                false => verdict.also.push(c),
            }
        }
        if let Some(everywhere) = rest
            .region_set()
            .and_then(|_| rest.public_holidays_anywhere())
        {
            for c in self.clashes(from, to, &everywhere)? {
                let occ = c.occurrence.occurrence();
                // Those the nations' filter kept (religious days) are listed.
                let listed = rest.matches(c.occurrence.observance(), occ);
                if !listed && rest.is_elsewhere(occ.regions()) {
                    verdict.also.push(Clash {
                        kind: ClashKind::Elsewhere,
                        impact: Impact::Low,
                        ..c
                    });
                }
            }
        }
        Ok(verdict)
    }

    /// The occurrences passing `filter` whose span overlaps `from..=to`,
    /// sorted by start, then id (SPEC §9 `list`).
    ///
    /// # Errors
    /// [`crate::ErrorKind::OutOfRange`] for a reversed range or days outside
    /// the index.
    pub fn list(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        filter: &Filter,
    ) -> Result<Vec<OccurrenceRef<'_>>> {
        self.check_range(from, to)?;
        let earliest = from - Duration::days(MAX_SPAN_DAYS);
        let begin = self.occurrences.partition_point(|o| o.start < earliest);
        Ok(self
            .occurrences
            .get(begin..)
            .unwrap_or(&[])
            .iter()
            .take_while(|o| o.start <= to)
            .filter(|o| o.end >= from && self.passes(o, filter))
            .filter_map(|o| self.resolve(o))
            .collect())
    }
}

/// Whether the Sun sets at `location` on `date`. Within 65° of the equator
/// it sets every day (the polar circles are at 66.56°; refraction and the
/// Sun's radius move the edge of the midnight Sun to about 65.7°), so
/// only polar locations compute it.
fn sun_sets(location: &crate::location::Location, date: NaiveDate) -> bool {
    location.latitude().abs() < 65.0 || location.sunset(date).is_some()
}

/// A meal on a fast day (not on its eve, before the fast begins) is a high
/// clash whatever the fast's own impact (SPEC §6.1); re-sorted by impact.
pub(crate) fn raise_for_food(clashes: &mut [Clash<'_>], kind: crate::timing::MeetingKind) {
    if !kind.with_food {
        return;
    }
    for c in clashes.iter_mut() {
        if c.kind == ClashKind::Day && c.occurrence.observance().timing().fast.is_some() {
            c.impact = Impact::High;
        }
    }
    clashes.sort_by_key(|c| std::cmp::Reverse(c.impact));
}

impl Catalogue {
    /// The occurrences of every observance passing `filter` over
    /// `from..=to` (a convenience over [`Index`]).
    ///
    /// # Errors
    /// As [`Index::new`] and [`Index::list`].
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use clash_core::{Catalogue, Filter, Region, Category};
    /// let cat = Catalogue::embedded()?;
    /// let f = Filter::default().categories([Category::PublicHoliday]).regions([Region::GbSct]);
    /// let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// let to = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    /// let days: Vec<_> = cat.occurrences(from, to, &f)?.iter().map(|o| o.start()).collect();
    /// // Including the one-off World Cup holiday of 15 June 2026.
    /// assert_eq!(days.len(), 10);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn occurrences(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        filter: &Filter,
    ) -> Result<Vec<Occurrence>> {
        let index = Index::new(self, from.year(), to.year())?;
        Ok(index
            .list(from, to, filter)?
            .into_iter()
            .map(|o| o.occurrence().clone())
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Category, Impact, Region, Tradition};

    /// The packed keys answer every filter exactly as the full check does.
    #[test]
    fn packed_keys_agree_with_the_full_filter() {
        let cat = Catalogue::embedded().unwrap();
        let index = Index::new(&cat, 2025, 2026).unwrap();
        let filters = [
            Filter::default(),
            Filter::default().traditions([Tradition::Jewish, Tradition::Muslim]),
            Filter::default().exclude_traditions([Tradition::National]),
            Filter::default().min_impact(Impact::Medium),
            Filter::default()
                .categories([Category::PublicHoliday])
                .regions([Region::GbSct]),
            Filter::default().categories([Category::Weekly, Category::Fast]),
            Filter::default()
                .regions([Region::GbNir])
                .min_impact(Impact::High),
            Filter::default().regions([Region::Leicester]),
            Filter::default().regions([Region::GbEng]),
            Filter::default()
                .regions([Region::Leicester])
                .categories([Category::PublicHoliday]),
            Filter::default().traditions([Tradition::Rastafari]),
            Filter::default().exclude_traditions([Tradition::OrthodoxChristian]),
        ];
        let mut checked = 0;
        let mut in_full = 0;
        for f in &filters {
            for (i, &e) in index.entries.iter().enumerate() {
                let occ = &index.occurrences[(e & POSITION) as usize];
                let o = &cat.observances()[occ.observance as usize];
                match f.matches_key(index.keys[i]) {
                    Some(ok) => assert_eq!(ok, index.passes(occ, f), "{f:?} {occ:?}"),
                    // Only an observance other traditions keep too, under a
                    // filter on traditions, is left to the full check.
                    None => {
                        assert!(!o.also_traditions().is_empty(), "{f:?} {occ:?}");
                        in_full += 1;
                    }
                }
                checked += 1;
            }
        }
        assert!(checked > 10_000);
        // Ethiopian Christmas and New Year (kept by Rastafari too) are
        // answered in full under the filters on traditions.
        assert!(in_full > 0);
    }
}
