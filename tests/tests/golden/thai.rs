//! The Thai lunar calendar 1915–2157 against the `holidays` package's Thai
//! calendar (tests/golden/thai-lunar.csv, a consistency check: our year-kind
//! table holds the same facts), the catalogue's Theravada days 1950–2060
//! against it, and those days against dates published for particular years
//! by Thai sources (tests/golden/theravada-thailand.csv, independent of the
//! package). Sources and licences are in the files' headers.

use chrono::{Datelike, NaiveDate};
use clash_core::calendars::thai::{to_gregorian, Month, Reckoning};
use clash_core::{Catalogue, Category, Filter, Index};

use super::golden_lines;

struct Row {
    year: i32,
    dates: Vec<NaiveDate>,
}

fn rows() -> Vec<Row> {
    golden_lines("thai-lunar.csv")
        .iter()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            Row {
                year: f[0].parse().unwrap(),
                dates: f[1..]
                    .iter()
                    .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap())
                    .collect(),
            }
        })
        .collect()
}

#[test]
fn thai_calendar_1915_to_2157() {
    let rows = rows();
    let mut checked = 0;
    for row in rows.iter().filter(|r| r.year >= 1915) {
        let m = |number, second| Month { number, second };
        let leap = to_gregorian(row.year, m(8, true), 15).is_some();
        let shifted = |n: u8| if leap { m(n + 1, false) } else { m(n, false) };
        let eighth = m(8, leap);
        let ours = [
            to_gregorian(row.year, shifted(3), 15),
            to_gregorian(row.year, shifted(6), 15),
            to_gregorian(row.year, eighth, 15),
            to_gregorian(row.year, eighth, 16),
            to_gregorian(row.year, m(11, false), 15),
            to_gregorian(row.year, m(12, false), 15),
        ];
        for (want, got) in row.dates.iter().zip(ours) {
            assert_eq!(got, Some((*want, Reckoning::Table)), "{}", row.year);
            checked += 1;
        }
    }
    assert!(checked > 1400, "{checked}");
}

#[test]
fn theravada_days_1950_to_2060() {
    let cat = Catalogue::embedded().unwrap();
    let ids = ["magha-puja", "asalha-puja", "vassa", "pavarana", "kathina"];
    let filter = Filter::default()
        .ids(ids.iter().map(|id| cat.get(id).unwrap().id().clone()))
        .categories(Category::ALL.iter().copied());
    let index = Index::new(&cat, 1950, 2060).unwrap();
    let (from, to) = index.days();
    let mut ours = std::collections::BTreeSet::new();
    for o in index.list(from, to, &filter).unwrap() {
        let occ = o.occurrence();
        ours.insert((o.observance().id().to_string(), occ.start(), occ.end()));
    }
    let mut want = std::collections::BTreeSet::new();
    for row in rows().iter().filter(|r| (1950..=2060).contains(&r.year)) {
        let d = &row.dates;
        want.insert(("magha-puja".to_string(), d[0], d[0]));
        want.insert(("asalha-puja".to_string(), d[2], d[2]));
        want.insert(("vassa".to_string(), d[3], d[4]));
        want.insert(("pavarana".to_string(), d[4], d[4]));
        want.insert(("kathina".to_string(), d[4].succ_opt().unwrap(), d[5]));
    }
    let missing: Vec<_> = want.difference(&ours).collect();
    let extra: Vec<_> = ours.difference(&want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:#?}\nextra {extra:#?}"
    );
    assert_eq!(want.len(), 5 * 111);
}

/// Whether the lunar year of `year` (named by its 8th month) has a second
/// 8th month.
fn athikamat(year: i32) -> bool {
    let m8b = Month {
        number: 8,
        second: true,
    };
    to_gregorian(year, m8b, 15).is_some()
}

/// The catalogue's Theravada days (and Thailand's Visakha Bucha, from
/// `calendars::thai`) against the dates published for particular years
/// (tests/golden/theravada-thailand.csv: the Bank of Thailand's holiday
/// lists, the National Office of Buddhism, the Thai and English-language
/// press; independent of the `holidays` package). A row with an exception
/// must still differ from our date, so that a stale exception is noticed.
#[test]
fn theravada_days_against_published_dates() {
    use std::collections::{BTreeMap, BTreeSet};
    let rows: Vec<(String, NaiveDate, String)> = golden_lines("theravada-thailand.csv")
        .iter()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.splitn(4, ',').collect();
            assert_eq!(f.len(), 4, "{line}");
            assert!(!f[2].is_empty(), "a row without a source: {line}");
            (f[0].to_string(), super::date(f[1]), f[3].to_string())
        })
        .collect();
    let catalogue_ids: BTreeSet<&str> = ["magha-puja", "asalha-puja", "vassa", "pavarana"]
        .into_iter()
        .collect();
    let years = rows.iter().map(|r| r.1.year());
    let (first, last) = (years.clone().min().unwrap(), years.max().unwrap());
    let cat = Catalogue::embedded().unwrap();
    let index = Index::new(&cat, first, last).unwrap();
    let mut ours: BTreeSet<(String, NaiveDate)> = super::ours(&index, &catalogue_ids, first..=last)
        .into_iter()
        .map(|(id, start, _)| (id, start))
        .collect();
    for year in first..=last {
        let month = if athikamat(year) { 7 } else { 6 };
        let m = Month {
            number: month,
            second: false,
        };
        let (date, reckoning) = to_gregorian(year, m, 15).unwrap();
        assert_eq!(reckoning, Reckoning::Table);
        ours.insert(("visakha-bucha".to_string(), date));
    }
    // id -> (agree, rows without an exception, exceptions)
    let mut tally: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut wrong = Vec::new();
    for (id, date, exception) in &rows {
        assert!(
            catalogue_ids.contains(id.as_str()) || id == "visakha-bucha",
            "unknown id {id}"
        );
        let found = ours.contains(&(id.clone(), *date));
        let ours_that_year: Vec<_> = ours
            .iter()
            .filter(|(i, d)| i == id && d.year() == date.year())
            .map(|(_, d)| *d)
            .collect();
        assert_eq!(ours_that_year.len(), 1, "{id} {}", date.year());
        let t = tally.entry(id.as_str()).or_default();
        if exception.is_empty() {
            t.1 += 1;
            if found {
                t.0 += 1;
            } else {
                wrong.push(format!("{id} {date}: ours {}", ours_that_year[0]));
            }
        } else {
            t.2 += 1;
            if found {
                wrong.push(format!("{id} {date}: a stale exception ({exception})"));
            }
        }
    }
    for (id, (agree, n, exceptions)) in &tally {
        eprintln!("{id}: {agree}/{n} agree, {exceptions} exception(s)");
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert_eq!(rows.len(), 88, "rows in theravada-thailand.csv");
}

/// Outside the table of year kinds (lunar years 1915–2157) the Theravada
/// days are estimates: marked approximate, a day either side possible.
#[test]
fn theravada_days_outside_the_table_are_approximate() {
    use clash_core::rules::Approximation;
    let cat = Catalogue::embedded().unwrap();
    let id = cat.get("magha-puja").unwrap().id().clone();
    let filter = Filter::default().ids([id]);
    for (first, last, table) in [(2155, 2157, true), (2158, 2160, false), (1911, 1913, false)] {
        let index = Index::new(&cat, first, last).unwrap();
        let (from, to) = index.days();
        let found = index.list(from, to, &filter).unwrap();
        assert_eq!(found.len(), 3, "{first}..{last}");
        for o in found {
            let occ = o.occurrence();
            if table {
                assert_eq!(occ.approximation(), None, "{}", occ.start());
                assert!(occ.possible_dates().is_empty(), "{}", occ.start());
            } else {
                assert_eq!(
                    occ.approximation(),
                    Some(Approximation::OutsideThaiTable),
                    "{}",
                    occ.start()
                );
                assert_eq!(occ.possible_dates().len(), 2, "{}", occ.start());
            }
        }
    }
}
