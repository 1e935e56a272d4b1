//! Typed requests: one per command, as a user gives them (strings for
//! dates, times and names, which every front end has), with the defaults
//! and limits of each command, validated in one step by [`crate::run`].
//! The clock is never read here: a request carries its instant.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clash_core::chrono_tz::Tz;
use clash_core::{HinduReckoning, IslamicMethod, JewishCustoms, Location};

/// The output format a request is answered in; [`crate::run`] refuses a
/// format the command does not write (iCalendar is for occurrences).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Format {
    /// Words for a person.
    #[default]
    Text,
    /// The JSON contract (SPEC §9).
    Json,
    /// One row per item.
    Csv,
    /// iCalendar (RFC 5545): `list` and `export` only.
    Ics,
}

/// What every command takes: where, which observances, which reckonings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// A preset name in any case or `LAT,LON,TZ`; Leicester when `None`.
    pub location: Option<String>,
    /// Only these observance ids.
    pub ids: Vec<String>,
    /// Only these traditions.
    pub traditions: Vec<String>,
    /// Leave out these traditions.
    pub exclude_traditions: Vec<String>,
    /// Only observances of at least this impact: `low`, `medium`, `high`.
    pub min_impact: Option<String>,
    /// Only these categories (`weekly` only when named).
    pub categories: Vec<String>,
    /// Only public holidays of these regions (else the location's nation).
    pub regions: Vec<String>,
    /// How Hijri dates are computed.
    pub islamic_method: IslamicMethod,
    /// Jewish customs: diaspora or Israel.
    pub jewish_customs: JewishCustoms,
    /// Where Hindu festivals are reckoned.
    pub hindu_reckoning: HinduReckoning,
}

impl Options {
    /// These filters with the settings of `settings`: its location and its
    /// Islamic, Jewish and Hindu reckonings. A named feed (which says what
    /// it filters) served or published with a location of its own.
    pub fn with_settings_of(self, settings: &Options) -> Options {
        Options {
            location: settings.location.clone(),
            islamic_method: settings.islamic_method,
            jewish_customs: settings.jewish_customs,
            hindu_reckoning: settings.hindu_reckoning,
            ..self
        }
    }

    /// The location: the one given, else Leicester.
    pub(crate) fn location(&self) -> clash_core::Result<Location> {
        match &self.location {
            Some(s) => s.parse(),
            None => Ok(Location::leicester()),
        }
    }

    /// The settings at `location` with these reckonings.
    pub(crate) fn settings_at(&self, location: Location) -> clash_core::Settings {
        clash_core::Settings::default()
            .location(location)
            .islamic_method(self.islamic_method)
            .jewish_customs(self.jewish_customs)
            .hindu_reckoning(self.hindu_reckoning)
    }
}

/// A range as `--from`/`--to`: each a date, `today`, `tomorrow`, a month
/// or a year (for its first or last day).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FromTo {
    /// The first day.
    pub from: Option<String>,
    /// The last day.
    pub to: Option<String>,
}

/// A meeting's time of day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meeting {
    /// A local time `HH:MM` on each day, rather than whole days.
    pub time: Option<String>,
    /// How long: `90m`, `2h`, `1h30m` (one hour when `None`).
    pub duration: Option<String>,
    /// The meeting serves food or drink (matters in fasting hours).
    pub with_food: bool,
}

/// `check`: does a date, range or date-time clash?
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Check {
    /// A date, month, year, `FROM..TO` or `YYYY-MM-DDTHH:MM`.
    pub when: Option<String>,
    /// The range as `--from`/`--to` instead.
    pub range: FromTo,
    /// The meeting's time, if any.
    pub meeting: Meeting,
}

/// `suggest`: the best dates (or date-times) in a window for an audience.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggest {
    /// `FROM..TO`, a month or a year; the next four weeks when `None`.
    pub window: Option<String>,
    /// The window as `--from`/`--to` instead.
    pub range: FromTo,
    /// Allowed weekdays: `mon-fri`, `mon,wed,fri`, `sat-sun`, `all`.
    pub weekdays: String,
    /// The meeting's time, if any.
    pub meeting: Meeting,
    /// How many suggestions (1–100).
    pub count: u16,
    /// An audience profile's name, or the path of a profile TOML file.
    pub profile: String,
}

impl Default for Suggest {
    fn default() -> Self {
        Suggest {
            window: None,
            range: FromTo::default(),
            weekdays: "mon-fri".to_string(),
            meeting: Meeting::default(),
            count: 5,
            profile: "leicester".to_string(),
        }
    }
}

/// `list` and `export`: the occurrences in a range.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct List {
    /// A date, month, year or `FROM..TO`.
    pub range_text: Option<String>,
    /// The range as `--from`/`--to` instead.
    pub range: FromTo,
}

/// Where an imported calendar comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Calendar {
    /// A file, read with the core's bounds.
    File(PathBuf),
    /// An `http://` or `https://` address (an Outlook "publish calendar"
    /// link, a Google "secret address"), fetched within
    /// [`crate::fetch::FetchLimits::default`].
    Url(String),
    /// This process's standard input, read with the core's bounds.
    Stdin,
    /// Bytes already in hand (an upload), and the name to show for them.
    Bytes {
        /// What the report calls the calendar.
        name: String,
        /// The `.ics` text.
        data: Vec<u8>,
    },
}

/// `import`: check every event of an iCalendar file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// The calendar.
    pub calendar: Calendar,
    /// The window; from today to the calendar's last event (at most ten
    /// years) when neither end is given.
    pub range: FromTo,
    /// The meetings serve food or drink.
    pub with_food: bool,
}

/// `show`: one observance, its rule, source and next dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Show {
    /// The observance id.
    pub id: String,
    /// How many dates (1–100).
    pub count: u16,
    /// From when (today when `None`), up to twenty years on.
    pub range: FromTo,
}

/// `sun`: sunrise and sunset at the location.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sun {
    /// A date, month, year or `FROM..TO`; today when `None`.
    pub range_text: Option<String>,
    /// The range as `--from`/`--to` instead.
    pub range: FromTo,
}

/// One command's request.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Command {
    /// `check`.
    Check(Check),
    /// `suggest`.
    Suggest(Suggest),
    /// `list`.
    List(List),
    /// `export`: as `list`, written as an iCalendar feed.
    Export(List),
    /// `import`.
    Import(Import),
    /// `observances`: the catalogue, filtered.
    Observances,
    /// `show`.
    Show(Show),
    /// `sun`.
    Sun(Sun),
    /// `locations`: the presets.
    Locations,
}

/// A request: a command, its options, the format it is wanted in, and the
/// instant it is asked at (today is that instant's date at the location).
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// What to do.
    pub command: Command,
    /// Where, and which observances.
    pub options: Options,
    /// The output format (checked against the command).
    pub format: Format,
    /// When the request is made: `today` and `tomorrow` and every default
    /// window count from its date at the location.
    pub now: DateTime<Utc>,
    /// Whether the request may name files on this machine (a profile TOML,
    /// a calendar by path), read standard input or have an address fetched:
    /// the CLI's user may, a web visitor may not.
    pub may_read_files: bool,
    /// The most days a list or a whole-day check may cover for this asker
    /// (`None`: the supported years). The web service sets it, so that no
    /// request makes centuries of answers in one go.
    pub max_range_days: Option<i64>,
}

impl Request {
    /// A request for `command` with the default options, in text, at
    /// `now`, naming no files.
    pub fn new(command: Command, now: DateTime<Utc>) -> Self {
        Request {
            command,
            options: Options::default(),
            format: Format::Text,
            now,
            may_read_files: false,
            max_range_days: None,
        }
    }

    /// The same request, with a list or whole-day check of at most `days`
    /// days.
    #[must_use]
    pub fn max_range_days(mut self, days: i64) -> Self {
        self.max_range_days = Some(days);
        self
    }

    /// The same request, allowed to name files on this machine (or not).
    #[must_use]
    pub fn reading_files(mut self, may: bool) -> Self {
        self.may_read_files = may;
        self
    }

    /// The same request in another format.
    #[must_use]
    pub fn format(mut self, format: Format) -> Self {
        self.format = format;
        self
    }

    /// The same request with other options.
    #[must_use]
    pub fn options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }

    /// The time zone in which the date of `now` is this request's today:
    /// the location's. `None` when the location is refused (and with it
    /// the request). A request that reads nothing beyond itself (no file,
    /// no address, no upload) answers the same on every instant of that
    /// date, so an answer can be kept for the date (`clash serve` does).
    pub fn time_zone(&self) -> Option<Tz> {
        self.options.location().ok().map(|l| l.timezone())
    }
}
