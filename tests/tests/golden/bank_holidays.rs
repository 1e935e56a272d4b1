//! UK bank holidays of each nation, every year 1978–2035, against
//! tests/golden/uk-bank-holidays.csv (gov.uk for 2012–2027 and the
//! proclamations of moved and one-off days, cross-checked with the
//! `holidays` package). Equivalent to
//! `clash list --category public-holiday --region R --from 1978 --to 2035`.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use clash_core::{Catalogue, Category, Filter, Index, Region};

use super::{date, golden_lines};

/// Our ids that the golden file names differently: Scotland's summer bank
/// holiday has its own rule, so its own id here.
fn golden_id(id: &str) -> &str {
    match id {
        "summer-bank-holiday-scotland" => "summer-bank-holiday",
        other => other,
    }
}

#[test]
fn every_nation_1978_to_2035() {
    let rows = golden_lines("uk-bank-holidays.csv");
    let cat = Catalogue::embedded().unwrap();
    let index = Index::new(&cat, 1978, 2035).unwrap();
    let (from, to) = (
        NaiveDate::from_ymd_opt(1978, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2035, 12, 31).unwrap(),
    );
    let mut total = 0;
    for region in [Region::GbEng, Region::GbWls, Region::GbSct, Region::GbNir] {
        let want: BTreeSet<(NaiveDate, String)> = rows
            .iter()
            .skip(1) // header
            .filter_map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                (f[0] == region.as_str()).then(|| (date(f[1]), f[2].to_string()))
            })
            .collect();
        let filter = Filter::default()
            .categories([Category::PublicHoliday])
            .regions([region]);
        let got: BTreeSet<(NaiveDate, String)> = index
            .list(from, to, &filter)
            .unwrap()
            .iter()
            .map(|o| {
                let id = o.observance().id().as_str();
                (o.occurrence().start(), golden_id(id).to_string())
            })
            .collect();
        let missing: Vec<_> = want.difference(&got).collect();
        let extra: Vec<_> = got.difference(&want).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{region}: missing {missing:?}, extra {extra:?}"
        );
        total += want.len();
    }
    assert!(total > 2000, "{total}");
}
