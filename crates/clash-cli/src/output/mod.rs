//! One printer per output format.

pub mod csv;
pub mod json;
pub mod text;

use chrono::{DateTime, SecondsFormat};
use chrono_tz::Tz;
use clash_core::RegionSet;

/// RFC 3339 with the local offset, to the second.
pub fn rfc3339(t: &DateTime<Tz>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// Region codes, in declaration order.
pub fn region_codes(r: RegionSet) -> Vec<&'static str> {
    r.iter().map(|r| r.as_str()).collect()
}

/// What one occurrence of an imported event clashes with: whole days for
/// an all-day (or very long) event, else the timed check.
pub enum Found<'a> {
    Days(Vec<clash_core::Clash<'a>>),
    Timed(Vec<clash_core::TimedClash<'a>>),
}

/// One occurrence of an imported event, in the location's time, and its
/// clashes.
pub struct Imported<'a> {
    pub event: &'a clash_core::ical::EventOccurrence,
    /// First and last day (all-day) or start and end (timed).
    pub days: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    pub times: Option<(DateTime<Tz>, DateTime<Tz>)>,
    pub found: Found<'a>,
}

impl Imported<'_> {
    pub fn clash_count(&self) -> usize {
        match &self.found {
            Found::Days(v) => v.len(),
            Found::Timed(v) => v.len(),
        }
    }
}
