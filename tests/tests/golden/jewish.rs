//! Jewish observances (diaspora), every year 1900–2150, against
//! tests/golden/jewish.csv (hebcal 4.31, cross-checked with convertdate,
//! pyluach and hdate; see its header).

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use clash_core::{Catalogue, Category, Filter, Index};

use super::{date, golden_lines};

#[test]
fn diaspora_1900_to_2150() {
    let rows = golden_lines("jewish.csv");
    let want: BTreeSet<(String, NaiveDate, NaiveDate)> = rows
        .iter()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_string(), date(f[1]), date(f[2]))
        })
        .collect();
    let ids: BTreeSet<&str> = want.iter().map(|w| w.0.as_str()).collect();
    let cat = Catalogue::embedded().unwrap();
    let index = Index::new(&cat, 1900, 2150).unwrap();
    let filter = Filter::default()
        .ids(
            ids.iter()
                .map(|id| cat.get(id).unwrap_or_else(|| panic!("{id}")).id().clone()),
        )
        .categories(Category::ALL.iter().copied());
    let (from, to) = index.days();
    let got: BTreeSet<(String, NaiveDate, NaiveDate)> = index
        .list(from, to, &filter)
        .unwrap()
        .iter()
        .map(|o| {
            let occ = o.occurrence();
            (o.observance().id().to_string(), occ.start(), occ.end())
        })
        .filter(|(_, s, _)| (1900..=2150).contains(&s.year()))
        .collect();
    let missing: Vec<_> = want.difference(&got).take(10).collect();
    let extra: Vec<_> = got.difference(&want).take(10).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}\nextra {extra:?}"
    );
    assert!(want.len() > 4000);
}
