//! The bodies of the fuzz targets in `fuzz/` (each takes the fuzzer's
//! bytes and must neither panic nor hang), shared with
//! `tests/fuzz_regressions.rs`, which replays every input the fuzzers
//! ever found in `tests/fuzz-regressions/<target>/` on stable Rust.

#![deny(missing_docs)]

use chrono::NaiveDate;
use clash::fuzzing::{meeting_time, parse_range, parses, resolve_range, RangeArgs};
use clash_core::ical::{BadEvents, IcsCalendar};
use clash_core::{parse_clock, parse_duration_minutes, CatalogueBuilder, Index, Location};

/// The TOML catalogue loader: any text either loads (and then expands two
/// years) or gives an error.
pub fn catalogue_toml(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(catalogue) = CatalogueBuilder::new()
        .add_str("fuzz.toml", text)
        .and_then(CatalogueBuilder::build)
    {
        let _ = Index::new(&catalogue, 2024, 2025);
    }
}

/// The .ics importer: any bytes are either read (and then expanded over a
/// decade, within the importer's caps) or rejected with an error, failing
/// on a bad event and skipping it.
pub fn ics_import(data: &[u8]) {
    for bad in [BadEvents::Fail, BadEvents::Skip] {
        let Ok(calendar) = IcsCalendar::parse_with(data, bad) else {
            continue;
        };
        let _ = calendar.span();
        if let (Some(from), Some(to)) = (
            NaiveDate::from_ymd_opt(2020, 1, 1),
            NaiveDate::from_ymd_opt(2029, 12, 31),
        ) {
            let _ = calendar.occurrences(from, to);
            let _ = calendar.expansion(from, to);
        }
    }
}

/// The RRULE path, both ways in: `RULE` or `DTSTART\nRULE` as a catalogue
/// observance's `rrule` and on an imported event, with and without a zone.
pub fn rrule(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
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
}

/// The command line's value parsers (dates, ranges, times, durations,
/// locations; fields separated by NUL) and clap's parse of the whole text
/// as an argument list.
pub fn cli_parsers(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut fields = text.split('\0');
    let a = fields.next().unwrap_or_default();
    let b = fields.next();
    let c = fields.next();
    let _ = parse_clock(a);
    let _ = parse_duration_minutes(a);
    let _ = a.parse::<Location>();
    let _ = meeting_time(a, b, 31 * 24 * 60);
    if let Some(today) = NaiveDate::from_ymd_opt(2026, 11, 22) {
        let range = RangeArgs {
            from: b.map(str::to_owned),
            to: c.map(str::to_owned),
        };
        let _ = parse_range(a, today);
        let _ = resolve_range(None, &range, today, 30);
        let _ = resolve_range(Some(a), &range, today, 30);
    }
    let argv = std::iter::once("clash").chain(text.split(['\0', ' ']));
    let _ = parses(argv);
}

/// The web service's query-string → request step (`clash serve`): the
/// first byte picks the route, the rest (as UTF-8, lossily) is the query.
/// Any query is either refused with an error or gives a request, which is
/// then answered (within the application layer's limits) or refused.
pub fn web_query(data: &[u8]) {
    use std::sync::OnceLock;
    static ENGINE: OnceLock<Option<clash_app::Engine>> = OnceLock::new();
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let routes = [
        "check",
        "list",
        "suggest",
        "sun",
        "show",
        "observances",
        "locations",
    ];
    let route = routes[usize::from(first) % routes.len()];
    let raw = String::from_utf8_lossy(rest);
    let Ok(request) = clash_web::fuzzing::request(route, &raw) else {
        return;
    };
    if let Some(engine) = ENGINE.get_or_init(|| clash_app::Engine::embedded().ok()) {
        let _ = engine.run(&request, |report| report.has_clash());
    }
}
