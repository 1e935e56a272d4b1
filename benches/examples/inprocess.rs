//! In-process timings for `benches/compare.sh`: the same work as the
//! Python `holidays` and hebcal side, inside one process, after loading.
//! Prints `name median_microseconds count` per line.
//!
//! Run with `cargo run --release -p clash-benches --example inprocess`.

use std::time::Instant;

use chrono::NaiveDate;
use clash_core::{Catalogue, Category, Filter, Index, Settings, Tradition};

/// The median of `runs` timings of `work`, in microseconds, and what the
/// last run returned.
fn median_us(runs: usize, mut work: impl FnMut() -> usize) -> (f64, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut n = 0;
    for _ in 0..runs {
        let t = Instant::now();
        n = std::hint::black_box(work());
        times.push(t.elapsed().as_secs_f64() * 1e6);
    }
    times.sort_by(f64::total_cmp);
    (times.get(runs / 2).copied().unwrap_or(f64::NAN), n)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (from, to) = (
        NaiveDate::from_ymd_opt(1900, 1, 1).ok_or("date")?,
        NaiveDate::from_ymd_opt(2100, 12, 31).ok_or("date")?,
    );
    let (load, _) = median_us(20, || {
        Catalogue::embedded().map_or(0, |c| c.observances().len())
    });
    println!("load-catalogue {load:.1} 1");
    let cat = Catalogue::embedded()?;
    let settings = Settings::default();
    let list = |filter: &Filter| {
        Index::for_filter(&cat, 1900, 2100, &settings, filter)
            .and_then(|index| index.list(from, to, filter).map(|l| l.len()))
            .unwrap_or(0)
    };
    // UK bank holidays are national days and Christian feasts.
    let uk = Filter::default()
        .traditions([Tradition::National, Tradition::Christian])
        .categories([Category::PublicHoliday]);
    let (t, n) = median_us(20, || list(&uk));
    println!("uk-bank-holidays-1900-2100 {t:.1} {n}");
    let jewish = Filter::default().traditions([Tradition::Jewish]);
    let (t, n) = median_us(20, || list(&jewish));
    println!("jewish-1900-2100 {t:.1} {n}");
    Ok(())
}
