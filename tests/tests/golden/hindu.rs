//! Hindu calendar checks against tests/golden/hindu (sources in each
//! header).

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDateTime};
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

/// Each row of india-known-differences.csv is what its kind says it is
/// (the kinds are described in the file's header): the astronomy behind
/// every explanation is checked, so an explanation cannot quietly go wrong.
#[test]
fn known_differences_are_explained() {
    use chrono::{Duration, NaiveDate};
    use clash_core::calendars::astro::{lahiri_true_ayanamsa, lunar_longitude};
    use clash_core::calendars::hindu::{lunations_for_year, Window, NEW_DELHI};
    use clash_core::rules::hindu::HinduRule;
    use clash_core::rules::Rule;
    use clash_core::Catalogue;

    let cat = Catalogue::embedded().unwrap();
    let place = NEW_DELHI;
    let minutes = |d: f64| d * 1440.0;
    let rise = |d: NaiveDate| place.window(d, Window::Sunrise).unwrap().0 .0;
    let set = |d: NaiveDate| place.window(d, Window::Pradosh).unwrap().0 .0;
    let rows = golden_lines("hindu/india-known-differences.csv");
    for line in rows.iter().skip(1) {
        let f: Vec<&str> = line.splitn(5, ',').collect();
        let (id, kind) = (f[0], f[3]);
        let (publ, ours) = (super::date(f[1]), super::date(f[2]));
        let year = publ.year();
        let rule = cat.get(id).unwrap().rule();
        match kind {
            "sankranti-before-sunrise" | "sankranti-near-sunset" => {
                let Rule::Hindu(HinduRule::Sankranti { sign, .. }) = rule else {
                    panic!("{line}: not a sankranti rule")
                };
                let t = sidereal_solar_longitude_after(
                    JulianDay::from_ymd_hms(year, 1, 1, 0, 0, 0.0),
                    f64::from(*sign) * 30.0,
                )
                .0;
                if kind == "sankranti-before-sunrise" {
                    assert_eq!(place.date_of(JulianDay(t)), Some(ours), "{line}");
                    assert!(t < rise(ours) && publ == ours - Duration::days(1), "{line}");
                } else {
                    assert_eq!(place.date_of(JulianDay(t)), Some(ours), "{line}");
                    let before = minutes(set(ours) - t);
                    assert!((0.0..30.0).contains(&before), "{line}: {before} min");
                }
            }
            "thiruvonam" => {
                let nakshatra = |t: f64| {
                    let t = JulianDay(t);
                    let l = (lunar_longitude(t) - lahiri_true_ayanamsa(t)).rem_euclid(360.0);
                    (l / (40.0 / 3.0)).floor() as u8
                };
                // Shravana (0-based 21) at our sunrise and 144 minutes later,
                // and already on the published day (before the next sunrise).
                let r = rise(ours);
                assert_eq!(nakshatra(r), 21, "{line}");
                assert_eq!(nakshatra(r + 0.1), 21, "{line}");
                assert_eq!(nakshatra(set(publ)), 21, "{line}");
                assert_eq!(publ, ours - Duration::days(1), "{line}");
            }
            "projection" => assert!(year >= 2027, "{line}"),
            _ => {
                let Rule::Hindu(HinduRule::Tithi {
                    masa,
                    tithi,
                    window,
                }) = rule
                else {
                    panic!("{line}: not a tithi rule")
                };
                let (b, e) = lunations_for_year(year)
                    .iter()
                    .filter(|l| l.masa == *masa && !l.adhika)
                    .filter_map(|l| l.tithi(*tithi))
                    .map(|(b, e)| (b.0, e.0))
                    .find(|(b, _)| {
                        (place.date_of(JulianDay(*b)).unwrap() - publ)
                            .num_days()
                            .abs()
                            <= 2
                    })
                    .unwrap_or_else(|| panic!("{line}: no tithi near the date"));
                let at_rise = |d: NaiveDate| (b..e).contains(&rise(d));
                let overlap = |d: NaiveDate, w: Window| {
                    let (x, y) = place.window(d, w).unwrap();
                    minutes(y.0.min(e) - x.0.max(b))
                };
                let (op, oo) = (overlap(publ, *window), overlap(ours, *window));
                let ok = match kind {
                    "both-days" => op > 0.0 && oo >= op,
                    "udaya" => at_rise(publ) && op <= 0.0 && oo > 0.0,
                    "derived" => op <= 0.0 && oo > 0.0,
                    "two-sunrises" => at_rise(publ) && at_rise(ours) && ours < publ,
                    "kshaya" => !at_rise(publ) && !at_rise(ours),
                    "madhyahna" => {
                        overlap(publ, Window::Madhyahna) > 0.0 && !at_rise(publ) && at_rise(ours)
                    }
                    "near-sunrise" => (0.0..15.0).contains(&minutes(rise(publ) - e)),
                    other => panic!("{line}: unknown kind {other}"),
                };
                assert!(
                    ok,
                    "{line}: overlap published {op:.0} min, ours {oo:.0} min"
                );
            }
        }
    }
    assert!(rows.len() > 10);
}

/// Issue 20: published dates of the second round's Hindu, Sikh and Jain
/// observances (tests/golden/hindu/second-round.csv) against our New Delhi
/// reckoning. A `start` row is our first day or one of our possible first
/// days; an `end` row is our last day (or the last day from a possible
/// start); every other row is listed with its reason in
/// second-round-known-differences.csv (and must still differ).
#[test]
fn second_round_published_dates() {
    let rows = check_published(
        "second round",
        "hindu/second-round.csv",
        "hindu/second-round-known-differences.csv",
    );
    assert!(rows > 380, "{rows}");
}

/// Issue 20's remaining lunar observances against another implementation:
/// jyotisha's New Delhi festival days (tests/golden/hindu/jyotisha.csv,
/// generator and licence in its header), compared as
/// `second_round_published_dates` does, with the differences listed in
/// jyotisha-known-differences.csv.
#[test]
fn jyotisha_festival_days() {
    let rows = check_published(
        "jyotisha",
        "hindu/jyotisha.csv",
        "hindu/jyotisha-known-differences.csv",
    );
    assert!(rows > 100, "{rows}");
}

/// Checks an `id,date,part,source` golden file against our New Delhi
/// reckoning 2001–2035 (see `second_round_published_dates`); returns the
/// number of rows.
fn check_published(what: &str, file: &str, known_file: &str) -> usize {
    use std::collections::BTreeMap;

    use chrono::{Datelike, NaiveDate};
    use clash_core::{Catalogue, Category, Filter, Index, Location, Settings};

    let known = known_differences(known_file);
    let cat = Catalogue::embedded().unwrap();
    let settings = Settings::default().location(Location::preset("delhi").unwrap());
    let index = Index::with_settings(&cat, 2001, 2035, &settings).unwrap();
    let (from, to) = index.days();
    let rows = golden_lines(file);
    let ids: BTreeSet<String> = rows
        .iter()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect();
    let filter = Filter::default()
        .ids(ids.iter().map(|id| cat.get(id).unwrap().id().clone()))
        .categories(Category::ALL.iter().copied());
    // (id, year) -> [(start, end, possible starts)]
    type Spans = Vec<(NaiveDate, NaiveDate, Vec<NaiveDate>)>;
    let mut ours: BTreeMap<(String, i32), Spans> = BTreeMap::new();
    for o in index.list(from, to, &filter).unwrap() {
        let occ = o.occurrence();
        ours.entry((o.observance().id().to_string(), occ.start().year()))
            .or_default()
            .push((occ.start(), occ.end(), occ.possible_dates().to_vec()));
    }
    let (mut exact, mut possible, mut unexpected, mut stale) = (0, 0, Vec::new(), Vec::new());
    // id -> (rows that agree or are among our possible dates, rows)
    let mut per_id: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for line in rows.iter().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let (id, date, part) = (
            f[0],
            NaiveDate::parse_from_str(f[1], "%Y-%m-%d").unwrap(),
            f[2],
        );
        let spans = ours.get(&(id.to_string(), date.year()));
        let spans = spans.map_or(&[][..], |v| v.as_slice());
        let (agrees, is_possible) = match part {
            "start" => (
                spans.iter().any(|s| s.0 == date),
                spans.iter().any(|s| s.2.contains(&date)),
            ),
            "end" => (
                spans.iter().any(|s| s.1 == date),
                spans
                    .iter()
                    .any(|s| s.2.iter().any(|p| *p + (s.1 - s.0) == date)),
            ),
            other => panic!("{line}: part {other}"),
        };
        let listed = known.contains(&(id.to_string(), f[1].to_string()));
        match (agrees || is_possible, listed) {
            (true, true) => stale.push(line.clone()),
            (false, false) => unexpected.push(format!("{line} ours {spans:?}")),
            _ => {}
        }
        exact += usize::from(agrees);
        possible += usize::from(is_possible && !agrees);
        let tally = per_id.entry(id).or_default();
        tally.0 += usize::from(agrees || is_possible);
        tally.1 += 1;
    }
    assert!(
        unexpected.is_empty(),
        "unexplained differences: {unexpected:#?}"
    );
    assert!(
        stale.is_empty(),
        "listed as different but now agree: {stale:#?}"
    );
    eprintln!(
        "{what}: {} published dates, {exact} ours, {possible} among our possible dates, {} known differences",
        rows.len() - 1,
        known.len()
    );
    for (id, (ok, n)) in &per_id {
        eprintln!("{what}: {id} {ok}/{n}");
    }
    rows.len() - 1
}
