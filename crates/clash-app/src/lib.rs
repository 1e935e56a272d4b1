//! # clash-app
//!
//! The application layer of clash, under every front end (the `clash`
//! command, the HTTP service, the web pages): an [`Engine`] loaded once,
//! one typed [`Request`] per command with its defaults and limits, one
//! typed [`Report`] per command (its JSON is the contract of SPEC §9), the
//! renderers ([`render()`]: text, JSON, CSV, iCalendar), and one [`Error`]
//! whose kinds map to the CLI's exit code and to HTTP statuses.
//!
//! A front end turns its input into a [`Request`], calls [`run`], and
//! renders the report it is handed:
//!
//! ```
//! use clash_app::{chrono::{TimeZone, Utc}, render, Check, Command, Engine, Format, Request, Style};
//!
//! let engine = Engine::embedded()?;
//! let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
//! let check = Check { when: Some("2026-12-25".into()), ..Check::default() };
//! let request = Request::new(Command::Check(check), now).format(Format::Json);
//! let (json, clash) = clash_app::run(&engine, &request, |report| {
//!     (render::to_string(report, request.format, Style::default()), report.has_clash())
//! })?;
//! assert!(clash);
//! assert!(json?.contains("\"id\": \"christmas-day\""));
//! # Ok::<(), clash_app::Error>(())
//! ```
//!
//! A meeting at a time of day: what counts as a clash and why (SPEC §6.1).
//!
//! ```
//! use clash_app::{chrono::{TimeZone, Utc}, Check, Command, Engine, Meeting, Report, Request};
//!
//! let engine = Engine::embedded()?;
//! let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
//! let check = Check {
//!     when: Some("2026-03-10T18:00".into()),
//!     meeting: Meeting { duration: Some("2h".into()), ..Meeting::default() },
//!     ..Check::default()
//! };
//! let reason = clash_app::run(&engine, &Request::new(Command::Check(check), now), |report| {
//!     match report {
//!         Report::Timed(t) => t.meetings.list[0].found.clashes[0].reason.to_string(),
//!         _ => String::new(),
//!     }
//! })?;
//! assert_eq!(reason, "iftar at 17:59 (sunset)");
//! # Ok::<(), clash_app::Error>(())
//! ```
//!
//! An organiser's calendar, every event checked:
//!
//! ```
//! use clash_app::{chrono::{TimeZone, Utc}, Calendar, Command, Engine, FromTo, Import, Request};
//!
//! let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n\
//!            DTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261225\r\n\
//!            SUMMARY:Away day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
//! let import = Import {
//!     calendar: Calendar::Bytes { name: "team.ics".into(), data: ics.as_bytes().to_vec() },
//!     range: FromTo { from: Some("2026-01-01".into()), to: Some("2026-12-31".into()) },
//!     with_food: false,
//! };
//! let engine = Engine::embedded()?;
//! let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
//! let clashes = clash_app::run(&engine, &Request::new(Command::Import(import), now), |r| r.has_clash())?;
//! assert!(clashes);
//! # Ok::<(), clash_app::Error>(())
//! ```
//!
//! The best dates in a window for an audience:
//!
//! ```
//! use clash_app::{chrono::{TimeZone, Utc}, Command, Engine, Report, Request, Suggest};
//!
//! let engine = Engine::embedded()?;
//! let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
//! let suggest = Suggest { window: Some("2027-03".into()), count: 3, ..Suggest::default() };
//! let days = clash_app::run(&engine, &Request::new(Command::Suggest(suggest), now), |report| {
//!     match report {
//!         Report::Suggest(s) => s.found.suggestions.suggestions.len(),
//!         _ => 0,
//!     }
//! })?;
//! assert_eq!(days, 3);
//! # Ok::<(), clash_app::Error>(())
//! ```

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod engine;
mod error;
mod feeds;
pub mod fetch;
mod imported;
mod parse;
mod progress;
pub mod render;
pub mod report;
mod request;
mod run;
mod scope;
pub mod words;

pub use clash_core;
pub use clash_core::chrono;
pub use engine::{Engine, Extra};
pub use error::{Error, ErrorKind, Result};
pub use feeds::{moved_feed, named_feeds, MovedFeed, NamedFeed, MOVED_FEEDS};
pub use progress::Progress;
pub use render::{render, render_into, Style};
pub use report::{Report, WindowNote, DEFAULT_IMPORT_YEARS};
pub use request::{
    Calendar, Check, Command, Format, FromTo, Import, List, Meeting, Options, Request, Show,
    Suggest, Sun,
};
pub use run::{
    feed_name, import_window, run, MAX_CHECK_MINUTES, MAX_EXPORT_DAYS, MAX_FEED_EVENTS,
    MAX_SHOW_COUNT, MAX_SUN_DAYS, MAX_TIMED_DAYS,
};

impl Engine {
    /// Answers `request` (see [`run`]).
    pub fn run<R>(&self, request: &Request, answer: impl FnOnce(&Report<'_>) -> R) -> Result<R> {
        run::run(self, request, answer)
    }

    /// Answers `request` as [`Engine::run`] does, counting the steps of
    /// its long, countable work (today: the occurrences of an import,
    /// each checked) in `progress`, which another thread may read.
    pub fn run_counted<R>(
        &self,
        request: &Request,
        progress: &Progress,
        answer: impl FnOnce(&Report<'_>) -> R,
    ) -> Result<R> {
        run::run_counted(self, request, Some(progress), answer)
    }
}

/// The README's library examples (of `clash-core` and of this crate), run
/// as doctests here, where both crates are in reach.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;

/// The parsers of what a user types, for a front end that checks each
/// field of a form on its own (the web pages): the same rules and
/// messages as every command's.
pub mod input {
    pub use crate::parse::{check_range, meeting_time, parse_date, parse_range};
}

/// The parsers of user-given values, for the fuzz targets.
#[doc(hidden)]
pub mod fuzzing {
    pub use crate::parse::{meeting_time, parse_range, resolve_range};
}
