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
