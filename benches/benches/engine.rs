//! Benchmarks of the application layer: a whole request answered by one
//! long-lived `Engine` (what `clash serve` will do per request), from the
//! typed request to the rendered bytes.
//!
//! Run with `cargo bench -p clash-benches --bench engine`.

use clash_app::chrono::{TimeZone, Utc};
use clash_app::{Check, Command, Engine, Format, List, Meeting, Request, Style};
use divan::{black_box, Bencher};

fn main() {
    divan::main();
}

/// Answers `command` in `format` and renders it to bytes.
fn answer(engine: &Engine, command: &Command, format: Format) -> usize {
    let now = Utc.with_ymd_and_hms(2026, 12, 2, 12, 0, 0).single();
    let now = now.unwrap_or_default();
    let request = Request::new(command.clone(), now).format(format);
    engine
        .run(&request, |report| {
            let mut out = Vec::with_capacity(1 << 14);
            clash_app::render(report, format, Style::default(), &mut out).map(|()| out.len())
        })
        .and_then(|r| r)
        .unwrap_or_default()
}

fn check(when: &str, time: Option<&str>) -> Command {
    Command::Check(Check {
        when: Some(when.to_string()),
        meeting: Meeting {
            time: time.map(str::to_string),
            ..Meeting::default()
        },
        ..Check::default()
    })
}

/// Loading the engine: the embedded catalogue's compact form, validated.
#[divan::bench]
fn load_engine() -> Engine {
    Engine::embedded().unwrap_or_else(|e| unreachable!("{e}"))
}

/// `check 2026-12-25` as text: the request a process answers.
#[divan::bench]
fn check_one_day_text(b: Bencher) {
    let engine = load_engine();
    let command = check("2026-12-25", None);
    b.bench(|| answer(&engine, black_box(&command), Format::Text));
}

/// `check 2026-12-25 --format json`.
#[divan::bench]
fn check_one_day_json(b: Bencher) {
    let engine = load_engine();
    let command = check("2026-12-25", None);
    b.bench(|| answer(&engine, black_box(&command), Format::Json));
}

/// `check 2027-03-10T18:00 --duration 2h --format json`: the timed API
/// check of `benches/serve_load.sh`, the evening after Eid.
#[divan::bench]
fn check_meeting_json(b: Bencher) {
    let engine = load_engine();
    let mut command = check("2027-03-10T18:00", None);
    if let Command::Check(c) = &mut command {
        c.meeting.duration = Some("2h".to_string());
    }
    b.bench(|| answer(&engine, black_box(&command), Format::Json));
}

/// `check 2027-03-01..2027-03-31 --time 18:00 --format json`: a month of
/// evening meetings in Ramadan.
#[divan::bench]
fn check_month_timed_json(b: Bencher) {
    let engine = load_engine();
    let command = check("2027-03-01..2027-03-31", Some("18:00"));
    b.bench(|| answer(&engine, black_box(&command), Format::Json));
}

/// `export 2027..2029`: a three-year feed.
#[divan::bench(sample_count = 20)]
fn export_three_years(b: Bencher) {
    let engine = load_engine();
    let command = Command::Export(List {
        range_text: Some("2027..2029".to_string()),
        ..List::default()
    });
    b.bench(|| answer(&engine, black_box(&command), Format::Ics));
}
