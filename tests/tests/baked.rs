//! Baked expansions (`clash_core::Baked`, which the `clash` binary reads at
//! startup) give exactly the indexes a live expansion gives: every year
//! 1900–2100 alone, the whole range at once, filtered indexes, and other
//! settings. The expected side is the live computation, not stored output.

use chrono::NaiveDate;
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
