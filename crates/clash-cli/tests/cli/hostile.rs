//! Hostile input, end to end: huge files, deep nesting, unbounded
//! recurrences, absurd ranges and durations, binary garbage, missing files,
//! folders and devices passed as files, odd arguments. Each must end within
//! a time limit (the helper kills it and fails the test otherwise) with one
//! clear error line and exit 2, or with a bounded answer.

use std::time::Duration;

use super::util::*;
use serde_json::Value;

/// Every hostile input must be done within this (debug builds, a loaded
/// machine); most take milliseconds.
const LIMIT: Duration = Duration::from_secs(30);

/// An error within [`LIMIT`]: exit 2 and one `clash: error:` line.
fn refused(args: &[&str], needle: &str) {
    assert_error_output(args, &clash_within(args, LIMIT), needle);
}

/// clap's own refusal (before our code runs): exit 2, no panic.
fn refused_by_clap(args: &[std::ffi::OsString]) {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_clash"))
        .args(args)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{args:?}");
    let err = stderr(&o);
    assert!(
        err.starts_with("error: ") && !err.contains("panicked"),
        "{err}"
    );
}

/// A bounded answer within [`LIMIT`]: exit 0 or 1, no error.
fn answered(args: &[&str]) -> String {
    let o = clash_within(args, LIMIT);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        stderr(&o)
    );
    stdout(&o)
}

/// A valid observance with this id and rule.
fn observance(id: &str, rule: &str) -> String {
    format!(
        "[[observance]]\nid = \"{id}\"\nname = \"N\"\ntradition = \"national\"\n\
         category = \"awareness\"\nimpact = \"low\"\nrule = {rule}\n\
         summary = \"s\"\nadvice = \"a\"\nsource = \"test\"\n"
    )
}

/// Deterministic pseudo-random bytes (a linear congruential generator).
fn garbage(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    (0..n)
        .map(|_| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (x >> 56) as u8
        })
        .collect()
}

#[test]
fn absurd_ranges_are_refused_at_once() {
    for args in [
        &["check", "--from", "0001", "--to", "9999"][..],
        &["list", "--from", "0001", "--to", "9999"],
        &["list", "0001..9999"],
        &["show", "christmas-day", "--from", "0001", "--to", "9999"],
        &["suggest", "--from", "0001", "--to", "9999"],
        &["sun", "--from", "0001", "--to", "9999"],
    ] {
        refused(args, "outside the supported years 1583..2999");
    }
    for args in [
        &["export", "--from", "1583", "--to", "2999"][..],
        &["check", "--from", "1583", "--to", "2999"],
        &["sun", "--from", "1583", "--to", "2999"],
    ] {
        refused(args, "more than 1000 years");
    }
    refused(&["check", "--from", "99999"], "invalid date `99999`");
    refused(
        &["check", "--from", "2026", "--to", "2999", "--time", "10:00"],
        "at most 366 days",
    );
    refused(
        &["suggest", "--from", "2026", "--to", "2030"],
        "at most 731 days",
    );
    refused(
        &["export", "--from", "2000", "--to", "2030"],
        "at most 20 years",
    );
}

#[test]
fn the_longest_allowed_ranges_are_answered_in_bounded_time() {
    // 1000 years, live (outside the baked 1900–2100), one observance and all.
    let one: Value = serde_json::from_str(&answered(&[
        "list",
        "--from",
        "2000",
        "--to",
        "2999",
        "--id",
        "christmas-day",
        "--format",
        "json",
    ]))
    .unwrap();
    let days = one["occurrences"].as_array().unwrap().iter();
    let on_the_day = days.filter(|o| o["start"].as_str().unwrap().ends_with("-12-25"));
    assert_eq!(on_the_day.count(), 1000);
    answered(&[
        "check",
        "--from",
        "2000",
        "--to",
        "2999",
        "--min-impact",
        "high",
    ]);
}

#[test]
fn absurd_durations_and_times_are_refused() {
    for d in [
        "100000000h",
        "99999999999999999999999m",
        "0",
        "1h1x",
        "h",
        "5d",
    ] {
        refused(
            &["check", "2026-12-25T10:00", "--duration", d],
            "invalid duration",
        );
    }
    refused(
        &["suggest", "--time", "10:00", "--duration", "100000000h"],
        "at most 24 hours",
    );
    refused(&["check", "2026-12-25T99:99"], "invalid time `99:99`");
    refused(&["check", "2026-12-25", "--time", "24:00"], "invalid time");
    // A meeting that runs past the last supported day: one clear line, not
    // the index's own words.
    refused(
        &["check", "2999-12-31T23:00", "--duration", "3h"],
        "would end after the last supported day, 2999-12-31",
    );
    refused(
        &["check", "2999-12-30..2999-12-31", "--time", "23:30"],
        "would end after the last supported day",
    );
    answered(&["check", "2999-12-31T20:00", "--duration", "3h"]);
    refused_by_clap(&[
        "suggest".into(),
        "--count".into(),
        "18446744073709551616".into(),
    ]);
}

#[test]
fn absurd_places_are_refused_and_polar_ones_answered() {
    refused(
        &["check", "2026-12-25", "--location", "1e309,0,UTC"],
        "is not a number",
    );
    refused(
        &["check", "2026-12-25", "--location", "NaN,0,UTC"],
        "is not a number",
    );
    // (Out-of-range latitudes and unknown zones: `error_bad_coordinates`.)
    // No sunrise or sunset for months: answered all the same.
    answered(&["check", "2026-12-25T12:00", "--location", "90,0,UTC"]);
    answered(&[
        "check",
        "2026-06-21T23:00",
        "--location",
        "-90,0,UTC",
        "--with-food",
    ]);
    answered(&[
        "sun",
        "--from",
        "2026",
        "--to",
        "2026",
        "--location",
        "78.2,15.6,Arctic/Longyearbyen",
    ]);
}

#[test]
fn odd_arguments_are_refused() {
    refused(&["check", &"9".repeat(100_000)], "invalid date");
    refused(
        &["check", "2026-12-25", "--id", &"x".repeat(100_000)],
        "unknown observance id",
    );
    refused(
        &["check", "2026-12-25", "--tradition", "\u{202e}jewish"],
        "unknown tradition",
    );
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        refused_by_clap(&[
            "check".into(),
            std::ffi::OsString::from_vec(vec![0xff, 0xfe]),
        ]);
    }
}

#[test]
fn huge_and_deeply_nested_files_are_refused() {
    let big = temp_bytes("big.toml", &vec![b'#'; 5 << 20]);
    refused(
        &["list", "--catalogue", big.to_str().unwrap()],
        "the limit is",
    );
    refused(
        &["suggest", "--profile", big.to_str().unwrap()],
        "the limit is",
    );
    let deep = format!("x = {}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep = temp_file("deep.toml", &deep);
    refused(&["list", "--catalogue", deep.to_str().unwrap()], "recurse");
    refused(&["suggest", "--profile", deep.to_str().unwrap()], "recurse");
    let tables = format!("x = {}1{}", "{a = ".repeat(50_000), "}".repeat(50_000));
    let tables = temp_file("tables.toml", &tables);
    refused(
        &["list", "--catalogue", tables.to_str().unwrap()],
        "recurse",
    );
    // Just under the size limit: 3,000 observances load, bounded.
    let many: String = (0..3000)
        .map(|i| {
            observance(
                &format!("day-{i}"),
                "{ kind = \"fixed\", month = 1, day = 2 }",
            )
        })
        .collect();
    let many = temp_file("many.toml", &many);
    let v: Value = serde_json::from_str(&answered(&[
        "observances",
        "--catalogue",
        many.to_str().unwrap(),
        "--format",
        "json",
    ]))
    .unwrap();
    assert!(v["observances"].as_array().unwrap().len() > 3000);
}

#[test]
fn garbage_missing_files_folders_and_devices_are_refused() {
    let junk = temp_bytes("junk.bin", &garbage(2 << 20));
    let j = junk.to_str().unwrap();
    // Text that is not UTF-8 is read as Windows-1252 (as Outlook writes
    // it), so garbage is refused by the content-line screen, on its line.
    refused(&["import", j], "junk.bin:1: a control character");
    refused(&["list", "--catalogue", j], "not UTF-8");
    refused(&["suggest", "--profile", j], "not UTF-8");
    let dir = std::env::temp_dir();
    let d = dir.to_str().unwrap();
    refused(&["import", d], "not a file");
    refused(&["suggest", "--profile", d], "not a file");
    refused(
        &["export", "--from", "2026", "--to", "2026", "-o", d],
        "cannot write",
    );
    for device in ["/dev/zero", "/dev/urandom", "/dev/null"] {
        if std::path::Path::new(device).exists() {
            refused(&["import", device], "not a file");
            refused(&["list", "--catalogue", device], "not a file");
            refused(&["suggest", "--profile", device], "not a file");
        }
    }
    refused(&["import", "/no/such/file.ics"], "No such file");
    refused(
        &["list", "--catalogue", "/no/such/file.toml"],
        "No such file",
    );
    refused(
        &["list", "--catalogue", "/no/such/file.ics"],
        "No such file",
    );
    refused(&["export", "-o", "/no/such/dir/x.ics"], "cannot write");
    // A folder of catalogues holding a folder named like a catalogue.
    let folder = std::env::temp_dir().join(format!("clash-hostile-{}", std::process::id()));
    std::fs::create_dir_all(folder.join("nested.toml")).unwrap();
    std::fs::write(
        folder.join("ok.toml"),
        observance("ok-day", "{ kind = \"fixed\", month = 5, day = 5 }"),
    )
    .unwrap();
    answered(&[
        "list",
        "--catalogue",
        folder.to_str().unwrap(),
        "--id",
        "ok-day",
        "--from",
        "2026",
        "--to",
        "2026",
    ]);
}

#[test]
fn unbounded_recurrences_in_catalogues_are_refused_or_bounded() {
    for (rule, needle) in [
        ("FREQ=SECONDLY", "at most daily"),
        ("FREQ=MINUTELY;INTERVAL=1", "at most daily"),
        ("FREQ=DAILY;BYHOUR=1,2,3;BYMINUTE=1,2", "without BYHOUR"),
        ("FREQ=DAILY;COUNT=4294967295", "COUNT at most 10000"),
        ("FREQ=WEEKLY;BYDAY=\u{16c}MO", "ASCII"),
    ] {
        let f = temp_file(
            "rule.toml",
            &observance("r", &format!("{{ kind = \"rrule\", rrule = \"{rule}\" }}")),
        );
        refused(&["list", "--catalogue", f.to_str().unwrap()], needle);
    }
    // Rules that ended long before, or start on a day some months lack:
    // 1000 years answered without stepping through every instance since.
    for (rule, dtstart) in [
        ("FREQ=DAILY;UNTIL=20000101T000000Z", "1583-01-01"),
        ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR,SA,SU", "1583-01-31"),
    ] {
        let f = temp_file(
            "ended.toml",
            &observance(
                "r",
                &format!("{{ kind = \"rrule\", rrule = \"{rule}\", dtstart = \"{dtstart}\" }}"),
            ),
        );
        let f = f.to_str().unwrap();
        answered(&[
            "list",
            "--catalogue",
            f,
            "--id",
            "r",
            "--from",
            "2001",
            "--to",
            "2999",
            "--format",
            "csv",
        ]);
    }
    // Every day, or every day of every month, since 1583: 201 years answered.
    for rule in [
        "FREQ=DAILY",
        "FREQ=MONTHLY;BYMONTHDAY=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    ] {
        let f = temp_file("every.toml", &observance("r", &format!("{{ kind = \"rrule\", rrule = \"{rule}\" }}")));
        answered(&["list", "--catalogue", f.to_str().unwrap(), "--id", "r", "--from", "1900", "--to", "2100", "--format", "csv"]);
    }
}

#[test]
fn hostile_calendars_end_quickly_with_one_error_line() {
    let deep = format!(
        "BEGIN:VCALENDAR\r\n{}{}END:VCALENDAR\r\n",
        "BEGIN:VEVENT\r\n".repeat(100_000),
        "END:VEVENT\r\n".repeat(100_000)
    );
    let deep = temp_file("deep.ics", &deep);
    refused(&["import", deep.to_str().unwrap()], "nested more than");
    let garbage: String = (0..200_000u32)
        .map(|i| char::from(b'!' + (i % 90) as u8))
        .collect();
    let garbage = temp_file("garbage.ics", &garbage);
    refused(&["import", garbage.to_str().unwrap()], "garbage.ics:1:");
    let dir = std::env::temp_dir();
    refused(&["import", dir.to_str().unwrap()], "not a file");
    refused(&["import", "/no/such/file.ics"], "No such file");
    let big = temp_file("big.ics", &"X".repeat(17 << 20));
    refused(&["import", big.to_str().unwrap()], "the limit is");
    for bad in [
        "malformed/libical__issue252.ics",
        "malformed/khal__invalid_tzoffset.ics",
    ] {
        refused(&["import", &corpus(bad)], ".ics:");
    }
    // An endless rule every second is capped, with a note.
    let endless = temp_file(
        "endless.ics",
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n\
         DTSTART:20260101T000000Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    );
    let o = clash(&[
        "import",
        endless.to_str().unwrap(),
        "--from",
        "2026",
        "--to",
        "2026",
        "--format",
        "json",
    ]);
    assert!(
        o.status.code() == Some(0) || o.status.code() == Some(1),
        "{}",
        stderr(&o)
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["events"].as_array().unwrap().len(), 10_000);
    assert!(v["notes"][0]
        .as_str()
        .unwrap()
        .contains("only the first 10000"));
}
