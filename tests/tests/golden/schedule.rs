//! Scheduling suggestions (issue 6) against independent data: the UK bank
//! holidays of tests/golden/uk-bank-holidays.csv (gov.uk, cross-checked
//! with the `holidays` package) are never suggested for any profile, and
//! Ramadan's evenings (tests/golden/islamic-umm-al-qura.csv, hijridate)
//! rank below its mornings for a Leicester audience. Plus the property
//! that no suggestion is worse than a candidate left out.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate};
use clash_core::{
    Catalogue, Filter, Index, MeetingKind, Profile, Region, Request, Settings, Weekdays,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use super::{date, golden_lines};

fn bank_holidays(regions: &[Region], year: i32) -> BTreeSet<NaiveDate> {
    golden_lines("uk-bank-holidays.csv")
        .iter()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            let d = date(f[1]);
            (regions.iter().any(|r| r.as_str() == f[0]) && d.year() == year).then_some(d)
        })
        .collect()
}

fn custom_profile() -> Profile {
    Profile::from_toml(
        "survey.toml",
        "name = \"survey\"\nsource = \"a staff survey\"\nunit = \"count\"\n\
         [audience]\nmuslim = 10\nhindu = 5\nno-religion = 85\n",
    )
    .unwrap()
}

/// Every bank holiday of the profile's nations (all four for a profile
/// without regions) is left out, every year 2020–2030, and no other day.
#[test]
fn bank_holidays_are_never_suggested() {
    let cat = Catalogue::embedded().unwrap();
    let index = Index::new(&cat, 2020, 2031).unwrap();
    let all = [Region::GbEng, Region::GbWls, Region::GbSct, Region::GbNir];
    let profiles = [
        (Profile::embedded("leicester").unwrap(), &all[..1]),
        (Profile::embedded("england-wales").unwrap(), &all[..2]),
        (custom_profile(), &all[..]),
    ];
    let mut checked = 0;
    for (profile, regions) in &profiles {
        for year in 2020..=2030 {
            let request = Request {
                from: NaiveDate::from_ymd_opt(year, 1, 1).unwrap(),
                to: NaiveDate::from_ymd_opt(year, 12, 31).unwrap(),
                weekdays: Weekdays::ALL,
                time: None,
                kind: MeetingKind::default(),
                count: 100,
            };
            let found = index
                .suggest(&request, &Filter::default(), profile)
                .unwrap();
            let want = bank_holidays(regions, year);
            let got: BTreeSet<NaiveDate> = found.public_holidays.iter().copied().collect();
            assert_eq!(got, want, "{} {year}", profile.name());
            assert!(found
                .suggestions
                .iter()
                .all(|s| !want.contains(&s.candidate.date)));
            assert_eq!(found.candidates + want.len(), request.to.ordinal() as usize);
            checked += want.len();
        }
    }
    assert!(checked > 250, "{checked}");
}

/// Another nation's bank holidays neither block a day nor count against
/// it: St Patrick's Day and the Battle of the Boyne (Northern Ireland), 2
/// January and St Andrew's Day (Scotland), every year 2020–2030, are
/// ordinary candidates for a Leicester (England) audience, and left out for
/// an audience in Northern Ireland or Scotland.
#[test]
fn other_nations_bank_holidays_do_not_count() {
    let cat = Catalogue::embedded().unwrap();
    let index = Index::new(&cat, 2020, 2031).unwrap();
    let leicester = Profile::embedded("leicester").unwrap();
    let mut checked = 0;
    for year in 2020..=2030 {
        let england = bank_holidays(&[Region::GbEng], year);
        let elsewhere = bank_holidays(&[Region::GbSct, Region::GbNir], year);
        for day in elsewhere.difference(&england) {
            let request = Request {
                from: *day,
                to: *day,
                weekdays: Weekdays::ALL,
                time: None,
                kind: MeetingKind::default(),
                count: 1,
            };
            let found = index
                .suggest(&request, &Filter::default(), &leicester)
                .unwrap();
            assert!(found.public_holidays.is_empty(), "{day}");
            let c = &found.suggestions[0].candidate;
            assert!(
                c.clashes
                    .iter()
                    .all(|k| k.occurrence.occurrence().category()
                        != clash_core::Category::PublicHoliday),
                "{day}: {:?}",
                c.clashes
                    .iter()
                    .map(|k| k.occurrence.name())
                    .collect::<Vec<_>>()
            );
            let found = index
                .suggest(
                    &request,
                    &Filter::default().regions([Region::GbSct, Region::GbNir]),
                    &leicester,
                )
                .unwrap();
            assert_eq!(found.public_holidays, vec![*day]);
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked}");
}

/// For a Leicester audience a late meeting (16:00 to 20:00, over
/// sunset or the hour after it on every day of Ramadan 2024–2030) and an
/// evening one (21:00 to 22:30, the taraweeh prayers) rank below a morning
/// one (10:00 to 11:30) on the same day of Ramadan (Umm al-Qura): the
/// iftar is a high-impact clash, the evening a medium one, the morning of
/// the fast a low one.
#[test]
fn ramadan_evenings_rank_below_mornings() {
    let cat = Catalogue::embedded().unwrap();
    let index = Index::new(&cat, 2024, 2031).unwrap();
    let profile = Profile::embedded("leicester").unwrap();
    // Only Muslim observances, so that another tradition's holy day (Naw-Rúz
    // on 20 March 2024) does not decide the order.
    let muslim = Filter::default().traditions([clash_core::Tradition::Muslim]);
    let mut days = 0;
    for line in golden_lines("islamic-umm-al-qura.csv") {
        let f: Vec<&str> = line.split(',').collect();
        if f[0] != "ramadan" || !(2024..=2030).contains(&date(f[1]).year()) {
            continue;
        }
        let (first, last) = (date(f[1]), date(f[2]));
        // The days certainly in Ramadan, whichever day it began.
        for day in first
            .succ_opt()
            .unwrap()
            .iter_days()
            .take_while(|d| *d < last)
        {
            let at = |time: (u32, i64)| Request {
                from: day,
                to: day,
                weekdays: Weekdays::ALL,
                time: Some(time),
                kind: MeetingKind::default(),
                count: 1,
            };
            let key = |time| {
                let (c, _) = index.candidates(&at(time), &muslim, &profile).unwrap();
                c.first().map(|c| (c.high, c.score))
            };
            let (Some(morning), Some(evening), Some(night)) =
                (key((10 * 60, 90)), key((16 * 60, 240)), key((21 * 60, 90)))
            else {
                continue; // a bank holiday
            };
            assert!(morning < evening, "{day}: {morning:?} vs {evening:?}");
            assert!(morning < night, "{day}: {morning:?} vs {night:?}");
            assert_eq!(evening.0, clash_core::HighImpact::Certain, "{day}");
            days += 1;
        }
    }
    assert!(days > 150, "{days}");
}

/// No suggestion ranks below a candidate that was left out; suggestions
/// are in order, on allowed weekdays, inside the window, and the same on a
/// second run; a date with a high-impact clash is suggested only when every
/// candidate without one already is.
#[test]
fn no_suggestion_is_worse_than_a_candidate_left_out() {
    let cat = Catalogue::embedded().unwrap();
    let settings = Settings::default();
    let index = Index::with_settings(&cat, 2026, 2027, &settings).unwrap();
    let profiles = [
        Profile::embedded("leicester").unwrap(),
        Profile::embedded("england-wales").unwrap(),
        custom_profile(),
    ];
    let strategy = (
        0i64..600,
        0i64..120,
        1u8..128,
        prop::option::of((0u32..1440, 15i64..600)),
        1usize..12,
        0usize..3,
        any::<bool>(),
    );
    let mut runner = TestRunner::new(Config::with_cases(48));
    runner
        .run(
            &strategy,
            |(start, len, bits, time, count, p, with_food)| {
                let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(start);
                let to = (from + Duration::days(len))
                    .min(NaiveDate::from_ymd_opt(2027, 12, 30).unwrap());
                let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
                let days: Vec<&str> = (0..7)
                    .filter(|k| bits & (1 << k) != 0)
                    .map(|k| names[k])
                    .collect();
                let weekdays: Weekdays = days.join(",").parse().unwrap();
                let request = Request {
                    from,
                    to,
                    weekdays,
                    time,
                    kind: MeetingKind { with_food },
                    count,
                };
                let profile = &profiles[p];
                let filter =
                    Filter::default().categories(clash_core::Category::ALL.iter().copied());
                let found = index.suggest(&request, &filter, profile).unwrap();
                let again = index.suggest(&request, &filter, profile).unwrap();
                let keys: Vec<_> = found
                    .suggestions
                    .iter()
                    .map(|s| s.candidate.rank_key())
                    .collect();
                let keys_again: Vec<_> = again
                    .suggestions
                    .iter()
                    .map(|s| s.candidate.rank_key())
                    .collect();
                prop_assert_eq!(&keys, &keys_again);
                prop_assert!(keys.windows(2).all(|w| w[0] < w[1]));
                let (all, _) = index.candidates(&request, &filter, profile).unwrap();
                prop_assert_eq!(found.suggestions.len(), count.min(all.len()));
                let chosen: BTreeSet<NaiveDate> =
                    found.suggestions.iter().map(|s| s.candidate.date).collect();
                if let Some(worst) = keys.last() {
                    for c in all.iter().filter(|c| !chosen.contains(&c.date)) {
                        prop_assert!(
                            c.rank_key() > *worst,
                            "{:?} left out, {:?} suggested",
                            c.rank_key(),
                            worst
                        );
                    }
                }
                let clean = all
                    .iter()
                    .filter(|c| c.high == clash_core::HighImpact::None)
                    .count();
                let clean_suggested = found
                    .suggestions
                    .iter()
                    .filter(|s| s.candidate.high == clash_core::HighImpact::None)
                    .count();
                prop_assert_eq!(clean_suggested, clean.min(found.suggestions.len()));
                for s in &found.suggestions {
                    let d = s.candidate.date;
                    prop_assert!(from <= d && d <= to);
                    prop_assert!(weekdays.contains(d.weekday()));
                    // What it avoids is not something it clashes with.
                    for (_, o) in &s.avoids {
                        prop_assert!(!s.candidate.clashes.iter().any(|c| c
                            .occurrence
                            .observance()
                            .id()
                            == o.observance().id()));
                    }
                    // The score is the sum of the clashes' points.

                    let sum: u64 = s.candidate.clashes.iter().map(|c| c.points.0).sum();
                    prop_assert_eq!(sum, s.candidate.score.0);
                }
                Ok(())
            },
        )
        .unwrap();
}
