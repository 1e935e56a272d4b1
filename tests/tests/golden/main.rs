//! Long-range checks of computed dates against independent golden data in
//! `tests/golden/` (each file names its source and licence in its header).

mod announced;
mod astronomy;
mod bank_holidays;
mod easter;
mod hindu;
mod ics;
mod jewish;
mod lunisolar;
mod published_days;
mod schedule;
mod sun;
mod thai;
mod timed;

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use clash_core::{Category, Filter, Index};

/// The data lines of a golden file (comments and blank lines skipped).
pub fn golden_lines(name: &str) -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("golden")
        .join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

pub fn date(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("bad date {s}: {e}"))
}

/// (id, start, end) rows of a golden CSV with an `id,start,end` or
/// `id,date` header.
pub fn rows(name: &str) -> BTreeSet<(String, NaiveDate, NaiveDate)> {
    golden_lines(name)
        .iter()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            let start = date(f[1]);
            let end = f.get(2).map_or(start, |e| date(e));
            (f[0].to_string(), start, end)
        })
        .collect()
}

/// Our occurrences of `ids` starting in `years`.
pub fn ours(
    index: &Index<'_>,
    ids: &BTreeSet<&str>,
    years: std::ops::RangeInclusive<i32>,
) -> BTreeSet<(String, NaiveDate, NaiveDate)> {
    let cat = index.catalogue();
    let filter = Filter::default()
        .ids(
            ids.iter()
                .map(|id| cat.get(id).unwrap_or_else(|| panic!("{id}")).id().clone()),
        )
        .categories(Category::ALL.iter().copied());
    let (from, to) = index.days();
    index
        .list(from, to, &filter)
        .unwrap()
        .iter()
        .map(|o| {
            (
                o.observance().id().to_string(),
                o.occurrence().start(),
                o.occurrence().end(),
            )
        })
        .filter(|(_, s, _)| years.contains(&s.year()))
        .collect()
}

/// Compares, allowing each listed (id, golden start) to be `alternative`.
pub fn compare(
    what: &str,
    want: &BTreeSet<(String, NaiveDate, NaiveDate)>,
    got: &BTreeSet<(String, NaiveDate, NaiveDate)>,
    knife_edges: &[(&str, &str, &str, &str)],
) {
    let accepted = |row: &(String, NaiveDate, NaiveDate),
                    other: &BTreeSet<(String, NaiveDate, NaiveDate)>| {
        knife_edges.iter().any(|(id, a, b, _why)| {
            let (a, b) = (date(a), date(b));
            row.0 == *id
                && ((row.1 == a && other.iter().any(|o| o.0 == *id && o.1 == b))
                    || (row.1 == b && other.iter().any(|o| o.0 == *id && o.1 == a)))
        })
    };
    let missing: Vec<_> = want
        .difference(got)
        .filter(|r| !accepted(r, got))
        .take(10)
        .collect();
    let extra: Vec<_> = got
        .difference(want)
        .filter(|r| !accepted(r, want))
        .take(10)
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{what}: missing {missing:?}\nextra {extra:?}"
    );
}
