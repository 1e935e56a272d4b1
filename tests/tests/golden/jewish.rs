//! Jewish observances (diaspora), every year 1900–2150, against
//! tests/golden/jewish.csv (hebcal 4.31, cross-checked with convertdate,
//! pyluach and hdate; see its header).

use std::collections::BTreeSet;

use clash_core::{Catalogue, Index};

use super::{compare, ours, rows};

#[test]
fn diaspora_1900_to_2150() {
    let want = rows("jewish.csv");
    let ids: BTreeSet<&str> = want.iter().map(|w| w.0.as_str()).collect();
    let cat = Catalogue::embedded().unwrap();
    let index = Index::new(&cat, 1900, 2150).unwrap();
    let got = ours(&index, &ids, 1900..=2150);
    compare("jewish", &want, &got, &[]);
    assert!(want.len() > 4000);
}

/// Issue 20's Jewish additions, every year 1950–2060, against
/// tests/golden/jewish-second-round.csv (hdate and pyluach; see its header).
#[test]
fn second_round_1950_to_2060() {
    let want = rows("jewish-second-round.csv");
    let ids: BTreeSet<&str> = want.iter().map(|w| w.0.as_str()).collect();
    let cat = Catalogue::embedded().unwrap();
    let index = Index::new(&cat, 1950, 2060).unwrap();
    let got = ours(&index, &ids, 1950..=2060);
    compare("jewish second round", &want, &got, &[]);
    assert!(want.len() > 700);
}
