//! Locations (latitude, longitude, IANA time zone), the presets of SPEC §4,
//! and sunrise and sunset in local civil time.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;

use crate::calendars::sun::{self, Event, NoEvent};
use crate::error::{Error, Result};
use crate::model::{Region, RegionSet};

/// A place: latitude and longitude in degrees (north and east positive) and
/// an IANA time zone.
///
/// ```
/// use clash_core::Location;
/// let leicester = Location::preset("leicester").unwrap();
/// assert_eq!(leicester.timezone().name(), "Europe/London");
/// let custom: Location = "51.5,-0.12,Europe/London".parse()?;
/// assert_eq!(custom.latitude(), 51.5);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    name: Option<String>,
    latitude: f64,
    longitude: f64,
    timezone: Tz,
    region: Option<Region>,
    locality: Option<Region>,
}

/// The preset locations: (name, latitude, longitude, time zone).
pub const PRESETS: &[(&str, f64, f64, Tz)] = &[
    ("leicester", 52.6369, -1.1398, Tz::Europe__London),
    ("london", 51.5074, -0.1278, Tz::Europe__London),
    ("birmingham", 52.4862, -1.8904, Tz::Europe__London),
    ("manchester", 53.4808, -2.2426, Tz::Europe__London),
    ("bradford", 53.7950, -1.7594, Tz::Europe__London),
    ("glasgow", 55.8642, -4.2518, Tz::Europe__London),
    ("cardiff", 51.4816, -3.1791, Tz::Europe__London),
    ("belfast", 54.5973, -5.9301, Tz::Europe__London),
    ("delhi", 28.6139, 77.2090, Tz::Asia__Kolkata),
    ("mecca", 21.4225, 39.8262, Tz::Asia__Riyadh),
    ("jerusalem", 31.7683, 35.2137, Tz::Asia__Jerusalem),
    ("tehran", 35.6892, 51.3890, Tz::Asia__Tehran),
    ("beijing", 39.9042, 116.4074, Tz::Asia__Shanghai),
    ("new-york", 40.7128, -74.0060, Tz::America__New_York),
];

/// Sunrise and sunset of one local civil day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct SunDay {
    /// The local date.
    pub date: NaiveDate,
    /// Sunrise, or `None` if the sun does not rise.
    pub sunrise: Option<DateTime<Tz>>,
    /// Sunset, or `None` if the sun does not set.
    pub sunset: Option<DateTime<Tz>>,
    /// Why an event is missing: polar day or polar night.
    pub polar: Option<NoEvent>,
}

impl Location {
    /// A location from coordinates and a time zone.
    ///
    /// # Errors
    /// [`crate::ErrorKind::Invalid`] for a latitude outside ±90° or a
    /// longitude outside ±180° (or not a number).
    pub fn new(latitude: f64, longitude: f64, timezone: Tz) -> Result<Self> {
        if !(-90.0..=90.0).contains(&latitude) {
            return Err(Error::invalid(format!(
                "latitude {latitude} is not within -90..90"
            )));
        }
        if !(-180.0..=180.0).contains(&longitude) {
            return Err(Error::invalid(format!(
                "longitude {longitude} is not within -180..180"
            )));
        }
        Ok(Location {
            name: None,
            latitude,
            longitude,
            timezone,
            region: crate::nations::nation_at(latitude, longitude),
            locality: crate::nations::locality_at(latitude, longitude),
        })
    }

    /// The preset with this name (see [`PRESETS`]), in any case, with a
    /// space or `_` for the `-` of two words; the location keeps the
    /// preset's lowercase name.
    ///
    /// ```
    /// use clash_core::Location;
    /// let ny = Location::preset("New York").unwrap();
    /// assert_eq!(ny.name(), Some("new-york"));
    /// assert_eq!(Location::preset("LEICESTER"), Location::preset("leicester"));
    /// assert!(Location::preset("atlantis").is_none());
    /// ```
    pub fn preset(name: &str) -> Option<Self> {
        let name = name.trim();
        let same = |preset: &str| {
            preset.len() == name.len()
                && preset.bytes().zip(name.bytes()).all(|(p, n)| {
                    p == n.to_ascii_lowercase() || (p == b'-' && matches!(n, b' ' | b'_'))
                })
        };
        PRESETS
            .iter()
            .find(|p| same(p.0))
            .map(|&(n, lat, lon, tz)| Location {
                name: Some(n.to_string()),
                latitude: lat,
                longitude: lon,
                timezone: tz,
                region: crate::nations::nation_at(lat, lon),
                locality: crate::nations::locality_at(lat, lon),
            })
    }

    /// The default location, Leicester.
    pub fn leicester() -> Self {
        Location {
            name: Some("leicester".to_string()),
            latitude: 52.6369,
            longitude: -1.1398,
            timezone: Tz::Europe__London,
            region: Some(Region::GbEng),
            locality: Some(Region::Leicester),
        }
    }

    /// The preset name, if this is a preset.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }
    /// Degrees north.
    pub fn latitude(&self) -> f64 {
        self.latitude
    }
    /// Degrees east.
    pub fn longitude(&self) -> f64 {
        self.longitude
    }
    /// The IANA time zone.
    pub fn timezone(&self) -> Tz {
        self.timezone
    }

    /// The UK nation the location is in, whose public holidays apply there
    /// (SPEC §6.1), or `None` outside the UK. Presets carry theirs;
    /// coordinates are placed by coarse outlines of the four nations.
    ///
    /// ```
    /// use clash_core::{Location, Region};
    /// assert_eq!(Location::preset("glasgow").unwrap().region(), Some(Region::GbSct));
    /// let edinburgh: Location = "55.95,-3.19,Europe/London".parse()?;
    /// assert_eq!(edinburgh.region(), Some(Region::GbSct));
    /// assert_eq!(Location::preset("delhi").unwrap().region(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn region(&self) -> Option<Region> {
        self.region
    }

    /// The regions the location is in: its nation and the locality within
    /// it whose own events the catalogue knows (the Leicester preset and
    /// points in Leicester's built-up area are in `leicester`). Empty
    /// outside the UK.
    ///
    /// ```
    /// use clash_core::{Location, Region};
    /// let leicester = Location::leicester();
    /// assert_eq!(leicester.regions().iter().collect::<Vec<_>>(), [Region::GbEng, Region::Leicester]);
    /// let stoneygate: Location = "52.61,-1.10,Europe/London".parse()?;
    /// assert!(stoneygate.regions().contains(Region::Leicester));
    /// let london = Location::preset("london").unwrap();
    /// assert_eq!(london.regions().iter().collect::<Vec<_>>(), [Region::GbEng]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn regions(&self) -> RegionSet {
        self.region.into_iter().chain(self.locality).collect()
    }

    /// The instant of a local clock time here (a time the clocks skip is
    /// moved forward by the gap; one they repeat is the first), for timed
    /// checks: `None` only for an invalid time of day.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use clash_core::Location;
    /// let day = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
    /// let t = Location::leicester().at(day, 18, 30).unwrap();
    /// assert_eq!(t.to_rfc3339(), "2026-07-01T18:30:00+01:00");
    /// ```
    pub fn at(&self, date: NaiveDate, hour: u32, minute: u32) -> Option<DateTime<Tz>> {
        local_instant(self.timezone, date.and_hms_opt(hour, minute, 0)?).0
    }

    /// Sunrise and sunset on the local date `date`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use clash_core::Location;
    /// let day = Location::leicester().sun(NaiveDate::from_ymd_opt(2024, 6, 21).unwrap());
    /// assert_eq!(day.sunset.unwrap().format("%H:%M %:z").to_string(), "21:32 +01:00");
    /// ```
    pub fn sun(&self, date: NaiveDate) -> SunDay {
        let rise = self.event(date, Event::Sunrise);
        let set = self.event(date, Event::Sunset);
        let polar = rise.as_ref().err().or(set.as_ref().err()).copied();
        SunDay {
            date,
            sunrise: rise.ok(),
            sunset: set.ok(),
            polar,
        }
    }

    /// The first moonrise on the local date `date`, if the Moon rises that
    /// day (about one day in thirty it does not).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use clash_core::Location;
    /// let delhi = Location::preset("delhi").unwrap();
    /// let rise = delhi.moonrise(NaiveDate::from_ymd_opt(2024, 10, 20).unwrap()).unwrap();
    /// assert_eq!(rise.format("%H:%M").to_string(), "19:54");
    /// ```
    pub fn moonrise(&self, date: NaiveDate) -> Option<DateTime<Tz>> {
        use crate::calendars::astro::{moonrise_between, JulianDay};
        let start = self
            .timezone
            .from_local_datetime(&date.and_hms_opt(0, 0, 0)?)
            .earliest()?;
        let end = self
            .timezone
            .from_local_datetime(&date.succ_opt()?.and_hms_opt(0, 0, 0)?)
            .earliest()?;
        let rise = moonrise_between(
            JulianDay::from_datetime(start.naive_utc()),
            JulianDay::from_datetime(end.naive_utc()),
            self.latitude,
            self.longitude,
        )?;
        Some(self.timezone.from_utc_datetime(&rise.to_datetime()?))
    }

    /// Sunset on the local date `date`, if the sun sets.
    pub fn sunset(&self, date: NaiveDate) -> Option<DateTime<Tz>> {
        self.event(date, Event::Sunset).ok()
    }

    /// Sunrise on the local date `date`, if the sun rises.
    pub fn sunrise(&self, date: NaiveDate) -> Option<DateTime<Tz>> {
        self.event(date, Event::Sunrise).ok()
    }

    /// Dawn on the local date `date`: the Sun's centre at 18° below the
    /// horizon (astronomical dawn, the usual start of the Fajr prayer and of
    /// the Ramadan fast), or `None` where it never gets that low (at
    /// Leicester, from late May to mid July).
    pub fn dawn(&self, date: NaiveDate) -> Option<DateTime<Tz>> {
        self.at_altitude(date, DAWN_ALTITUDE, true)
    }

    /// Nightfall on the local date `date`: the Sun's centre at 8.5° below
    /// the horizon, when three stars are out (the end of Shabbat and of
    /// Jewish fasts, the tzeit of hebcal), or `None` where it never gets
    /// that low.
    pub fn nightfall(&self, date: NaiveDate) -> Option<DateTime<Tz>> {
        self.at_altitude(date, NIGHTFALL_ALTITUDE, false)
    }

    /// Solar noon (the Sun's transit) on the local date `date`.
    pub fn solar_noon(&self, date: NaiveDate) -> Option<DateTime<Tz>> {
        let utc = sun::solar_noon_utc(date, self.longitude)?;
        Some(self.timezone.from_utc_datetime(&utc))
    }

    fn at_altitude(&self, date: NaiveDate, altitude: f64, rising: bool) -> Option<DateTime<Tz>> {
        let utc = sun::altitude_utc(date, self.latitude, self.longitude, altitude, rising).ok()?;
        Some(self.timezone.from_utc_datetime(&utc))
    }

    fn event(&self, date: NaiveDate, event: Event) -> std::result::Result<DateTime<Tz>, NoEvent> {
        // The solar day nearest the local date: events are computed around
        // local apparent noon at this longitude.
        let utc = sun::event_utc(date, self.latitude, self.longitude, event)?;
        Ok(self.timezone.from_utc_datetime(&utc))
    }
}

/// The Sun's altitude at dawn (Fajr), degrees.
pub const DAWN_ALTITUDE: f64 = -18.0;
/// The Sun's altitude at nightfall (tzeit), degrees.
pub const NIGHTFALL_ALTITUDE: f64 = -8.5;

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.name {
            Some(n) => f.write_str(n),
            None => write!(
                f,
                "{},{},{}",
                self.latitude,
                self.longitude,
                self.timezone.name()
            ),
        }
    }
}

impl FromStr for Location {
    type Err = Error;

    /// A preset name (in any case, see [`Location::preset`]), or
    /// `LAT,LON,TZ` (e.g. `51.5,-0.12,Europe/London`).
    ///
    /// # Errors
    /// [`crate::ErrorKind::Unknown`] for a name that is no preset and an
    /// unknown time zone; [`crate::ErrorKind::Invalid`] for coordinates
    /// without a time zone (`52.6,-1.1`), a wrong number of parts, and
    /// what [`Location::new`] refuses.
    fn from_str(s: &str) -> Result<Self> {
        if let Some(p) = Location::preset(s) {
            return Ok(p);
        }
        let parts: Vec<&str> = s.split(',').map(str::trim).collect();
        let number = |v: &str| v.parse::<f64>().ok().filter(|x| x.is_finite());
        let [lat, lon, tz] = parts.as_slice() else {
            return Err(match parts.as_slice() {
                [lat, lon] if number(lat).is_some() && number(lon).is_some() => {
                    Error::invalid(format!(
                        "location `{s}` has no time zone: give LAT,LON,TZ such as {lat},{lon},Europe/London"
                    ))
                }
                parts if parts.iter().any(|p| number(p).is_some()) => Error::invalid(format!(
                    "invalid location `{s}`: give LAT,LON,TZ such as 52.6,-1.1,Europe/London"
                )),
                _ => {
                    let names: Vec<&str> = PRESETS.iter().map(|p| p.0).collect();
                    Error::unknown(format!(
                        "unknown location `{s}` (use a preset: {}; or LAT,LON,TZ)",
                        names.join(", ")
                    ))
                }
            });
        };
        let num = |v: &str, what: &str| {
            number(v).ok_or_else(|| Error::invalid(format!("{what} `{v}` is not a number")))
        };
        let tz: Tz = tz.parse().map_err(|_| {
            Error::unknown(format!(
                "unknown time zone `{tz}` (use an IANA name such as Europe/London)"
            ))
        })?;
        Location::new(num(lat, "latitude")?, num(lon, "longitude")?, tz)
    }
}

/// What a clock change did to a local time that [`local_instant`]
/// resolved. `Display` gives the words ("01:30 happens twice on 2026-10-25
/// in Europe/London (the clocks go back); the first (BST, +01:00) is used").
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ClockNote {
    /// The clock time does not exist (the clocks go forward over it): it
    /// is taken as the same clock time in the offset before the change.
    Gap {
        /// The local time asked for.
        time: NaiveDateTime,
        /// The time zone.
        zone: Tz,
        /// The instant it is taken as.
        taken: DateTime<Tz>,
    },
    /// The clock time happens twice (the clocks go back over it): the
    /// first, summer-time, instant is used.
    Fold {
        /// The local time asked for.
        time: NaiveDateTime,
        /// The time zone.
        zone: Tz,
        /// The instant used, the first of the two.
        first: DateTime<Tz>,
    },
}

impl fmt::Display for ClockNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClockNote::Gap { time, zone, taken } => write!(
                f,
                "{} does not exist on {} in {} (the clocks go forward); it is taken as {}",
                time.format("%H:%M"),
                time.date(),
                zone.name(),
                taken.format("%H:%M %Z"),
            ),
            ClockNote::Fold { time, zone, first } => write!(
                f,
                "{} happens twice on {} in {} (the clocks go back); the first ({}) is used",
                time.format("%H:%M"),
                time.date(),
                zone.name(),
                first.format("%Z, %:z"),
            ),
        }
    }
}

/// A local date-time resolved in a time zone, with a note when the clock
/// time does not exist (the spring-forward gap: taken as the same clock
/// time in the offset before the change, i.e. moved forward by the gap) or
/// occurs twice (the autumn fold: the first, summer-time, instant).
pub fn local_instant(tz: Tz, naive: NaiveDateTime) -> (Option<DateTime<Tz>>, Option<ClockNote>) {
    match tz.from_local_datetime(&naive) {
        chrono::LocalResult::Single(t) => (Some(t), None),
        chrono::LocalResult::Ambiguous(first, _) => (
            Some(first),
            Some(ClockNote::Fold {
                time: naive,
                zone: tz,
                first,
            }),
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
            let note = ClockNote::Gap {
                time: naive,
                zone: tz,
                taken: t,
            };
            (Some(t), Some(note))
        }
    }
}

/// A meeting's start and end, in local time.
pub type Span = (DateTime<Tz>, DateTime<Tz>);

/// A meeting at the local clock time `clock` (minutes after midnight) on
/// `date` in `tz`, lasting `minutes`: its start and end, placed by
/// [`local_instant`] (with its note when a clock change moves or doubles
/// the time), or `None` for a clock time past 23:59 or one that cannot be
/// placed. The one way a meeting is put on a day, for timed checks and
/// suggestions alike.
pub fn meeting_on(
    tz: Tz,
    date: NaiveDate,
    clock: u32,
    minutes: i64,
) -> (Option<Span>, Option<ClockNote>) {
    let Some(naive) = date.and_hms_opt(clock / 60, clock % 60, 0) else {
        return (None, None);
    };
    let (start, note) = local_instant(tz, naive);
    (start.map(|s| (s, s + Duration::minutes(minutes))), note)
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preset_names_in_any_case() {
        for (text, name) in [
            ("leicester", "leicester"),
            ("Leicester", "leicester"),
            ("LONDON", "london"),
            ("New-York", "new-york"),
            ("new york", "new-york"),
            ("NEW_YORK", "new-york"),
            (" Glasgow ", "glasgow"),
        ] {
            let loc: Location = text.parse().unwrap();
            assert_eq!(loc.name(), Some(name), "{text}");
            assert_eq!(loc.to_string(), name, "{text}");
        }
        assert!(Location::preset("new--york").is_none());
        assert!(Location::preset("newyork").is_none());
    }

    #[test]
    fn malformed_locations_say_what_is_missing() {
        for (text, needle) in [
            (
                "52.6,-1.1",
                "location `52.6,-1.1` has no time zone: give LAT,LON,TZ such as 52.6,-1.1,Europe/London",
            ),
            (" 52.6 , -1.1 ", "has no time zone"),
            ("52.6", "invalid location `52.6`: give LAT,LON,TZ"),
            ("52.6,-1.1,Europe/London,x", "invalid location"),
            ("52.6,Europe/London", "invalid location"),
            ("atlantis", "unknown location `atlantis`"),
            ("leicester,uk", "unknown location"),
            ("95,0,UTC", "latitude 95"),
            ("50,0,Mars/Base", "unknown time zone `Mars/Base`"),
            ("x,0,UTC", "latitude `x` is not a number"),
            ("NaN,0,UTC", "latitude `NaN` is not a number"),
            ("", "unknown location"),
        ] {
            let e = text.parse::<Location>().unwrap_err().to_string();
            assert!(e.contains(needle), "{text}: {e}");
            assert!(!e.contains('\n'), "{text}: {e}");
        }
        let custom: Location = "52.6,-1.1,Europe/London".parse().unwrap();
        assert_eq!(custom.name(), None);
    }

    #[test]
    fn gap_and_fold() {
        let tz = chrono_tz::Europe::London;
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        let (t, note) = local_instant(tz, at("2026-03-29 01:30"));
        assert_eq!(t.unwrap().to_rfc3339(), "2026-03-29T02:30:00+01:00");
        assert_eq!(
            note.unwrap().to_string(),
            "01:30 does not exist on 2026-03-29 in Europe/London (the clocks go forward); it is taken as 02:30 BST"
        );
        let (t, note) = local_instant(tz, at("2026-10-25 01:30"));
        assert_eq!(t.unwrap().to_rfc3339(), "2026-10-25T01:30:00+01:00");
        assert_eq!(
            note.unwrap().to_string(),
            "01:30 happens twice on 2026-10-25 in Europe/London (the clocks go back); the first (BST, +01:00) is used"
        );
        let (t, note) = local_instant(tz, at("2026-10-25 09:00"));
        assert_eq!(t.unwrap().to_rfc3339(), "2026-10-25T09:00:00+00:00");
        assert!(note.is_none());
    }
}
