//! Every Easter-dependent observance, Western 1583–2299 and Orthodox
//! 1583–2299, against tests/golden/easter.txt (python-dateutil, cross-checked
//! with convertdate and Gauss's algorithm). Offsets are the definitions in
//! OBSERVANCES.md, not read from our catalogue.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use clash_core::{Catalogue, Filter, Index};

use super::{date, golden_lines};

const WESTERN: &[(&str, i64, i64)] = &[
    // (id, offset of start from Easter Sunday, length in days)
    ("shrove-tuesday", -47, 1),
    ("ash-wednesday", -46, 1),
    ("lent", -46, 46), // Ash Wednesday to Holy Saturday
    ("mothering-sunday-uk", -21, 1),
    ("palm-sunday", -7, 1),
    ("maundy-thursday", -3, 1),
    ("good-friday", -2, 1),
    ("holy-saturday", -1, 1),
    ("easter-sunday", 0, 1),
    ("easter-monday", 1, 1),
    ("ascension-day", 39, 1),
    ("pentecost", 49, 1),
    ("trinity-sunday", 56, 1),
    ("corpus-christi", 60, 1),
];

const ORTHODOX: &[(&str, i64, i64)] = &[
    ("clean-monday", -48, 1), // first day of Great Lent
    ("orthodox-good-friday", -2, 1),
    ("orthodox-holy-saturday", -1, 1),
    ("orthodox-easter", 0, 1),
    ("orthodox-easter-monday", 1, 1),
    ("orthodox-pentecost", 49, 1),
];

/// (id, start, end) of every occurrence of `id`, whatever its category.
fn spans(index: &Index<'_>, id: &str) -> Vec<(NaiveDate, NaiveDate)> {
    let cat = index.catalogue();
    let f = Filter::default()
        .ids([cat
            .get(id)
            .unwrap_or_else(|| panic!("missing {id}"))
            .id()
            .clone()])
        .categories(clash_core::Category::ALL.iter().copied());
    let (from, to) = index.days();
    index
        .list(from, to, &f)
        .unwrap()
        .iter()
        .filter(|o| o.occurrence().substitute_for().is_none())
        .map(|o| (o.occurrence().start(), o.occurrence().end()))
        .filter(|(s, _)| *s >= from)
        .collect()
}

#[test]
fn easter_dependent_observances_1583_to_2299() {
    let cat = Catalogue::embedded().unwrap();
    let index = Index::new(&cat, 1583, 2299).unwrap();
    let rows: Vec<(i32, NaiveDate, NaiveDate)> = golden_lines("easter.txt")
        .iter()
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f[0].parse().unwrap(), date(f[1]), date(f[2]))
        })
        .collect();
    assert_eq!(rows.len(), 2299 - 1583 + 1, "one golden row per year");
    let mut checked = 0;
    for (table, pick) in [(WESTERN, 1usize), (ORTHODOX, 2)] {
        for &(id, offset, len) in table {
            let got = spans(&index, id);
            let want: Vec<(NaiveDate, NaiveDate)> = rows
                .iter()
                .map(|r| {
                    let easter = if pick == 1 { r.1 } else { r.2 };
                    let start = easter + Duration::days(offset);
                    (start, start + Duration::days(len - 1))
                })
                .filter(|(s, _)| s.year() >= 1583)
                .collect();
            assert_eq!(got.len(), want.len(), "{id}: number of occurrences");
            for (g, w) in got.iter().zip(&want) {
                assert_eq!(g, w, "{id}");
                checked += 1;
            }
        }
    }
    assert!(checked > 11_000, "{checked}");
}

/// Advent Sunday is the fourth Sunday before Christmas Day (counted here by
/// walking back from 24 December, not by the catalogue's rule).
#[test]
fn advent_sunday_1583_to_2299() {
    let cat = Catalogue::embedded().unwrap();
    let index = Index::new(&cat, 1583, 2299).unwrap();
    let got = spans(&index, "advent-sunday");
    let want: Vec<(NaiveDate, NaiveDate)> = (1583..=2299)
        .map(|y| {
            let sundays: Vec<NaiveDate> = (1..=40)
                .map(|k| NaiveDate::from_ymd_opt(y, 12, 25).unwrap() - Duration::days(k))
                .filter(|d| d.weekday() == Weekday::Sun)
                .collect();
            (sundays[3], sundays[3])
        })
        .collect();
    assert_eq!(got, want);
}

/// Julian 25 December and 6 January are 7 and 19 January (Gregorian) in
/// every year 1901–2099 (13 days' difference from 1 March 1900 to 28
/// February 2100).
#[test]
fn orthodox_fixed_feasts_1901_to_2099() {
    let cat = Catalogue::embedded().unwrap();
    let index = Index::new(&cat, 1901, 2099).unwrap();
    for (id, day) in [("orthodox-christmas", 7), ("orthodox-theophany", 19)] {
        let got = spans(&index, id);
        let want: Vec<_> = (1901..=2099)
            .map(|y| {
                let d = NaiveDate::from_ymd_opt(y, 1, day).unwrap();
                (d, d)
            })
            .collect();
        assert_eq!(got, want, "{id}");
    }
}
