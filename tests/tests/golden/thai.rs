//! The Thai lunar calendar 1915–2157 against the `holidays` package's Thai
//! calendar (tests/golden/thai-lunar.csv, source and licence in its
//! header), and the catalogue's Theravada days 1950–2060 against it.

use chrono::NaiveDate;
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
