//! The command line's value parsers (dates, ranges, times, durations,
//! locations) and clap's own parse of a whole argument list: errors, never
//! panics.
#![no_main]

use chrono::NaiveDate;
use clash::fuzzing::{meeting_time, parse_range, parses, resolve_range, RangeArgs};
use clash_core::{parse_clock, parse_duration_minutes, Location};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut fields = text.split('\0');
    let a = fields.next().unwrap_or_default();
    let b = fields.next();
    let c = fields.next();
    let _ = parse_range(a);
    let _ = parse_clock(a);
    let _ = parse_duration_minutes(a);
    let _ = a.parse::<Location>();
    let _ = meeting_time(a, b, 31 * 24 * 60);
    if let Some(today) = NaiveDate::from_ymd_opt(2026, 11, 22) {
        let range = RangeArgs {
            from: b.map(str::to_owned),
            to: c.map(str::to_owned),
        };
        let _ = resolve_range(None, &range, today, 30);
        let _ = resolve_range(Some(a), &range, today, 30);
    }
    // The whole argument list, as the shell would split it.
    let argv = std::iter::once("clash").chain(text.split(['\0', ' ']));
    let _ = parses(argv);
});
