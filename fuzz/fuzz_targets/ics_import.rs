//! The .ics importer: any bytes are either read (and then expanded over a
//! decade, within the importer's caps) or rejected with an error.
#![no_main]

use chrono::NaiveDate;
use clash_core::ical::IcsCalendar;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(calendar) = IcsCalendar::parse(data) else {
        return;
    };
    let _ = calendar.span();
    let (Some(from), Some(to)) = (
        NaiveDate::from_ymd_opt(2020, 1, 1),
        NaiveDate::from_ymd_opt(2029, 12, 31),
    ) else {
        return;
    };
    let _ = calendar.occurrences(from, to);
});
