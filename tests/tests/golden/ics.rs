//! The iCalendar importer against the real-world corpus in tests/ics/corpus
//! (public test files of collective/icalendar, recurring-ical-events, khal,
//! ical.js, icalendar-rb, vobject and libical; sources and licences in its
//! README): every valid file gives the VEVENT count and the 2000–2030
//! occurrence count that Python `icalendar` 7.3.0 and
//! `recurring-ical-events` 3.8.2 give (expected_counts.csv), except where
//! listed below with the reason (and the files not read yet, NOT_YET);
//! every malformed file is rejected with a
//! one-line error naming a line.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use clash_core::ical::{BadEvents, IcsCalendar};

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ics/corpus")
}

/// Files where we deliberately differ from the Python reference, with the
/// count we expect from 2000 and why (from 2025 the counts agree).
const DIFFERENCES: &[(&str, usize, &str)] = &[
    (
        "valid/khal__event_rrule_recuid_cancelled.ics",
        5,
        "the STATUS:CANCELLED override removes its occurrence (and is listed as skipped); recurring-ical-events keeps cancelled occurrences (6)",
    ),
    (
        "valid/ical4j__lotr.ics",
        974,
        "\"Destruction of the Ring\" has DTSTART 2004-03-18 and RRULE UNTIL=20030317: RFC 5545 §3.8.5.3 says DTSTART always counts as the first occurrence, so we keep it; python-dateutil yields nothing (973)",
    ),
    (
        "valid/ical4j__lotr-updated.ics",
        974,
        "as ical4j__lotr.ics (973)",
    ),
    (
        "valid/node-ical__tv-show-episode.ics",
        27,
        "two VEVENTs (S05E20 and S05E21) share a UID and a start, which RFC 5545 does not allow; recurring-ical-events keeps one of them, we keep both, as nothing may be dropped silently (26)",
    ),
];

/// Real-world files the importer does not read yet, with the error it
/// gives now (a fix must take the file off this list).
const NOT_YET: &[(&str, &str)] = &[
    ("valid/ical4j__1106817412.ics", "not valid UTF-8"),
    (
        "valid/ical4j__SwedishHolidays2003-2006.ics",
        "a second VCALENDAR in one file",
    ),
];

#[test]
fn valid_files_give_the_reference_counts() {
    let text = std::fs::read_to_string(corpus().join("expected_counts.csv")).unwrap();
    let (from, to) = (
        NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2030, 12, 31).unwrap(),
    );
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.splitn(6, ',').collect();
        let (file, vevents, occurrences) = (f[0], f[1], f[2]);
        let bytes = std::fs::read(corpus().join(file)).unwrap();
        if let Some((_, why)) = NOT_YET.iter().find(|(f, _)| *f == file) {
            match IcsCalendar::parse(&bytes) {
                Err(e) if e.to_string().contains(why) => {}
                other => failures.push(format!("{file}: on NOT_YET, but {other:?}")),
            }
            checked += 1;
            continue;
        }
        let cal = match IcsCalendar::parse(&bytes) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{file}: {e}"));
                continue;
            }
        };
        if cal.event_count() != vevents.parse::<usize>().unwrap() {
            failures.push(format!(
                "{file}: {} VEVENTs, expected {vevents}",
                cal.event_count()
            ));
        }
        let (occ, _notes) = match cal.occurrences(from, to) {
            Ok(x) => x,
            Err(e) => {
                failures.push(format!("{file}: {e}"));
                continue;
            }
        };
        let want = DIFFERENCES
            .iter()
            .find(|(f, ..)| *f == file)
            .map_or_else(|| occurrences.parse::<usize>().unwrap(), |(_, n, _)| *n);
        if occ.len() != want {
            failures.push(format!(
                "{file}: {} occurrences, expected {want}",
                occ.len()
            ));
        }
        checked += 1;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(checked, 88);
}

/// The reference's rows: file, VEVENTs, occurrences 2000–2030 and
/// 2025–2030.
fn reference_rows() -> Vec<(String, usize, usize, usize)> {
    let text = std::fs::read_to_string(corpus().join("expected_counts.csv")).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("file,vevents,occurrences_2000_2030,occurrences_2025_2030,parse_ok,notes")
    );
    lines
        .map(|line| {
            let f: Vec<&str> = line.splitn(6, ',').collect();
            (
                f[0].to_string(),
                f[1].parse().unwrap(),
                f[2].parse().unwrap(),
                f[3].parse().unwrap(),
            )
        })
        .collect()
}

/// Nothing is lost silently: read as `clash import` reads (bad events
/// skipped), every VEVENT of every valid file ends in exactly one of
/// "occurrences in the window", "outside the window" and "skipped with a
/// warning naming its line", the three add up to the reference's VEVENT
/// count, and the occurrences match the reference's count, in a window from
/// 2000 and in one from 2025 (long after most series began, so a rule
/// started near the window rather than at DTSTART is checked too).
#[test]
fn every_vevent_is_accounted_for_and_counts_match() {
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    let mut failures = Vec::new();
    let rows = reference_rows();
    for (file, vevents, wide, late) in &rows {
        let bytes = std::fs::read(corpus().join(file)).unwrap();
        if NOT_YET.iter().any(|(f, _)| f == file) {
            continue;
        }
        let cal = match IcsCalendar::parse_with(&bytes, BadEvents::Skip) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{file}: {e}"));
                continue;
            }
        };
        for (from, want) in [(d(2000, 1, 1), *wide), (d(2025, 1, 1), *late)] {
            let x = cal.expansion(from, d(2030, 12, 31)).unwrap();
            let t = x.tally;
            if !t.adds_up() || t.vevents != *vevents || t.skipped != x.skipped.len() {
                failures.push(format!(
                    "{file} from {from}: {t:?}, reference {vevents} VEVENTs"
                ));
            }
            let want = match DIFFERENCES.iter().find(|(f, ..)| *f == file.as_str()) {
                Some((_, n, _)) if from.year() == 2000 => *n,
                _ => want,
            };
            if x.occurrences.len() != want {
                failures.push(format!(
                    "{file} from {from}: {} occurrences, reference {want}",
                    x.occurrences.len()
                ));
            }
            for s in &x.skipped {
                let text = s.to_string();
                if !text.starts_with(&format!("line {}: ", s.line())) || text.contains('\n') {
                    failures.push(format!("{file}: {text}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(rows.len(), 88);
}

/// The malformed files that can be read event by event account for every
/// VEVENT too.
#[test]
fn malformed_files_account_for_every_vevent() {
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    for entry in std::fs::read_dir(corpus().join("malformed")).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        if let Ok(cal) = IcsCalendar::parse_with(&bytes, BadEvents::Skip) {
            let x = cal.expansion(d(2000, 1, 1), d(2030, 12, 31)).unwrap();
            assert!(x.tally.adds_up(), "{}: {:?}", path.display(), x.tally);
            assert!(!x.skipped.is_empty(), "{}", path.display());
        }
    }
}

#[test]
fn malformed_files_are_rejected_with_a_line() {
    let mut paths: Vec<_> = std::fs::read_dir(corpus().join("malformed"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    for p in &paths {
        let bytes = std::fs::read(p).unwrap();
        let result = IcsCalendar::parse(&bytes).and_then(|c| {
            c.occurrences(
                NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
                NaiveDate::from_ymd_opt(2030, 12, 31).unwrap(),
            )
        });
        match result {
            Ok(_) => failures.push(format!("{}: accepted", p.display())),
            Err(e) => {
                let msg = e.to_string();
                if e.line().is_none() || msg.contains('\n') {
                    failures.push(format!("{}: {msg}", p.display()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(paths.len(), 14);
}

/// Skipping bad events (as `clash import` does), each malformed file is
/// either still refused with the same error (a fault of the whole file) or
/// read with its first skipped event naming the strict error and line;
/// the split is written out here.
#[test]
fn malformed_files_skip_their_bad_events() {
    let whole_file = [
        "collective-icalendar__fuzz_testcase_vtimezone_lone_cr.ics",
        "collective-icalendar__issue_104_broken_calendar.ics",
        "collective-icalendar__multiple_calendar_components.ics",
        "collective-icalendar__parsing_error_in_UTC_offset.ics",
        "icalendar-rb__bad_wrapping.ics",
        "khal__invalid_tzoffset.ics",
        "libical__issue252.ics",
    ];
    let (from, to) = (
        NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2030, 12, 31).unwrap(),
    );
    let mut names: Vec<String> = std::fs::read_dir(corpus().join("malformed"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut skipping = 0;
    for name in &names {
        let bytes = std::fs::read(corpus().join("malformed").join(name)).unwrap();
        let strict = IcsCalendar::parse(&bytes).unwrap_err();
        match IcsCalendar::parse_with(&bytes, BadEvents::Skip) {
            Err(e) => {
                assert!(whole_file.contains(&name.as_str()), "{name}: {e}");
                assert_eq!(e, strict, "{name}");
            }
            Ok(cal) => {
                assert!(!whole_file.contains(&name.as_str()), "{name}: read");
                let found = cal.expansion(from, to).unwrap();
                let first = found.skipped.first().unwrap();
                assert_eq!(first.reason(), &strict, "{name}");
                assert_eq!(Some(first.line()), strict.line(), "{name}");
                assert!(!first.to_string().contains('\n'), "{first}");
                skipping += 1;
            }
        }
    }
    assert_eq!(skipping, names.len() - whole_file.len());
}

/// The line named is the line of the fault (read off the files by hand).
#[test]
fn errors_name_the_faulty_line() {
    let cases = [
        ("collective-icalendar__broken_dtstart.ics", 6, "DTSTART"),
        ("collective-icalendar__parsing_error.ics", 19, "EXDATE"),
        (
            "collective-icalendar__issue_165_missing_event.ics",
            25,
            "RRULE",
        ),
        (
            "collective-icalendar__issue_1081_invalid_rrule_freq.ics",
            7,
            "RRULE",
        ),
        (
            "collective-icalendar__issue_104_broken_calendar.ics",
            13,
            "not a content line",
        ),
        ("icaljs__google_birthday.ics", 12, "RDATE"),
    ];
    for (file, line, needle) in cases {
        let bytes = std::fs::read(corpus().join("malformed").join(file)).unwrap();
        let e = IcsCalendar::parse(&bytes).unwrap_err();
        assert_eq!(e.line(), Some(line), "{file}: {e}");
        assert!(e.to_string().contains(needle), "{file}: {e}");
    }
}

/// Export → import gives back every occurrence: the feed of 2025–2027
/// (every observance) read by our importer yields each listed occurrence
/// once, with its dates, UID and name.
#[test]
fn export_then_import_gives_back_every_occurrence() {
    use clash_core::ical::When;
    use clash_core::{Catalogue, Filter, Index, Location};
    let cat = Catalogue::embedded().unwrap();
    let index = Index::new(&cat, 2025, 2027).unwrap();
    let (from, to) = (
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2027, 12, 31).unwrap(),
    );
    let list = index.list(from, to, &Filter::default()).unwrap();
    let feed = clash_core::ical::feed("clash: all observances", &Location::leicester(), &list, &[]);
    let cal = IcsCalendar::parse(feed.as_bytes()).unwrap();
    assert_eq!(cal.event_count(), list.len());
    // A window a month wider, so occurrences overlapping the edges stay.
    let (back, notes) = cal
        .occurrences(
            from - chrono::Duration::days(60),
            to + chrono::Duration::days(60),
        )
        .unwrap();
    assert!(notes.is_empty(), "{notes:?}");
    let mut want: Vec<(String, String, NaiveDate, NaiveDate)> = list
        .iter()
        .map(|o| {
            let occ = o.occurrence();
            (
                format!(
                    "{}-{}@clash",
                    o.observance().id(),
                    occ.start().format("%Y%m%d")
                ),
                o.name(),
                occ.start(),
                occ.end().succ_opt().unwrap(),
            )
        })
        .collect();
    let mut got: Vec<(String, String, NaiveDate, NaiveDate)> = back
        .iter()
        .map(|e| match (e.start, e.end) {
            (When::Date(a), When::Date(b)) => (e.uid.clone(), e.summary.clone(), a, b),
            other => panic!("{}: not all-day: {other:?}", e.uid),
        })
        .collect();
    want.sort();
    got.sort();
    assert_eq!(got.len(), want.len());
    assert_eq!(got, want);
    assert!(want.len() > 600, "{}", want.len());
}

/// RFC 5545 cases written by hand: an RDATE PERIOD keeps its own length,
/// and EXDATEs remove instants (in any zone) or, as DATEs, whole days.
#[test]
fn rdate_periods_and_exdate_forms() {
    use clash_core::ical::When;
    let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:p\r\n\
        DTSTART;TZID=Europe/Paris:20260105T090000\r\nDURATION:PT1H\r\n\
        RRULE:FREQ=DAILY;COUNT=6\r\n\
        EXDATE;TZID=Europe/Paris:20260106T090000,20260107T090000\r\n\
        EXDATE:20260108T080000Z\r\nEXDATE;VALUE=DATE:20260109\r\n\
        RDATE;VALUE=PERIOD;TZID=Europe/Paris:20260120T140000/PT3H,20260121T140000/20260121T143000\r\n\
        END:VEVENT\r\nEND:VCALENDAR\r\n";
    let cal = IcsCalendar::parse(text.as_bytes()).unwrap();
    let (occ, _) = cal
        .occurrences(
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 1, 31).unwrap(),
        )
        .unwrap();
    let got: Vec<(String, i64)> = occ
        .iter()
        .map(|o| match (o.start, o.end) {
            (When::Time(s), When::Time(e)) => {
                (s.format("%m-%d %H:%M").to_string(), (e - s).num_minutes())
            }
            other => panic!("{other:?}"),
        })
        .collect();
    // Paris is UTC+1 in January.
    let want = [
        ("01-05 08:00", 60),
        ("01-10 08:00", 60),
        ("01-20 13:00", 180),
        ("01-21 13:00", 30),
    ];
    let want: Vec<(String, i64)> = want.iter().map(|(a, b)| (a.to_string(), *b)).collect();
    assert_eq!(got, want);
}

/// Overrides by hand: one whose RECURRENCE-ID the series does not generate
/// still happens (once, even with two masters sharing the UID); a cancelled
/// one removes its instance; INTERVAL=0 is an error.
#[test]
fn overrides_are_placed_once() {
    let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
        BEGIN:VEVENT\r\nUID:d\r\nSUMMARY:A\r\nDTSTART:20260401T100000Z\r\nRRULE:FREQ=DAILY;COUNT=2\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:d\r\nSUMMARY:B\r\nDTSTART:20260501T100000Z\r\nRRULE:FREQ=DAILY;COUNT=2\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:d\r\nSUMMARY:moved\r\nRECURRENCE-ID:20260402T100000Z\r\nDTSTART:20260402T180000Z\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:d\r\nSUMMARY:nowhere\r\nRECURRENCE-ID:20260403T100000Z\r\nDTSTART:20260410T180000Z\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:d\r\nSUMMARY:gone\r\nRECURRENCE-ID:20260502T100000Z\r\nDTSTART:20260502T100000Z\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n\
        END:VCALENDAR\r\n";
    let cal = IcsCalendar::parse(text.as_bytes()).unwrap();
    let (occ, _) = cal
        .occurrences(
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
        )
        .unwrap();
    let names: Vec<&str> = occ.iter().map(|o| o.summary.as_str()).collect();
    assert_eq!(names, ["A", "moved", "nowhere", "B"]);
    let bad = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:i\r\n\
        DTSTART:20260101T100000Z\r\nRRULE:FREQ=DAILY;INTERVAL=0\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let e = IcsCalendar::parse(bad.as_bytes()).unwrap_err();
    assert_eq!(e.line(), Some(6), "{e}");
}
