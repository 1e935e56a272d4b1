//! Benchmarks: loading the embedded catalogue, expanding it over 1900–2100,
//! and date checks against the index.
//!
//! Run with `cargo bench -p clash-benches`.

use chrono::{Duration, NaiveDate};
use clash_core::{
    Baked, Catalogue, CatalogueBuilder, Filter, Impact, Index, Location, Settings, EMBEDDED,
};
use divan::{black_box, Bencher};

#[path = "../big_calendar.rs"]
mod big_calendar;
use big_calendar::big_calendar;

fn main() {
    divan::main();
}

/// Parse and validate the embedded TOML catalogue.
#[divan::bench]
fn load_embedded_catalogue() -> Catalogue {
    Catalogue::embedded().expect("embedded catalogue")
}

/// Read and validate the compact form of the embedded catalogue (what the
/// `clash` binary does at startup).
#[divan::bench]
fn load_compact_catalogue(b: Bencher) {
    let compact = CatalogueBuilder::compact_embedded().expect("compact");
    b.bench(|| {
        CatalogueBuilder::new()
            .add_compact(black_box(&compact))
            .and_then(CatalogueBuilder::build)
            .expect("catalogue")
    });
}

/// Build the 1900–2100 index from a baked expansion (what `clash list
/// --from 1900 --to 2100` does).
#[divan::bench(sample_count = 20)]
fn baked_index_1900_to_2100(b: Bencher) {
    let cat = Catalogue::embedded().expect("embedded catalogue");
    let settings = Settings::default();
    let bytes = Baked::bake(&cat, &settings, 1899..=2100).expect("bake");
    b.bench(|| {
        let baked = Baked::open(black_box(&bytes), &cat, &settings).expect("open");
        baked.index(1900, 2100, None).expect("index")
    });
}

/// Build one year's index from a baked expansion (what `clash check DATE`
/// does).
#[divan::bench]
fn baked_index_one_year(b: Bencher) {
    let cat = Catalogue::embedded().expect("embedded catalogue");
    let settings = Settings::default();
    let bytes = Baked::bake(&cat, &settings, 1899..=2100).expect("bake");
    b.bench(|| {
        let baked = Baked::open(black_box(&bytes), &cat, &settings).expect("open");
        baked.index(2026, 2026, None).expect("index")
    });
}

/// Expand every observance over 1900–2100 and build the per-day index.
#[divan::bench(sample_count = 20)]
fn expand_1900_to_2100(b: Bencher) {
    let cat = Catalogue::embedded().expect("embedded catalogue");
    b.bench(|| Index::new(black_box(&cat), 1900, 2100).expect("index"));
}

/// Expand one year (what `clash check DATE` does).
#[divan::bench]
fn expand_one_year(b: Bencher) {
    let cat = Catalogue::embedded().expect("embedded catalogue");
    b.bench(|| Index::new(black_box(&cat), 2026, 2026).expect("index"));
}

fn million_dates() -> Vec<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(1900, 1, 1).expect("date");
    // A stride co-prime with the 73,414 days of 1900–2100 visits them all.
    (0..1_000_000u64)
        .map(|k| first + Duration::days(((k * 7919) % 73_414) as i64))
        .collect()
}

/// One million single-date clash reports (ordered, with overlaps) against
/// the 1900–2100 index: divide the time by 10^6 for one check.
#[divan::bench(sample_count = 10)]
fn million_date_checks(b: Bencher) {
    let cat = Catalogue::embedded().expect("embedded catalogue");
    let index = Index::new(&cat, 1900, 2100).expect("index");
    let dates = million_dates();
    let filter = Filter::default();
    b.bench(|| {
        let mut n = 0usize;
        for &d in &dates {
            n += index.clashes(d, d, &filter).expect("in range").len();
        }
        n
    });
}

/// One million yes/no checks (`any_on`, no allocation) with a filter.
#[divan::bench(sample_count = 10)]
fn million_any_on(b: Bencher) {
    let cat = Catalogue::embedded().expect("embedded catalogue");
    let index = Index::new(&cat, 1900, 2100).expect("index");
    let dates = million_dates();
    let filter = Filter::default().min_impact(Impact::High);
    b.bench(|| {
        let mut n = 0usize;
        for &d in &dates {
            n += usize::from(index.any_on(d, &filter).expect("in range"));
        }
        n
    });
}

/// One catalogue file on its own, with the files its rules refer to
/// (`buddhist.toml`'s Kathina ends on Kartik Purnima and `jain.toml`'s
/// Mahavir Nirvana is Diwali, both in `hindu.toml`):
/// each calendar's yearly expansion.
fn file_catalogue(name: &str) -> Catalogue {
    let needs: &[&str] = match name {
        "buddhist.toml" | "jain.toml" => &["hindu.toml"],
        _ => &[],
    };
    let mut builder = CatalogueBuilder::new();
    for wanted in needs.iter().chain([&name]) {
        let (file, text) = EMBEDDED
            .iter()
            .find(|(f, _)| f == wanted)
            .expect("embedded file");
        builder = builder.add_str(file, text).expect("valid file");
    }
    builder.build().expect("valid files")
}

/// Expand one catalogue file over one year (2026): the cost of each
/// calendar's rules.
#[divan::bench(args = [
    "christian.toml", "uk-bank-holidays.toml", "jewish.toml", "muslim.toml",
    "chinese.toml", "bahai.toml", "astronomical.toml", "other-traditions.toml",
    "hindu.toml", "jain.toml", "buddhist.toml",
])]
fn expand_one_year_per_calendar(b: Bencher, file: &str) {
    let cat = file_catalogue(file);
    b.bench(|| Index::new(black_box(&cat), 2026, 2026).expect("index"));
}

/// The Hindu, Sikh, Jain and Buddhist catalogue files.
fn hindu_catalogue() -> Catalogue {
    let mut builder = CatalogueBuilder::new();
    for name in ["hindu.toml", "sikh.toml", "jain.toml", "buddhist.toml"] {
        let (file, text) = EMBEDDED.iter().find(|(f, _)| *f == name).expect("file");
        builder = builder.add_str(file, text).expect("valid");
    }
    builder.build().expect("valid")
}

/// Every Hindu, Sikh, Jain and Buddhist festival for one year at one
/// location (India and local reckonings both computed): the issue-4 target
/// is 2 ms. The lunation cache is warm after the first iteration, as it is
/// in a long-running process.
#[divan::bench]
fn hindu_festivals_one_year(b: Bencher) {
    let cat = hindu_catalogue();
    b.bench(|| Index::new(black_box(&cat), 2026, 2026).expect("index"));
}

/// The same at New Delhi with the India reckoning: one place (the Index
/// still expands the year before too, for spans that run into 2026).
#[divan::bench]
fn hindu_festivals_one_year_one_place(b: Bencher) {
    let cat = hindu_catalogue();
    let settings = Settings::default().location(Location::preset("delhi").expect("preset"));
    b.bench(|| Index::with_settings(black_box(&cat), 2026, 2026, &settings).expect("index"));
}

fn year_request(time: Option<(u32, i64)>) -> clash_core::Request {
    clash_core::Request {
        from: NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
        to: NaiveDate::from_ymd_opt(2026, 12, 31).expect("date"),
        weekdays: clash_core::Weekdays::WORKING,
        time,
        kind: clash_core::MeetingKind::default(),
        count: 10,
    }
}

/// `clash suggest` over a year-long window (Mon–Fri, Leicester profile,
/// every category), whole days: the index is built once outside the loop.
#[divan::bench]
fn suggest_year_whole_days(b: Bencher) {
    let cat = Catalogue::embedded().expect("embedded catalogue");
    let index = Index::new(&cat, 2026, 2027).expect("index");
    let profile = clash_core::Profile::embedded("leicester").expect("profile");
    let filter = Filter::default().categories(clash_core::Category::ALL.iter().copied());
    let request = year_request(None);
    b.bench(|| {
        index
            .suggest(black_box(&request), &filter, &profile)
            .expect("suggest")
    });
}

/// The same for a 18:00 two-hour meeting on each day (time-aware clashes:
/// sunsets, fasts and iftar, Shabbat, evening festivals).
#[divan::bench]
fn suggest_year_timed(b: Bencher) {
    let cat = Catalogue::embedded().expect("embedded catalogue");
    let index = Index::new(&cat, 2026, 2027).expect("index");
    let profile = clash_core::Profile::embedded("leicester").expect("profile");
    let filter = Filter::default().categories(clash_core::Category::ALL.iter().copied());
    let request = year_request(Some((18 * 60, 120)));
    b.bench(|| {
        index
            .suggest(black_box(&request), &filter, &profile)
            .expect("suggest")
    });
}

/// A year-long timed suggestion from scratch: expanding 2026–2027 (with
/// the Hindu and Bahá'í astronomy) and scoring, as one `clash suggest`
/// does.
#[divan::bench(sample_count = 20)]
fn suggest_year_timed_with_index(b: Bencher) {
    let cat = Catalogue::embedded().expect("embedded catalogue");
    let profile = clash_core::Profile::embedded("leicester").expect("profile");
    let filter = Filter::default().categories(clash_core::Category::ALL.iter().copied());
    let request = year_request(Some((18 * 60, 120)));
    b.bench(|| {
        let index = Index::new(black_box(&cat), 2026, 2027).expect("index");
        index
            .suggest(&request, &filter, &profile)
            .expect("suggest")
            .candidates
    });
}

/// Parse and expand the 10,000-event calendar over 2026 (about 37,000
/// occurrences).
#[divan::bench(sample_count = 10)]
fn import_10000_events(b: Bencher) {
    let text = big_calendar();
    let (from, to) = (
        NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
        NaiveDate::from_ymd_opt(2026, 12, 31).expect("date"),
    );
    b.bench(|| {
        let cal = clash_core::ical::IcsCalendar::parse(black_box(text.as_bytes())).expect("parse");
        cal.occurrences(from, to).expect("expand").0.len()
    });
}

/// The same, with every occurrence checked against the catalogue (timed
/// meetings with `clashes_at`, all-day events by day), as `clash import`
/// does once the index is built.
#[divan::bench(sample_count = 10)]
fn import_10000_events_checked(b: Bencher) {
    use clash_core::ical::When;
    let text = big_calendar();
    let cat = Catalogue::embedded().expect("embedded catalogue");
    let index = Index::new(&cat, 2026, 2027).expect("index");
    let tz = Location::leicester().timezone();
    let all = Filter::default().categories(clash_core::Category::ALL.iter().copied());
    let (from, to) = (
        NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
        NaiveDate::from_ymd_opt(2026, 12, 31).expect("date"),
    );
    b.bench(|| {
        let cal = clash_core::ical::IcsCalendar::parse(black_box(text.as_bytes())).expect("parse");
        let (occ, _) = cal.occurrences(from, to).expect("expand");
        let mut clashes = 0;
        for o in &occ {
            clashes += match (o.start, o.end) {
                (When::Time(s), When::Time(e)) => index
                    .clashes_at(
                        s.with_timezone(&tz),
                        e.with_timezone(&tz),
                        &all,
                        Default::default(),
                    )
                    .expect("timed")
                    .len(),
                (When::Date(a), When::Date(_)) => {
                    index.clashes(a, a, &Filter::default()).expect("days").len()
                }
                _ => 0,
            };
        }
        clashes
    });
}
