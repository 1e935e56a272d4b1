//! Hindu calendar checks against tests/golden/hindu (sources in each
//! header).

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use clash_core::calendars::astro::{sidereal_solar_longitude_after, JulianDay};
use clash_core::rules::hindu::SIGN_NAMES as SIGNS;

use super::golden_lines;

/// The (id, published date) pairs of a known-differences file.
fn known_differences(name: &str) -> BTreeSet<(String, String)> {
    golden_lines(name)
        .iter()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_string(), f[1].to_string())
        })
        .collect()
}

/// Every sidereal sankranti 1950–2060 (Lahiri) within 2 minutes of the
/// Skyfield/DE440 computation (cross-checked with the Swiss Ephemeris).
#[test]
fn sankrantis_1950_to_2060() {
    let mut worst = 0;
    let rows = golden_lines("hindu/sankranti.csv");
    for line in rows.iter().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let sign = SIGNS.iter().position(|s| *s == f[1]).unwrap();
        let want = NaiveDateTime::parse_from_str(f[2], "%Y-%m-%dT%H:%M:%SZ").unwrap();
        let from = JulianDay(JulianDay::from_datetime(want).0 - 5.0);
        let got = sidereal_solar_longitude_after(from, sign as f64 * 30.0)
            .to_datetime()
            .unwrap();
        let diff = (got - want).num_seconds().abs();
        assert!(diff <= 120, "{line}: ours {got}");
        worst = worst.max(diff);
    }
    assert!(rows.len() > 1300);
    eprintln!("sankrantis: {} instants, worst {worst} s", rows.len() - 1);
}

/// India's published festival dates 2001–2035 (tests/golden/hindu/india.csv)
/// against our New Delhi reckoning: every published date is our date or one
/// of our possible dates, except the rows listed with reasons in
/// india-known-differences.csv (and those rows must still differ).
#[test]
fn india_published_dates_2001_to_2035() {
    use std::collections::BTreeMap;

    use chrono::Datelike;
    use clash_core::{Catalogue, Category, Filter, Index, Location, Settings};

    let known = known_differences("hindu/india-known-differences.csv");
    let cat = Catalogue::embedded().unwrap();
    let settings = Settings::default().location(Location::preset("delhi").unwrap());
    let index = Index::with_settings(&cat, 2001, 2035, &settings).unwrap();
    let (from, to) = index.days();
    let rows = golden_lines("hindu/india.csv");
    let ids: BTreeSet<String> = rows
        .iter()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect();
    let filter = Filter::default()
        .ids(ids.iter().map(|id| cat.get(id).unwrap().id().clone()))
        .categories(Category::ALL.iter().copied());
    // (id, year) -> (date, possible dates)
    let mut ours: BTreeMap<(String, i32), (String, Vec<String>)> = BTreeMap::new();
    for o in index.list(from, to, &filter).unwrap() {
        let occ = o.occurrence();
        ours.insert(
            (o.observance().id().to_string(), occ.start().year()),
            (
                occ.start().to_string(),
                occ.possible_dates().iter().map(|d| d.to_string()).collect(),
            ),
        );
    }
    let (mut exact, mut possible, mut unexpected, mut stale) = (0, 0, Vec::new(), Vec::new());
    for line in rows.iter().skip(1) {
        let (id, date) = line.split_once(',').unwrap();
        let year: i32 = date[..4].parse().unwrap();
        let got = ours.get(&(id.to_string(), year));
        let agrees = got.is_some_and(|(d, _)| d == date);
        let is_possible = got.is_some_and(|(_, p)| p.iter().any(|d| d == date));
        let listed = known.contains(&(id.to_string(), date.to_string()));
        match (agrees || is_possible, listed) {
            (true, true) => stale.push(line.clone()),
            (false, false) => unexpected.push(format!("{line} ours {got:?}")),
            _ => {}
        }
        exact += usize::from(agrees);
        possible += usize::from(is_possible && !agrees);
    }
    assert!(
        unexpected.is_empty(),
        "unexplained differences: {unexpected:#?}"
    );
    assert!(
        stale.is_empty(),
        "listed as different but now agree: {stale:#?}"
    );
    eprintln!("india: {} published dates, {exact} ours, {possible} among our possible dates, {} known differences", rows.len() - 1, known.len());
}

/// Dates published by UK temples, gurdwaras and Jain associations
/// (tests/golden/hindu/uk.csv): each is our date at Leicester (India
/// reckoning), one of our possible dates (the Leicester reckoning), or
/// within the occurrence's span, except the rows listed with reasons in
/// uk-known-differences.csv.
#[test]
fn uk_published_dates() {
    use chrono::NaiveDate;
    use clash_core::{Catalogue, Category, Filter, Index};

    let known = known_differences("hindu/uk-known-differences.csv");
    let cat = Catalogue::embedded().unwrap();
    let index = Index::new(&cat, 2005, 2027).unwrap();
    let mut checked = 0;
    for line in golden_lines("hindu/uk.csv").iter().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let date = NaiveDate::parse_from_str(f[1], "%Y-%m-%d").unwrap();
        let filter = Filter::default()
            .ids([cat.get(f[0]).unwrap().id().clone()])
            .categories(Category::ALL.iter().copied());
        let near = index
            .list(
                date - chrono::Duration::days(10),
                date + chrono::Duration::days(10),
                &filter,
            )
            .unwrap();
        let ok = near.iter().any(|o| {
            let occ = o.occurrence();
            (occ.start() <= date && date <= occ.end()) || occ.possible_dates().contains(&date)
        });
        let listed = known.contains(&(f[0].to_string(), f[1].to_string()));
        assert!(
            ok != listed,
            "{line}: ours {:?}",
            near.iter()
                .map(|o| o.occurrence().start())
                .collect::<Vec<_>>()
        );
        checked += 1;
    }
    assert!(checked >= 27);
}

/// The tithi at sunrise and its end time, on sample days 2020–2030 at
/// New Delhi and London, against Skyfield/DE440 (tests/golden/hindu/
/// tithi-times.csv; cross-checked with the Swiss Ephemeris and 77 published
/// Drik Panchang end times within 99 s): SPEC §5 asks for 2 minutes.
#[test]
fn tithi_end_times_2020_to_2030() {
    use chrono::{DateTime, NaiveDate};
    use clash_core::calendars::astro::moon_elongation;
    use clash_core::calendars::hindu::{Lunation, Place, Window, NEW_DELHI};

    let london = Place {
        latitude: 51.5074,
        longitude: -0.1278,
        timezone: chrono_tz::Europe::London,
    };
    let mut worst = 0;
    let rows = golden_lines("hindu/tithi-times.csv");
    for line in rows.iter().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let day = NaiveDate::parse_from_str(f[0], "%Y-%m-%d").unwrap();
        let place = if f[1] == "delhi" { NEW_DELHI } else { london };
        let (rise, _) = place.window(day, Window::Sunrise).unwrap();
        let tithi = (moon_elongation(rise) / 12.0).floor() as u8 + 1;
        assert_eq!(tithi.to_string(), f[2], "{line}");
        let (_, end) = Lunation::containing(rise).tithi(tithi).unwrap();
        let want = DateTime::parse_from_rfc3339(f[3]).unwrap().naive_utc();
        let diff = (end.to_datetime().unwrap() - want).num_seconds().abs();
        assert!(diff <= 120, "{line}: ours {:?}", end.to_datetime());
        worst = worst.max(diff);
    }
    assert!(rows.len() > 500, "{}", rows.len());
    eprintln!("tithi ends: {} days, worst {worst} s", rows.len() - 1);
}
