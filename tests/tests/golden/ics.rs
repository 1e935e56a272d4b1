//! The iCalendar importer against the real-world corpus in tests/ics/corpus
//! (public test files of collective/icalendar, recurring-ical-events, khal,
//! ical.js, icalendar-rb, vobject and libical; sources and licences in its
//! README): every valid file gives the VEVENT count and the 2000–2030
//! occurrence count that Python `icalendar` 7.3.0 and
//! `recurring-ical-events` 3.8.2 give (expected_counts.csv), except where
//! listed below with the reason (and the files not read yet, NOT_YET);
//! every malformed file has the outcome written in `MALFORMED`: read
//! (where a real client reads it) with counts from the reference or
//! counted by hand, or rejected with a one-line error naming the line of
//! the fault, found by reading the file.

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
        "valid/allenporter-ical__office_365_invalid_timezone.ics",
        0,
        "its one event is in TZID `Customized Time Zone`, which no VTIMEZONE of the file defines and no IANA or Windows name matches: the event is skipped with a warning (guessing a zone would move the meeting silently); recurring-ical-events reads it as floating (1)",
    ),
    (
        "valid/node-ical__tv-show-episode.ics",
        27,
        "two VEVENTs (S05E20 and S05E21) share a UID and a start, which RFC 5545 does not allow; recurring-ical-events keeps one of them, we keep both, as nothing may be dropped silently (26)",
    ),
];

/// Real-world files the importer does not read yet, with the error it
/// gives now (a fix must take the file off this list).
const NOT_YET: &[(&str, &str)] = &[];

/// Real-world files with an event the strict reader ([`IcsCalendar::parse`],
/// as the `--catalogue` loader reads) refuses, with its error; `clash
/// import` skips that event with a warning (the count is in DIFFERENCES).
const STRICT_REFUSES: &[(&str, &str)] = &[(
    "valid/allenporter-ical__office_365_invalid_timezone.ics",
    "unknown time zone `Customized Time Zone`",
)];

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
        if let Some((_, why)) = STRICT_REFUSES.iter().find(|(f, _)| *f == file) {
            match IcsCalendar::parse(&bytes) {
                Err(e) if e.to_string().contains(why) => {}
                other => failures.push(format!("{file}: on STRICT_REFUSES, but {other:?}")),
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
    assert_eq!(checked, 99);
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
    assert_eq!(rows.len(), 99);
}

/// The malformed files that can be read (whole, or event by event)
/// account for every VEVENT too.
#[test]
fn malformed_files_account_for_every_vevent() {
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    for entry in std::fs::read_dir(corpus().join("malformed")).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        if let Ok(cal) = IcsCalendar::parse_with(&bytes, BadEvents::Skip) {
            let x = cal.expansion(d(2000, 1, 1), d(2030, 12, 31)).unwrap();
            assert!(x.tally.adds_up(), "{}: {:?}", path.display(), x.tally);
        }
    }
}

/// What the importer does with a file of `malformed/`.
enum Outcome {
    /// Read (a real client reads it): VEVENTs and occurrences 2000–2030.
    Reads(usize, usize),
    /// Refused as a whole (even when skipping bad events): the line of the
    /// fault, and a word of the message.
    Refused(usize, &'static str),
    /// One event is bad: refused by [`IcsCalendar::parse`] with this line
    /// and word; when skipping bad events, read with that event listed as
    /// skipped at the same line.
    BadEvent(usize, &'static str),
}

/// Every file of `malformed/`, its outcome and why. Lines were found by
/// reading each file; counts are the Python reference's (the corpus
/// README's last column) or, where it refuses the file, counted by hand.
const MALFORMED: &[(&str, Outcome, &str)] = &[
    (
        "collective-icalendar__broken_dtstart.ics",
        Outcome::BadEvent(6, "DTSTART"),
        "line 6 is `DTSTART:INVALID-DATE`: the event has no start",
    ),
    (
        "collective-icalendar__fuzz_testcase_vtimezone_lone_cr.ics",
        Outcome::Refused(1, "outside a VCALENDAR"),
        "fuzzer output: line 1 opens a VTIMEZONE with no VCALENDAR around it (line 2 holds form feeds and a lone CR)",
    ),
    (
        "collective-icalendar__issue_104_broken_calendar.ics",
        Outcome::Refused(13, "not a content line"),
        "line 13 is a bare `X`, no name and value: the file is damaged",
    ),
    (
        "collective-icalendar__issue_1081_invalid_rrule_freq.ics",
        Outcome::BadEvent(7, "RRULE"),
        "line 7 is `RRULE:FREQ=INVALID_TYPE_CAUSES_ERROR`: no client can expand it",
    ),
    (
        "collective-icalendar__issue_165_missing_event.ics",
        Outcome::Reads(1, 14),
        "Microsoft CDO writes `BYDAY=MO, TU, WE, TH, FR` (spaces, line 25); read without them: \
         weekdays from Fri 2015-07-03 to Wed 2015-07-22 10:00 +02:00 (UNTIL 08:00Z) are 1 + 5 + 5 + 3 \
         (counted by hand; the reference refuses the rule)",
    ),
    (
        "collective-icalendar__multiple_calendar_components.ics",
        Outcome::Reads(3, 3),
        "two VCALENDARs (a stream may hold several) written by Mozilla Calendar with a fold after each \
         name and blank lines inside the folds of the first; the reference reads 3 VEVENTs, 3 occurrences",
    ),
    (
        "collective-icalendar__parsing_error.ics",
        Outcome::BadEvent(19, "EXDATE"),
        "line 19 is `EXDATE;VALUE=DATE:` with no date: which day is excluded cannot be known",
    ),
    (
        "collective-icalendar__parsing_error_in_UTC_offset.ics",
        Outcome::Refused(7, "TZOFFSETFROM"),
        "line 7 is `TZOFFSETFROM:+5744`: 44 is no minute, so the zone's times cannot be known",
    ),
    (
        "icalendar-rb__bad_wrapping.ics",
        Outcome::Reads(1, 1),
        "line 10 is folded inside a UTF-8 character; unfolded first (RFC 5545 §3.1) it is whole; \
         the reference reads 1 VEVENT, 1 occurrence",
    ),
    (
        "icaljs__google_birthday.ics",
        Outcome::BadEvent(12, "RDATE"),
        "line 12 is `RDATE:20131210Z`, a date with a UTC mark, and the overrides name a UID no \
         master has: no count can be trusted; the other events are read",
    ),
    (
        "khal__event_rrule_recuid_invalid_tzid.ics",
        Outcome::BadEvent(8, "unknown time zone `foo`"),
        "line 8 is `DTSTART;TZID=foo:…` and no VTIMEZONE defines `foo`: guessing a zone would move \
         the meetings silently",
    ),
    (
        "khal__invalid_tzoffset.ics",
        Outcome::Refused(9, "TZOFFSETFROM"),
        "line 9 is `TZOFFSETFROM:+5328`: 53 hours is no offset",
    ),
    (
        "khal__non_dst_error.ics",
        Outcome::Reads(2, 2),
        "NS International's tickets write the alarms' TRIGGER as `PT-2H` (lines 171 and 185), \
         read as -PT2H; two one-off train trips (2023-02-03 and 2023-02-06), counted by hand",
    ),
    (
        "libical__issue252.ics",
        Outcome::Refused(2, "control character"),
        "fuzzer output: line 2 (`VERSIGN;b=:0.0`) ends in a control character (0x14)",
    ),
];

#[test]
fn every_malformed_file_has_its_expected_outcome() {
    let (from, to) = (
        NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2030, 12, 31).unwrap(),
    );
    let mut names: Vec<String> = std::fs::read_dir(corpus().join("malformed"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let listed: Vec<&str> = MALFORMED.iter().map(|(f, ..)| *f).collect();
    assert_eq!(
        names, listed,
        "every file of malformed/ is in MALFORMED, in order"
    );
    let mut failures = Vec::new();
    for (file, outcome, why) in MALFORMED {
        let bytes = std::fs::read(corpus().join("malformed").join(file)).unwrap();
        let strict = IcsCalendar::parse(&bytes);
        let skipping = IcsCalendar::parse_with(&bytes, BadEvents::Skip);
        let line_of = |e: &clash_core::Error, line: usize, word: &str| {
            let msg = e.to_string();
            (e.line() != Some(line) || !msg.contains(word) || msg.contains('\n'))
                .then(|| format!("{file}: `{msg}`, expected line {line} and `{word}` ({why})"))
        };
        match (outcome, strict, skipping) {
            (Outcome::Reads(vevents, occurrences), Ok(cal), Ok(_)) => {
                let (occ, _) = cal.occurrences(from, to).unwrap();
                if (cal.event_count(), occ.len()) != (*vevents, *occurrences) {
                    failures.push(format!(
                        "{file}: {} VEVENTs, {} occurrences, expected {vevents}, {occurrences} ({why})",
                        cal.event_count(),
                        occ.len()
                    ));
                }
            }
            (Outcome::Refused(line, word), Err(e), Err(e2)) => {
                failures.extend(line_of(&e, *line, word));
                if e != e2 {
                    failures.push(format!("{file}: `{e}` strict, `{e2}` skipping"));
                }
            }
            (Outcome::BadEvent(line, word), Err(e), Ok(cal)) => {
                failures.extend(line_of(&e, *line, word));
                let x = cal.expansion(from, to).unwrap();
                match x.skipped.first() {
                    Some(s) if s.line() == *line && s.reason() == &e => {}
                    other => failures.push(format!("{file}: skipped first {other:?} ({why})")),
                }
                assert!(x.tally.adds_up(), "{file}: {:?}", x.tally);
            }
            (_, strict, skipping) => failures.push(format!(
                "{file}: {:?} strict, {:?} skipping ({why})",
                strict.map(|c| c.event_count()),
                skipping.map(|c| c.event_count())
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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
