//! Replays every input the fuzzers found (`tests/fuzz-regressions/<target>/`,
//! one file per finding, named for what it broke) through the fuzz targets'
//! bodies, on stable Rust. Each once panicked or hung; each must now end
//! quietly, and quickly.

use std::path::PathBuf;
use std::time::{Duration, Instant};

fn replay(target: &str, body: fn(&[u8])) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz-regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    for f in files {
        let data = std::fs::read(&f).unwrap();
        let started = Instant::now();
        body(&data);
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{} took {:?}",
            f.display(),
            started.elapsed()
        );
    }
}

#[test]
fn catalogue_toml_findings() {
    replay("catalogue_toml", clash_tests::catalogue_toml);
}

#[test]
fn ics_import_findings() {
    replay("ics_import", clash_tests::ics_import);
}

#[test]
fn rrule_findings() {
    replay("rrule", clash_tests::rrule);
}

#[test]
fn cli_parsers_findings() {
    replay("cli_parsers", clash_tests::cli_parsers);
}

#[test]
fn web_query_findings() {
    replay("web_query", clash_tests::web_query);
}
