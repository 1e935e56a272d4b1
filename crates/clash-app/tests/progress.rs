//! The work a front end shows a bar for is counted: a long list computed
//! live counts its years, an import its occurrences; a list read from the
//! baked years counts nothing (it is quick). What a count must be comes
//! from the request (years asked for, the events in the file), not from a
//! run of ours.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use clash_app::chrono::{TimeZone, Utc};
use clash_app::{Calendar, Command, Engine, FromTo, Import, List, Options, Progress, Request};

fn list(from: &str, to: &str, location: Option<&str>) -> Request {
    let command = Command::List(List {
        range_text: None,
        range: FromTo {
            from: Some(from.into()),
            to: Some(to.into()),
        },
    });
    Request::new(
        command,
        Utc.with_ymd_and_hms(2026, 12, 7, 12, 0, 0).unwrap(),
    )
    .options(Options {
        location: location.map(str::to_string),
        ..Options::default()
    })
}

/// A list at Delhi is computed live (the baked years are Leicester's):
/// every year it computes is a step, the year before the first and the
/// year after the last included (spans run across them), so 2000–2009
/// is 12 steps, all done at the end.
#[test]
fn a_live_list_counts_its_years() {
    let engine = Engine::embedded().unwrap();
    let progress = Progress::new();
    let request = list("2000-01-01", "2009-12-31", Some("delhi"));
    engine.run_counted(&request, &progress, |_| ()).unwrap();
    assert_eq!(progress.position(), Some((12, 12)));
}

/// The default list (Leicester) reads baked years: nothing to count.
#[test]
fn a_baked_list_counts_nothing() {
    let engine = Engine::embedded().unwrap();
    let progress = Progress::new();
    let request = list("1900-01-01", "2100-12-31", None);
    engine.run_counted(&request, &progress, |_| ()).unwrap();
    assert_eq!(progress.position(), None);
}

/// An import counts each occurrence it checks: a file of three one-off
/// events in the window ends at 3 of 3.
#[test]
fn an_import_counts_its_occurrences() {
    let engine = Engine::embedded().unwrap();
    let progress = Progress::new();
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n\
        BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20270310T180000Z\r\nDTEND:20270310T190000Z\r\nSUMMARY:a\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:b\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20271029\r\nSUMMARY:b\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:c\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20270601T090000Z\r\nDTEND:20270601T100000Z\r\nSUMMARY:c\r\nEND:VEVENT\r\n\
        END:VCALENDAR\r\n";
    let command = Command::Import(Import {
        calendar: Calendar::Bytes {
            name: "three.ics".into(),
            data: ics.as_bytes().to_vec(),
        },
        range: FromTo {
            from: Some("2027-01-01".into()),
            to: Some("2027-12-31".into()),
        },
        with_food: false,
    });
    let request = Request::new(
        command,
        Utc.with_ymd_and_hms(2026, 12, 7, 12, 0, 0).unwrap(),
    );
    engine.run_counted(&request, &progress, |_| ()).unwrap();
    assert_eq!(progress.position(), Some((3, 3)));
}
