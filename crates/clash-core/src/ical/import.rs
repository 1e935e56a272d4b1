//! Import of organisers' calendars (SPEC §8): an `.ics` file read into
//! event occurrences in a window, ready to be checked for clashes.
//!
//! Real exports (Outlook, Google, Apple, Thunderbird, Nextcloud) bend RFC
//! 5545 in many ways, and a hostile file can be made to exhaust a parser.
//! So the text is screened before the `icalendar` crate parses it: a size
//! cap, valid UTF-8 (else the line of the first bad byte), every unfolded
//! line a content line, and `BEGIN`/`END` balanced and nested at most
//! [`MAX_NESTING`] deep (the crate's recursive parser overflows the stack at
//! a few thousand). Each error names its line in the file.
//!
//! Times: a `TZID` is read from the file's own `VTIMEZONE` when it defines
//! one (as the Python `icalendar` package does: a Windows zone name's
//! offsets may not match its name), else as an IANA name (also inside
//! Mozilla-style prefixes), else as a Windows zone name (CLDR's mapping);
//! an unknown zone is an error.
//!
//! A fault of one event (an unknown zone, a bad DTSTART, DTEND, DURATION,
//! RRULE, RDATE, EXDATE, RECURRENCE-ID or alarm TRIGGER) fails the whole
//! file by default ([`BadEvents::Fail`], as the `--catalogue` loader wants:
//! a missing school-term day would go unseen); with [`BadEvents::Skip`]
//! (as `clash import` reads) that event is left out and listed as a
//! [`SkippedEvent`] naming its line, and only faults of the file as a whole
//! (size, UTF-8, content lines, nesting, VCALENDAR, VTIMEZONE) are errors. Floating times are in `X-WR-TIMEZONE` if
//! given, else the location's zone. Recurrences (RRULE, via the `rrule`
//! crate, RDATE, EXDATE) are expanded in the event's local wall time, then
//! placed in its zone, so a weekly 09:00 stays at 09:00 across the clock
//! change. RECURRENCE-ID overrides replace their instance (with
//! `RANGE=THISANDFUTURE`, shift every later one), and cancelled instances
//! and events are dropped. Expansion stops at [`MAX_PER_EVENT`] instances
//! of one event and [`MAX_OCCURRENCES`] in all.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::parser::{read_calendar, Component as Comp, Property as Prop};

use crate::error::{Error, ErrorKind, Result};
use crate::location::local_instant;

/// The largest file read, in bytes.
pub const MAX_ICS_BYTES: usize = 16 << 20;
/// The deepest nesting of components (VCALENDAR > VEVENT > VALARM is 3).
pub const MAX_NESTING: usize = 8;
/// The most components in a file.
pub const MAX_COMPONENTS: usize = 200_000;
/// The most instances of one event expanded in a window.
pub const MAX_PER_EVENT: u16 = 10_000;
/// The most occurrences returned in all.
pub const MAX_OCCURRENCES: usize = 50_000;
/// The most instances a rule may step through (before and in the window).
pub const MAX_STEPS: usize = 200_000;
/// The longest text kept from a SUMMARY or UID, in characters.
pub const MAX_TEXT: usize = 200;

/// A start or end: a date (all-day) or an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum When {
    /// A whole day.
    Date(NaiveDate),
    /// An instant.
    Time(DateTime<Utc>),
}

impl When {
    /// A sort key: the instant, or a date's midnight UTC.
    fn key(self) -> DateTime<Utc> {
        match self {
            When::Date(d) => Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN)),
            When::Time(t) => t,
        }
    }
}

/// One occurrence of an imported event.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct EventOccurrence {
    /// The event's UID.
    pub uid: String,
    /// Its summary (title).
    pub summary: String,
    /// When it starts.
    pub start: When,
    /// When it ends (exclusive: the day after an all-day event's last day).
    pub end: When,
    /// Its start as a wall time in its own zone (midnight for all-day
    /// events).
    pub local_start: NaiveDateTime,
    /// The line of its VEVENT in the file.
    pub line: usize,
}

impl EventOccurrence {
    /// Whether it is an all-day event.
    pub fn all_day(&self) -> bool {
        matches!(self.start, When::Date(_))
    }
}

/// A parsed calendar file.
#[derive(Debug, Clone)]
pub struct IcsCalendar {
    events: Vec<IcsEvent>,
    zones: Vec<VTimezone>,
    default_zone: Option<Tz>,
    skipped: Vec<SkippedEvent>,
    read_notes: Vec<ReadNote>,
}

/// How a file that bends the standard was read, worth telling the
/// organiser (its `Display` is one line, as the CLI prints it as a
/// warning).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReadNote {
    /// The text is not UTF-8 (the content line at `line` is the first that
    /// is not), so the whole file was read as Windows-1252 (Latin-1).
    NotUtf8 {
        /// The first content line that is not UTF-8.
        line: usize,
    },
}

impl std::fmt::Display for ReadNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadNote::NotUtf8 { line } => write!(
                f,
                "line {line}: the file is not UTF-8; read as Windows-1252 (Latin-1), \
                 so letters outside English may show wrongly"
            ),
        }
    }
}

/// What to do with an event that cannot be read (an unknown TZID, a bad
/// DTSTART, DTEND, DURATION, RRULE, RDATE, EXDATE, RECURRENCE-ID or alarm
/// TRIGGER), when the file as a whole can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum BadEvents {
    /// Fail: the first bad event is the error of the whole file.
    #[default]
    Fail,
    /// Skip the event, and list it (see [`IcsCalendar::skipped`]).
    Skip,
}

/// An event left out because it could not be read or expanded: where,
/// which, and why.
///
/// Its `Display` is one line: `line 42: event "Team meeting" skipped:
/// unknown time zone `Mars/Olympus` (…)`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SkippedEvent {
    line: usize,
    /// The line of its VEVENT.
    event_line: usize,
    uid: String,
    summary: String,
    reason: Error,
}

impl SkippedEvent {
    /// The event at line `event_line`, skipped for `reason` (whose own
    /// line, the faulty property's, is the one named when it has one).
    fn new(event_line: usize, uid: &str, summary: &str, reason: Error) -> Self {
        SkippedEvent {
            line: reason.line().unwrap_or(event_line),
            event_line,
            uid: uid.to_string(),
            summary: summary.to_string(),
            reason,
        }
    }

    /// The line of its VEVENT in the file.
    pub fn event_line(&self) -> usize {
        self.event_line
    }

    /// The line of the fault in the file (the property's, else the
    /// VEVENT's).
    pub fn line(&self) -> usize {
        self.line
    }

    /// The event's UID (`line-N` when it has none).
    pub fn uid(&self) -> &str {
        &self.uid
    }

    /// The event's summary (`(no title)` when it has none).
    pub fn summary(&self) -> &str {
        &self.summary
    }

    /// Why it was skipped, as the error [`BadEvents::Fail`] would give.
    pub fn reason(&self) -> &Error {
        &self.reason
    }
}

impl std::fmt::Display for SkippedEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}: event \"{}\" skipped: {}",
            self.line,
            self.summary,
            self.reason.message()
        )
    }
}

/// A cap the importer met while expanding a calendar (the work is bounded);
/// its `Display` gives the words the CLI prints as a note.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CapNote {
    /// The whole expansion stopped at `max` occurrences.
    Stopped {
        /// The cap.
        max: usize,
    },
    /// An event's rule was followed for `max` instances only.
    RuleFollowed {
        /// The event's UID, shortened to 40 characters.
        uid: String,
        /// The cap.
        max: usize,
    },
    /// Only an event's first `max` occurrences in the window are checked.
    FirstChecked {
        /// The event's UID, shortened to 40 characters.
        uid: String,
        /// The cap.
        max: u16,
    },
}

impl std::fmt::Display for CapNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CapNote::Stopped { max } => write!(
                f,
                "stopped at {max} occurrences; narrow the window with --from/--to"
            ),
            CapNote::RuleFollowed { uid, max } => {
                write!(
                    f,
                    "event {uid}: its rule was followed for {max} instances only"
                )
            }
            CapNote::FirstChecked { uid, max } => write!(
                f,
                "event {uid}: only the first {max} occurrences in the window are checked"
            ),
        }
    }
}

/// The occurrences of a calendar in a window (see
/// [`IcsCalendar::expansion`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Expansion {
    /// Every occurrence in the window, sorted by start, then UID.
    pub occurrences: Vec<EventOccurrence>,
    /// What was capped.
    pub notes: Vec<CapNote>,
    /// The events left out, in order of line.
    pub skipped: Vec<SkippedEvent>,
    /// Where each VEVENT of the file ended (filled by
    /// [`IcsCalendar::expansion`]; all zero from
    /// [`IcsCalendar::occurrences`] but `vevents`).
    pub tally: Tally,
}

/// Where the VEVENTs of a file ended: each in exactly one of
/// `in_window` (it has occurrences in the window), `outside` (read, but
/// none of its occurrences is in the window) and `skipped` (listed with
/// the line and reason, as [`Expansion::skipped`]; cancelled events are
/// listed there too). Nothing is lost silently: the three add up to
/// `vevents`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Tally {
    /// VEVENT components in the file (masters and overrides).
    pub vevents: usize,
    /// Those with occurrences in the window.
    pub in_window: usize,
    /// Those read whose occurrences all fall outside the window.
    pub outside: usize,
    /// Those skipped.
    pub skipped: usize,
}

impl Tally {
    /// Whether every VEVENT is accounted for.
    pub fn adds_up(&self) -> bool {
        self.in_window + self.outside + self.skipped == self.vevents
    }
}

/// The occurrences of the series expanded so far.
#[derive(Default)]
struct Series<'a> {
    out: Vec<EventOccurrence>,
    /// Overrides placed by an instance of a series.
    used: Vec<*const IcsEvent>,
    /// Overrides whose instance their series did not generate.
    leftover: Vec<&'a IcsEvent>,
    notes: Vec<CapNote>,
    /// Overrides of an instance their series excludes (an EXDATE), with
    /// the series' line.
    excluded: Vec<(*const IcsEvent, usize)>,
}

impl Series<'_> {
    /// Where each list ends now.
    fn marks(&self) -> [usize; 5] {
        [
            self.out.len(),
            self.used.len(),
            self.leftover.len(),
            self.notes.len(),
            self.excluded.len(),
        ]
    }

    /// Takes back what was added since `marks` (a series that failed).
    fn take_back(&mut self, [out, used, leftover, notes, excluded]: [usize; 5]) {
        self.out.truncate(out);
        self.used.truncate(used);
        self.leftover.truncate(leftover);
        self.notes.truncate(notes);
        self.excluded.truncate(excluded);
    }
}

/// A local wall time and the zone it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    /// An IANA zone.
    Iana(Tz),
    /// A VTIMEZONE of the file, by position.
    Custom(usize),
    /// UTC (a time with `Z`).
    Utc,
    /// Floating: the calendar's default zone.
    Floating,
}

/// A DATE or DATE-TIME value before it is placed in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value {
    Date(NaiveDate),
    Local(NaiveDateTime, Zone),
}

impl Value {
    fn naive(self) -> NaiveDateTime {
        match self {
            Value::Date(d) => d.and_time(NaiveTime::MIN),
            Value::Local(t, _) => t,
        }
    }
}

#[derive(Debug, Clone)]
struct IcsEvent {
    uid: String,
    summary: String,
    line: usize,
    start: Value,
    /// Its length: days for an all-day event, else a duration.
    length: Duration,
    rrules: Vec<(String, usize)>,
    /// RDATEs, with their own length for PERIOD values.
    rdates: Vec<(Value, Option<Duration>)>,
    exdates: Vec<Value>,
    recurrence_id: Option<(Value, bool)>,
    cancelled: bool,
}

/// A VTIMEZONE, as its transitions (wall time, offset after) up to the
/// year 3000, computed once.
#[derive(Debug, Clone)]
struct VTimezone {
    id: String,
    transitions: Vec<(NaiveDateTime, i32)>,
    /// The offset before the first transition.
    before: i32,
}

fn err_at(line: usize, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Syntax, message).with_line(line)
}

/// Unfolds `bytes` into content lines, each with the line of the file
/// where it begins. Unfolding comes before decoding (RFC 5545 §3.1), so a
/// line folded inside a UTF-8 sequence is whole again.
fn unfold_lines(bytes: &[u8]) -> Vec<(usize, Vec<u8>)> {
    let mut out: Vec<(usize, Vec<u8>)> = Vec::new();
    for (k, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        match (raw.split_first(), out.last_mut()) {
            (Some((b' ' | b'\t', rest)), Some((_, last))) => last.extend_from_slice(rest),
            _ => {
                if !raw.is_empty() {
                    out.push((k + 1, raw.to_vec()));
                }
            }
        }
    }
    out
}

/// Unfolded content lines, each with the line of the file where it begins.
type ContentLines = Vec<(usize, String)>;

/// The characters of the bytes 0x80 to 0x9F in Windows-1252 (Microsoft's
/// code page 1252); the five bytes it leaves undefined are U+FFFD (WHATWG
/// maps them to C1 controls, which a content line may not hold). From 0xA0
/// it is Latin-1: the byte is the code point.
const WINDOWS_1252: [char; 32] = [
    '\u{20AC}', '\u{FFFD}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{FFFD}', '\u{017D}', '\u{FFFD}',
    '\u{FFFD}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{FFFD}', '\u{017E}', '\u{0178}',
];

/// `bytes` read as Windows-1252 (which Outlook and older Java and PHP
/// exporters write when they do not write UTF-8; it is Latin-1 with
/// printable characters in place of the C1 controls).
fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252
                .get(usize::from(b - 0x80))
                .copied()
                .unwrap_or('\u{FFFD}'),
            _ => char::from(b),
        })
        .collect()
}

/// The content lines of a file as text: UTF-8 when every unfolded line is
/// (a byte-order mark dropped), else every line read as Windows-1252, with
/// the first line that is not UTF-8.
fn decode_lines(bytes: &[u8]) -> (ContentLines, Option<usize>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let raw = unfold_lines(bytes);
    let first_bad = raw
        .iter()
        .find(|(_, l)| std::str::from_utf8(l).is_err())
        .map(|(n, _)| *n);
    let lines = match first_bad {
        None => raw
            .into_iter()
            .map(|(n, l)| (n, String::from_utf8(l).unwrap_or_default()))
            .collect(),
        Some(_) => raw
            .into_iter()
            .map(|(n, l)| (n, windows_1252(&l)))
            .collect(),
    };
    (lines, first_bad)
}

/// The screen before parsing: content lines, balanced and shallow
/// nesting, bounded size, one or more VCALENDARs. Returns the unfolded
/// lines, and the first line that is not UTF-8 when the file was read as
/// Windows-1252.
fn screen(bytes: &[u8]) -> Result<(ContentLines, Option<usize>)> {
    if bytes.len() > MAX_ICS_BYTES {
        return Err(Error::invalid(format!(
            "the file is {} bytes; the limit is {MAX_ICS_BYTES}",
            bytes.len()
        )));
    }
    let (mut lines, latin1) = decode_lines(bytes);
    let mut dropped: Vec<usize> = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut components = 0usize;
    let mut calendars = 0usize;
    for (line, l) in &mut lines {
        if l.chars().any(|c| c.is_control() && c != '\t') {
            return Err(err_at(*line, "a control character in a content line"));
        }
        let Some(colon) = content_line_colon(l) else {
            // An `X-` property with a name RFC 5545 does not allow (`X-MS_OLK`,
            // `X-A.B`): left out, not a reason to refuse the file.
            if l.get(..2).is_some_and(|x| x.eq_ignore_ascii_case("X-")) && l.contains(':') {
                l.clear();
                continue;
            }
            return Err(err_at(*line, format!("not a content line: `{}`", clip(l))));
        };
        let colon = if l.get(..colon).is_some_and(needs_strict) {
            *l = strict_line(l, colon);
            content_line_colon(l)
                .ok_or_else(|| err_at(*line, format!("not a content line: `{}`", clip(l))))?
        } else {
            colon
        };
        let l = &*l;
        let line = &*line;
        let (name, value) = (
            l.get(..colon).unwrap_or(""),
            l.get(colon + 1..).unwrap_or(""),
        );
        let name = name.split(';').next().unwrap_or("").to_ascii_uppercase();
        if name == "BEGIN" {
            let what = value.trim().to_ascii_uppercase();
            if stack.is_empty() {
                if what != "VCALENDAR" {
                    return Err(err_at(*line, format!("`BEGIN:{what}` outside a VCALENDAR")));
                }
                calendars += 1;
            }
            stack.push(what);
            components += 1;
            if stack.len() > MAX_NESTING {
                return Err(err_at(
                    *line,
                    format!("components nested more than {MAX_NESTING} deep"),
                ));
            }
            if components > MAX_COMPONENTS {
                return Err(err_at(
                    *line,
                    format!("more than {MAX_COMPONENTS} components"),
                ));
            }
        } else if name == "END" {
            let what = value.trim().to_ascii_uppercase();
            match stack.pop() {
                Some(open) if open == what => {}
                Some(open) => {
                    return Err(err_at(*line, format!("`END:{what}` closes BEGIN:{open}")))
                }
                None => return Err(err_at(*line, format!("`END:{what}` without a BEGIN"))),
            }
        } else if stack.is_empty() {
            // An `X-` note after the calendar's end (a cache's stamp) is
            // left out.
            if calendars > 0 && name.starts_with("X-") {
                dropped.push(*line);
                continue;
            }
            return Err(err_at(*line, "a property outside the VCALENDAR"));
        }
    }
    if let Some(open) = stack.last() {
        let line = lines.last().map_or(1, |(l, _)| *l);
        return Err(err_at(line, format!("BEGIN:{open} is never closed")));
    }
    if calendars == 0 {
        return Err(err_at(1, "no VCALENDAR in the file"));
    }
    lines.retain(|(n, l)| !l.is_empty() && !dropped.contains(n));
    Ok((lines, latin1))
}

/// The line of property `p` of the component that begins at `begin`: the
/// first content line from there with its name and value.
fn prop_line(lines: &[(usize, String)], begin: usize, p: &Prop<'_>) -> usize {
    let name = p.name.as_str();
    let from = lines.partition_point(|(l, _)| *l < begin);
    lines
        .get(from..)
        .unwrap_or_default()
        .iter()
        .find(|(_, text)| {
            text.get(..name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
                && matches!(text.as_bytes().get(name.len()), Some(b';' | b':'))
                && content_line_colon(text)
                    .and_then(|c| text.get(c + 1..))
                    .is_some_and(|v| v == p.val.as_str())
        })
        .map_or(begin, |(l, _)| *l)
}

fn clip(s: &str) -> String {
    let short: String = s.chars().take(40).collect();
    if short.len() < s.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// Where the name and parameters of a content line end, after a valid
/// name: the first colon outside a quoted parameter value and outside
/// brackets (Outlook writes `TZID=(UTC+01:00) Amsterdam, …` unquoted);
/// failing that (an unbalanced quote or bracket in an `X-` parameter), the
/// first colon outside quotes, then the first colon at all.
fn content_line_colon(line: &str) -> Option<usize> {
    let name_end = line.find([';', ':'])?;
    let name = line.get(..name_end)?;
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    // A date or date-time value never holds a colon: after an unquoted
    // TZID such as `(GMT) Greenwich Mean Time : Dublin, …`, the last one
    // starts the value.
    const DATES: [&str; 9] = [
        "DTSTART",
        "DTEND",
        "DUE",
        "RECURRENCE-ID",
        "EXDATE",
        "RDATE",
        "DTSTAMP",
        "CREATED",
        "LAST-MODIFIED",
    ];
    if DATES.iter().any(|d| d.eq_ignore_ascii_case(name)) {
        return line.rfind(':').filter(|&c| c >= name_end);
    }
    let scan = |quotes: bool, brackets: bool| -> Option<usize> {
        let (mut quoted, mut depth, mut prev) = (false, 0usize, ' ');
        for (i, c) in line.char_indices().skip(name_end) {
            let after = std::mem::replace(&mut prev, c);
            match c {
                // A quote opens a value only where the value begins.
                '"' if quotes && quoted => quoted = false,
                '"' if quotes && after == '=' => quoted = true,
                '(' if brackets && !quoted => depth += 1,
                ')' if brackets && !quoted => depth = depth.saturating_sub(1),
                ':' if !quoted && depth == 0 => return Some(i),
                _ => {}
            }
        }
        None
    };
    scan(true, true)
        .or_else(|| scan(true, false))
        .or_else(|| scan(false, false))
}

/// Whether the name and parameters `head` of a content line need
/// [`strict_line`]: a quote, a bracket or a comma in a value, or a
/// parameter that is not `KEY=value` with a well-formed key. Most lines
/// (`DTSTART;TZID=Europe/London`) do not, and are left as they are.
fn needs_strict(head: &str) -> bool {
    head.contains(['"', '(', ')', ','])
        || head.split(';').skip(1).any(|p| {
            p.split_once('=').is_none_or(|(k, _)| {
                k.is_empty() || !k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            })
        })
}

/// A content line made strict for the `icalendar` crate's parser, as
/// liberally as real clients write them (RFC 5545 §3.1, §3.2): parameters
/// split at `;` outside quotes (a quote opens a value only where the
/// value begins); a piece without `=` (Outlook's unquoted
/// `TZID=(GMT-08:00) Pacific Time (US and Canada); Tijuana`) belongs to the
/// parameter before it; a parameter with a malformed name is dropped;
/// every value is written quoted, without the DQUOTEs that RFC 5545 does
/// not allow inside one (Apple's `X-APPLE-STRUCTURED-LOCATION` and other
/// `X-` parameters). `colon` is [`content_line_colon`]'s.
fn strict_line(line: &str, colon: usize) -> String {
    let (head, value) = (
        line.get(..colon).unwrap_or(""),
        line.get(colon..).unwrap_or(""),
    );
    let mut pieces: Vec<String> = Vec::new();
    let (mut piece, mut quoted) = (String::new(), false);
    for c in head.chars() {
        match c {
            '"' if quoted || piece.ends_with('=') => {
                quoted = !quoted;
                piece.push(c);
            }
            ';' if !quoted => pieces.push(std::mem::take(&mut piece)),
            _ => piece.push(c),
        }
    }
    pieces.push(piece);
    let mut pieces = pieces.into_iter();
    let mut out = pieces.next().unwrap_or_default();
    let mut params: Vec<(String, String)> = Vec::new();
    for p in pieces {
        match p.split_once('=') {
            Some((k, v))
                if !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') =>
            {
                params.push((k.to_string(), v.to_string()));
            }
            _ if p.contains('=') => {}
            _ => {
                if let Some((_, v)) = params.last_mut() {
                    v.push(';');
                    v.push_str(&p);
                }
            }
        }
    }
    for (k, v) in params {
        let v = v.trim();
        let v = v
            .strip_prefix('"')
            .and_then(|x| x.strip_suffix('"'))
            .unwrap_or(v);
        let v: String = v.chars().filter(|&c| c != '"').collect();
        out.push(';');
        out.push_str(&k);
        out.push_str("=\"");
        out.push_str(&v);
        out.push('"');
    }
    out.push_str(value);
    out
}

/// The lines of each component's BEGIN, in document order, by name.
struct Lines {
    begins: HashMap<String, Vec<usize>>,
    next: HashMap<String, usize>,
}

impl Lines {
    fn new(lines: &[(usize, String)]) -> Self {
        let mut begins: HashMap<String, Vec<usize>> = HashMap::new();
        for (line, l) in lines {
            if l.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("BEGIN:")) {
                let name = l.get(6..).unwrap_or("").trim().to_ascii_uppercase();
                begins.entry(name).or_default().push(*line);
            }
        }
        Lines {
            begins,
            next: HashMap::new(),
        }
    }

    /// The lines of every component named `name`.
    fn all(&self, name: &str) -> Vec<usize> {
        self.begins.get(name).cloned().unwrap_or_default()
    }

    /// The line of the next component named `name` in document order.
    fn take(&mut self, name: &str) -> usize {
        let k = self.next.entry(name.to_string()).or_insert(0);
        let line = self
            .begins
            .get(name)
            .and_then(|v| v.get(*k))
            .copied()
            .unwrap_or(0);
        *k += 1;
        line
    }
}

/// The UID and summary of the VEVENT `c` at `line` (`line-N` and
/// `(no title)` when it has none), at most [`MAX_TEXT`] characters each.
fn names(c: &Comp<'_>, line: usize) -> (String, String) {
    let text = |name: &str| prop(c, name).map(|p| p.val.as_str().to_string());
    let uid = text("UID")
        .map(|u| u.chars().take(MAX_TEXT).collect())
        .unwrap_or_else(|| format!("line-{line}"));
    let summary = text("SUMMARY")
        .map(|s| unescape(&s).chars().take(MAX_TEXT).collect::<String>())
        .unwrap_or_else(|| "(no title)".to_string());
    (uid, summary)
}

fn param<'a>(p: &'a Prop<'_>, key: &str) -> Option<&'a str> {
    p.params
        .iter()
        .find(|x| x.key.as_str().eq_ignore_ascii_case(key))
        .and_then(|x| x.val.as_ref())
        .map(|v| v.as_str().trim_matches('"'))
}

fn prop<'a>(c: &'a Comp<'_>, name: &str) -> Option<&'a Prop<'a>> {
    c.properties
        .iter()
        .find(|p| p.name.as_str().eq_ignore_ascii_case(name))
}

fn props<'a, 'b>(c: &'a Comp<'b>, name: &'a str) -> impl Iterator<Item = &'a Prop<'b>> + 'a {
    c.properties
        .iter()
        .filter(move |p| p.name.as_str().eq_ignore_ascii_case(name))
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y%m%d").ok()
}

fn parse_naive(s: &str) -> Option<NaiveDateTime> {
    if s.len() != 15 || s.as_bytes().get(8) != Some(&b'T') {
        return None;
    }
    NaiveDateTime::parse_from_str(s, "%Y%m%dT%H%M%S").ok()
}

/// `[+-]HHMM[SS]` in seconds east of UTC (hours under 24, minutes and
/// seconds under 60).
fn parse_offset(s: &str) -> Option<i32> {
    let (sign, rest) = match s.get(..1)? {
        "+" => (1, s.get(1..)?),
        "-" => (-1, s.get(1..)?),
        _ => return None,
    };
    if !(rest.len() == 4 || rest.len() == 6) || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |a: usize| rest.get(a..a + 2)?.parse::<i32>().ok();
    let (h, m) = (n(0)?, n(2)?);
    let sec = if rest.len() == 6 { n(4)? } else { 0 };
    (h < 24 && m < 60 && sec < 60).then_some(sign * (h * 3600 + m * 60 + sec))
}

/// An RFC 5545 duration (`P1D`, `-PT15M`, `P1W`, `PT1H30M`).
pub(crate) fn parse_duration(s: &str) -> Option<Duration> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'-' => (-1, s.get(1..)?),
        b'+' => (1, s.get(1..)?),
        _ => (1, s),
    };
    let rest = rest.strip_prefix('P')?;
    let mut total = 0i64;
    let mut number = String::new();
    let mut in_time = false;
    let mut any = false;
    for c in rest.chars() {
        match c {
            '0'..='9' => number.push(c),
            'T' if !in_time && number.is_empty() => in_time = true,
            'W' | 'D' | 'H' | 'M' | 'S' => {
                let n: i64 = number.parse().ok().filter(|n| *n <= 1_000_000)?;
                number.clear();
                any = true;
                total += n * match (c, in_time) {
                    ('W', false) => 7 * 86_400,
                    ('D', false) => 86_400,
                    ('H', true) => 3600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return None,
                };
            }
            _ => return None,
        }
    }
    (any && number.is_empty()).then(|| Duration::seconds(sign * total))
}

/// The instances of a `FREQ=YEARLY` rule with no BY part (a birthday, an
/// anniversary, a fixed holiday) from the start of `set`: its month, day
/// and time every INTERVAL years, a 29 February only in leap years (RFC
/// 5545 §3.3.10: invalid dates are ignored), to UNTIL and COUNT as `set`
/// has them. The same instances as the `rrule` crate's, without its sets
/// of every day of each year: a birthday calendar holds thousands of these
/// rules. Its instances end at 9999. `None` for any other rule.
fn plain_yearly(text: &str, set: &rrule::RRuleSet) -> Option<impl Iterator<Item = NaiveDateTime>> {
    let given = crate::rules::parse_rrule(text).ok()?;
    let plain = given.get_freq() == rrule::Frequency::Yearly
        && given.get_by_set_pos().is_empty()
        && given.get_by_month().is_empty()
        && given.get_by_month_day().is_empty()
        && given.get_by_year_day().is_empty()
        && given.get_by_week_no().is_empty()
        && given.get_by_weekday().is_empty()
        && given.get_by_hour().is_empty()
        && given.get_by_minute().is_empty()
        && given.get_by_second().is_empty();
    let [rule] = set.get_rrule().as_slice() else {
        return None;
    };
    if !plain || !set.get_rdate().is_empty() || !set.get_exdate().is_empty() {
        return None;
    }
    let start = set.get_dt_start().naive_utc();
    let until = rule.get_until().map(|u| u.naive_utc());
    let count = rule.get_count().map_or(usize::MAX, |c| c as usize);
    let interval = i32::from(rule.get_interval().max(1));
    let years = (0..).map_while(move |k: i32| {
        let year = k.checked_mul(interval)?.checked_add(start.year())?;
        (year <= 9999).then_some(year)
    });
    Some(
        years
            .filter_map(move |year| {
                NaiveDate::from_ymd_opt(year, start.month(), start.day())
                    .map(|d| d.and_time(start.time()))
            })
            .take_while(move |t| until.is_none_or(|u| *t <= u))
            .take(count),
    )
}

/// An alarm's relative TRIGGER: a duration, also with its sign after the
/// `P` or `T` (`PT-2H`, as NS International's tickets write it), which
/// real clients read as `-PT2H`.
fn trigger_duration(s: &str) -> Option<Duration> {
    parse_duration(s).or_else(|| {
        let (head, tail) = s.split_at(s.find(['-', '+'])?);
        if !matches!(head, "P" | "PT") {
            return None;
        }
        let (sign, rest) = (tail.get(..1)?, tail.get(1..)?);
        if !rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        parse_duration(&format!("{sign}{head}{rest}"))
    })
}

impl IcsCalendar {
    /// Parses an `.ics` file's bytes; floating times are in the zone the
    /// file names (`X-WR-TIMEZONE`), else UTC. One bad event fails the
    /// whole file (see [`IcsCalendar::parse_with`] to skip it instead).
    ///
    /// # Errors
    /// [`ErrorKind::Syntax`] with the line for anything malformed: bad
    /// UTF-8, a line that is not a content line, unbalanced or too deep
    /// components, bad dates, offsets, durations or rules, unknown zones;
    /// [`ErrorKind::Invalid`] for a file over [`MAX_ICS_BYTES`].
    pub fn parse(bytes: &[u8]) -> Result<IcsCalendar> {
        IcsCalendar::parse_with(bytes, BadEvents::Fail)
    }

    /// Parses an `.ics` file's bytes, doing `bad` with an event that
    /// cannot be read: with [`BadEvents::Skip`] it is left out and listed
    /// by [`IcsCalendar::skipped`], and only faults of the file as a whole
    /// are errors.
    ///
    /// # Errors
    /// As [`IcsCalendar::parse`]; with [`BadEvents::Skip`] only what
    /// makes the file unreadable: its size, bad UTF-8, a line that is not
    /// a content line, unbalanced or too deep components, no or two
    /// VCALENDARs, a bad VTIMEZONE.
    pub fn parse_with(bytes: &[u8], bad: BadEvents) -> Result<IcsCalendar> {
        let (lines, latin1) = screen(bytes)?;
        // An iCalendar stream may hold several VCALENDARs (RFC 5545 §3.4):
        // each is parsed on its own (the crate reads one), their components
        // are read as one calendar's, in order, and the first X-WR-TIMEZONE
        // names the zone of floating times. Each text is kept with the
        // index in `lines` of its first line.
        let mut texts: Vec<(usize, String)> = Vec::new();
        let mut depth = 0usize;
        for (k, (_, l)) in lines.iter().enumerate() {
            if depth == 0 {
                texts.push((k, String::new()));
            }
            let name = l.split([';', ':']).next().unwrap_or("");
            if name.eq_ignore_ascii_case("BEGIN") {
                depth += 1;
            } else if name.eq_ignore_ascii_case("END") {
                depth = depth.saturating_sub(1);
            }
            if let Some((_, text)) = texts.last_mut() {
                text.push_str(l);
                text.push_str("\r\n");
            }
        }
        let mut at = Lines::new(&lines);
        let mut properties = Vec::new();
        let mut components = Vec::new();
        for (first, text) in &texts {
            let parsed = read_calendar(text).map_err(|e| {
                // The crate numbers the lines of the unfolded text.
                let n = e
                    .split("at line ")
                    .nth(1)
                    .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
                    .and_then(|d| d.parse::<usize>().ok())
                    .unwrap_or(1);
                let line = lines
                    .get((first + n).saturating_sub(1))
                    .map_or(1, |(l, _)| *l);
                err_at(line, "the calendar could not be parsed")
            })?;
            let _calendar_line = at.take("VCALENDAR");
            properties.extend(parsed.properties);
            components.extend(parsed.components);
        }
        let default_zone = properties
            .iter()
            .find(|p| p.name.as_str().eq_ignore_ascii_case("X-WR-TIMEZONE"))
            .and_then(|p| iana(p.val.as_str().trim()));
        // Zones first: events refer to them.
        let mut zones = Vec::new();
        let mut order: Vec<(&Comp<'_>, usize)> = Vec::new();
        // The STANDARD and DAYLIGHT parts of the VTIMEZONE being read.
        let mut parts: Vec<(&Comp<'_>, usize)> = Vec::new();
        // The first bad alarm of each event, by the event's line.
        let mut bad_alarms: HashMap<usize, Error> = HashMap::new();
        for c in &components {
            let name = c.name.as_str().to_ascii_uppercase();
            let line = at.take(&name);
            for sub in &c.components {
                let sub_name = sub.name.as_str().to_ascii_uppercase();
                let sub_line = at.take(&sub_name);
                if name == "VTIMEZONE" {
                    parts.push((sub, sub_line));
                } else if name == "VEVENT" && sub_name == "VALARM" {
                    if let Some(t) = prop(sub, "TRIGGER") {
                        let absolute =
                            param(t, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE-TIME"));
                        if !absolute && trigger_duration(t.val.as_str().trim()).is_none() {
                            let e = err_at(
                                prop_line(&lines, sub_line, t),
                                format!("VALARM: invalid TRIGGER `{}`", clip(t.val.as_str())),
                            );
                            match bad {
                                BadEvents::Fail => return Err(e),
                                BadEvents::Skip => {
                                    bad_alarms.entry(line).or_insert(e);
                                }
                            }
                        }
                    }
                }
            }
            if name == "VTIMEZONE" {
                zones.extend(vtimezone(c, line, &parts, &lines)?);
                parts.clear();
            } else {
                order.push((c, line));
            }
        }
        let mut cal = IcsCalendar {
            events: Vec::new(),
            zones,
            default_zone,
            skipped: Vec::new(),
            read_notes: latin1
                .map(|line| ReadNote::NotUtf8 { line })
                .into_iter()
                .collect(),
        };
        for (c, line) in order {
            if c.name.as_str().eq_ignore_ascii_case("VEVENT") {
                let event = match bad_alarms.remove(&line) {
                    Some(e) => Err(e),
                    None => cal.event(c, line, &lines),
                };
                match (event, bad) {
                    (Ok(e), _) => cal.events.push(e),
                    (Err(e), BadEvents::Skip) => {
                        let (uid, summary) = names(c, line);
                        cal.skipped.push(SkippedEvent::new(line, &uid, &summary, e));
                    }
                    (Err(e), _) => return Err(e),
                }
            }
        }
        // Every VEVENT of the file is read or skipped: one the crate's
        // tree does not place at the top of the calendar (inside another
        // component) is listed, not lost.
        let handled: std::collections::HashSet<usize> = cal
            .events
            .iter()
            .map(|e| e.line)
            .chain(cal.skipped.iter().map(|s| s.event_line))
            .collect();
        for line in at.all("VEVENT") {
            if !handled.contains(&line) {
                let e = err_at(line, "a VEVENT inside another component is not read");
                match bad {
                    BadEvents::Fail => return Err(e),
                    BadEvents::Skip => cal.skipped.push(SkippedEvent::new(
                        line,
                        &format!("line-{line}"),
                        "(not read)",
                        e,
                    )),
                }
            }
        }
        cal.skipped.sort_by_key(SkippedEvent::line);
        Ok(cal)
    }

    /// The events left out when parsing with [`BadEvents::Skip`], in
    /// order of line.
    pub fn skipped(&self) -> &[SkippedEvent] {
        &self.skipped
    }

    /// How the file was read where it bends the standard (today: text that
    /// is not UTF-8, read as Windows-1252); empty for a well-formed file.
    pub fn read_notes(&self) -> &[ReadNote] {
        &self.read_notes
    }

    /// Reads and parses an `.ics` file (at most [`MAX_ICS_BYTES`]); errors
    /// name the file and line.
    ///
    /// # Errors
    /// [`ErrorKind::Io`] for a missing file or a folder, and everything
    /// [`IcsCalendar::parse`] reports.
    pub fn from_file(path: impl AsRef<std::path::Path>) -> Result<IcsCalendar> {
        IcsCalendar::from_file_with(path, BadEvents::Fail)
    }

    /// Reads and parses an `.ics` file as [`IcsCalendar::from_file`], doing
    /// `bad` with an event that cannot be read (see
    /// [`IcsCalendar::parse_with`]).
    ///
    /// # Errors
    /// [`ErrorKind::Io`] for a missing file or a folder, and everything
    /// [`IcsCalendar::parse_with`] reports.
    pub fn from_file_with(
        path: impl AsRef<std::path::Path>,
        bad: BadEvents,
    ) -> Result<IcsCalendar> {
        let path = path.as_ref();
        let bytes = crate::file::read_bounded(path, MAX_ICS_BYTES as u64)?;
        IcsCalendar::parse_with(&bytes, bad).map_err(|e| e.with_file(path))
    }

    /// How many VEVENT components (masters and overrides).
    pub fn event_count(&self) -> usize {
        self.events.len()
    }

    /// The zone of a `TZID`: the file's VTIMEZONE, an IANA name, or a
    /// Windows name.
    fn zone(&self, tzid: &str, line: usize) -> Result<Zone> {
        if let Some(k) = self.zones.iter().position(|z| z.id == tzid) {
            return Ok(Zone::Custom(k));
        }
        iana(tzid).map(Zone::Iana).ok_or_else(|| {
            err_at(
                line,
                format!(
                    "unknown time zone `{}` (not defined by a VTIMEZONE, not an IANA or Windows name)",
                    clip(tzid)
                ),
            )
        })
    }

    fn value(&self, p: &Prop<'_>, raw: &str, line: usize) -> Result<Value> {
        let raw = raw.trim();
        let bad = || err_at(line, format!("invalid {} `{}`", p.name.as_str(), clip(raw)));
        let is_date = param(p, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE"));
        if is_date || raw.len() == 8 {
            return parse_date(raw).map(Value::Date).ok_or_else(bad);
        }
        let (text, utc) = match raw.strip_suffix('Z') {
            Some(t) => (t, true),
            None => (raw, false),
        };
        let t = parse_naive(text).ok_or_else(bad)?;
        let zone = match (utc, param(p, "TZID")) {
            (true, _) => Zone::Utc,
            (false, Some(id)) => self.zone(id, line)?,
            (false, None) => Zone::Floating,
        };
        Ok(Value::Local(t, zone))
    }

    /// The values of a (possibly multi-valued) date property; a PERIOD
    /// value (`start/end` or `start/duration`) gives its start and length.
    fn values(&self, p: &Prop<'_>, line: usize) -> Result<Vec<(Value, Option<Duration>)>> {
        p.val
            .as_str()
            .split(',')
            .map(|v| {
                let mut parts = v.splitn(2, '/');
                let start = self.value(p, parts.next().unwrap_or(v), line)?;
                let length = match parts.next() {
                    None => None,
                    Some(rest) => Some(match parse_duration(rest.trim()) {
                        Some(d) => d,
                        None => self.instant(self.value(p, rest, line)?)? - self.instant(start)?,
                    }),
                };
                if length.is_some_and(|l| l < Duration::zero()) {
                    return Err(err_at(
                        line,
                        format!("a PERIOD that ends before it starts: `{}`", clip(v)),
                    ));
                }
                Ok((start, length))
            })
            .collect()
    }

    fn event(&self, c: &Comp<'_>, begin: usize, lines: &[(usize, String)]) -> Result<IcsEvent> {
        let line = begin;
        // The line of a property of this component, for its errors.
        let at = |p: &Prop<'_>| prop_line(lines, begin, p);
        let text = |name: &str| prop(c, name).map(|p| p.val.as_str().to_string());
        let (uid, summary) = names(c, line);
        let dtstart = prop(c, "DTSTART")
            .ok_or_else(|| err_at(line, format!("VEVENT {}: no DTSTART", clip(&uid))))?;
        let start = self.value(dtstart, dtstart.val.as_str(), at(dtstart))?;
        let length = match (prop(c, "DTEND"), prop(c, "DURATION")) {
            (Some(p), _) => {
                let end = self.value(p, p.val.as_str(), at(p))?;
                match (start, end) {
                    (Value::Date(a), Value::Date(b)) => b - a,
                    _ => self.instant(end)? - self.instant(start)?,
                }
            }
            (None, Some(p)) => parse_duration(p.val.as_str().trim()).ok_or_else(|| {
                err_at(
                    at(p),
                    format!("invalid DURATION `{}`", clip(p.val.as_str())),
                )
            })?,
            (None, None) => match start {
                Value::Date(_) => Duration::days(1),
                Value::Local(..) => Duration::zero(),
            },
        };
        if length < Duration::zero() {
            return Err(err_at(
                line,
                format!("VEVENT {}: ends before it starts", clip(&uid)),
            ));
        }
        let mut rrules = Vec::new();
        for p in props(c, "RRULE") {
            rrules.push((liberal_rule(p.val.as_str()), at(p)));
        }
        let mut rdates = Vec::new();
        for p in props(c, "RDATE") {
            rdates.extend(self.values(p, at(p))?);
        }
        let mut exdates = Vec::new();
        for p in props(c, "EXDATE") {
            exdates.extend(self.values(p, at(p))?.into_iter().map(|(v, _)| v));
        }
        let recurrence_id = match prop(c, "RECURRENCE-ID") {
            Some(p) => Some((
                self.value(p, p.val.as_str(), at(p))?,
                param(p, "RANGE").is_some_and(|r| r.eq_ignore_ascii_case("THISANDFUTURE")),
            )),
            None => None,
        };
        let cancelled = text("STATUS").is_some_and(|s| s.trim().eq_ignore_ascii_case("CANCELLED"));
        let event = IcsEvent {
            uid,
            summary,
            line,
            start,
            length,
            rrules,
            rdates,
            exdates,
            recurrence_id,
            cancelled,
        };
        // Check the rules now, so a bad one is reported even outside the
        // window.
        for (rule, rule_line) in &event.rrules {
            self.rule(&event, rule, event.start.naive())
                .map_err(|e| e.with_line_replaced(*rule_line))?;
        }
        Ok(event)
    }

    /// The instant of a value (a date: its local midnight).
    fn instant(&self, v: Value) -> Result<DateTime<Utc>> {
        match v {
            Value::Date(d) => self.place(d.and_time(NaiveTime::MIN), Zone::Floating),
            Value::Local(t, zone) => self.place(t, zone),
        }
    }

    /// A wall time in `zone` as an instant.
    fn place(&self, t: NaiveDateTime, zone: Zone) -> Result<DateTime<Utc>> {
        let iana_at = |tz: Tz| local_instant(tz, t).0.map(|x| x.with_timezone(&Utc));
        let placed = match zone {
            Zone::Utc => Some(Utc.from_utc_datetime(&t)),
            Zone::Iana(tz) => iana_at(tz),
            Zone::Floating => match self.default_zone {
                Some(tz) => iana_at(tz),
                None => Some(Utc.from_utc_datetime(&t)),
            },
            Zone::Custom(k) => self.zones.get(k).map(|z| {
                Utc.from_utc_datetime(&(t - Duration::seconds(i64::from(z.offset_at(t)))))
            }),
        };
        placed.ok_or_else(|| Error::out_of_range(format!("{t} cannot be placed in time")))
    }

    /// An instant as a wall time in `zone`.
    fn wall(&self, t: DateTime<Utc>, zone: Zone) -> NaiveDateTime {
        match zone {
            Zone::Utc => t.naive_utc(),
            Zone::Iana(tz) => t.with_timezone(&tz).naive_local(),
            Zone::Floating => match self.default_zone {
                Some(tz) => t.with_timezone(&tz).naive_local(),
                None => t.naive_utc(),
            },
            Zone::Custom(k) => {
                let naive = t.naive_utc();
                let offset = self.zones.get(k).map_or(0, |z| z.offset_at(naive));
                naive + Duration::seconds(i64::from(offset))
            }
        }
    }

    fn zone_of(v: Value) -> Zone {
        match v {
            Value::Local(_, z) => z,
            Value::Date(_) => Zone::Floating,
        }
    }

    /// One RRULE as a set starting at wall time `start` (in a stand-in UTC
    /// zone), its UNTIL moved to the event's wall time.
    fn rule(&self, e: &IcsEvent, text: &str, start: NaiveDateTime) -> Result<rrule::RRuleSet> {
        let bad = |m: String| {
            err_at(
                e.line,
                format!("VEVENT {}: invalid RRULE: {m}", clip(&e.uid)),
            )
        };
        let fake = |t: NaiveDateTime| rrule::Tz::UTC.from_utc_datetime(&t);
        let mut rule = crate::rules::parse_rrule(text).map_err(bad)?;
        if rule.get_interval() == 0 {
            return Err(bad("INTERVAL must be at least 1".to_string()));
        }
        // UNTIL is UTC when DTSTART has a zone (RFC 5545 §3.3.10; a value
        // without `Z` is read as UTC too, as vobject and dateutil do), else
        // in DTSTART's own terms.
        if let Some(until) = rule.get_until().copied() {
            let naive = until.naive_utc();
            let local = match e.start {
                Value::Local(_, zone) if zone != Zone::Floating => {
                    self.wall(Utc.from_utc_datetime(&naive), zone)
                }
                _ => naive,
            };
            if local < start {
                // Real exports contain this: DTSTART is then the only
                // instance.
                return Ok(rrule::RRuleSet::new(fake(start)));
            }
            rule = rule.until(fake(local));
        }
        let rule = rule.validate(fake(start)).map_err(|x| bad(x.to_string()))?;
        Ok(rrule::RRuleSet::new(fake(start)).rrule(rule))
    }

    /// The first and last day the calendar's events touch. An event whose
    /// rule has no end (no COUNT or UNTIL), or whose instances could not
    /// all be counted within [`MAX_PER_EVENT`], reaches to its UNTIL or,
    /// without one, to [`NaiveDate::MAX`]: the span is never shorter than
    /// the events (a series that began decades ago still reaches today).
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let days = self.events.iter().flat_map(|e| {
            let first = e.start.naive().date();
            let mut last = e.start.naive();
            for (rule, _) in &e.rrules {
                last = last.max(self.rule_end(e, rule));
            }
            for (r, _) in &e.rdates {
                last = last.max(r.naive());
            }
            let end = last
                .checked_add_signed(e.length)
                .map_or(NaiveDate::MAX, |t| t.date());
            [first, end]
        });
        let (lo, hi) = days.fold(
            (None, None),
            |(lo, hi): (Option<NaiveDate>, Option<NaiveDate>), d| {
                (
                    Some(lo.map_or(d, |l| l.min(d))),
                    Some(hi.map_or(d, |h| h.max(d))),
                )
            },
        );
        Some((lo?, hi?))
    }

    /// The wall time of the last instance of one rule of `e`, or a bound
    /// past it: its UNTIL (in DTSTART's terms), else [`NaiveDateTime::MAX`]
    /// when the rule has no end or its instances were not all counted.
    fn rule_end(&self, e: &IcsEvent, rule: &str) -> NaiveDateTime {
        let Ok(set) = self.rule(e, rule, e.start.naive()) else {
            return e.start.naive();
        };
        let parsed = set.get_rrule().first();
        let until = parsed.and_then(|r| r.get_until()).map(|u| u.naive_utc());
        let bounded = parsed.is_some_and(|r| r.get_count().is_some()) || until.is_some();
        if !bounded {
            return NaiveDateTime::MAX;
        }
        let result = set.all(MAX_PER_EVENT);
        match result.dates.last() {
            Some(d) if !result.limited && result.dates.len() < usize::from(MAX_PER_EVENT) => {
                d.naive_utc()
            }
            None if !result.limited => e.start.naive(),
            _ => until.unwrap_or(NaiveDateTime::MAX),
        }
    }

    /// Every occurrence overlapping the days `from..=to`, sorted by start,
    /// then UID, with notes on what was capped. Events skipped when the
    /// calendar was parsed (see [`IcsCalendar::skipped`]) are left out.
    ///
    /// # Errors
    /// Rules that cannot be expanded, times that cannot be placed: the
    /// first such fault of any event. [`IcsCalendar::expansion`] skips
    /// the event instead.
    pub fn occurrences(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<(Vec<EventOccurrence>, Vec<CapNote>)> {
        let x = self.collect(from, to, BadEvents::Fail)?;
        Ok((x.occurrences, x.notes))
    }

    /// Every occurrence overlapping the days `from..=to`, as
    /// [`IcsCalendar::occurrences`] gives them, but an event whose
    /// instances cannot be expanded or placed in time is skipped (its
    /// whole series, overrides included) and listed with the events
    /// skipped when parsing, in order of line.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use clash_core::ical::{BadEvents, IcsCalendar};
    /// let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
    ///     BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Board\r\nDTSTART:20270310T100000Z\r\nEND:VEVENT\r\n\
    ///     BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Away\r\nDTSTART;TZID=Mars/Olympus:20270310T100000\r\nEND:VEVENT\r\n\
    ///     END:VCALENDAR\r\n";
    /// let cal = IcsCalendar::parse_with(text.as_bytes(), BadEvents::Skip)?;
    /// let day = NaiveDate::from_ymd_opt(2027, 3, 10).unwrap();
    /// let found = cal.expansion(day, day)?;
    /// assert_eq!(found.occurrences.len(), 1);
    /// assert_eq!(found.skipped[0].line(), 11);
    /// assert!(found.skipped[0].to_string().starts_with("line 11: event \"Away\" skipped: unknown time zone"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// None at present; kept for faults of the calendar as a whole.
    pub fn expansion(&self, from: NaiveDate, to: NaiveDate) -> Result<Expansion> {
        self.collect(from, to, BadEvents::Skip)
    }

    fn collect(&self, from: NaiveDate, to: NaiveDate, bad: BadEvents) -> Result<Expansion> {
        let mut skipped = match bad {
            BadEvents::Skip => self.skipped.clone(),
            BadEvents::Fail => Vec::new(),
        };
        // The masters whose series failed (by UID and line).
        let mut failed: Vec<(&str, usize)> = Vec::new();
        // A fault of one event: the error, or the event skipped.
        let mut fault = |e: &IcsEvent, err: Error| -> Result<()> {
            match bad {
                BadEvents::Fail => Err(err),
                BadEvents::Skip => {
                    skipped.push(SkippedEvent::new(e.line, &e.uid, &e.summary, err));
                    Ok(())
                }
            }
        };
        let lo = from.and_time(NaiveTime::MIN);
        let hi = to.succ_opt().unwrap_or(to).and_time(NaiveTime::MIN);
        // Overrides by UID and the (wall-time) instance they replace.
        let mut overrides: HashMap<&str, Vec<&IcsEvent>> = HashMap::new();
        for e in self.events.iter().filter(|e| e.recurrence_id.is_some()) {
            overrides.entry(e.uid.as_str()).or_default().push(e);
        }
        let masters: std::collections::HashSet<&str> = self
            .events
            .iter()
            .filter(|e| e.recurrence_id.is_none())
            .map(|e| e.uid.as_str())
            .collect();
        // Every occurrence so far, the overrides placed by a master's
        // instance and those left over: a series that fails is taken back.
        let mut all = Series::default();
        // How many events were reached before the cap stopped the work.
        let mut reached = self.events.len();
        for (k, e) in self.events.iter().enumerate() {
            if all.out.len() >= MAX_OCCURRENCES {
                all.notes.push(CapNote::Stopped {
                    max: MAX_OCCURRENCES,
                });
                reached = k;
                break;
            }
            if e.recurrence_id.is_some() {
                // An override of a missing master stands alone.
                if !masters.contains(e.uid.as_str()) && !e.cancelled {
                    let mark = all.out.len();
                    if let Err(err) = self.push(&mut all.out, e, e.start.naive(), e.length, lo, hi)
                    {
                        all.out.truncate(mark);
                        fault(e, err)?;
                    }
                }
                continue;
            }
            if e.cancelled {
                continue;
            }
            // One series at a time, kept only if all of it could be placed.
            let marks = all.marks();
            if let Err(err) = self.series(e, &overrides, (lo, hi), &mut all) {
                all.take_back(marks);
                failed.push((e.uid.as_str(), e.line));
                fault(e, err)?;
            }
        }
        let Series {
            mut out,
            mut used,
            leftover,
            notes,
            excluded,
        } = all;
        // Once each, even when several masters share the UID, and not if
        // another master's instance took it.
        for o in leftover {
            let ptr = std::ptr::from_ref::<IcsEvent>(o);
            if !o.cancelled && !used.contains(&ptr) {
                used.push(ptr);
                let mark = out.len();
                if let Err(err) = self.push(&mut out, o, o.start.naive(), o.length, lo, hi) {
                    out.truncate(mark);
                    fault(o, err)?;
                }
            }
        }
        // Where every VEVENT ended: its occurrences in the window, outside
        // it, or skipped (with the reason).
        let placed: std::collections::HashSet<usize> = out.iter().map(|o| o.line).collect();
        let mut tally = Tally {
            vevents: self.events.len() + self.skipped.len(),
            ..Tally::default()
        };
        if bad == BadEvents::Skip {
            let faulty: std::collections::HashSet<usize> =
                skipped.iter().map(|s| s.event_line).collect();
            let mut more = Vec::new();
            for (k, e) in self.events.iter().enumerate() {
                let reason = if faulty.contains(&e.line) {
                    continue;
                } else if placed.contains(&e.line) {
                    tally.in_window += 1;
                    continue;
                } else if k >= reached {
                    format!("not checked: the import stopped at {MAX_OCCURRENCES} occurrences")
                } else if e.cancelled {
                    "cancelled (STATUS:CANCELLED)".to_string()
                } else if let Some((_, master)) = excluded
                    .iter()
                    .find(|(o, _)| *o == std::ptr::from_ref::<IcsEvent>(e))
                {
                    format!("the occurrence it changes is removed by an EXDATE of its series (line {master})")
                } else if let Some((_, master)) = failed
                    .iter()
                    .find(|(uid, _)| e.recurrence_id.is_some() && *uid == e.uid.as_str())
                    .filter(|_| !used.contains(&std::ptr::from_ref::<IcsEvent>(e)))
                {
                    format!("the series it changes (line {master}) was skipped")
                } else {
                    tally.outside += 1;
                    continue;
                };
                more.push(SkippedEvent::new(
                    e.line,
                    &e.uid,
                    &e.summary,
                    Error::invalid(reason),
                ));
            }
            skipped.extend(more);
            tally.skipped = skipped.len();
        }
        out.sort_by(|a, b| (a.start.key(), &a.uid, a.start).cmp(&(b.start.key(), &b.uid, b.start)));
        out.truncate(MAX_OCCURRENCES);
        skipped.sort_by_key(SkippedEvent::line);
        Ok(Expansion {
            occurrences: out,
            notes,
            skipped,
            tally,
        })
    }

    /// The occurrences of the series of master `e` (its rules, RDATEs and
    /// DTSTART, less EXDATEs, with its overrides) in the wall-time window
    /// `lo..hi`, added to the lists of `part`.
    fn series<'a>(
        &'a self,
        e: &'a IcsEvent,
        overrides: &HashMap<&str, Vec<&'a IcsEvent>>,
        (lo, hi): (NaiveDateTime, NaiveDateTime),
        part: &mut Series<'a>,
    ) -> Result<()> {
        let Series {
            out,
            used,
            leftover,
            notes,
            excluded: excluded_overrides,
        } = part;
        let start = e.start.naive();
        let span = e.length.max(Duration::zero());
        // Instances in wall time: the rules, RDATEs and DTSTART.
        let mut instances: Vec<NaiveDateTime> = Vec::new();
        // Windows compare wall times (`push_as` does too).
        let window_lo = lo - span;
        let window_hi = hi;
        if e.rrules.is_empty() {
            instances.push(start);
        } else {
            for (rule, _) in &e.rrules {
                instances.extend(self.expand(e, rule, window_lo, window_hi, notes)?);
            }
            if start >= window_lo && start <= window_hi {
                instances.push(start);
            }
        }
        let mut lengths: HashMap<NaiveDateTime, Duration> = HashMap::new();
        for (r, length) in &e.rdates {
            let at = self.rewall(*r, e.start)?;
            instances.push(at);
            if let Some(l) = length {
                lengths.insert(at, *l);
            }
        }
        instances.sort_unstable();
        instances.dedup();
        // An EXDATE removes its instant, or (a DATE, or in an all-day
        // series) every instance on its day.
        let mut excluded = Vec::new();
        for x in &e.exdates {
            let whole_day = matches!(x, Value::Date(_)) || matches!(e.start, Value::Date(_));
            excluded.push((self.rewall(*x, e.start)?, whole_day));
        }
        instances.retain(|i| {
            !excluded
                .iter()
                .any(|(x, day)| x == i || (*day && x.date() == i.date()))
        });
        let mine = overrides.get(e.uid.as_str()).cloned().unwrap_or_default();
        // THISANDFUTURE overrides, latest first, shift later instances.
        let mut ranges: Vec<(NaiveDateTime, &IcsEvent)> = Vec::new();
        let mut singles: HashMap<NaiveDateTime, &IcsEvent> = HashMap::new();
        for o in &mine {
            let Some((rid, future)) = o.recurrence_id else {
                continue;
            };
            let rid = self.rewall(rid, e.start)?;
            if future {
                ranges.push((rid, o));
            } else {
                singles.insert(rid, o);
            }
        }
        ranges.sort_by_key(|(rid, _)| *rid);
        let mut matched = std::collections::HashSet::new();
        // An override of an instance the series excludes is dropped with
        // it (Apple Calendar leaves the override when an edited instance
        // is deleted; recurring-ical-events reads it so too), and listed.
        for (rid, o) in &singles {
            if excluded
                .iter()
                .any(|(x, day)| x == rid || (*day && x.date() == rid.date()))
            {
                matched.insert(*rid);
                excluded_overrides.push((std::ptr::from_ref::<IcsEvent>(o), e.line));
            }
        }
        for i in instances {
            if let Some(o) = singles.get(&i) {
                matched.insert(i);
                used.push(std::ptr::from_ref::<IcsEvent>(o));
                if !o.cancelled {
                    self.push(out, o, o.start.naive(), o.length, lo, hi)?;
                }
                continue;
            }
            match ranges.iter().rev().find(|(rid, _)| *rid <= i) {
                Some((rid, o)) => {
                    if !o.cancelled {
                        let shifted = i + (o.start.naive() - *rid);
                        self.push_as(out, o, o.start, shifted, o.length, lo, hi)?;
                    }
                }
                None => {
                    let length = lengths.get(&i).copied().unwrap_or(e.length);
                    self.push_as(out, e, e.start, i, length, lo, hi)?
                }
            }
        }
        // Overrides whose RECURRENCE-ID the series does not generate
        // (or generates outside the window) still happen where they say.
        let mut rest: Vec<(&NaiveDateTime, &&IcsEvent)> = singles
            .iter()
            .filter(|(rid, _)| !matched.contains(*rid))
            .collect();
        rest.sort_by_key(|(rid, _)| **rid);
        leftover.extend(rest.into_iter().map(|(_, o)| *o));
        Ok(())
    }

    /// The instances of one rule of `e` in the wall-time window
    /// `lo..=hi`. Bounded: a rule without COUNT starts a few periods before
    /// the window instead of from DTSTART (`rules::shifted_start`), and at
    /// most [`MAX_STEPS`]
    /// instances are stepped through and [`MAX_PER_EVENT`] kept, with a note.
    fn expand(
        &self,
        e: &IcsEvent,
        rule: &str,
        lo: NaiveDateTime,
        hi: NaiveDateTime,
        notes: &mut Vec<CapNote>,
    ) -> Result<Vec<NaiveDateTime>> {
        let start = e.start.naive();
        let shifted = crate::rules::shifted_start(rule, start, lo);
        let set = match self.rule(e, rule, shifted) {
            Ok(set) => set.limit(),
            // Valid from DTSTART (checked when parsed), so a shifted start
            // past UNTIL: nothing left in the window.
            Err(_) if shifted != start => return Ok(Vec::new()),
            Err(err) => return Err(err),
        };
        let mut out = Vec::new();
        let instances: Box<dyn Iterator<Item = NaiveDateTime>> = match plain_yearly(rule, &set) {
            Some(yearly) => Box::new(yearly),
            None => Box::new((&set).into_iter().map(|d| d.naive_utc())),
        };
        for (steps, t) in instances.enumerate() {
            if t > hi {
                break;
            }
            if steps >= MAX_STEPS {
                notes.push(CapNote::RuleFollowed {
                    uid: clip(&e.uid),
                    max: MAX_STEPS,
                });
                break;
            }
            if t >= lo {
                out.push(t);
                if out.len() >= usize::from(MAX_PER_EVENT) {
                    notes.push(CapNote::FirstChecked {
                        uid: clip(&e.uid),
                        max: MAX_PER_EVENT,
                    });
                    break;
                }
            }
        }
        Ok(out)
    }

    /// A value's wall time in `zone` (the zone of its series). For an
    /// all-day series (`zone` floating, start a date) a date-time names the
    /// day it has in its own zone (Outlook writes RECURRENCE-ID;TZID=…:
    /// …T000000 for all-day instances).
    fn rewall(&self, v: Value, series: Value) -> Result<NaiveDateTime> {
        let zone = Self::zone_of(series);
        match (v, series) {
            (Value::Date(d), _) => Ok(d.and_time(NaiveTime::MIN)),
            (Value::Local(t, _), Value::Date(_)) => Ok(t.date().and_time(NaiveTime::MIN)),
            (Value::Local(t, z), _) if z == zone => Ok(t),
            (Value::Local(..), _) => Ok(self.wall(self.instant(v)?, zone)),
        }
    }

    fn push(
        &self,
        out: &mut Vec<EventOccurrence>,
        e: &IcsEvent,
        start: NaiveDateTime,
        length: Duration,
        lo: NaiveDateTime,
        hi: NaiveDateTime,
    ) -> Result<()> {
        self.push_as(out, e, e.start, start, length, lo, hi)
    }

    /// Adds the occurrence of `e` at wall time `at` (in the zone of
    /// `like`), if it overlaps the window `lo..hi` (wall times).
    #[allow(clippy::too_many_arguments)]
    fn push_as(
        &self,
        out: &mut Vec<EventOccurrence>,
        e: &IcsEvent,
        like: Value,
        at: NaiveDateTime,
        length: Duration,
        lo: NaiveDateTime,
        hi: NaiveDateTime,
    ) -> Result<()> {
        let (start, end) = match like {
            Value::Date(_) => {
                let d = at.date();
                let days = length.num_days().max(1);
                (When::Date(d), When::Date(d + Duration::days(days)))
            }
            Value::Local(_, zone) => {
                let s = self.place(at, zone)?;
                (When::Time(s), When::Time(s + length))
            }
        };
        // Overlap in wall terms: [at, at + length) against [lo, hi); a
        // zero-length event counts at its instant.
        let end_wall = at + length.max(Duration::zero());
        let overlaps = at < hi && (end_wall > lo || (length.is_zero() && at >= lo));
        if overlaps {
            out.push(EventOccurrence {
                uid: e.uid.clone(),
                summary: e.summary.clone(),
                start,
                end,
                local_start: at,
                line: e.line,
            });
        }
        Ok(())
    }
}

impl VTimezone {
    /// The UTC offset (seconds) in force at wall time `t`: that of the
    /// latest transition at or before it, else the first one's offset
    /// before.
    fn offset_at(&self, t: NaiveDateTime) -> i32 {
        let k = self.transitions.partition_point(|(at, _)| *at <= t);
        match k.checked_sub(1).and_then(|k| self.transitions.get(k)) {
            Some((_, offset)) => *offset,
            None => self.before,
        }
    }
}

/// The most transitions one STANDARD or DAYLIGHT part may have before 3000.
const MAX_TRANSITIONS: usize = 5_000;

/// A VTIMEZONE from its component (with its STANDARD/DAYLIGHT parts and
/// their lines).
fn vtimezone(
    c: &Comp<'_>,
    line: usize,
    parts: &[(&Comp<'_>, usize)],
    lines: &[(usize, String)],
) -> Result<Option<VTimezone>> {
    let id = prop(c, "TZID")
        .map(|p| p.val.as_str().trim().to_string())
        .ok_or_else(|| err_at(line, "VTIMEZONE without TZID"))?;
    let mut transitions: Vec<(NaiveDateTime, i32)> = Vec::new();
    let mut earliest: Option<(NaiveDateTime, i32)> = None;
    for (p, pline) in parts {
        let name = p.name.as_str().to_ascii_uppercase();
        if name != "STANDARD" && name != "DAYLIGHT" {
            continue;
        }
        let offset = |key: &str| -> Result<i32> {
            let v = prop(p, key).ok_or_else(|| err_at(*pline, format!("{name} without {key}")))?;
            parse_offset(v.val.as_str().trim()).ok_or_else(|| {
                err_at(
                    prop_line(lines, *pline, v),
                    format!("invalid {key} `{}` (expected ±HHMM)", clip(v.val.as_str())),
                )
            })
        };
        // Both read, so that the fault named is the first in the file.
        let (offset_to, offset_from) = match (offset("TZOFFSETTO"), offset("TZOFFSETFROM")) {
            (Ok(to), Ok(from)) => (to, from),
            (Err(a), Err(b)) => return Err(if a.line() <= b.line() { a } else { b }),
            (Err(e), _) | (_, Err(e)) => return Err(e),
        };
        // A DATE (Evolution writes `DTSTART;VALUE=DATE:20200101`) is its
        // midnight.
        let start = prop(p, "DTSTART")
            .and_then(|v| {
                let v = v.val.as_str().trim();
                parse_naive(v).or_else(|| parse_date(v).map(|d| d.and_time(NaiveTime::MIN)))
            })
            .ok_or_else(|| err_at(*pline, format!("{name} without a valid DTSTART")))?;
        let mut rdates = Vec::new();
        for r in props(p, "RDATE") {
            for v in r.val.as_str().split(',') {
                rdates.push(
                    parse_naive(v.trim())
                        .ok_or_else(|| err_at(*pline, format!("invalid RDATE `{}`", clip(v))))?,
                );
            }
        }
        if earliest.is_none_or(|(s, _)| start < s) {
            earliest = Some((start, offset_from));
        }
        transitions.push((start, offset_to));
        transitions.extend(rdates.into_iter().map(|r| (r, offset_to)));
        if let Some(rule) = prop(p, "RRULE") {
            let text = rule.val.as_str();
            let bad = |m: String| err_at(*pline, format!("{name}: invalid RRULE: {m}"));
            let fake = |x: NaiveDateTime| rrule::Tz::UTC.from_utc_datetime(&x);
            let parsed = crate::rules::parse_rrule(text).map_err(bad)?;
            let parsed = match parsed.get_until().copied() {
                Some(u) if u.naive_utc() < start => None,
                Some(u) => Some(parsed.until(fake(u.naive_utc()))),
                None => Some(parsed),
            };
            if let Some(parsed) = parsed {
                let set = parsed
                    .build(fake(start))
                    .map_err(|x| bad(x.to_string()))?
                    .limit();
                let end = fake(
                    NaiveDate::from_ymd_opt(3000, 1, 1)
                        .unwrap_or(NaiveDate::MAX)
                        .and_time(NaiveTime::MIN),
                );
                for (k, d) in (&set).into_iter().enumerate() {
                    if d > end {
                        break;
                    }
                    if k >= MAX_TRANSITIONS {
                        return Err(bad(format!(
                            "more than {MAX_TRANSITIONS} changes of offset before 3000"
                        )));
                    }
                    transitions.push((d.naive_utc(), offset_to));
                }
            }
        }
    }
    if transitions.is_empty() {
        // An empty definition of an IANA zone: use the IANA zone.
        if iana(&id).is_some() {
            return Ok(None);
        }
        return Err(err_at(
            line,
            format!("VTIMEZONE {}: no STANDARD or DAYLIGHT", clip(&id)),
        ));
    }
    transitions.sort_by_key(|(t, _)| *t);
    Ok(Some(VTimezone {
        id,
        transitions,
        before: earliest.map_or(0, |(_, off)| off),
    }))
}

/// An RRULE value as real exports write it, made strict: a repeated
/// `RRULE:` prefix is dropped, and so are parts that are not `KEY=VALUE`
/// with a key RFC 5545 §3.3.10 defines (node-ical's Google sample has
/// `RRULE:RRULE:AnythingRandom;FREQ=WEEKLY;…`; python-dateutil reads it
/// so too). Anything else wrong stays, to be reported.
fn liberal_rule(text: &str) -> String {
    const KEYS: [&str; 14] = [
        "FREQ",
        "UNTIL",
        "COUNT",
        "INTERVAL",
        "BYSECOND",
        "BYMINUTE",
        "BYHOUR",
        "BYDAY",
        "BYMONTHDAY",
        "BYYEARDAY",
        "BYWEEKNO",
        "BYMONTH",
        "BYSETPOS",
        "WKST",
    ];
    let mut text = text.trim();
    while let Some(rest) = text
        .get(..6)
        .filter(|p| p.eq_ignore_ascii_case("RRULE:"))
        .and_then(|_| text.get(6..))
    {
        text = rest;
    }
    // A rule holds no spaces (Microsoft CDO writes `BYDAY=MO, TU, WE`).
    text.split(';')
        .filter(|part| {
            part.split_once('=')
                .is_some_and(|(k, _)| KEYS.iter().any(|x| x.eq_ignore_ascii_case(k.trim())))
        })
        .map(|part| part.split_whitespace().collect::<String>())
        .collect::<Vec<_>>()
        .join(";")
}

/// Unescapes a TEXT value (`\n`, `\,`, `\;`, `\\`).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push(' '),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// An IANA zone for a TZID: the name itself, a Mozilla-style path ending in
/// one (`/mozilla.org/20050126_1/Europe/London`), or a Windows zone id or
/// display name (`super::windows`).
fn iana(tzid: &str) -> Option<Tz> {
    let tzid = tzid.trim().trim_matches('"');
    if let Ok(tz) = tzid.parse::<Tz>() {
        return Some(tz);
    }
    let parts: Vec<&str> = tzid.split('/').collect();
    for k in 0..parts.len() {
        if let Some(tz) = parts.get(k..).and_then(|p| p.join("/").parse::<Tz>().ok()) {
            return Some(tz);
        }
    }
    fixed_offset(tzid).or_else(|| super::windows::zone(tzid))
}

/// A whole-hour offset written as a zone name, as Exchange does
/// (`TZID=UTC+01`, `GMT-5`, `UTC+05:00`): its `Etc/GMT` zone (whose sign
/// is the reverse, POSIX-style).
fn fixed_offset(tzid: &str) -> Option<Tz> {
    let rest = tzid
        .get(..3)
        .filter(|p| p.eq_ignore_ascii_case("UTC") || p.eq_ignore_ascii_case("GMT"))
        .and_then(|_| tzid.get(3..))?;
    let (sign, rest) = match rest.get(..1)? {
        "+" => ('-', rest.get(1..)?),
        "-" => ('+', rest.get(1..)?),
        _ => return None,
    };
    let (h, m) = rest.split_once(':').unwrap_or((rest, "00"));
    if h.is_empty() || h.len() > 2 || !h.bytes().all(|b| b.is_ascii_digit()) || m != "00" {
        return None;
    }
    let h: u8 = h.parse().ok()?;
    if h == 0 {
        return Some(chrono_tz::Etc::UTC);
    }
    format!("Etc/GMT{sign}{h}").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_offsets() {
        assert_eq!(parse_duration("P1D"), Some(Duration::days(1)));
        assert_eq!(parse_duration("-PT15M"), Some(Duration::minutes(-15)));
        assert_eq!(parse_duration("PT1H30M"), Some(Duration::minutes(90)));
        assert_eq!(parse_duration("P2W"), Some(Duration::days(14)));
        assert_eq!(parse_duration("PT-2H"), None);
        assert_eq!(parse_duration("P"), None);
        assert_eq!(parse_offset("+0100"), Some(3600));
        assert_eq!(parse_offset("-053000"), Some(-19800));
        assert_eq!(parse_offset("+5744"), None);
        assert_eq!(parse_offset("0100"), None);
    }

    #[test]
    fn zone_names() {
        assert_eq!(iana("Europe/London"), Some(chrono_tz::Europe::London));
        assert_eq!(
            iana("/mozilla.org/20050126_1/Europe/London"),
            Some(chrono_tz::Europe::London)
        );
        assert_eq!(
            iana("Eastern Standard Time"),
            Some(chrono_tz::America::New_York)
        );
        assert_eq!(iana("foo"), None);
        // Whole-hour offsets as names (Exchange), with POSIX's reversed sign.
        assert_eq!(iana("UTC+01"), Some(chrono_tz::Etc::GMTMinus1));
        assert_eq!(iana("GMT-5"), Some(chrono_tz::Etc::GMTPlus5));
        assert_eq!(iana("UTC+05:00"), Some(chrono_tz::Etc::GMTMinus5));
        assert_eq!(iana("UTC+05:30"), None);
        assert_eq!(iana("UTC+1x"), None);
    }

    /// Three events, the middle one in a zone that does not exist (its
    /// DTSTART on line 13, counted by hand).
    const ONE_BAD_ZONE: &str = "BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:test\r
BEGIN:VEVENT\r
UID:board-1\r
SUMMARY:Board meeting\r
DTSTART;TZID=Europe/London:20270316T100000\r
DTEND;TZID=Europe/London:20270316T110000\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:mars-1\r
SUMMARY:Team meeting\r
DTSTART;TZID=Mars/Olympus:20270310T100000\r
DTEND;TZID=Mars/Olympus:20270310T110000\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:away-1\r
SUMMARY:Away day\r
DTSTART;VALUE=DATE:20271225\r
DTEND;VALUE=DATE:20271226\r
END:VEVENT\r
END:VCALENDAR\r
";

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn one_bad_event_is_skipped_or_fails_the_file() {
        let e = IcsCalendar::parse(ONE_BAD_ZONE.as_bytes()).unwrap_err();
        assert_eq!(e.line(), Some(13));
        assert!(
            e.to_string().contains("unknown time zone `Mars/Olympus`"),
            "{e}"
        );
        let cal = IcsCalendar::parse_with(ONE_BAD_ZONE.as_bytes(), BadEvents::Skip).unwrap();
        assert_eq!(cal.event_count(), 2);
        let [skipped] = cal.skipped() else {
            panic!("{:?}", cal.skipped());
        };
        assert_eq!(skipped.line(), 13);
        assert_eq!(skipped.uid(), "mars-1");
        assert_eq!(skipped.summary(), "Team meeting");
        assert_eq!(skipped.reason(), &e);
        assert_eq!(
            skipped.to_string(),
            "line 13: event \"Team meeting\" skipped: unknown time zone `Mars/Olympus` \
             (not defined by a VTIMEZONE, not an IANA or Windows name)"
        );
        let found = cal.expansion(d(2027, 1, 1), d(2027, 12, 31)).unwrap();
        let uids: Vec<&str> = found.occurrences.iter().map(|o| o.uid.as_str()).collect();
        assert_eq!(uids, ["board-1", "away-1"]);
        assert_eq!(found.skipped, cal.skipped());
        // The strict expansion leaves the skipped event out, silently.
        let (strict, _) = cal.occurrences(d(2027, 1, 1), d(2027, 12, 31)).unwrap();
        assert_eq!(strict, found.occurrences);
        // The span is that of the events read.
        assert_eq!(cal.span(), Some((d(2027, 3, 16), d(2027, 12, 26))));
    }

    /// Each kind of fault of one event, on the line of the fault: skipped,
    /// and the other event kept.
    #[test]
    fn faults_of_one_event() {
        let cases = [
            ("DTSTART:2027-03-10\r\n", 5, "invalid DTSTART"),
            (
                "DTSTART:20270310T100000Z\r\nDTEND:20270310T1000\r\n",
                6,
                "invalid DTEND",
            ),
            (
                "DTSTART:20270310T100000Z\r\nDURATION:1H\r\n",
                6,
                "invalid DURATION",
            ),
            (
                "DTSTART:20270310T100000Z\r\nRRULE:FREQ=SOMETIMES\r\n",
                6,
                "invalid RRULE",
            ),
            (
                "DTSTART:20270310T100000Z\r\nEXDATE:20270317T10\r\n",
                6,
                "invalid EXDATE",
            ),
            (
                "DTSTART:20270310T100000Z\r\nRDATE:x\r\n",
                6,
                "invalid RDATE",
            ),
            (
                "DTSTART:20270310T100000Z\r\nRECURRENCE-ID:2027031\r\n",
                6,
                "invalid RECURRENCE-ID",
            ),
            ("LOCATION:x\r\n", 3, "no DTSTART"),
            (
                "DTSTART:20270310T100000Z\r\nDTEND:20270310T090000Z\r\n",
                3,
                "ends before it starts",
            ),
            (
                "DTSTART:20270310T100000Z\r\nBEGIN:VALARM\r\nTRIGGER:PT2X\r\nEND:VALARM\r\n",
                7,
                "invalid TRIGGER",
            ),
        ];
        for (props, line, needle) in cases {
            let text = format!(
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:bad\r\n{props}END:VEVENT\r\n\
                 BEGIN:VEVENT\r\nUID:good\r\nDTSTART;VALUE=DATE:20270311\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            );
            let strict = IcsCalendar::parse(text.as_bytes());
            let cal = IcsCalendar::parse_with(text.as_bytes(), BadEvents::Skip).unwrap();
            let found = cal.expansion(d(2027, 3, 1), d(2027, 3, 31)).unwrap();
            let uids: Vec<&str> = found.occurrences.iter().map(|o| o.uid.as_str()).collect();
            let e = strict.unwrap_err();
            assert!(e.to_string().contains(needle), "{props}: {e}");
            assert_eq!(uids, ["good"], "{props}");
            let [skipped] = found.skipped.as_slice() else {
                panic!("{props}: {:?}", found.skipped);
            };
            assert_eq!(skipped.line(), line, "{props}: {skipped}");
            assert_eq!(skipped.reason(), &e, "{props}");
            assert!(
                skipped
                    .to_string()
                    .contains("event \"(no title)\" skipped:"),
                "{skipped}"
            );
        }
    }

    /// The span reaches as far as the events do: a series that began
    /// decades ago and has no end (or more instances than can be counted)
    /// still reaches today, so the default import window is not empty
    /// (issue 19: such calendars imported as "0 occurrences of 0 events").
    #[test]
    fn long_running_series_reach_today() {
        let one = |start: &str, rule: &str| {
            let text = format!(
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:s\r\n\
                 DTSTART;TZID=Europe/London:{start}\r\nDURATION:PT1H\r\nRRULE:{rule}\r\n\
                 END:VEVENT\r\nEND:VCALENDAR\r\n"
            );
            IcsCalendar::parse(text.as_bytes()).unwrap().span().unwrap()
        };
        let cases = [
            (
                "19850101T090000",
                "FREQ=DAILY",
                d(1985, 1, 1),
                NaiveDate::MAX,
            ),
            (
                "19700105T090000",
                "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR",
                d(1970, 1, 5),
                NaiveDate::MAX,
            ),
            // More instances than are counted: as far as anything can be.
            (
                "19700101T090000",
                "FREQ=DAILY;COUNT=30000",
                d(1970, 1, 1),
                NaiveDate::MAX,
            ),
            // Too many to count, but an UNTIL: that far.
            (
                "19700101T090000",
                "FREQ=DAILY;UNTIL=20270101T000000Z",
                d(1970, 1, 1),
                d(2027, 1, 1),
            ),
            (
                "20260105T090000",
                "FREQ=WEEKLY;COUNT=3",
                d(2026, 1, 5),
                d(2026, 1, 19),
            ),
        ];
        for (start, rule, first, last) in cases {
            assert_eq!(one(start, rule), (first, last), "{rule}");
        }
    }

    /// Every VEVENT ends in the window, outside it or skipped: a series in
    /// the window with a cancelled and a moved instance, an old and a late
    /// one-off, an event in an unknown zone (skipped) and its override
    /// (which then stands alone).
    #[test]
    fn every_vevent_is_tallied() {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
            BEGIN:VEVENT\r\nUID:w\r\nSUMMARY:Weekly\r\nDTSTART:20270104T090000Z\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:w\r\nRECURRENCE-ID:20270111T090000Z\r\nDTSTART:20270112T090000Z\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:w\r\nRECURRENCE-ID:20270118T090000Z\r\nDTSTART:20270118T090000Z\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:old\r\nDTSTART:19990104T090000Z\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:mars\r\nDTSTART;TZID=Mars/Olympus:20270104T090000\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:mars\r\nRECURRENCE-ID:20270105T090000Z\r\nDTSTART:20270105T100000Z\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:late\r\nDTSTART;VALUE=DATE:20990101\r\nEND:VEVENT\r\n\
            END:VCALENDAR\r\n";
        let cal = IcsCalendar::parse_with(text.as_bytes(), BadEvents::Skip).unwrap();
        let x = cal.expansion(d(2027, 1, 1), d(2027, 1, 31)).unwrap();
        let reasons: Vec<String> = x.skipped.iter().map(ToString::to_string).collect();
        assert_eq!(
            x.tally,
            Tally {
                vevents: 7,
                in_window: 3,
                outside: 2,
                skipped: 2,
            },
            "{reasons:#?}"
        );
        assert!(x.tally.adds_up());
        assert_eq!(x.occurrences.len(), 4, "{:?}", x.occurrences);
        let lines: Vec<usize> = x.skipped.iter().map(SkippedEvent::line).collect();
        assert_eq!(lines, [14, 26], "{reasons:#?}");
        assert!(reasons[0].ends_with("skipped: cancelled (STATUS:CANCELLED)"));
        // The strict reading tallies only the VEVENTs.
        let strict = IcsCalendar::parse(text.replace("Mars/Olympus", "UTC").as_bytes()).unwrap();
        let (occ, _) = strict.occurrences(d(2027, 1, 1), d(2027, 1, 31)).unwrap();
        // Three of the weekly series, 28 daily ones (one moved).
        assert_eq!(occ.len(), 3 + 28);
    }

    /// Outlook and Exchange zone names in display form, quoted or not, old
    /// and new style, with no VTIMEZONE; Apple's structured location with
    /// DQUOTEs and colons in its parameters; an `X-` name RFC 5545 does
    /// not allow; an empty parameter name. Each event is read at the
    /// instant its zone gives.
    #[test]
    fn outlook_zone_names_and_apple_parameters() {
        let cases = [
            ("DTSTART;TZID=\"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna\":20270310T100000", "2027-03-10T09:00:00Z"),
            ("DTSTART;TZID=(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna:20270310T100000", "2027-03-10T09:00:00Z"),
            ("DTSTART;TZID=(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi:20270310T100000", "2027-03-10T04:30:00Z"),
            ("DTSTART;TZID=(GMT) Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London:20270710T100000", "2027-07-10T09:00:00Z"),
            ("DTSTART;TZID=\"(GMT) Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London\":20270710T100000", "2027-07-10T09:00:00Z"),
            ("DTSTART;TZID=(GMT-08:00) Pacific Time (US and Canada); Tijuana:20270310T100000", "2027-03-10T18:00:00Z"),
            ("DTSTART;TZID=\"(GMT-08:00) Pacific Time (US and Canada); Tijuana\":20270310T100000", "2027-03-10T18:00:00Z"),
            ("DTSTART;TZID=W. Europe Standard Time:20270310T100000", "2027-03-10T09:00:00Z"),
            ("DTSTART;X-ODD=a\"b;TZID=Europe/Paris:20270310T100000", "2027-03-10T09:00:00Z"),
        ];
        let apple = "X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS=Via \"Roma\" 1\\, Milano;\
            X-APPLE-RADIUS=70;X-TITLE=Caffè \"Roma\": sala 2;=odd:geo:45.46,9.18\r\n\
            X-APPLE-TRAVEL-ADVISORY-BEHAVIOR;X-TITLE=5\" screen:AUTOMATIC\r\n\
            X-MS_OLK-THING:x\r\nX-A.B;Y=1:z\r\n";
        for (dtstart, want) in cases {
            let text = format!(
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:o\r\n{dtstart}\r\n\
                 {apple}X-LONG:{}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                "x".repeat(5000)
            );
            let cal =
                IcsCalendar::parse(text.as_bytes()).unwrap_or_else(|e| panic!("{dtstart}: {e}"));
            let (occ, _) = cal.occurrences(d(2027, 1, 1), d(2027, 12, 31)).unwrap();
            let [o] = occ.as_slice() else {
                panic!("{dtstart}: {occ:?}");
            };
            assert_eq!(o.start, When::Time(want.parse().unwrap()), "{dtstart}");
        }
        // A display name that maps nowhere is an error of that event only.
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
            BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=\"(UTC+01:00) Atlantis\":20270310T100000\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20270310T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let cal = IcsCalendar::parse_with(text.as_bytes(), BadEvents::Skip).unwrap();
        let x = cal.expansion(d(2027, 1, 1), d(2027, 12, 31)).unwrap();
        assert_eq!(x.occurrences.len(), 1);
        assert_eq!(x.skipped.len(), 1);
        assert_eq!(x.skipped[0].line(), 5);
        assert!(x.skipped[0]
            .to_string()
            .contains("unknown time zone `(UTC+01:00) Atlantis`"));
    }

    #[test]
    fn faults_of_the_file_are_still_errors() {
        for text in [
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20270310T100000Z\r\nEND:VCALENDAR\r\n",
            "BEGIN:VCALENDAR\r\nX\r\nEND:VCALENDAR\r\n",
            "BEGIN:VEVENT\r\nEND:VEVENT\r\n",
            "BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:x\r\nBEGIN:STANDARD\r\n\
             DTSTART:19700101T000000\r\nTZOFFSETFROM:+5328\r\nTZOFFSETTO:+0000\r\n\
             END:STANDARD\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n",
        ] {
            assert!(
                IcsCalendar::parse_with(text.as_bytes(), BadEvents::Skip).is_err(),
                "{text}"
            );
        }
    }

    /// Bytes 0x80–0x9F as Python's `cp1252` codec reads them (`errors=
    /// "replace"`), and the rest as Latin-1.
    #[test]
    fn windows_1252_table() {
        let c1: Vec<u8> = (0x80..0xA0).collect();
        assert_eq!(
            windows_1252(&c1),
            "€\u{FFFD}‚ƒ„…†‡ˆ‰Š‹Œ\u{FFFD}Ž\u{FFFD}\u{FFFD}‘’“”•–—˜™š›œ\u{FFFD}žŸ"
        );
        assert_eq!(windows_1252(b"caf\xe9 \xa0\xff"), "café \u{a0}ÿ");
    }

    /// Text that is not UTF-8 is read as Windows-1252, with a note naming
    /// the first line that is not; a UTF-8 character split by a fold is
    /// whole again (RFC 5545 §3.1), with no note; several VCALENDARs in
    /// one stream are all read.
    #[test]
    fn encodings_and_several_calendars() {
        let event = |uid: &str, summary: &[u8]| {
            [
                b"BEGIN:VEVENT\r\nUID:".as_slice(),
                uid.as_bytes(),
                b"\r\nSUMMARY:",
                summary,
                b"\r\nDTSTART;VALUE=DATE:20270310\r\nEND:VEVENT\r\n",
            ]
            .concat()
        };
        let cal = |events: &[u8]| {
            [
                b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n".as_slice(),
                events,
                b"END:VCALENDAR\r\n",
            ]
            .concat()
        };
        let range = (d(2027, 1, 1), d(2027, 12, 31));
        let summaries = |c: &IcsCalendar| -> Vec<String> {
            let (occ, _) = c.occurrences(range.0, range.1).unwrap();
            occ.into_iter().map(|o| o.summary).collect()
        };
        let latin1 = IcsCalendar::parse(&cal(&event("a", b"Caf\xe9 \x80 5"))).unwrap();
        assert_eq!(latin1.read_notes(), [ReadNote::NotUtf8 { line: 6 }]);
        assert_eq!(summaries(&latin1), ["Café € 5"]);
        assert!(latin1.read_notes()[0].to_string().starts_with("line 6: "));
        let split = IcsCalendar::parse(&cal(&event("b", b"Caf\xc3\r\n \xa9"))).unwrap();
        assert!(split.read_notes().is_empty());
        assert_eq!(summaries(&split), ["Café"]);
        let two = [cal(&event("c", b"one")), cal(&event("d", b"two"))].concat();
        let two = IcsCalendar::parse(&two).unwrap();
        assert_eq!(two.event_count(), 2);
        assert_eq!(summaries(&two), ["one", "two"]);
        // Between calendars, only an X- property is let pass.
        let between = [
            cal(&event("c", b"one")),
            b"SUMMARY:x\r\n".to_vec(),
            cal(&event("d", b"two")),
        ]
        .concat();
        assert_eq!(IcsCalendar::parse(&between).unwrap_err().line(), Some(10));
    }

    /// The fast path for plain yearly rules gives the `rrule` crate's
    /// instances (29 February, INTERVAL, COUNT, UNTIL), and stays out of
    /// every other rule.
    #[test]
    fn plain_yearly_rules_match_the_rrule_crate() {
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y%m%dT%H%M%S").unwrap();
        let set = |rule: &str, start: &str| {
            let fake = |t: NaiveDateTime| rrule::Tz::UTC.from_utc_datetime(&t);
            let r = crate::rules::parse_rrule(rule).unwrap();
            let r = match r.get_until() {
                Some(u) => {
                    let u = u.naive_utc();
                    r.until(fake(u))
                }
                None => r,
            };
            rrule::RRuleSet::new(fake(at(start))).rrule(r.validate(fake(at(start))).unwrap())
        };
        let cases = [
            ("FREQ=YEARLY;INTERVAL=1", "20040917T000000"),
            ("FREQ=YEARLY", "20000229T093000"),
            ("FREQ=YEARLY;INTERVAL=3", "19960229T000000"),
            ("FREQ=YEARLY;COUNT=5", "20000229T120000"),
            ("FREQ=YEARLY;UNTIL=20120301T000000Z", "20000229T000000"),
            (
                "FREQ=YEARLY;UNTIL=20100917T000000Z;INTERVAL=2",
                "20040917T000000",
            ),
            ("FREQ=YEARLY;INTERVAL=400", "16000229T000000"),
        ];
        for (rule, start) in cases {
            let set = set(rule, start);
            let fast: Vec<NaiveDateTime> = plain_yearly(rule, &set).unwrap().take(40).collect();
            // The fast path ends at 9999 (the years a calendar can name).
            let slow: Vec<NaiveDateTime> = (&set)
                .into_iter()
                .take(40)
                .map(|d| d.naive_utc())
                .filter(|t| t.year() <= 9999)
                .collect();
            assert_eq!(fast, slow, "{rule} from {start}");
            assert!(!fast.is_empty(), "{rule}");
        }
        for rule in [
            "FREQ=YEARLY;BYMONTH=3",
            "FREQ=YEARLY;BYDAY=1SU",
            "FREQ=MONTHLY",
            "FREQ=YEARLY;BYMONTHDAY=1",
        ] {
            assert!(
                plain_yearly(rule, &set(rule, "20040917T000000")).is_none(),
                "{rule}"
            );
        }
    }

    #[test]
    fn liberal_rules() {
        let cases = [
            ("FREQ=DAILY;COUNT=2", "FREQ=DAILY;COUNT=2"),
            ("RRULE:RRULE:FREQ=WEEKLY", "FREQ=WEEKLY"),
            (
                "FREQ=DAILY;BYDAY=MO, TU, WE ;X-NAME=a b;WKST=SU",
                "FREQ=DAILY;BYDAY=MO,TU,WE;WKST=SU",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(liberal_rule(text), want, "{text}");
        }
    }

    #[test]
    fn alarm_triggers() {
        let cases = [
            ("-PT15M", Some(-15)),
            ("PT-2H", Some(-120)),
            ("P-1D", Some(-1440)),
            ("PT+5M", Some(5)),
            ("PT2H", Some(120)),
            ("P-T2H", None),
            ("PT--2H", None),
            ("-PT-2H", None),
            ("T-2H", None),
            ("", None),
        ];
        for (text, minutes) in cases {
            assert_eq!(
                trigger_duration(text).map(|d| d.num_minutes()),
                minutes,
                "{text}"
            );
        }
    }

    #[test]
    fn screening() {
        let ok = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
        assert!(screen(ok).is_ok());
        let deep = format!(
            "BEGIN:VCALENDAR\r\n{}{}END:VCALENDAR\r\n",
            "BEGIN:X\r\n".repeat(5000),
            "END:X\r\n".repeat(5000)
        );
        let err = screen(deep.as_bytes()).unwrap_err().to_string();
        assert!(err.contains("nested more than"), "{err}");
        let err = screen(b"BEGIN:VCALENDAR\r\nX\r\nEND:VCALENDAR\r\n").unwrap_err();
        assert_eq!(err.line(), Some(2));
        let (lines, latin1) =
            screen(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:a\xff\r\nEND:VCALENDAR\r\n")
                .unwrap();
        assert_eq!(latin1, Some(3));
        assert_eq!(lines[2], (3, "SUMMARY:a\u{ff}".to_string()));
        assert!(screen(b"BEGIN:VCALENDAR\r\n").is_err());
        assert!(screen(b"").is_err());
    }
}
