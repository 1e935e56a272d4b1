//! The RRULE path, both ways in: a fuzzed rule in a catalogue observance
//! (`kind = "rrule"`), and the same rule (with a fuzzed start) on an
//! imported event, expanded with and without a time zone.
#![no_main]

use chrono::NaiveDate;
use clash_core::ical::IcsCalendar;
use clash_core::{CatalogueBuilder, Index};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // "RULE" or "DTSTART\nRULE".
    let (start, rule) = text.split_once('\n').unwrap_or(("20260105T090000", text));
    if rule.contains(['\n', '\r', '"', '\\']) || start.contains(['\r', ':']) {
        return;
    }
    let toml = format!(
        "[[observance]]\nid = \"fuzz\"\nname = \"Fuzz\"\ntradition = \"national\"\n\
         category = \"awareness\"\nimpact = \"low\"\nrule = {{ kind = \"rrule\", rrule = \"{rule}\" }}\n\
         summary = \"s\"\nadvice = \"a\"\nsource = \"fuzz\"\n"
    );
    if let Ok(catalogue) = CatalogueBuilder::new()
        .add_str("fuzz.toml", &toml)
        .and_then(CatalogueBuilder::build)
    {
        let _ = Index::new(&catalogue, 2026, 2026);
    }
    let (Some(from), Some(to)) = (
        NaiveDate::from_ymd_opt(2026, 1, 1),
        NaiveDate::from_ymd_opt(2027, 12, 31),
    ) else {
        return;
    };
    for zone in ["", ";TZID=Europe/London"] {
        let ics = format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:fuzz\r\nBEGIN:VEVENT\r\nUID:f\r\n\
             DTSTAMP:20260101T000000Z\r\nDTSTART{zone}:{start}\r\nRRULE:{rule}\r\n\
             SUMMARY:f\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        );
        if let Ok(calendar) = IcsCalendar::parse(ics.as_bytes()) {
            let _ = calendar.occurrences(from, to);
        }
    }
});
