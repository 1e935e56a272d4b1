//! What one occurrence of an imported event found: the plain values that
//! the import report and the wire types share (below both, so neither
//! imports the other).

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use clash_core::{Clash, TimedClash, Verdict};

/// What one occurrence of an imported event clashes with: whole days for
/// an all-day (or very long) event, else the timed check.
#[derive(Debug)]
pub enum Found<'a> {
    /// Whole days.
    Days(Verdict<Clash<'a>>),
    /// The event's hours.
    Timed(Verdict<TimedClash<'a>>),
}

/// One occurrence of an imported event, in the location's time, and its
/// clashes.
#[derive(Debug)]
pub struct Imported<'a> {
    /// The event's occurrence, as read.
    pub event: &'a clash_core::ical::EventOccurrence,
    /// First and last day (all-day).
    pub days: Option<(NaiveDate, NaiveDate)>,
    /// Start and end (timed).
    pub times: Option<(DateTime<Tz>, DateTime<Tz>)>,
    /// What it clashes with.
    pub found: Found<'a>,
}

impl Imported<'_> {
    /// How many clashes count.
    pub fn clash_count(&self) -> usize {
        match &self.found {
            Found::Days(v) => v.clashes.len(),
            Found::Timed(v) => v.clashes.len(),
        }
    }
}
