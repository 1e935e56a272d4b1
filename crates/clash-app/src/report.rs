//! Typed reports: one per command, what its renderers need. Each derives
//! `Serialize`, and its JSON (field order = declaration order) is the
//! contract of SPEC §9: [`crate::render()`] writes it as it is serialised,
//! so a long list is never held twice. Items are serialised through the
//! wire types of `render::json`.

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use clash_core::{
    Clash, Location, Observance, OccurrenceRef, Profile, Suggestions, SunDay, TimedClash, Verdict,
};
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

pub use crate::imported::{Found, Imported};
use crate::render::json::{
    ClashJson, ImportedJson, LocationJson, ObservanceJson, OccurrenceJson, SuggestionJson,
    SunDayJson, TimedClashJson,
};
pub use crate::render::json::{Day, Texts};

/// A location, serialised as its name, coordinates, zone and region.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a>(pub &'a Location);

impl Serialize for Place<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        LocationJson::new(self.0).serialize(s)
    }
}

/// A whole-day check's question.
#[derive(Debug, Serialize)]
pub struct DayQuery<'a> {
    /// The first day.
    pub from: Day,
    /// The last day.
    pub to: Day,
    /// Whether the meeting serves food.
    pub with_food: bool,
    /// Where.
    pub location: Place<'a>,
}

/// What counts and what is only worth knowing, serialised as `clashes`
/// and `also`.
#[derive(Debug)]
pub struct Findings<'a, C> {
    /// The verdict.
    pub verdict: Verdict<C>,
    /// Where (each occurrence's start time is local).
    pub location: &'a Location,
    /// The observances' long texts, escaped once for all answers.
    pub texts: &'a Texts,
}

impl Serialize for Findings<'_, Clash<'_>> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        fn list<'a>(
            v: &'a [Clash<'a>],
            location: &Location,
            texts: Option<&'a Texts>,
        ) -> Vec<ClashJson<'a>> {
            v.iter()
                .map(|c| ClashJson::new(c, location, texts))
                .collect()
        }
        let (at, texts) = (self.location, Some(self.texts));
        let mut st = s.serialize_struct("Findings", 2)?;
        st.serialize_field("clashes", &list(&self.verdict.clashes, at, texts))?;
        st.serialize_field("also", &list(&self.verdict.also, at, texts))?;
        st.end()
    }
}

/// `check` of whole days (SPEC §6.1).
#[derive(Debug, Serialize)]
pub struct CheckReport<'a> {
    /// The question.
    pub query: DayQuery<'a>,
    /// The answer.
    #[serde(flatten)]
    pub found: Findings<'a, Clash<'a>>,
}

/// A timed check's question.
#[derive(Debug, Serialize)]
pub struct TimedQuery<'a> {
    /// The first day.
    pub from: String,
    /// The last day.
    pub to: String,
    /// The local start, `HH:MM`.
    pub time: String,
    /// How long.
    pub duration_minutes: i64,
    /// Whether the meeting serves food.
    pub with_food: bool,
    /// Where.
    pub location: Place<'a>,
    /// Clock changes met in placing the meetings (written as their words).
    #[serde(serialize_with = "words")]
    pub notes: Vec<clash_core::ClockNote>,
}

/// Values written as their `Display` words.
fn words<S: Serializer, T: std::fmt::Display>(list: &[T], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(list.iter().map(ToString::to_string))
}

/// One timed meeting and what it found.
#[derive(Debug)]
pub struct Meeting<'a> {
    /// Its start, in the location's time.
    pub start: DateTime<Tz>,
    /// Its end.
    pub end: DateTime<Tz>,
    /// What it clashes with.
    pub found: Verdict<TimedClash<'a>>,
}

/// The meetings of a timed check, serialised as the `clashes` and `also`
/// of every meeting in turn.
#[derive(Debug)]
pub struct Meetings<'a> {
    /// One per day.
    pub list: Vec<Meeting<'a>>,
    /// Where.
    pub location: &'a Location,
    /// The observances' long texts, escaped once for all answers.
    pub texts: &'a Texts,
}

impl Serialize for Meetings<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        fn list<'a>(
            meetings: &'a [Meeting<'a>],
            also: bool,
            location: &Location,
            texts: Option<&'a Texts>,
        ) -> Vec<TimedClashJson<'a>> {
            meetings
                .iter()
                .flat_map(|m| {
                    let v = if also {
                        &m.found.also
                    } else {
                        &m.found.clashes
                    };
                    v.iter().map(move |c| (m, c))
                })
                .map(|(m, c)| TimedClashJson::new(c, (&m.start, &m.end), location, texts))
                .collect()
        }
        let mut st = s.serialize_struct("Meetings", 2)?;
        let (at, texts) = (self.location, Some(self.texts));
        st.serialize_field("clashes", &list(&self.list, false, at, texts))?;
        st.serialize_field("also", &list(&self.list, true, at, texts))?;
        st.end()
    }
}

/// `check` at a time of day, on one day or each day of a range.
#[derive(Debug, Serialize)]
pub struct TimedReport<'a> {
    /// The question.
    pub query: TimedQuery<'a>,
    /// Each meeting's answer.
    #[serde(flatten)]
    pub meetings: Meetings<'a>,
}

/// The audience profile of a suggestion.
#[derive(Debug, Serialize)]
pub struct ProfileInfo<'a> {
    /// Its name (`leicester`).
    pub name: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Where its shares come from.
    pub source: &'a str,
}

/// A suggestion's question.
#[derive(Debug, Serialize)]
pub struct SuggestQuery<'a> {
    /// The first day of the window.
    pub from: String,
    /// The last day.
    pub to: String,
    /// The allowed weekdays, `mon`…`sun`.
    pub weekdays: Vec<String>,
    /// The local start, if timed.
    pub time: Option<String>,
    /// How long, if timed.
    pub duration_minutes: Option<i64>,
    /// Whether the meeting serves food.
    pub with_food: bool,
    /// How many suggestions were asked for.
    pub count: u16,
    /// For whom.
    pub profile: ProfileInfo<'a>,
    /// Where.
    pub location: Place<'a>,
}

/// The suggestions, serialised as the counts of the window and the list.
#[derive(Debug)]
pub struct Suggested<'a> {
    /// The core's answer.
    pub suggestions: Suggestions<'a>,
    /// Where.
    pub location: &'a Location,
}

impl Serialize for Suggested<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let found = &self.suggestions;
        let mut st = s.serialize_struct("Suggested", 5)?;
        st.serialize_field("candidates", &found.candidates)?;
        st.serialize_field("with_high_impact", &found.with_high_impact)?;
        st.serialize_field("all_high_impact", &found.all_high_impact())?;
        let days: Vec<Day> = found.public_holidays.iter().copied().map(Day).collect();
        st.serialize_field("public_holidays_skipped", &days)?;
        let list: Vec<SuggestionJson<'_>> = found
            .suggestions
            .iter()
            .map(|x| SuggestionJson::new(x, self.location))
            .collect();
        st.serialize_field("suggestions", &list)?;
        st.end()
    }
}

/// `suggest` (SPEC §7).
#[derive(Debug, Serialize)]
pub struct SuggestReport<'a> {
    /// The question.
    pub query: SuggestQuery<'a>,
    /// The answer.
    #[serde(flatten)]
    pub found: Suggested<'a>,
    /// The core's request, for the words of the text renderer.
    #[serde(skip)]
    pub request: clash_core::Request,
    /// The audience.
    #[serde(skip)]
    pub profile: &'a Profile,
}

/// Occurrences, serialised one at a time as they are written.
pub struct Occurrences<'a> {
    /// In order of start.
    pub list: Vec<OccurrenceRef<'a>>,
    /// Where (start times are local).
    pub location: &'a Location,
    /// Each observance's long texts, escaped once for all answers.
    pub texts: &'a Texts,
}

impl std::fmt::Debug for Occurrences<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Occurrences")
            .field("len", &self.list.len())
            .finish_non_exhaustive()
    }
}

impl Serialize for Occurrences<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.list.len()))?;
        for o in &self.list {
            seq.serialize_element(&OccurrenceJson::with_texts(
                o,
                self.location,
                Some(self.texts),
            ))?;
        }
        seq.end()
    }
}

/// `list` and `export`: the occurrences in a range.
#[derive(Debug, Serialize)]
pub struct ListReport<'a> {
    /// Where.
    pub location: Place<'a>,
    /// The first day.
    pub from: Day,
    /// The last day.
    pub to: Day,
    /// What happens.
    pub occurrences: Occurrences<'a>,
    /// The feed's name, saying what the filters chose.
    #[serde(skip)]
    pub feed_name: String,
    /// What the reader should know (a feed cut at the cap), one line each.
    #[serde(skip)]
    pub notes: Vec<String>,
}

/// The events of an imported calendar, serialised as they are written.
#[derive(Debug)]
pub struct Events<'a> {
    /// In the calendar's order.
    pub list: Vec<Imported<'a>>,
    /// Where.
    pub location: &'a Location,
}

impl Serialize for Events<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.list.len()))?;
        for f in &self.list {
            seq.serialize_element(&ImportedJson::new(f, self.location))?;
        }
        seq.end()
    }
}

/// A note beside an import's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImportNote {
    /// Why the default window is what it is.
    Window(WindowNote),
    /// A cap the reader met.
    Cap(clash_core::ical::CapNote),
}

impl std::fmt::Display for ImportNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportNote::Window(n) => n.fmt(f),
            ImportNote::Cap(n) => n.fmt(f),
        }
    }
}

/// `import`: every occurrence of every event of a calendar, checked (SPEC
/// §8).
#[derive(Debug, Serialize)]
pub struct ImportReport<'a> {
    /// What the calendar is called (its path, or an upload's name).
    pub source: String,
    /// The first day of the window.
    pub from: Day,
    /// The last day.
    pub to: Day,
    /// Where.
    pub location: Place<'a>,
    /// Why the window is what it is, and what the reader capped (written
    /// as their words).
    #[serde(serialize_with = "words")]
    pub notes: Vec<ImportNote>,
    /// How the file was read where it bends the standard (`line 3: the
    /// file is not UTF-8; …`), then the events skipped, one line each
    /// (`line 42: event "…" skipped: …`).
    pub warnings: Vec<String>,
    /// Where each VEVENT of the file ended.
    pub counts: ImportCounts,
    /// What an organiser can act on (written in text only).
    #[serde(skip)]
    pub summary: ImportSummary,
    /// The events.
    pub events: Events<'a>,
}

/// An import's findings in brief: how many occurrences clash and how
/// badly, the worst events, and for each clashing one-off meeting the best
/// other day near it (the `suggest` ranking, for the `leicester` profile).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Occurrences with a clash.
    pub clashing: usize,
    /// Of those, how many with a high-impact clash.
    pub high: usize,
    /// Of those, how many whose worst clash is of medium impact.
    pub medium: usize,
    /// The worst events (at most three): summary, occurrences with a high
    /// and with a medium worst clash.
    pub worst: Vec<(String, usize, usize)>,
    /// Clashing one-off meetings (at most three): summary, their day, the
    /// best other weekday within a week either side with no medium or high
    /// clash for the audience (`None` when there is none).
    pub moves: Vec<(String, NaiveDate, Option<NaiveDate>)>,
    /// Clashing one-off meetings past the three.
    pub more_moves: usize,
}

/// Where the VEVENTs of an imported file ended: each in exactly one of
/// `in_window`, `outside` and `skipped` (see [`ImportReport::warnings`]),
/// so that nothing is lost silently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ImportCounts {
    /// VEVENT components in the file (masters and overrides).
    pub vevents: usize,
    /// Those with occurrences in the window.
    pub in_window: usize,
    /// Those read whose occurrences all fall outside the window.
    pub outside: usize,
    /// Those skipped, each with a warning.
    pub skipped: usize,
}

impl From<clash_core::ical::Tally> for ImportCounts {
    fn from(t: clash_core::ical::Tally) -> Self {
        ImportCounts {
            vevents: t.vevents,
            in_window: t.in_window,
            outside: t.outside,
            skipped: t.skipped,
        }
    }
}

/// Observances, serialised with their rules.
#[derive(Debug)]
pub struct ObservanceList<'a>(pub Vec<&'a Observance>);

impl Serialize for ObservanceList<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|o| ObservanceJson::new(o)))
    }
}

/// `observances`: the catalogue, filtered.
#[derive(Debug, Serialize)]
pub struct ObservancesReport<'a> {
    /// In catalogue order.
    pub observances: ObservanceList<'a>,
}

impl ObservancesReport<'_> {
    /// No observances (a page whose filter was refused).
    pub fn empty() -> Self {
        ObservancesReport {
            observances: ObservanceList(Vec::new()),
        }
    }
}

/// One observance, serialised with its rule.
#[derive(Debug)]
pub struct ObservanceItem<'a>(pub &'a Observance);

impl Serialize for ObservanceItem<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ObservanceJson::new(self.0).serialize(s)
    }
}

/// `show`: one observance and its next dates.
#[derive(Debug, Serialize)]
pub struct ShowReport<'a> {
    /// The observance.
    pub observance: ObservanceItem<'a>,
    /// Where.
    pub location: Place<'a>,
    /// Its next occurrences.
    pub occurrences: Occurrences<'a>,
}

/// Days of sunrise and sunset, serialised as local RFC 3339 times.
#[derive(Debug)]
pub struct SunDays(pub Vec<SunDay>);

impl Serialize for SunDays {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(SunDayJson::new))
    }
}

/// `sun`: sunrise and sunset at the location.
#[derive(Debug, Serialize)]
pub struct SunReport<'a> {
    /// Where.
    pub location: Place<'a>,
    /// Each day.
    pub days: SunDays,
}

/// A preset location.
#[derive(Debug, Serialize)]
pub struct Preset {
    /// Its name.
    pub name: &'static str,
    /// Degrees north.
    pub latitude: f64,
    /// Degrees east.
    pub longitude: f64,
    /// The IANA zone.
    pub timezone: &'static str,
}

/// `locations`: the presets.
#[derive(Debug, Serialize)]
pub struct LocationsReport {
    /// In order.
    pub locations: Vec<Preset>,
}

/// One command's report.
#[derive(Debug, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Report<'a> {
    /// `check` of whole days.
    Check(CheckReport<'a>),
    /// `check` at a time of day.
    Timed(TimedReport<'a>),
    /// `suggest`.
    Suggest(SuggestReport<'a>),
    /// `list`.
    List(ListReport<'a>),
    /// `export`.
    Export(ListReport<'a>),
    /// `import`.
    Import(ImportReport<'a>),
    /// `observances`.
    Observances(ObservancesReport<'a>),
    /// `show`.
    Show(ShowReport<'a>),
    /// `sun`.
    Sun(SunReport<'a>),
    /// `locations`.
    Locations(LocationsReport),
}

impl Report<'_> {
    /// Whether anything counts as a clash (the CLI's exit status 1).
    pub fn has_clash(&self) -> bool {
        match self {
            Report::Check(r) => r.found.verdict.has_clash(),
            Report::Timed(r) => r.meetings.list.iter().any(|m| m.found.has_clash()),
            Report::Import(r) => r.events.list.iter().any(|f| f.clash_count() > 0),
            _ => false,
        }
    }

    /// Warnings for the user beside the report (events an import skipped).
    pub fn warnings(&self) -> &[String] {
        match self {
            Report::Import(r) => &r.warnings,
            Report::List(r) | Report::Export(r) => &r.notes,
            _ => &[],
        }
    }
}

/// Why an import's default window is what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WindowNote {
    /// The calendar's events all begin more than the default years after
    /// today.
    BeginsLater {
        /// Its first day.
        first: NaiveDate,
    },
    /// Nothing in the calendar is from today on.
    EndedBefore {
        /// Today.
        today: NaiveDate,
        /// Its last day.
        last: NaiveDate,
    },
    /// The calendar has no events.
    NoEvents,
}

impl WindowNote {
    /// What the note says of the calendar, without the command line's
    /// remedy ("give --from and --to"): for a front end with its own way
    /// of choosing the dates.
    pub fn fact(&self) -> String {
        match self {
            WindowNote::BeginsLater { first } => format!(
                "this calendar's events begin on {first}, more than {DEFAULT_IMPORT_YEARS} \
                 years from today"
            ),
            WindowNote::EndedBefore { today, last } => format!(
                "nothing in this calendar is from today ({today}) on: its events end by {last}"
            ),
            WindowNote::NoEvents => "this calendar has no events to check".to_string(),
        }
    }
}

impl std::fmt::Display for WindowNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.fact())?;
        match self {
            WindowNote::BeginsLater { .. } => f.write_str("; give --from and --to to check them"),
            WindowNote::EndedBefore { .. } => {
                f.write_str("; give --from and --to to check earlier dates")
            }
            WindowNote::NoEvents => Ok(()),
        }
    }
}

/// The default window of `import` reaches at most this many years after
/// today.
pub const DEFAULT_IMPORT_YEARS: u32 = 10;
