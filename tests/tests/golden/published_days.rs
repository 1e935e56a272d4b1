//! Computed observances against dates that independent sources published:
//! the polling day of the ordinary local elections in England, every year
//! 2000–2026 (tests/golden/uk-local-elections.csv: the Commons Library,
//! legislation.gov.uk, the Electoral Commission, Wikipedia), dated World
//! Religion Day observances 1950–2026 (tests/golden/world-religion-day.csv:
//! Wikipedia and dated reports), and Losar, the Tibetan New Year, 2008–2026
//! (tests/golden/losar.csv: the Central Tibetan Administration, Phayul,
//! Xinhua, China Daily and other dated reports).
//!
//! Every published date must be our occurrence's start in that year (and
//! the only occurrence that year); a year the source says had no elections
//! must have no occurrence. A disagreement is only accepted if it is listed
//! in `KNOWN_DIFFERENCES` with its reason; the golden dates are never
//! changed to match our output.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use clash_core::{Catalogue, Index};

use super::{date, golden_lines, ours};

/// (id, year, reason) of the years where our date is known to differ from
/// the published one. None at present.
const KNOWN_DIFFERENCES: &[(&str, i32, &str)] = &[];

/// A golden file's rows: the column named `date` (`none` = not held that
/// year) under a header naming the columns, and the `source` column, which
/// must be a key the file's comment header defines (`#   key: ...`).
struct Golden {
    /// year → (published date or None, source key)
    rows: BTreeMap<i32, (Option<NaiveDate>, String)>,
}

fn load(name: &str, id: &str) -> Golden {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("golden")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    // Source keys defined in the comment header: `#   key: publisher, ...`.
    let keys: BTreeSet<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix("#   "))
        .filter_map(|l| l.split_once(": "))
        .map(|(k, _)| k.to_string())
        .filter(|k| !k.contains(' '))
        .collect();
    let lines = golden_lines(name);
    let header: Vec<&str> = lines[0].split(',').collect();
    let col = |c: &str| {
        header
            .iter()
            .position(|h| *h == c)
            .unwrap_or_else(|| panic!("{name}: no column {c}"))
    };
    let (id_col, date_col, source_col) = (col("id"), col("date"), col("source"));
    let year_col = header.iter().position(|h| *h == "year");
    let mut rows = BTreeMap::new();
    for line in &lines[1..] {
        let f: Vec<&str> = line.split(',').collect();
        assert_eq!(f.len(), header.len(), "{name}: {line}");
        assert_eq!(f[id_col], id, "{name}: {line}");
        let published = (f[date_col] != "none").then(|| date(f[date_col]));
        let year = match (year_col, published) {
            (Some(c), _) => f[c].parse().unwrap(),
            (None, Some(d)) => d.year(),
            (None, None) => panic!("{name}: a row without a date names its year: {line}"),
        };
        if let Some(d) = published {
            assert_eq!(d.year(), year, "{name}: {line}");
        }
        let source = f[source_col].to_string();
        assert!(
            keys.contains(&source),
            "{name}: source {source} is described in the header"
        );
        assert!(
            rows.insert(year, (published, source)).is_none(),
            "{name}: one row per year ({year})"
        );
    }
    Golden { rows }
}

/// Compares each golden row with our occurrences of `id` in that year.
/// Returns the number of rows checked.
fn check(index: &Index<'_>, id: &str, golden: &Golden) -> usize {
    let (first, last) = (
        *golden.rows.keys().next().unwrap(),
        *golden.rows.keys().next_back().unwrap(),
    );
    let mut by_year: BTreeMap<i32, Vec<NaiveDate>> = BTreeMap::new();
    for (_, start, _) in ours(index, &BTreeSet::from([id]), first..=last) {
        by_year.entry(start.year()).or_default().push(start);
    }
    let mut failures = Vec::new();
    let mut known_seen = BTreeSet::new();
    for (year, (published, source)) in &golden.rows {
        let got = by_year.get(year).cloned().unwrap_or_default();
        let want: Vec<NaiveDate> = published.iter().copied().collect();
        if got == want {
            continue;
        }
        match KNOWN_DIFFERENCES
            .iter()
            .find(|(i, y, _)| *i == id && y == year)
        {
            Some(_) => {
                known_seen.insert(*year);
            }
            None => failures.push(format!(
                "{id} {year}: published {want:?} ({source}), ours {got:?}"
            )),
        }
    }
    // A listed difference that no longer differs is stale.
    for (i, year, why) in KNOWN_DIFFERENCES {
        if *i == id {
            assert!(
                known_seen.contains(year),
                "{id} {year} is listed as a known difference ({why}) but agrees or has no row"
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    golden.rows.len()
}

#[test]
fn local_elections_england_2000_to_2026() {
    let id = "local-elections-england";
    let golden = load("uk-local-elections.csv", id);
    // Every year of the rule's range up to 2026 has a published row.
    assert_eq!(
        golden.rows.keys().copied().collect::<Vec<_>>(),
        (2000..=2026).collect::<Vec<_>>()
    );
    // The moved years and the year without elections are in the file.
    let d = |y, m, day| Some(NaiveDate::from_ymd_opt(y, m, day).unwrap());
    assert_eq!(golden.rows[&2001].0, d(2001, 6, 7));
    assert_eq!(golden.rows[&2004].0, d(2004, 6, 10));
    assert_eq!(golden.rows[&2009].0, d(2009, 6, 4));
    assert_eq!(golden.rows[&2014].0, d(2014, 5, 22));
    assert_eq!(golden.rows[&2020].0, None);
    let cat = Catalogue::embedded().unwrap();
    let index = Index::new(&cat, 2000, 2026).unwrap();
    assert_eq!(check(&index, id, &golden), 27);
}

#[test]
fn world_religion_day_dated_reports() {
    let id = "world-religion-day";
    let golden = load("world-religion-day.csv", id);
    assert!(golden.rows.len() >= 5, "{} rows", golden.rows.len());
    // Every published date is a Sunday in January (a check on the file).
    for (year, (published, source)) in &golden.rows {
        let d = published.unwrap_or_else(|| panic!("{year}: a date ({source})"));
        assert_eq!(d.weekday(), chrono::Weekday::Sun, "{year} ({source})");
        assert_eq!(d.month(), 1, "{year} ({source})");
    }
    let cat = Catalogue::embedded().unwrap();
    let index = Index::new(&cat, 1950, 2026).unwrap();
    assert_eq!(check(&index, id, &golden), golden.rows.len());
}

/// Losar (the Tibetan Phugpa calendar's New Year, computed by Janson's
/// arithmetic) against the published first days 2008–2026, at the default
/// settings.
#[test]
fn losar_published_dates() {
    let id = "losar";
    let golden = load("losar.csv", id);
    assert!(golden.rows.len() >= 15, "{} rows", golden.rows.len());
    // The years the catalogue once listed as exceptions are all in the file.
    for year in [2017, 2021, 2022, 2023, 2024, 2025] {
        assert!(golden.rows.contains_key(&year), "{year}");
    }
    let cat = Catalogue::embedded().unwrap();
    let index = Index::new(&cat, 2008, 2026).unwrap();
    assert_eq!(check(&index, id, &golden), golden.rows.len());
}
