//! Expansions computed ahead of time: the same occurrences [`Index`] would
//! compute, stored compactly so that a process can start without redoing
//! them.
//!
//! Why: most of the cost of a query is expanding the Hindu festivals (each
//! is reckoned from tithi boundaries, sunrises and moonrises at two places)
//! and a command-line process pays it on every run: 12 ms for one date,
//! over half a second for 1900–2100. The `clash` binary bakes the embedded
//! catalogue at its default settings for 1899–2100 in its build script and
//! reads the slices a query needs.
//!
//! Baking is memoisation, not a second implementation: [`Baked::bake`]
//! stores what the live expansion returns, year by year, and
//! [`Baked::index`] rebuilds the index from the years a query needs exactly
//! as [`Index::with_settings`] does from a live expansion (the years are
//! independent: each depends only on its own and the next year's starts).
//! Baked data is tied to this crate's version, the texts the catalogue was
//! built from and the settings it was made with; [`Baked::open`] refuses
//! anything else, and any year outside it is expanded live. A test
//! compares baked and live indexes for every year.
//!
//! The format, little-endian: `CLASHBK1`, a fingerprint (u64), the first
//! and last year (i32 each), one u32 offset per year plus one (where that
//! year's occurrences begin in the body, in bytes), then the body, each
//! occurrence:
//! observance (u16), start (i32, days from the Common Era), length in days
//! (u16), category (u8), regions (u32 bits), flags (u8: substitute, an
//! approximation), the substituted date (i32, if flagged), the
//! approximation (u8, if flagged), the number of possible dates (u8) and
//! each as a day offset from the start (i16).

use chrono::{Datelike, NaiveDate};

use crate::catalogue::{Catalogue, Filter};
use crate::error::{Error, Result};
use crate::model::SUPPORTED_YEARS;
use crate::model::{Category, RegionSet};
use crate::occurrence::{expand, Index, Occurrence, MAX_YEARS};
use crate::rules::Approximation;
use crate::settings::Settings;

const MAGIC: &[u8; 8] = b"CLASHBK1";
const SUBSTITUTE: u8 = 1;
const APPROXIMATE: u8 = 2;

/// Occurrences of a catalogue expanded ahead of time for a range of years
/// at fixed settings (see the module documentation).
///
/// ```
/// use chrono::NaiveDate;
/// use clash_core::{Baked, Catalogue, Filter, Index, Settings};
/// let catalogue = Catalogue::embedded()?;
/// let settings = Settings::default();
/// let bytes = Baked::bake(&catalogue, &settings, 2025..=2026)?;
/// let baked = Baked::open(&bytes, &catalogue, &settings).ok_or("made for them")?;
/// let index = baked.index(2026, 2026, None)?;
/// let live = Index::new(&catalogue, 2026, 2026)?;
/// let from = NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?;
/// let to = NaiveDate::from_ymd_opt(2026, 12, 31).ok_or("date")?;
/// let all = Filter::default();
/// assert_eq!(index.list(from, to, &all)?.len(), live.list(from, to, &all)?.len());
/// // Data made for other settings is refused.
/// let delhi = settings.location("delhi".parse()?);
/// assert!(Baked::open(&bytes, &catalogue, &delhi).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Baked<'c> {
    catalogue: &'c Catalogue,
    layout: std::borrow::Cow<'c, BakedLayout>,
    /// The encoded occurrences.
    body: &'c [u8],
}

/// What [`Baked::open`] read and checked of baked data's header, owned, so
/// that whoever holds the catalogue and the bytes can keep it and
/// [`BakedLayout::reopen`] the data for each query without working out the
/// fingerprint (formatting the settings and hashing them) again.
#[derive(Clone)]
pub struct BakedLayout {
    settings: Settings,
    fingerprint: u64,
    /// The content hash of the catalogue it was checked against.
    content: u64,
    /// The length of the bytes it was read from.
    len: usize,
    first: i32,
    last: i32,
    /// Where each year's occurrences begin in the body, and one past the end.
    offsets: Vec<usize>,
    /// Each year's records by the days they may touch, made the first time
    /// a query of a few days reads the year (`None`: a record is damaged).
    spans: Vec<std::sync::OnceLock<Option<Spans>>>,
}

impl std::fmt::Debug for BakedLayout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BakedLayout")
            .field("settings", &self.settings)
            .field("years", &self.years())
            .finish_non_exhaustive()
    }
}

/// One year's records by the days they may touch: `(first day, last day,
/// where the record begins in the body)`, by first day, and the longest
/// reach (last day less first day) of any, so that the records that may
/// touch a few days are found by a binary search instead of a pass over the
/// year (a sixth of a one-day check, 2026-12-07).
#[derive(Debug, Clone)]
struct Spans {
    records: Box<[(i32, i32, u32)]>,
    reach: i32,
}

impl Spans {
    /// The spans of the records of `year_body`, which begins at `base` in
    /// the body; `None` when a record is damaged.
    fn of(year_body: &[u8], base: usize) -> Option<Spans> {
        let mut r = Reader(year_body);
        let mut records = Vec::new();
        while !r.0.is_empty() {
            let at = base + (year_body.len() - r.0.len());
            let (lo, hi) = span(r.0)?;
            records.push((lo, hi, u32::try_from(at).ok()?));
            skip(&mut r)?;
        }
        records.sort_unstable_by_key(|&(lo, _, _)| lo);
        let reach = records
            .iter()
            .map(|&(lo, hi, _)| hi - lo)
            .max()
            .unwrap_or(0);
        Some(Spans {
            records: records.into_boxed_slice(),
            reach,
        })
    }

    /// Where the records that may touch days `lo..=hi` begin, pushed onto
    /// `out`.
    fn touching(&self, lo: i32, hi: i32, out: &mut Vec<u32>) {
        let from = self
            .records
            .partition_point(|&(a, _, _)| a < lo.saturating_sub(self.reach));
        let to = self.records.partition_point(|&(a, _, _)| a <= hi);
        for &(_, b, at) in self.records.get(from..to).unwrap_or_default() {
            if b >= lo {
                out.push(at);
            }
        }
    }
}

/// A query of fewer days than this reads its years' records through their
/// [`Spans`]; a longer one reads most of them anyway, and passes over all.
const FEW_DAYS: i32 = 92;

impl BakedLayout {
    /// The settings the data was made with.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The years baked.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.first..=self.last
    }

    /// The baked data of `bytes` for `catalogue` again, as
    /// [`Baked::open`] found it: `None` unless they are the bytes and the
    /// catalogue it was read from (the bytes' length and fingerprint and
    /// the catalogue's content hash are compared, which costs nothing).
    pub fn reopen<'c>(&'c self, bytes: &'c [u8], catalogue: &'c Catalogue) -> Option<Baked<'c>> {
        let mut r = Reader(bytes);
        let same = bytes.len() == self.len
            && r.take(8)? == MAGIC
            && r.u64()? == self.fingerprint
            && catalogue.content() == self.content;
        if !same {
            return None;
        }
        let body = bytes.get(bytes.len().checked_sub(*self.offsets.last()?)?..)?;
        Some(Baked {
            catalogue,
            layout: std::borrow::Cow::Borrowed(self),
            body,
        })
    }
}

impl<'c> Baked<'c> {
    /// Expands `catalogue` at `settings` over `years` and encodes the
    /// occurrences.
    ///
    /// # Errors
    /// As [`Index::with_settings`]; a catalogue of more than 65,536
    /// observances.
    pub fn bake(
        catalogue: &Catalogue,
        settings: &Settings,
        years: std::ops::RangeInclusive<i32>,
    ) -> Result<Vec<u8>> {
        let (first, last) = (*years.start(), *years.end());
        crate::occurrence::check_years(first, last)?;
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&fingerprint(catalogue, settings).to_le_bytes());
        out.extend_from_slice(&first.to_le_bytes());
        out.extend_from_slice(&last.to_le_bytes());
        let mut body = Vec::new();
        let mut offsets = vec![0u32];
        for year in first..=last {
            for o in expand(catalogue, year, year, settings, None)? {
                encode(&o, &mut body)?;
            }
            offsets.push(
                u32::try_from(body.len()).map_err(|_| Error::out_of_range("too much to bake"))?,
            );
        }
        for o in offsets {
            out.extend_from_slice(&o.to_le_bytes());
        }
        out.extend_from_slice(&body);
        Ok(out)
    }

    /// Reads baked data made for this catalogue and these settings; `None`
    /// when it was made for others, or is not baked data. Only the header
    /// is read here; records are checked as they are decoded.
    pub fn open(bytes: &'c [u8], catalogue: &'c Catalogue, settings: &Settings) -> Option<Self> {
        let mut r = Reader(bytes);
        let fingerprint = fingerprint(catalogue, settings);
        if r.take(8)? != MAGIC || r.u64()? != fingerprint {
            return None;
        }
        let (first, last) = (r.i32()?, r.i32()?);
        let years = usize::try_from(last.checked_sub(first)?.checked_add(1)?).ok()?;
        if years > MAX_YEARS as usize {
            return None;
        }
        let offsets = (0..=years)
            .map(|_| r.u32().and_then(|o| usize::try_from(o).ok()))
            .collect::<Option<Vec<usize>>>()?;
        let body = r.0;
        let ordered = offsets.windows(2).all(|w| w.first() <= w.get(1));
        (ordered && offsets.last() == Some(&body.len())).then(|| Baked {
            catalogue,
            layout: std::borrow::Cow::Owned(BakedLayout {
                settings: settings.clone(),
                fingerprint,
                content: catalogue.content(),
                len: bytes.len(),
                first,
                last,
                spans: (0..years).map(|_| std::sync::OnceLock::new()).collect(),
                offsets,
            }),
            body,
        })
    }

    /// The header read and checked, to keep (see [`BakedLayout::reopen`]).
    pub fn layout(&self) -> &BakedLayout {
        &self.layout
    }

    /// The years baked.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.layout.years()
    }

    /// The index for `first..=last` (as [`Index::with_settings`], or as
    /// [`Index::for_filter`] with a filter), from the baked years when they
    /// cover the query and from a live expansion when not.
    ///
    /// # Errors
    /// As [`Index::with_settings`].
    pub fn index(&self, first: i32, last: i32, filter: Option<&Filter>) -> Result<Index<'c>> {
        self.build(crate::occurrence::year_days(first, last)?, filter)
    }

    /// The index of the days `first_day..=last_day` only (as
    /// [`Index::for_days`]): the records of other days are passed over
    /// without being built.
    ///
    /// # Errors
    /// As [`Index::for_days`].
    pub fn index_days(
        &self,
        days: (NaiveDate, NaiveDate),
        filter: Option<&Filter>,
    ) -> Result<Index<'c>> {
        self.build(days, filter)
    }

    fn build(&self, days: (NaiveDate, NaiveDate), filter: Option<&Filter>) -> Result<Index<'c>> {
        let need = self.catalogue.need(filter);
        Index::build(
            self.catalogue,
            days,
            &self.layout.settings,
            need.as_deref(),
            |first, last, need, days| self.occurrences(first, last, need, days),
        )
    }

    /// The occurrences of years `first..=last` that `need` keeps and that
    /// may touch `days` (with their possible dates), in the order a live
    /// expansion gives them; `None` when not all are baked.
    pub(crate) fn occurrences(
        &self,
        first: i32,
        last: i32,
        need: Option<&[bool]>,
        (first_day, last_day): (NaiveDate, NaiveDate),
    ) -> Option<Result<Vec<Occurrence>>> {
        if first < self.layout.first || last > self.layout.last || first > last {
            return None;
        }
        let at = |y: i32| usize::try_from(y - self.layout.first).ok();
        let (lo, hi) = (at(first)?, at(last)? + 1);
        let mut r = Reader(
            self.body
                .get(*self.layout.offsets.get(lo)?..*self.layout.offsets.get(hi)?)?,
        );
        let mut out = Vec::new();
        let mut days = DayNumbers::default();
        let wanted = |i: usize| need.is_none_or(|n| n.get(i).copied().unwrap_or(false));
        let (lo, hi) = (first_day.num_days_from_ce(), last_day.num_days_from_ce());
        if hi - lo < FEW_DAYS {
            if let Some(starts) = self.touching(first, last, (lo, hi)) {
                for at in starts {
                    let mut r = Reader(self.body.get(at as usize..).unwrap_or_default());
                    let kept = match r.0.first_chunk::<2>() {
                        Some(&[a, b]) if !wanted(usize::from(u16::from_le_bytes([a, b]))) => {
                            Some(())
                        }
                        _ => decode(&mut r, &mut days).map(|o| out.push(o)),
                    };
                    if kept.is_none() {
                        return Some(Err(Error::invalid("baked data is damaged")));
                    }
                }
                crate::occurrence::sort(self.catalogue, &mut out);
                return Some(Ok(out));
            }
        }
        // Records are at least 15 bytes: room for all of them at once.
        out.reserve(r.0.len() / 15);
        // A record that cannot be spanned is damaged: decoding says so.
        let near = |record: &[u8]| span(record).is_none_or(|(a, b)| b >= lo && a <= hi);
        while let Some(&[a, b, ..]) = r.0.first_chunk::<2>() {
            let kept = match wanted(usize::from(u16::from_le_bytes([a, b]))) && near(r.0) {
                true => decode(&mut r, &mut days).map(|o| out.push(o)),
                false => skip(&mut r),
            };
            if kept.is_none() {
                return Some(Err(Error::invalid("baked data is damaged")));
            }
        }
        if !r.0.is_empty() {
            return Some(Err(Error::invalid("baked data is damaged")));
        }
        crate::occurrence::sort(self.catalogue, &mut out);
        Some(Ok(out))
    }

    /// Where the records of years `first..=last` (all baked) that may touch
    /// days `lo..=hi` begin in the body, in the body's order; `None` when a
    /// year has a damaged record (the pass over all of them says so).
    fn touching(&self, first: i32, last: i32, (lo, hi): (i32, i32)) -> Option<Vec<u32>> {
        let layout = &*self.layout;
        let mut starts = Vec::new();
        for year in first..=last {
            let i = usize::try_from(year - layout.first).ok()?;
            let spans = layout.spans.get(i)?.get_or_init(|| {
                let (a, b) = (*layout.offsets.get(i)?, *layout.offsets.get(i + 1)?);
                Spans::of(self.body.get(a..b)?, a)
            });
            spans.as_ref()?.touching(lo, hi, &mut starts);
        }
        starts.sort_unstable();
        Some(starts)
    }
}

/// FNV-1a over this crate's version, the hash of the texts the catalogue
/// was built from (which fix its ids and rules) and the settings: baked
/// data belongs to exactly these.
fn fingerprint(catalogue: &Catalogue, settings: &Settings) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(env!("CARGO_PKG_VERSION").as_bytes());
    eat(&catalogue.content().to_le_bytes());
    eat(format!("{settings:?}").as_bytes());
    h
}

fn encode(o: &Occurrence, out: &mut Vec<u8>) -> Result<()> {
    let too_big = || Error::out_of_range("occurrence too large to bake");
    let observance = u16::try_from(o.observance_index()).map_err(|_| too_big())?;
    let start = o.start();
    let length = u16::try_from((o.end() - start).num_days()).map_err(|_| too_big())?;
    let category = Category::ALL
        .iter()
        .position(|c| *c == o.category())
        .and_then(|c| u8::try_from(c).ok())
        .ok_or_else(too_big)?;
    out.extend_from_slice(&observance.to_le_bytes());
    out.extend_from_slice(&start.num_days_from_ce().to_le_bytes());
    out.extend_from_slice(&length.to_le_bytes());
    out.push(category);
    out.extend_from_slice(&o.regions().bits().to_le_bytes());
    let mut flags = 0;
    if o.substitute_for().is_some() {
        flags |= SUBSTITUTE;
    }
    if o.approximation().is_some() {
        flags |= APPROXIMATE;
    }
    out.push(flags);
    if let Some(d) = o.substitute_for() {
        out.extend_from_slice(&d.num_days_from_ce().to_le_bytes());
    }
    if let Some(a) = o.approximation() {
        out.push(match a {
            Approximation::OutsideUmmAlQura => 0,
            Approximation::OutsideThaiTable => 1,
        });
    }
    let possible = o.possible_dates();
    out.push(u8::try_from(possible.len()).map_err(|_| too_big())?);
    for d in possible {
        let offset = i16::try_from((*d - start).num_days()).map_err(|_| too_big())?;
        out.extend_from_slice(&offset.to_le_bytes());
    }
    Ok(())
}

/// The first and last days (from the common era, as encoded) that the
/// record at the start of `record` may touch: from its start, or its
/// earliest possible date, to its end, or its latest possible date plus
/// its length. `None` when the record is cut short.
fn span(record: &[u8]) -> Option<(i32, i32)> {
    let &[_, _, s0, s1, s2, s3, l0, l1, _, _, _, _, _, flags] = record.first_chunk::<14>()?;
    let start = i32::from_le_bytes([s0, s1, s2, s3]);
    let length = i32::from(u16::from_le_bytes([l0, l1]));
    let extra =
        if flags & SUBSTITUTE != 0 { 4 } else { 0 } + if flags & APPROXIMATE != 0 { 1 } else { 0 };
    let n = usize::from(*record.get(14 + extra)?);
    let offsets = record.get(15 + extra..15 + extra + 2 * n)?;
    let (mut early, mut late) = (0, 0);
    for pair in offsets.chunks_exact(2) {
        if let &[a, b] = pair {
            let d = i32::from(i16::from_le_bytes([a, b]));
            (early, late) = (early.min(d), late.max(d));
        }
    }
    Some((
        start.checked_add(early)?,
        start.checked_add(late)?.checked_add(length)?,
    ))
}

/// Passes over one occurrence without building it (most records, for a
/// query about one tradition).
fn skip(r: &mut Reader<'_>) -> Option<()> {
    // Observance, start, length, category, regions: 13 bytes; then flags.
    let flags = *r.0.first_chunk::<14>()?.last()?;
    let extra =
        if flags & SUBSTITUTE != 0 { 4 } else { 0 } + if flags & APPROXIMATE != 0 { 1 } else { 0 };
    let n = usize::from(*r.0.get(14 + extra)?);
    r.take(14 + extra + 1 + 2 * n)?;
    Some(())
}

/// Reads one occurrence; `None` for a damaged record, including any date
/// outside the supported years (so that no later date arithmetic can
/// overflow).
fn decode(r: &mut Reader<'_>, days: &mut DayNumbers) -> Option<Occurrence> {
    let observance = u32::from(r.u16()?);
    let first = r.i32()?;
    let start = days.date(first)?;
    let end = match r.u16()? {
        0 => start,
        n => days.date(first.checked_add(i32::from(n))?)?,
    };
    let category = *Category::ALL.get(usize::from(r.u8()?))?;
    let regions = RegionSet::from_bits(r.u32()?);
    let flags = r.u8()?;
    let substitute_for = if flags & SUBSTITUTE != 0 {
        Some(days.date(r.i32()?)?)
    } else {
        None
    };
    let approximation = if flags & APPROXIMATE != 0 {
        match r.u8()? {
            0 => Some(Approximation::OutsideUmmAlQura),
            1 => Some(Approximation::OutsideThaiTable),
            _ => return None,
        }
    } else {
        None
    };
    let n = r.u8()?;
    // Most records have none (collecting nothing still cost a third of
    // decoding one).
    let possible = if n == 0 {
        Box::default()
    } else {
        // Exactly `n` (collecting through `Option` grew the list and
        // shrank it again).
        let mut dates = Vec::with_capacity(usize::from(n));
        for _ in 0..n {
            dates.push(days.date(first.checked_add(i32::from(r.i16()?))?)?);
        }
        dates.into_boxed_slice()
    };
    Some(Occurrence::from_parts(
        observance,
        (start, end),
        category,
        regions,
        substitute_for,
        possible,
        approximation,
    ))
}

/// Day numbers (days from the common era, as records store dates) to
/// dates within the supported years, remembering the last year met: a
/// baked year's dates are mostly in that year, and chrono's general
/// conversion with a date addition for each end was a third of decoding.
#[derive(Default)]
struct DayNumbers {
    /// The day number of the remembered year's 1 January, its length in
    /// days (0 until a year is met) and the year.
    first: i32,
    len: i32,
    year: i32,
}

impl DayNumbers {
    /// The date of day number `n`; `None` outside the supported years.
    fn date(&mut self, n: i32) -> Option<NaiveDate> {
        let k = n.checked_sub(self.first)?;
        if (0..self.len).contains(&k) {
            return NaiveDate::from_yo_opt(self.year, u32::try_from(k).ok()? + 1);
        }
        let d = NaiveDate::from_num_days_from_ce_opt(n)?;
        if !SUPPORTED_YEARS.contains(&d.year()) {
            return None;
        }
        self.year = d.year();
        self.first = n - i32::try_from(d.ordinal0()).ok()?;
        self.len = if d.leap_year() { 366 } else { 365 };
        Some(d)
    }
}

/// Bounds-checked little-endian reads.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }
    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }
    fn u8(&mut self) -> Option<u8> {
        Some(u8::from_le_bytes(self.array()?))
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.array()?))
    }
    fn i16(&mut self) -> Option<i16> {
        Some(i16::from_le_bytes(self.array()?))
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.array()?))
    }
    fn i32(&mut self) -> Option<i32> {
        Some(i32::from_le_bytes(self.array()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.array()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_refusals() {
        let cat = Catalogue::embedded().unwrap();
        let settings = Settings::default();
        let bytes = Baked::bake(&cat, &settings, 2024..=2026).unwrap();
        let baked = Baked::open(&bytes, &cat, &settings).unwrap();
        assert_eq!(baked.years(), 2024..=2026);
        let live = expand(&cat, 2024, 2026, &settings, None).unwrap();
        let every_day = (NaiveDate::MIN, NaiveDate::MAX);
        let from_baked = baked.occurrences(2024, 2026, None, every_day);
        assert_eq!(live, from_baked.unwrap().unwrap());
        assert!(baked.occurrences(2023, 2026, None, every_day).is_none());
        // Other settings, a damaged or truncated file: refused.
        let elsewhere = Settings::default().location("delhi".parse().unwrap());
        assert!(Baked::open(&bytes, &cat, &elsewhere).is_none());
        assert!(Baked::open(&bytes[..bytes.len() - 1], &cat, &settings).is_none());
        let mut damaged = bytes.clone();
        let n = damaged.len();
        damaged[n - 3..].copy_from_slice(&[0xff; 3]);
        let damaged = Baked::open(&damaged, &cat, &settings).unwrap();
        assert!(damaged
            .occurrences(2026, 2026, None, every_day)
            .unwrap()
            .is_err());
        // A query of a few days reads through the year's spans: the same.
        let last_day = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        let few = (last_day, last_day);
        assert!(damaged.occurrences(2026, 2026, None, few).unwrap().is_err());
        // A kept layout reopens its own bytes and catalogue only.
        let layout = baked.layout().clone();
        let again = layout.reopen(&bytes, &cat).unwrap();
        assert_eq!(
            again.occurrences(2024, 2026, None, few).unwrap().unwrap(),
            baked.occurrences(2024, 2026, None, few).unwrap().unwrap()
        );
        let other = Baked::bake(&cat, &settings, 2024..=2025).unwrap();
        assert!(layout.reopen(&other, &cat).is_none());
        assert!(layout.reopen(&bytes[..bytes.len() - 1], &cat).is_none());
        let more = crate::CatalogueBuilder::new()
            .embedded()
            .unwrap()
            .add_str(
                "extra.toml",
                "[[observance]]\nid = \"extra-day\"\nname = \"Extra\"\ntradition = \"national\"\n\
                 category = \"awareness\"\nimpact = \"low\"\nrule = { kind = \"fixed\", month = 1, day = 2 }\n\
                 summary = \"s\"\nadvice = \"a\"\nsource = \"test\"\n",
            )
            .unwrap()
            .build()
            .unwrap();
        assert!(layout.reopen(&bytes, &more).is_none());
        assert!(Baked::open(b"CLASHBK1", &cat, &settings).is_none());
        assert!(Baked::open(&[], &cat, &settings).is_none());
    }

    /// The remembering conversion agrees with chrono's for every day of the
    /// supported years, read in order and jumping about, and refuses days
    /// outside them.
    #[test]
    fn day_numbers_as_chrono_converts_them() {
        let first = NaiveDate::from_ymd_opt(*SUPPORTED_YEARS.start(), 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(*SUPPORTED_YEARS.end(), 12, 31).unwrap();
        let (lo, hi) = (first.num_days_from_ce(), last.num_days_from_ce());
        let mut days = DayNumbers::default();
        let mut jumping = DayNumbers::default();
        for n in lo..=hi {
            let want = NaiveDate::from_num_days_from_ce_opt(n);
            assert_eq!(days.date(n), want, "{n}");
            // A far day between each two (another year, then back).
            let far = lo + (n - lo).wrapping_mul(7919).rem_euclid(hi - lo + 1);
            assert_eq!(jumping.date(far), NaiveDate::from_num_days_from_ce_opt(far));
            assert_eq!(jumping.date(n), want, "{n}");
        }
        for n in [lo - 1, hi + 1, i32::MIN, i32::MAX, 0] {
            assert_eq!(days.date(n), None, "{n}");
            assert_eq!(DayNumbers::default().date(n), None, "{n}");
        }
    }

    #[test]
    fn a_window_of_days_keeps_exactly_what_touches_it() {
        let cat = Catalogue::embedded().unwrap();
        let settings = Settings::default();
        let bytes = Baked::bake(&cat, &settings, 2025..=2027).unwrap();
        let baked = Baked::open(&bytes, &cat, &settings).unwrap();
        let live = expand(&cat, 2025, 2027, &settings, None).unwrap();
        let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        for day in first.iter_days().take_while(|d| d.year() == 2026) {
            // Its days: from the start (or the earliest possible date) to
            // the end (or the latest possible date, plus the length).
            let touches = |o: &Occurrence| {
                let len = o.end() - o.start();
                let lo = o.possible_dates().iter().fold(o.start(), |a, &p| a.min(p));
                let hi = o
                    .possible_dates()
                    .iter()
                    .fold(o.end(), |a, &p| a.max(p + len));
                lo <= day && day <= hi
            };
            let want: Vec<&Occurrence> = live.iter().filter(|o| touches(o)).collect();
            let got = baked
                .occurrences(2025, 2027, None, (day, day))
                .unwrap()
                .unwrap();
            assert_eq!(got.iter().collect::<Vec<_>>(), want, "{day}");
        }
    }
}
