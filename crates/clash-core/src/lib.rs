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
//! The pieces: [`Catalogue`] (observances loaded from TOML and validated),
//! [`Index`] (occurrences expanded over a range of years, indexed by day),
//! [`Filter`], [`Location`] (with sunrise and sunset), timed checks
//! ([`Index::clashes_at`]), scheduling suggestions for an audience
//! ([`schedule`], [`Index::suggest`]), and the pure calendar arithmetic in
//! [`calendars`].

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod baked;
pub mod calendars;
mod catalogue;
mod error;
mod file;
pub mod ical;
mod location;
mod model;
mod nations;
mod observance;
mod occurrence;
pub mod rules;
pub mod schedule;
mod settings;
mod timing;

pub use baked::Baked;
pub use calendars::hijri::Method as IslamicMethod;
pub use catalogue::{Catalogue, CatalogueBuilder, Filter, EMBEDDED};
pub use error::{Error, ErrorKind, Result};
pub use location::{Location, SunDay, PRESETS};
pub use model::{
    Category, Certainty, DayStart, Impact, ObservanceId, Region, RegionSet, Set, Tradition,
};
pub use observance::Observance;
pub use occurrence::{
    Clash, ClashKind, Index, Occurrence, OccurrenceRef, Verdict, DEFAULT_THRESHOLD, MAX_YEARS,
};
pub use schedule::{
    Candidate, HighImpact, Profile, Request, Score, ScoredClash, Suggestion, Suggestions, Weekdays,
    MAX_COUNT, MAX_MEETING_MINUTES, MAX_WINDOW_DAYS, PROFILES,
};
pub use settings::{HinduReckoning, JewishCustoms, Settings};
pub use timing::{
    local_instant, parse_clock, parse_duration_minutes, At, DayEnd, Fast, Hours, MeetingKind,
    TimedClash, Timing,
};

/// The Gregorian years the library computes dates for.
pub const SUPPORTED_YEARS: std::ops::RangeInclusive<i32> = 1583..=2999;
