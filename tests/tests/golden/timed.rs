//! Time-aware clash cases (tests/golden/timed/cases.csv): the issue's
//! examples, their negatives, Friday mornings, the clock-change days and a
//! polar location, with the times in the reasons checked against PyEphem.

use chrono::{Duration, NaiveDateTime};
use clash_core::{
    local_instant, Catalogue, Category, Filter, Index, Location, MeetingKind, Settings,
};

use super::golden_lines;

#[test]
fn timed_cases() {
    let cat = Catalogue::embedded().unwrap();
    let rows = golden_lines("timed/cases.csv");
    let mut checked = 0;
    for line in rows.iter().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let start = NaiveDateTime::parse_from_str(f[0], "%Y-%m-%dT%H:%M").unwrap();
        let minutes: i64 = f[1].parse().unwrap();
        let location: Location = f[2].replace(';', ",").parse().unwrap();
        let kind = MeetingKind {
            with_food: f[3] == "true",
        };
        let (id, expect, impact, reason, time) = (f[4], f[5], f[6], f[7], f[8]);
        let settings = Settings::default().location(location.clone());
        let index = Index::with_settings(&cat, 2026, 2026, &settings).unwrap();
        let filter = Filter::default()
            .ids([cat.get(id).unwrap().id().clone()])
            .categories(Category::ALL.iter().copied());
        let (from, _) = local_instant(location.timezone(), start);
        let from = from.unwrap();
        let clashes = index
            .clashes_at(from, from + Duration::minutes(minutes), &filter, kind)
            .unwrap();
        match expect {
            "none" => assert!(clashes.is_empty(), "{line}: {clashes:#?}"),
            _ => {
                let c = clashes
                    .first()
                    .unwrap_or_else(|| panic!("{line}: no clash"));
                assert_eq!(c.impact.as_str(), impact, "{line}: {}", c.reason);
                assert!(
                    c.reason.to_string().contains(reason),
                    "{line}: {}",
                    c.reason
                );
                if !time.is_empty() {
                    // `HH:MM-18m`: that many minutes before the golden time.
                    let (time, before) = match time.split_once('-') {
                        Some((t, m)) => (t, m.trim_end_matches('m').parse::<i64>().unwrap()),
                        None => (time, 0),
                    };
                    let t = chrono::NaiveTime::parse_from_str(time, "%H:%M").unwrap()
                        - Duration::minutes(before);
                    let ok = [t, t - Duration::minutes(1), t + Duration::minutes(1)]
                        .iter()
                        .any(|t| {
                            c.reason
                                .to_string()
                                .contains(&t.format("%H:%M").to_string())
                        });
                    assert!(ok, "{line}: {}", c.reason);
                }
            }
        }
        checked += 1;
    }
    assert!(checked >= 25);
}

/// A time in the spring-forward gap moves forward by the gap; one in the
/// autumn fold is the first (summer-time) instant; neither panics.
#[test]
fn clock_change_days() {
    let tz = chrono_tz::Europe::London;
    let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap();
    let (t, note) = local_instant(tz, at("2026-03-29T01:30"));
    assert_eq!(t.unwrap().to_rfc3339(), "2026-03-29T02:30:00+01:00");
    assert!(note.is_some());
    let (t, note) = local_instant(tz, at("2026-10-25T01:30"));
    assert_eq!(t.unwrap().to_rfc3339(), "2026-10-25T01:30:00+01:00");
    assert!(note.is_some());
    // Every minute of both days resolves.
    for day in ["2026-03-29", "2026-10-25"] {
        for m in 0..24 * 60 {
            let s = format!("{day}T{:02}:{:02}", m / 60, m % 60);
            assert!(local_instant(tz, at(&s)).0.is_some(), "{s}");
        }
    }
}
