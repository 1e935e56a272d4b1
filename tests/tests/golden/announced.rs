//! Every table of announced dates (`announced = [...]` in
//! `data/observances/*.toml`), read from the data files themselves with a
//! plain TOML parser, not through the catalogue: each row names the date
//! (or span) a public source announced and that source. The engine must
//! give exactly those dates in an announced year, with the row's source and
//! certainty `fixed`, and an estimate ("expected (not yet announced)",
//! certainty `estimated`) in every other year of the rule.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use clash_core::{Catalogue, Category, Certainty, Filter, Index};

use super::date;

/// One table: the observance's id and its rows (year → [(start, end,
/// source)]).
type Table = (String, BTreeMap<i32, Vec<(NaiveDate, NaiveDate, String)>>);

/// The tables of every catalogue file, read as plain TOML.
fn tables() -> Vec<Table> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data/observances");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let value: toml::Value = toml::from_str(&text).unwrap();
        let Some(list) = value.get("observance").and_then(|o| o.as_array()) else {
            continue;
        };
        for o in list {
            let Some(rows) = o.get("announced").and_then(|a| a.as_array()) else {
                continue;
            };
            let id = o["id"].as_str().unwrap().to_string();
            let mut years: BTreeMap<i32, Vec<(NaiveDate, NaiveDate, String)>> = BTreeMap::new();
            for row in rows {
                let year = i32::try_from(row["year"].as_integer().unwrap()).unwrap();
                let start = date(row["date"].as_str().unwrap());
                let end = row.get("end").map_or(start, |e| date(e.as_str().unwrap()));
                let source = row["source"].as_str().unwrap().to_string();
                assert!(
                    source.trim().len() > 10,
                    "{id} {year}: a row names where it was announced"
                );
                years.entry(year).or_default().push((start, end, source));
            }
            out.push((id, years));
        }
    }
    out
}

#[test]
fn announced_dates_and_estimates() {
    let tables = tables();
    // The Leicester events' tables at least (issue 20): the test cannot
    // pass by finding none.
    let with_rows: BTreeSet<&str> = tables.iter().map(|(id, _)| id.as_str()).collect();
    for id in [
        "leicester-diwali-lights-switch-on",
        "leicester-diwali-day",
        "leicester-caribbean-carnival",
        "leicester-vaisakhi-nagar-kirtan",
        "leicester-gurpurab-nagar-kirtan",
        "leicester-pride",
        "leicester-belgrave-mela",
        "leicester-rathayatra",
    ] {
        assert!(
            with_rows.contains(id),
            "{id} has a table of announced dates"
        );
    }
    let cat = Catalogue::embedded().unwrap();
    let (mut announced, mut estimated) = (0, 0);
    for (id, years) in &tables {
        let (first, last) = (
            *years.keys().next().unwrap(),
            *years.keys().next_back().unwrap(),
        );
        // The announced years and the years between and after them.
        let index = Index::new(&cat, first, last + 3).unwrap();
        let o = cat
            .get(id)
            .unwrap_or_else(|| panic!("{id} in the catalogue"));
        let filter = Filter::default()
            .ids([o.id().clone()])
            .categories(Category::ALL.iter().copied());
        let (from, to) = index.days();
        let list = index.list(from, to, &filter).unwrap();
        for year in first..=last + 3 {
            let ours: Vec<_> = list
                .iter()
                .filter(|r| r.occurrence().start().year() == year)
                .collect();
            match years.get(&year) {
                Some(rows) => {
                    let got: Vec<(NaiveDate, NaiveDate)> = ours
                        .iter()
                        .map(|r| (r.occurrence().start(), r.occurrence().end()))
                        .collect();
                    let want: Vec<(NaiveDate, NaiveDate)> =
                        rows.iter().map(|(s, e, _)| (*s, *e)).collect();
                    assert_eq!(got, want, "{id} {year}: the announced dates");
                    for (r, (_, _, source)) in ours.iter().zip(rows) {
                        assert_eq!(r.certainty(), Certainty::Fixed, "{id} {year}");
                        assert!(!r.not_yet_announced(), "{id} {year}");
                        assert_eq!(
                            r.announced().map(|a| a.source.as_str()),
                            Some(source.as_str()),
                            "{id} {year}"
                        );
                        assert!(r.occurrence().possible_dates().is_empty(), "{id} {year}");
                        announced += 1;
                    }
                }
                None => {
                    for r in &ours {
                        assert_eq!(r.certainty(), Certainty::Estimated, "{id} {year}");
                        assert!(r.not_yet_announced(), "{id} {year}");
                        assert!(r.announced().is_none(), "{id} {year}");
                        assert!(
                            r.expected_dates().is_some(),
                            "{id} {year}: how far it may move"
                        );
                        estimated += 1;
                    }
                }
            }
        }
    }
    assert!(announced >= 25, "{announced} announced rows checked");
    assert!(estimated >= 20, "{estimated} estimates checked");
}
