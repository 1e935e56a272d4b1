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

/// `YYYY-MM-DD` without the formatting machinery (long lists write a
/// hundred thousand dates); `None` outside years 0–9999.
pub fn iso_date(d: chrono::NaiveDate) -> Option<[u8; 10]> {
    use chrono::Datelike;
    let y = u32::try_from(d.year()).ok().filter(|y| *y <= 9999)?;
    let (m, d) = (d.month(), d.day());
    let digit = |n: u32| b'0' + (n % 10) as u8;
    Some([
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(d / 10),
        digit(d),
    ])
}

/// Region codes, in declaration order.
pub fn region_codes(r: RegionSet) -> Vec<&'static str> {
    r.iter().map(|r| r.as_str()).collect()
}

/// What one occurrence of an imported event clashes with: whole days for
/// an all-day (or very long) event, else the timed check.
pub enum Found<'a> {
    Days(clash_core::Verdict<clash_core::Clash<'a>>),
    Timed(clash_core::Verdict<clash_core::TimedClash<'a>>),
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
            Found::Days(v) => v.clashes.len(),
            Found::Timed(v) => v.clashes.len(),
        }
    }
}
