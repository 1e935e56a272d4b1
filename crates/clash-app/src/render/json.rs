//! The JSON wire types (SPEC §9): how each item of a report is written.
//! Field names and order are part of the contract documented in the
//! README; the reports (`crate::report`) put them together.

use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use clash_core::{Catalogue, Clash, Location, Observance, OccurrenceRef, SunDay};
use serde::Serialize;
use serde_json::value::RawValue;

use super::{region_codes, rfc3339};

#[derive(Serialize)]
pub struct LocationJson<'a> {
    pub name: Option<&'a str>,
    pub latitude: f64,
    pub longitude: f64,
    pub timezone: &'a str,
    pub region: Option<&'static str>,
    /// The locality within the nation whose own events apply (`leicester`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locality: Option<&'static str>,
}

impl<'a> LocationJson<'a> {
    pub fn new(l: &'a Location) -> Self {
        LocationJson {
            name: l.name(),
            latitude: l.latitude(),
            longitude: l.longitude(),
            timezone: l.timezone().name(),
            region: l.region().map(|r| r.as_str()),
            locality: l
                .regions()
                .iter()
                .find(|r| !r.is_nation())
                .map(|r| r.as_str()),
        }
    }
}

/// A date as `YYYY-MM-DD`, written without the formatting machinery (a
/// long list writes a hundred thousand of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day(pub NaiveDate);

impl From<NaiveDate> for Day {
    fn from(d: NaiveDate) -> Self {
        Day(d)
    }
}

impl Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match super::iso_date(self.0) {
            Some(b) => s.serialize_str(std::str::from_utf8(&b).unwrap_or_default()),
            None => s.collect_str(&self.0),
        }
    }
}

/// A long text: as is, or already escaped as a JSON string.
pub enum Text<'a> {
    Plain(&'a str),
    Escaped(&'a RawValue),
}

impl Serialize for Text<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Plain(t) => s.serialize_str(t),
            Text::Escaped(raw) => raw.serialize(s),
        }
    }
}

/// Each observance's summary, advice and source escaped once: a 201-year
/// list repeats each a hundred times, and escaping was a third of its cost.
pub struct Texts {
    cells: Vec<OnceLock<Option<[Box<RawValue>; 3]>>>,
}

impl std::fmt::Debug for Texts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Texts")
            .field("observances", &self.cells.len())
            .finish_non_exhaustive()
    }
}

impl Texts {
    /// An empty cache for each observance of `catalogue`.
    pub fn new(catalogue: &Catalogue) -> Self {
        Texts {
            cells: (0..catalogue.observances().len())
                .map(|_| OnceLock::new())
                .collect(),
        }
    }

    fn get(&self, i: usize, o: &Observance) -> Option<&[Box<RawValue>; 3]> {
        let escape = |t: &str| {
            serde_json::to_string(t)
                .ok()
                .and_then(|j| RawValue::from_string(j).ok())
        };
        self.cells
            .get(i)?
            .get_or_init(|| {
                Some([
                    escape(o.summary())?,
                    escape(o.advice())?,
                    escape(o.source())?,
                ])
            })
            .as_ref()
    }
}

#[derive(Serialize)]
pub struct OccurrenceJson<'a> {
    pub id: &'a str,
    pub name: String,
    pub tradition: &'static str,
    pub category: &'static str,
    pub impact: &'static str,
    pub start: Day,
    pub end: Day,
    pub begins: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starts_at: Option<String>,
    pub certainty: &'static str,
    /// Where the date was announced, for a year of a table of announced
    /// dates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub announced: Option<&'a str>,
    /// "expected (not yet announced)": an estimate of a date announced
    /// each year, for a year without an announcement yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<&'static str>,
    pub uncertainty_days: u8,
    pub possible_dates: Vec<Day>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<&'static str>,
    pub summary: Text<'a>,
    pub advice: Text<'a>,
    pub source: Text<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'static str>,
}

impl<'a> OccurrenceJson<'a> {
    pub fn new(o: &OccurrenceRef<'a>, location: &Location) -> Self {
        Self::with_texts(o, location, None)
    }

    /// As [`OccurrenceJson::new`], with the long texts from `texts`.
    pub fn with_texts(
        o: &OccurrenceRef<'a>,
        location: &Location,
        texts: Option<&'a Texts>,
    ) -> Self {
        let obs = o.observance();
        let occ = o.occurrence();
        let [summary, advice, source] =
            match texts.and_then(|t| t.get(clash_core::expert::observance_index(occ), obs)) {
                Some([a, b, c]) => [a, b, c].map(|r| Text::Escaped(r)),
                None => [obs.summary(), obs.advice(), obs.source()].map(Text::Plain),
            };
        OccurrenceJson {
            id: obs.id().as_str(),
            name: o.name(),
            tradition: obs.tradition().as_str(),
            category: occ.category().as_str(),
            impact: obs.impact().as_str(),
            start: Day(occ.start()),
            end: Day(occ.end()),
            begins: obs.begins().as_str(),
            starts_at: o.starts_at(location).as_ref().map(rfc3339),
            certainty: o.certainty().as_str(),
            announced: o.announced().map(|a| a.source.as_str()),
            expected: o
                .not_yet_announced()
                .then_some(clash_core::NOT_YET_ANNOUNCED),
            uncertainty_days: o.uncertainty_days(),
            possible_dates: occ.possible_dates().iter().copied().map(Day).collect(),
            regions: region_codes(occ.regions()),
            summary,
            advice,
            source,
            note: o.note(),
        }
    }
}

/// A span: two days, two instants, or two strings.
#[derive(Serialize)]
pub struct Overlap<T = String> {
    pub from: T,
    pub to: T,
}

/// An instant as RFC 3339 with its local offset, as
/// [`DateTime::to_rfc3339`] writes it (`2027-03-10T18:00:00+00:00`), but
/// without the formatting machinery or a `String` when it is to the second
/// with an offset in whole minutes.
#[derive(Debug, Clone, Copy)]
pub struct Rfc3339(pub DateTime<Tz>);

impl Serialize for Rfc3339 {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match quick_rfc3339(&self.0) {
            Some(b) => s.serialize_str(std::str::from_utf8(&b).unwrap_or_default()),
            None => s.serialize_str(&self.0.to_rfc3339()),
        }
    }
}

/// `YYYY-MM-DDTHH:MM:SS±HH:MM`; `None` when chrono's own words are needed
/// (a fraction of a second, an offset with seconds, a year past 9999).
fn quick_rfc3339(t: &DateTime<Tz>) -> Option<[u8; 25]> {
    use chrono::{Offset, Timelike};
    let local = t.naive_local();
    if local.nanosecond() != 0 {
        return None;
    }
    let offset = t.offset().fix().local_minus_utc();
    if offset % 60 != 0 {
        return None;
    }
    let date = super::iso_date(local.date())?;
    let two = |n: u32| [b'0' + (n / 10 % 10) as u8, b'0' + (n % 10) as u8];
    let minutes = offset.unsigned_abs() / 60;
    let mut out = [0u8; 25];
    out[..10].copy_from_slice(&date);
    out[10] = b'T';
    out[11..13].copy_from_slice(&two(local.hour()));
    out[13] = b':';
    out[14..16].copy_from_slice(&two(local.minute()));
    out[16] = b':';
    out[17..19].copy_from_slice(&two(local.second()));
    out[19] = if offset < 0 { b'-' } else { b'+' };
    out[20..22].copy_from_slice(&two(minutes / 60));
    out[22] = b':';
    out[23..25].copy_from_slice(&two(minutes % 60));
    Some(out)
}

#[derive(Serialize)]
pub struct ClashJson<'a> {
    #[serde(flatten)]
    pub occurrence: OccurrenceJson<'a>,
    pub overlap: Overlap<Day>,
    pub possible: bool,
    pub kind: &'static str,
    pub clash_impact: &'static str,
}

impl<'a> ClashJson<'a> {
    pub fn new(c: &Clash<'a>, location: &Location, texts: Option<&'a Texts>) -> Self {
        ClashJson {
            occurrence: OccurrenceJson::with_texts(&c.occurrence, location, texts),
            overlap: Overlap {
                from: Day(c.overlap.0),
                to: Day(c.overlap.1),
            },
            possible: c.possible,
            kind: c.kind.as_str(),
            clash_impact: c.impact.as_str(),
        }
    }
}

/// A clash of a timed meeting: the occurrence, the meeting (which day's
/// meeting, in a range) and the overlap as RFC 3339 local times, why, and
/// how much this overlap matters.
#[derive(Serialize)]
pub struct TimedClashJson<'a> {
    #[serde(flatten)]
    pub occurrence: OccurrenceJson<'a>,
    pub meeting: Overlap<Rfc3339>,
    pub overlap: Overlap<Rfc3339>,
    pub possible: bool,
    pub kind: &'static str,
    pub reason: String,
    pub clash_impact: &'static str,
}

impl<'a> TimedClashJson<'a> {
    pub fn new(
        c: &'a clash_core::TimedClash<'a>,
        meeting: (&DateTime<Tz>, &DateTime<Tz>),
        location: &Location,
        texts: Option<&'a Texts>,
    ) -> Self {
        TimedClashJson {
            occurrence: OccurrenceJson::with_texts(&c.occurrence, location, texts),
            meeting: Overlap {
                from: Rfc3339(*meeting.0),
                to: Rfc3339(*meeting.1),
            },
            overlap: Overlap {
                from: Rfc3339(c.overlap.0),
                to: Rfc3339(c.overlap.1),
            },
            possible: c.possible,
            kind: c.kind.as_str(),
            reason: c.reason.to_string(),
            clash_impact: c.impact.as_str(),
        }
    }
}

#[derive(Serialize)]
pub struct ObservanceJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub tradition: &'static str,
    pub category: &'static str,
    pub impact: &'static str,
    pub begins: &'static str,
    pub certainty: &'static str,
    pub uncertainty_days: u8,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_traditions: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<&'static str>,
    pub summary: &'a str,
    pub advice: &'a str,
    pub source: &'a str,
    pub rule: String,
    /// The table of announced dates, each with its source.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub announced: Vec<AnnouncedJson<'a>>,
}

/// One row of a table of announced dates.
#[derive(Serialize)]
pub struct AnnouncedJson<'a> {
    pub year: i32,
    pub start: Day,
    pub end: Day,
    pub source: &'a str,
}

impl<'a> ObservanceJson<'a> {
    pub fn new(o: &'a Observance) -> Self {
        ObservanceJson {
            id: o.id().as_str(),
            name: o.name(),
            tradition: o.tradition().as_str(),
            category: o.category().as_str(),
            impact: o.impact().as_str(),
            begins: o.begins().as_str(),
            certainty: o.certainty().as_str(),
            uncertainty_days: o.uncertainty_days(),
            also_traditions: o.also_traditions().iter().map(|t| t.as_str()).collect(),
            regions: region_codes(o.regions()),
            summary: o.summary(),
            advice: o.advice(),
            source: o.source(),
            rule: o.describe_rule(),
            announced: o
                .announced()
                .iter()
                .map(|a| AnnouncedJson {
                    year: a.year,
                    start: Day(a.start),
                    end: Day(a.end),
                    source: a.source.as_str(),
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
pub struct SunDayJson {
    pub date: String,
    pub sunrise: Option<String>,
    pub sunset: Option<String>,
}

impl SunDayJson {
    pub fn new(d: &SunDay) -> Self {
        SunDayJson {
            date: d.date.to_string(),
            sunrise: d.sunrise.as_ref().map(rfc3339),
            sunset: d.sunset.as_ref().map(rfc3339),
        }
    }
}

/// Pretty JSON with a trailing newline, added to `out`.
pub fn render_vec<T: Serialize>(out: &mut Vec<u8>, value: &T) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.push(b'\n');
    Ok(())
}

/// Pretty JSON with a trailing newline, written to `out`.
pub fn render_to<T: Serialize>(out: &mut dyn std::io::Write, value: &T) -> std::io::Result<()> {
    use std::io::Write;
    // A concrete buffer in front of `out`: serde_json writes a token at a
    // time, and each would otherwise be a dynamic call.
    let mut buf = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut buf, value)?;
    buf.write_all(b"\n")?;
    buf.flush()
}

/// A clash of a suggested date, with its share of the audience and the
/// points it adds to the score.
#[derive(Serialize)]
pub struct ScoredClashJson<'a> {
    #[serde(flatten)]
    pub occurrence: OccurrenceJson<'a>,
    pub overlap: Overlap,
    pub possible: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub clash_impact: &'static str,
    pub share: f64,
    pub points: f64,
}

/// A day a suggestion avoids.
#[derive(Serialize)]
pub struct AvoidedJson {
    pub date: String,
    pub id: String,
    pub name: String,
}

/// One suggestion (SPEC §9): the date, the meeting's start and end for a
/// timed request, the score and the clashes.
#[derive(Serialize)]
pub struct SuggestionJson<'a> {
    pub date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    pub score: f64,
    pub high_impact: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub avoids: Vec<AvoidedJson>,
    pub clashes: Vec<ScoredClashJson<'a>>,
}

/// Rounds to four decimals, for stable, readable JSON numbers.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

impl<'a> SuggestionJson<'a> {
    pub fn new(s: &'a clash_core::Suggestion<'a>, location: &Location) -> Self {
        let c = &s.candidate;
        SuggestionJson {
            date: c.date.to_string(),
            start: c.meeting.map(|m| m.0.to_rfc3339()),
            end: c.meeting.map(|m| m.1.to_rfc3339()),
            score: round4(c.score.points()),
            high_impact: c.high.as_str(),
            note: c.note.as_ref().map(ToString::to_string),
            avoids: s
                .avoids
                .iter()
                .map(|(d, o)| AvoidedJson {
                    date: d.to_string(),
                    id: o.observance().id().to_string(),
                    name: o.name(),
                })
                .collect(),
            clashes: c
                .clashes
                .iter()
                .map(|k| ScoredClashJson {
                    occurrence: OccurrenceJson::new(&k.occurrence, location),
                    overlap: match k.overlap {
                        Some((a, b)) => Overlap {
                            from: a.to_rfc3339(),
                            to: b.to_rfc3339(),
                        },
                        None => Overlap {
                            from: c.date.to_string(),
                            to: c.date.to_string(),
                        },
                    },
                    possible: k.possible,
                    reason: k.reason.as_ref().map(ToString::to_string),
                    clash_impact: k.impact.as_str(),
                    share: round4(k.share),
                    points: round4(k.points.points()),
                })
                .collect(),
        }
    }
}

/// The clashes of an imported occurrence: shape C for all-day events, T
/// for timed ones.
#[derive(Serialize)]
#[serde(untagged)]
pub enum ImportedClashes<'a> {
    Days(Vec<ClashJson<'a>>),
    Timed(Vec<TimedClashJson<'a>>),
}

/// One occurrence of an imported event (SPEC §9): its UID, summary, start
/// and end (dates, the end inclusive, for all-day events; RFC 3339 local
/// times otherwise) and its clashes. Borrowed, so that a large calendar is
/// written without a copy of every string.
#[derive(Serialize)]
pub struct ImportedJson<'a> {
    pub uid: &'a str,
    pub summary: &'a str,
    pub start: String,
    pub end: String,
    pub all_day: bool,
    pub clashes: ImportedClashes<'a>,
    pub also: ImportedClashes<'a>,
}

impl<'a> ImportedJson<'a> {
    pub fn new(f: &'a crate::imported::Imported<'a>, location: &Location) -> Self {
        let (start, end) = match (f.days, f.times) {
            (Some((a, b)), _) => (a.to_string(), b.to_string()),
            (_, Some((s, e))) => (s.to_rfc3339(), e.to_rfc3339()),
            _ => (String::new(), String::new()),
        };
        let days = |v: &'a [Clash<'a>]| {
            ImportedClashes::Days(
                v.iter()
                    .map(|c| ClashJson::new(c, location, None))
                    .collect(),
            )
        };
        let (clashes, also) = match (&f.found, &f.times) {
            (crate::imported::Found::Days(v), _) => (days(&v.clashes), days(&v.also)),
            (crate::imported::Found::Timed(v), Some((s, e))) => {
                let timed = |v: &'a [clash_core::TimedClash<'a>]| {
                    ImportedClashes::Timed(
                        v.iter()
                            .map(|c| TimedClashJson::new(c, (s, e), location, None))
                            .collect(),
                    )
                };
                (timed(&v.clashes), timed(&v.also))
            }
            (crate::imported::Found::Timed(_), None) => (days(&[]), days(&[])),
        };
        ImportedJson {
            uid: &f.event.uid,
            summary: &f.event.summary,
            start,
            end,
            all_day: f.event.all_day(),
            clashes,
            also,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// The quick RFC 3339 words are chrono's, every 47 h 13 min of 1840–2100
    /// in zones with summer time, offsets in half and quarter hours, and
    /// local mean time before standard time (London's −00:01:15 falls back
    /// to chrono), and for instants with a fraction of a second.
    #[test]
    fn quick_rfc3339_writes_what_chrono_writes() {
        let zones = [
            chrono_tz::Europe::London,
            chrono_tz::America::St_Johns,
            chrono_tz::Asia::Kathmandu,
            chrono_tz::Asia::Kolkata,
            chrono_tz::Australia::Lord_Howe,
            chrono_tz::Pacific::Kiritimati,
            chrono_tz::UTC,
        ];
        let (first, last) = (
            chrono::Utc.with_ymd_and_hms(1840, 1, 1, 0, 0, 0).unwrap(),
            chrono::Utc
                .with_ymd_and_hms(2100, 12, 31, 23, 0, 0)
                .unwrap(),
        );
        let mut quick = 0;
        for zone in zones {
            let mut t = first;
            while t <= last {
                for nanos in [0, 500_000_000] {
                    let local = (t + chrono::Duration::nanoseconds(nanos)).with_timezone(&zone);
                    let mut ours = Vec::new();
                    render_vec(&mut ours, &Rfc3339(local)).unwrap();
                    let theirs = format!("\"{}\"\n", local.to_rfc3339());
                    assert_eq!(String::from_utf8(ours).unwrap(), theirs);
                    quick += usize::from(quick_rfc3339(&local).is_some());
                }
                // Every 47 hours and 13 minutes: every hour of the day and
                // every day of the week come round.
                t += chrono::Duration::minutes(47 * 60 + 13);
            }
        }
        // Most are written the quick way.
        assert!(quick > 250_000, "{quick}");
    }
}
