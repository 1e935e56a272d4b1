//! Contract test: the application layer's in-process render is the
//! `clash` binary's output, byte for byte. The expected bytes are the
//! binary's recorded outputs (`crates/clash-cli/tests/golden/NAME.out`,
//! pinned on purpose and checked against the binary by the CLI's own
//! golden test), so the two front ends cannot drift apart.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use clash_app::chrono::{TimeZone, Utc};
use clash_app::{
    Calendar, Check, Command, Engine, Format, FromTo, Import, List, Meeting, Options, Request,
    Show, Style, Suggest, Sun,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The standard output the binary gave for case `name`, and its exit code.
fn golden(name: &str) -> (String, Option<u8>) {
    let path = root().join(format!("crates/clash-cli/tests/golden/{name}.out"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let (head, body) = text.split_once("--- stdout\n").expect("a stdout part");
    let code = head
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("exit: Some("))
        .and_then(|l| l.strip_suffix(')'))
        .and_then(|c| c.parse().ok());
    (body.to_string(), code)
}

fn range(from: &str, to: &str) -> FromTo {
    FromTo {
        from: Some(from.into()),
        to: Some(to.into()),
    }
}

/// Each case: its golden name, the command, the options and the format.
fn cases() -> Vec<(&'static str, Command, Options, Format)> {
    let all = Options::default();
    let check = |when: &str| Check {
        when: Some(when.into()),
        ..Check::default()
    };
    let list = |r: &str| List {
        range_text: Some(r.into()),
        range: FromTo::default(),
    };
    let corpus = |f: &str| Calendar::File(PathBuf::from(format!("tests/ics/corpus/valid/{f}")));
    vec![
        (
            "check-day",
            Command::Check(check("2026-12-25")),
            all.clone(),
            Format::Text,
        ),
        (
            "check-day-json",
            Command::Check(check("2026-12-25")),
            all.clone(),
            Format::Json,
        ),
        (
            "check-day-csv",
            Command::Check(check("2026-12-25")),
            all.clone(),
            Format::Csv,
        ),
        (
            "check-tradition",
            Command::Check(check("2027")),
            Options {
                traditions: vec!["muslim".into(), "hindu".into()],
                ..all.clone()
            },
            Format::Text,
        ),
        (
            "check-latlon",
            Command::Check(check("2027-09")),
            Options {
                location: Some("40.7,-74.0,America/New_York".into()),
                ..all.clone()
            },
            Format::Json,
        ),
        (
            "timed-one-json",
            Command::Check(Check {
                when: Some("2027-03-10T18:00".into()),
                meeting: Meeting {
                    duration: Some("2h".into()),
                    ..Meeting::default()
                },
                ..Check::default()
            }),
            all.clone(),
            Format::Json,
        ),
        (
            "timed-range-csv",
            Command::Check(Check {
                when: Some("2027-03-01..2027-03-14".into()),
                meeting: Meeting {
                    time: Some("19:00".into()),
                    ..Meeting::default()
                },
                ..Check::default()
            }),
            all.clone(),
            Format::Csv,
        ),
        (
            "timed-dst",
            Command::Check(check("2027-03-28T01:30")),
            all.clone(),
            Format::Text,
        ),
        (
            "suggest-json",
            Command::Suggest(Suggest {
                window: Some("2027-10-01..2027-11-30".into()),
                ..Suggest::default()
            }),
            all.clone(),
            Format::Json,
        ),
        (
            "suggest-time",
            Command::Suggest(Suggest {
                window: Some("2027-03".into()),
                meeting: Meeting {
                    time: Some("18:00".into()),
                    duration: Some("2h".into()),
                    with_food: true,
                },
                ..Suggest::default()
            }),
            all.clone(),
            Format::Text,
        ),
        (
            "list-month",
            Command::List(list("2027-04")),
            all.clone(),
            Format::Text,
        ),
        (
            "list-month-json",
            Command::List(list("2027-04")),
            all.clone(),
            Format::Json,
        ),
        (
            "list-month-csv",
            Command::List(list("2027-10")),
            all.clone(),
            Format::Csv,
        ),
        (
            "export-month",
            Command::Export(list("2027-03")),
            all.clone(),
            Format::Text,
        ),
        (
            "export-filtered",
            Command::Export(list("2027")),
            Options {
                traditions: vec!["muslim".into(), "hindu".into()],
                min_impact: Some("high".into()),
                ..all.clone()
            },
            Format::Text,
        ),
        (
            "import-json",
            Command::Import(Import {
                calendar: corpus("recurring-ical-events__each_week_but_two_deleted.ics"),
                range: range("2015-01-01", "2025-12-31"),
                with_food: false,
            }),
            all.clone(),
            Format::Json,
        ),
        (
            "import-thunderbird",
            Command::Import(Import {
                calendar: corpus("icalendar-rb__two_date_time_events.ics"),
                range: range("1996-01-01", "2030-12-31"),
                with_food: false,
            }),
            all.clone(),
            Format::Text,
        ),
        (
            "observances-json",
            Command::Observances,
            all.clone(),
            Format::Json,
        ),
        (
            "show-json",
            Command::Show(Show {
                id: "eid-al-adha".into(),
                count: 3,
                range: FromTo {
                    from: Some("2027-01-01".into()),
                    to: None,
                },
            }),
            all.clone(),
            Format::Json,
        ),
        (
            "sun-csv",
            Command::Sun(Sun {
                range_text: Some("2027-03-25..2027-04-02".into()),
                range: FromTo::default(),
            }),
            all.clone(),
            Format::Csv,
        ),
        (
            "sun-week",
            Command::Sun(Sun {
                range_text: Some("2027-06-18..2027-06-24".into()),
                range: FromTo::default(),
            }),
            all.clone(),
            Format::Text,
        ),
        (
            "locations-csv",
            Command::Locations,
            all.clone(),
            Format::Csv,
        ),
    ]
}

#[test]
fn the_in_process_render_is_the_binarys_output() {
    // The cases' paths are relative to the repository root.
    std::env::set_current_dir(root()).expect("cd to the root");
    let engine = Engine::embedded().expect("the embedded catalogue");
    // No case depends on today.
    let now = Utc.with_ymd_and_hms(2031, 7, 4, 9, 30, 0).unwrap();
    let cases = cases();
    assert!(cases.len() >= 20);
    for (name, command, options, format) in cases {
        let request = Request::new(command, now)
            .options(options)
            .format(format)
            .reading_files(true);
        let (got, clash) = engine
            .run(&request, |report| {
                let mut out = Vec::new();
                clash_app::render(report, format, Style::default(), &mut out)
                    .map(|()| (out, report.has_clash()))
            })
            .and_then(|r| r)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let (want, code) = golden(name);
        assert!(
            String::from_utf8_lossy(&got) == want,
            "{name}: the in-process render differs from the binary's"
        );
        assert_eq!(Some(u8::from(clash)), code, "{name}: exit code");
    }
}

#[test]
fn errors_are_the_binarys_errors() {
    let engine = Engine::embedded().expect("the embedded catalogue");
    let now = Utc.with_ymd_and_hms(2031, 7, 4, 9, 30, 0).unwrap();
    let cases = [
        (
            "error-date",
            Command::Check(Check {
                when: Some("2027-02-30".into()),
                ..Check::default()
            }),
            Format::Text,
            400,
        ),
        (
            "error-id",
            Command::Show(Show {
                id: "no-such-day".into(),
                count: 5,
                range: FromTo::default(),
            }),
            Format::Text,
            404,
        ),
        (
            "error-ics",
            Command::Check(Check {
                when: Some("2027-03-10".into()),
                ..Check::default()
            }),
            Format::Ics,
            400,
        ),
    ];
    for (name, command, format, status) in cases {
        let request = Request::new(command, now).format(format);
        let e = engine.run(&request, |_| ()).expect_err(name);
        let path = root().join(format!("crates/clash-cli/tests/golden/{name}.out"));
        let recorded = std::fs::read_to_string(path).expect("golden");
        let mut want = format!("stderr: clash: error: {}\n", e.message());
        if let Some(h) = e.hint_text() {
            want.push_str(&format!("stderr: hint: {h}\n"));
        }
        assert!(
            recorded.contains(&want),
            "{name}: {want:?} not in {recorded:?}"
        );
        assert_eq!(e.http_status(), status, "{name}");
        assert_eq!(e.exit_code(), 2);
    }
}

#[test]
fn each_kind_of_mistake_has_its_status() {
    let engine = Engine::embedded().expect("the embedded catalogue");
    let now = Utc.with_ymd_and_hms(2031, 7, 4, 9, 30, 0).unwrap();
    let upload = |data: Vec<u8>| {
        Command::Import(Import {
            calendar: Calendar::Bytes {
                name: "upload.ics".into(),
                data,
            },
            range: range("2026-01-01", "2026-12-31"),
            with_food: false,
        })
    };
    let cases = [
        // A range past the command's limit: the CLI's message, 400.
        (
            Command::Sun(Sun {
                range_text: Some("2000..2030".into()),
                range: FromTo::default(),
            }),
            400,
            "at most 3660 days",
        ),
        // More than 16 MiB of calendar: 413.
        (upload(vec![b' '; (16 << 20) + 1]), 413, "the limit is"),
        // A calendar the reader refuses: the core's kind, 422.
        (upload(b"not a calendar".to_vec()), 422, ""),
        // A date that does not exist: 400.
        (
            Command::Check(Check {
                when: Some("2027-13-01".into()),
                ..Check::default()
            }),
            400,
            "2027-13-01",
        ),
    ];
    for (command, status, needle) in cases {
        let e = engine
            .run(&Request::new(command, now), |_| ())
            .expect_err("a mistake");
        assert_eq!(e.http_status(), status, "{e}");
        assert!(e.message().contains(needle), "{e}");
        assert_eq!(e.exit_code(), 2);
    }
}

/// Issue 19: a long-running series that began decades ago (here a monthly
/// one from 1985, with one moved instance) is checked in the default
/// window from today, not read as "0 occurrences of 0 events"; the report
/// accounts for every VEVENT.
#[test]
fn a_decades_old_series_is_checked_from_today() {
    let engine = Engine::embedded().expect("the embedded catalogue");
    let now = Utc.with_ymd_and_hms(2026, 12, 6, 9, 0, 0).unwrap();
    let data = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n\
        BEGIN:VEVENT\r\nUID:council\r\nSUMMARY:Council\r\n\
        DTSTART;TZID=Europe/London:19850102T100000\r\nDURATION:PT1H\r\n\
        RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:council\r\nSUMMARY:Council (moved)\r\n\
        RECURRENCE-ID;TZID=Europe/London:20270101T100000\r\n\
        DTSTART;TZID=Europe/London:20270104T100000\r\nDURATION:PT1H\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:old\r\nSUMMARY:Old\r\nDTSTART:19990101T100000Z\r\nEND:VEVENT\r\n\
        END:VCALENDAR\r\n";
    let request = Request::new(
        Command::Import(Import {
            calendar: Calendar::Bytes {
                name: "council.ics".into(),
                data: data.as_bytes().to_vec(),
            },
            range: FromTo::default(),
            with_food: false,
        }),
        now,
    )
    .format(Format::Json);
    let json = engine
        .run(&request, |report| {
            clash_app::render::to_string(report, Format::Json, Style::default())
        })
        .and_then(|r| r)
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["from"], "2026-12-06");
    assert_eq!(v["to"], "2036-12-06");
    // The first weekday of each month, 2027-01 to 2036-12 (120), the
    // January 2027 one moved to the 4th.
    assert_eq!(v["events"].as_array().unwrap().len(), 120);
    assert_eq!(
        v["counts"],
        serde_json::json!({"vevents": 3, "in_window": 2, "outside": 1, "skipped": 0})
    );
}
