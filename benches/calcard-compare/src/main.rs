//! calcard (Stalwart's parser, built for real-world CalDAV data) against
//! clash's importer (a liberal pass in front of the `icalendar` crate):
//! on every file of tests/ics/corpus, whether it is read and how many
//! VEVENTs and occurrences 2000–2030 come out, against the Python
//! reference (expected_counts.csv); then the time to parse the 10,000-event
//! calendar of benches/benches/clash.rs (`big_calendar`, copied below).
//!
//! Run: `cargo run --release` in this folder (its own workspace).

use std::path::Path;
use std::time::{Duration, Instant};

use calcard::icalendar::{ICalendar, ICalendarComponentType};
use calcard::{Entry, Parser};
use chrono::{NaiveDate, TimeZone, Utc};

#[path = "../../big_calendar.rs"]
mod big_calendar;
use big_calendar::big_calendar;

/// Every calendar in `text` (a stream may hold several), or why not.
fn calcard_parse(text: &str) -> Result<Vec<ICalendar>, String> {
    let mut parser = Parser::new(text);
    let mut out = Vec::new();
    loop {
        match parser.entry() {
            Entry::ICalendar(c) => out.push(c),
            Entry::Eof if !out.is_empty() => return Ok(out),
            Entry::Eof => return Err("no calendar".into()),
            other => return Err(format!("{other:?}").chars().take(80).collect()),
        }
    }
}

fn calcard_vevents(cals: &[ICalendar]) -> usize {
    cals.iter()
        .flat_map(|c| &c.components)
        .filter(|c| c.component_type == ICalendarComponentType::VEvent)
        .count()
}

/// Occurrences starting in 2000–2030 (UTC), from calcard's own expansion.
fn calcard_occurrences(cals: &[ICalendar]) -> usize {
    let from = Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).unwrap();
    let to = Utc.with_ymd_and_hms(2031, 1, 1, 0, 0, 0).unwrap();
    cals.iter()
        .map(|c| {
            c.expand_dates(chrono_tz::UTC, 200_000)
                .events
                .iter()
                .filter(|e| {
                    let s = e.start.with_timezone(&Utc);
                    s >= from && s < to
                })
                .count()
        })
        .sum()
}

fn ours(bytes: &[u8]) -> Result<(usize, usize), String> {
    let cal = clash_core::ical::IcsCalendar::parse_with(bytes, clash_core::ical::BadEvents::Skip)
        .map_err(|e| e.to_string())?;
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    let x = cal
        .expansion(d(2000, 1, 1), d(2030, 12, 31))
        .map_err(|e| e.to_string())?;
    Ok((x.tally.vevents, x.occurrences.len()))
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/ics/corpus");
    let csv = std::fs::read_to_string(root.join("expected_counts.csv")).unwrap();
    let mut t = [0usize; 7];
    println!("file | reference vevents, occurrences | clash | calcard");
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.splitn(6, ',').collect();
        let (file, vevents, occ) = (
            f[0],
            f[1].parse::<usize>().unwrap(),
            f[2].parse::<usize>().unwrap(),
        );
        let bytes = std::fs::read(root.join(file)).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let ours = ours(&bytes);
        let theirs = calcard_parse(&text).map(|c| (calcard_vevents(&c), calcard_occurrences(&c)));
        t[0] += 1;
        t[1] += usize::from(ours.is_ok());
        t[2] += usize::from(theirs.is_ok());
        t[3] += usize::from(ours.as_ref().is_ok_and(|o| o.0 == vevents));
        t[4] += usize::from(theirs.as_ref().is_ok_and(|o| o.0 == vevents));
        t[5] += usize::from(ours.as_ref().is_ok_and(|o| o.1 == occ));
        t[6] += usize::from(theirs.as_ref().is_ok_and(|o| o.1 == occ));
        if ours.as_ref().ok() != Some(&(vevents, occ))
            || theirs.as_ref().ok() != Some(&(vevents, occ))
        {
            println!("{file} | {vevents}, {occ} | {ours:?} | {theirs:?}");
        }
    }
    println!(
        "valid files: {}; read: clash {}, calcard {}; VEVENTs as the reference: clash {}, calcard {}; occurrences 2000-2030 as the reference: clash {}, calcard {}",
        t[0], t[1], t[2], t[3], t[4], t[5], t[6]
    );
    let mut bad = [0usize; 3];
    for e in std::fs::read_dir(root.join("malformed")).unwrap() {
        let bytes = std::fs::read(e.unwrap().path()).unwrap();
        bad[0] += 1;
        bad[1] += usize::from(clash_core::ical::IcsCalendar::parse(&bytes).is_ok());
        bad[2] += usize::from(calcard_parse(&String::from_utf8_lossy(&bytes)).is_ok());
    }
    println!(
        "malformed files: {}; accepted: clash (strict) {}, calcard {}",
        bad[0], bad[1], bad[2]
    );

    let text = big_calendar();
    let time = |f: &dyn Fn() -> usize| {
        let mut best = Duration::MAX;
        let mut n = 0;
        for _ in 0..10 {
            let t = Instant::now();
            n = f();
            best = best.min(t.elapsed());
        }
        (best, n)
    };
    let (a, na) = time(&|| {
        clash_core::ical::IcsCalendar::parse(text.as_bytes())
            .unwrap()
            .event_count()
    });
    let (b, nb) = time(&|| calcard_vevents(&calcard_parse(&text).unwrap()));
    let (c, nc) = time(&|| {
        icalendar::parser::read_calendar(&text)
            .unwrap()
            .components
            .len()
    });
    println!("10,000-event calendar, best of 10: clash IcsCalendar::parse {a:?} ({na} events); calcard parse {b:?} ({nb}); icalendar crate read_calendar alone {c:?} ({nc})");
}

