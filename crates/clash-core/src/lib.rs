//! # clash-core
//!
//! Knows the religious, cultural, national and international observances
//! that matter in a diverse city, and tells whether a date clashes with any
//! of them and how much that matters.
//!
//! ```
//! use chrono::NaiveDate;
//! use clash_core::{Catalogue, Filter, Impact, Index};
//!
//! let catalogue = Catalogue::embedded()?;
//! let index = Index::new(&catalogue, 2026, 2027)?;
//! let good_friday = NaiveDate::from_ymd_opt(2026, 4, 3).unwrap();
//! let clashes = index.clashes(good_friday, good_friday, &Filter::default().min_impact(Impact::High))?;
//! let names: Vec<String> = clashes.iter().map(|c| c.occurrence.name()).collect();
//! assert!(names.contains(&"Good Friday".to_string()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A timed check at the location's clock time ([`Index::check_at`]): what
//! counts as a clash and what is only worth knowing (SPEC §6.1).
//!
//! ```
//! use clash_core::chrono::{Duration, NaiveDate};
//! use clash_core::{Catalogue, Category, Filter, Index, Location, MeetingKind};
//!
//! let catalogue = Catalogue::embedded()?;
//! let index = Index::new(&catalogue, 2026, 2026)?;
//! let leicester = Location::leicester();
//! let day = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
//! let start = leicester.at(day, 18, 0).unwrap();
//! // Weekly observances (Shabbat, Jumu'ah) matter at a given time.
//! let filter = Filter::default()
//!     .categories(Category::ALL.iter().copied())
//!     .regions(leicester.region());
//! let found = index.check_at(start, start + Duration::hours(2), &filter, MeetingKind::default())?;
//! assert!(found.has_clash());
//! assert_eq!(found.clashes[0].reason.to_string(), "iftar at 17:59 (sunset)");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! An organiser's calendar, every occurrence checked ([`ical::IcsCalendar`]):
//!
//! ```
//! use clash_core::chrono::NaiveDate;
//! use clash_core::ical::{IcsCalendar, When};
//! use clash_core::{Catalogue, Filter, Index, MeetingKind};
//!
//! let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n\
//!            DTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261225\r\n\
//!            SUMMARY:Away day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
//! let calendar = IcsCalendar::parse(ics.as_bytes())?;
//! let (from, to) = (NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
//! let (events, _notes) = calendar.occurrences(from, to)?;
//! let catalogue = Catalogue::embedded()?;
//! let index = Index::new(&catalogue, 2026, 2027)?;
//! for e in &events {
//!     if let When::Date(day) = e.start {
//!         let found = index.check(day, day, &Filter::default(), MeetingKind::default())?;
//!         assert!(found.clashes.iter().any(|c| c.occurrence.observance().id().as_str() == "christmas-day"));
//!     }
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The pieces: [`Catalogue`] (observances loaded from TOML and validated),
//! [`Index`] (occurrences expanded over a range of years, indexed by day),
//! [`Filter`], [`Location`] (with sunrise and sunset), timed checks
//! ([`Index::clashes_at`]), scheduling suggestions for an audience
//! ([`Profile`], [`Index::suggest`]), and the pure calendar arithmetic in
//! [`calendars`].

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod baked;
pub mod calendars;
mod catalogue;
mod error;
mod file;
pub mod ical;
mod index;
mod location;
mod model;
mod nations;
mod observance;
mod occurrence;
pub mod rules;
mod schedule;
mod settings;
mod timing;

pub use baked::{Baked, BakedLayout};

/// Plumbing for embedders that cache per observance (a renderer that
/// escapes each observance's texts once): not needed to ask about dates.
pub mod expert {
    use crate::Occurrence;

    /// The position of an occurrence's observance in
    /// [`crate::Catalogue::observances`].
    pub fn observance_index(occurrence: &Occurrence) -> usize {
        occurrence.observance_index()
    }
}
pub use calendars::hijri::Method as IslamicMethod;
pub use catalogue::{Catalogue, CatalogueBuilder, Filter, EMBEDDED};
/// The date and time crates of the API, so that an embedder need not
/// depend on them by hand.
pub use chrono;
pub use chrono_tz;
pub use error::{Error, ErrorKind, Result};
pub use index::timed::TimedClash;
pub use location::{local_instant, meeting_on, ClockNote, Location, SunDay, PRESETS};
pub use model::{
    Category, Certainty, ClashKind, DayStart, Impact, ObservanceId, Region, RegionSet, Set,
    Tradition, Verdict, DEFAULT_THRESHOLD, SUPPORTED_YEARS,
};
pub use observance::Observance;
pub use occurrence::{
    Clash, DateDoubt, ExpectedDates, Index, Occurrence, OccurrenceName, OccurrenceRef, StepCounter,
    MAX_YEARS, NOT_YET_ANNOUNCED,
};
pub use schedule::{
    Candidate, HighImpact, Profile, Request, Score, ScoredClash, Suggestion, Suggestions, Weekdays,
    MAX_COUNT, MAX_MEETING_MINUTES, MAX_WINDOW_DAYS, PROFILES,
};
pub use settings::{HinduReckoning, JewishCustoms, Settings};
pub use timing::{
    parse_clock, parse_duration_minutes, At, DayEnd, Fast, Hours, MeetingKind, SpanReason,
    TimedPart, TimedReason, Timing,
};
