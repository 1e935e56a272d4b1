//! Baked expansions (`clash_core::Baked`, which the `clash` binary reads at
//! startup) give exactly the indexes a live expansion gives: every year
//! 1900–2100 alone, the whole range at once, filtered indexes, and other
//! settings. The expected side is the live computation, not stored output.

use chrono::{Datelike, NaiveDate};
use clash_core::{
    Baked, Catalogue, Category, Filter, HinduReckoning, Index, IslamicMethod, JewishCustoms,
    Settings, Tradition,
};

fn everything() -> Filter {
    Filter::default().categories(Category::ALL.iter().copied())
}

/// What a query can see of an index over `first..=last`: its list (every
/// field of every occurrence) and its per-day clashes.
fn view(index: &Index<'_>, first: i32, last: i32, filter: &Filter) -> (Vec<String>, Vec<String>) {
    let from = NaiveDate::from_ymd_opt(first, 1, 1).unwrap();
    let to = NaiveDate::from_ymd_opt(last, 12, 31).unwrap();
    let list = index
        .list(from, to, filter)
        .unwrap()
        .iter()
        .map(|o| format!("{} {:?}", o.observance().id(), o.occurrence()))
        .collect();
    let clashes = index
        .clashes(from, to, filter)
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} {} {:?} {}",
                c.occurrence.observance().id(),
                c.occurrence.occurrence().start(),
                c.overlap,
                c.possible
            )
        })
        .collect();
    (list, clashes)
}

#[test]
fn baked_default_settings_equal_live_for_every_year_1900_to_2100() {
    let cat = Catalogue::embedded().unwrap();
    let settings = Settings::default();
    let bytes = Baked::bake(&cat, &settings, 1899..=2100).unwrap();
    let baked = Baked::open(&bytes, &cat, &settings).unwrap();
    let all = everything();
    for year in 1900..=2100 {
        let live = Index::with_settings(&cat, year, year, &settings).unwrap();
        let read = baked.index(year, year, None).unwrap();
        assert_eq!(
            view(&read, year, year, &all),
            view(&live, year, year, &all),
            "{year}"
        );
    }
    let live = Index::with_settings(&cat, 1900, 2100, &settings).unwrap();
    let read = baked.index(1900, 2100, None).unwrap();
    assert_eq!(view(&read, 1900, 2100, &all), view(&live, 1900, 2100, &all));
    // Outside the baked years: computed live, the same as ever.
    let live = Index::with_settings(&cat, 2101, 2102, &settings).unwrap();
    let read = baked.index(2101, 2102, None).unwrap();
    assert_eq!(view(&read, 2101, 2102, &all), view(&live, 2101, 2102, &all));
}

#[test]
fn baked_filtered_indexes_equal_live_ones() {
    let cat = Catalogue::embedded().unwrap();
    let settings = Settings::default();
    let bytes = Baked::bake(&cat, &settings, 2019..=2031).unwrap();
    let baked = Baked::open(&bytes, &cat, &settings).unwrap();
    for tradition in Tradition::ALL {
        let filter = everything().traditions([*tradition]);
        let live = Index::for_filter(&cat, 2020, 2031, &settings, &filter).unwrap();
        let read = baked.index(2020, 2031, Some(&filter)).unwrap();
        assert_eq!(
            view(&read, 2020, 2031, &filter),
            view(&live, 2020, 2031, &filter),
            "{tradition}"
        );
    }
}

#[test]
fn baked_other_settings_equal_live_and_are_refused_for_the_defaults() {
    let cat = Catalogue::embedded().unwrap();
    let settings = Settings::default()
        .location("delhi".parse().unwrap())
        .hindu_reckoning(HinduReckoning::Local)
        .jewish_customs(JewishCustoms::Israel)
        .islamic_method(IslamicMethod::Tabular);
    let bytes = Baked::bake(&cat, &settings, 2023..=2027).unwrap();
    assert!(Baked::open(&bytes, &cat, &Settings::default()).is_none());
    let baked = Baked::open(&bytes, &cat, &settings).unwrap();
    let all = everything();
    let live = Index::with_settings(&cat, 2024, 2027, &settings).unwrap();
    let read = baked.index(2024, 2027, None).unwrap();
    assert_eq!(view(&read, 2024, 2027, &all), view(&live, 2024, 2027, &all));
    // Another catalogue (one more observance) is refused too.
    let mut builder = clash_core::CatalogueBuilder::new().embedded().unwrap();
    builder = builder
        .add_str(
            "extra.toml",
            "[[observance]]\nid = \"extra-day\"\nname = \"Extra\"\ntradition = \"national\"\n\
             category = \"awareness\"\nimpact = \"low\"\nrule = { kind = \"fixed\", month = 1, day = 2 }\n\
             summary = \"s\"\nadvice = \"a\"\nsource = \"test\"\n",
        )
        .unwrap();
    let other = builder.build().unwrap();
    assert!(Baked::open(&bytes, &other, &settings).is_none());
}

/// A whole-day check of `day` and timed checks at 18:00 for two hours
/// and at 23:00 for three, as words: what an answer shows.
fn checks(index: &Index<'_>, day: NaiveDate, filter: &Filter) -> Vec<String> {
    use clash_core::MeetingKind;
    let mut out = Vec::new();
    for with_food in [false, true] {
        let kind = MeetingKind { with_food };
        let verdict = index.check(day, day, filter, kind).unwrap();
        for (what, list) in [("clash", &verdict.clashes), ("also", &verdict.also)] {
            for c in list {
                out.push(format!(
                    "{what} {} {} {:?} {} {:?} {:?}",
                    c.occurrence.observance().id(),
                    c.occurrence.occurrence().start(),
                    c.overlap,
                    c.possible,
                    c.impact,
                    c.kind
                ));
            }
        }
        let tz = index.settings().location_ref().timezone();
        for (clock, minutes) in [(18 * 60, 120), (23 * 60, 180)] {
            let (Some((start, end)), _) = clash_core::meeting_on(tz, day, clock, minutes) else {
                continue;
            };
            let verdict = index.check_at(start, end, filter, kind).unwrap();
            for (what, list) in [("clash", &verdict.clashes), ("also", &verdict.also)] {
                for c in list {
                    out.push(format!(
                        "{clock} {what} {} {} {:?} {} {} {:?} {:?}",
                        c.occurrence.observance().id(),
                        c.occurrence.occurrence().start(),
                        c.overlap,
                        c.reason,
                        c.possible,
                        c.impact,
                        c.kind
                    ));
                }
            }
        }
    }
    out
}

/// The days a check of `day` reads, as `clash check` asks for them: the
/// day before (hours past midnight) to two days after (a meeting into the
/// night, and the eve of the next day).
fn around(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    (day.pred_opt().unwrap(), day + chrono::Days::new(2))
}

#[test]
fn an_index_of_a_few_days_answers_every_check_as_the_index_of_their_years() {
    // What the server and `clash check` do for one day (a days index,
    // baked or live) against what they did before (the years' index):
    // every day of 2020–2031 at the defaults, and of 2027 at another
    // place and customs, for every tradition at once and for one.
    let cat = Catalogue::embedded().unwrap();
    let settings = Settings::default();
    let bytes = Baked::bake(&cat, &settings, 2019..=2032).unwrap();
    let baked = Baked::open(&bytes, &cat, &settings).unwrap();
    let all = everything();
    let muslim = everything().traditions([Tradition::Muslim]);
    let mut checked = 0;
    for year in 2020..=2031 {
        let whole = baked.index(year - 1, year + 1, None).unwrap();
        let whole_muslim = baked.index(year - 1, year + 1, Some(&muslim)).unwrap();
        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        for day in first.iter_days().take_while(|d| d.year() == year) {
            let few = baked.index_days(around(day), Some(&all)).unwrap();
            assert_eq!(checks(&few, day, &all), checks(&whole, day, &all), "{day}");
            let few = baked.index_days(around(day), Some(&muslim)).unwrap();
            assert_eq!(
                checks(&few, day, &muslim),
                checks(&whole_muslim, day, &muslim),
                "{day}, Muslim"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 4383);
    let elsewhere = Settings::default()
        .location("new-york".parse().unwrap())
        .jewish_customs(JewishCustoms::Israel);
    let whole = Index::with_settings(&cat, 2026, 2028, &elsewhere).unwrap();
    let first = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    for day in first.iter_days().take_while(|d| d.year() == 2027) {
        let few = Index::for_days(&cat, around(day), &elsewhere, Some(&all)).unwrap();
        assert_eq!(checks(&few, day, &all), checks(&whole, day, &all), "{day}");
    }
}

#[test]
fn an_index_of_days_refuses_a_reversed_range_and_answers_only_its_days() {
    let cat = Catalogue::embedded().unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 12, 25).unwrap();
    let settings = Settings::default();
    assert!(Index::for_days(&cat, (day, day.pred_opt().unwrap()), &settings, None).is_err());
    let few = Index::for_days(&cat, (day, day), &settings, None).unwrap();
    assert_eq!(few.days(), (day, day));
    let all = everything();
    assert!(few.clashes(day, day, &all).is_ok());
    assert!(few.clashes(day, day.succ_opt().unwrap(), &all).is_err());
}
