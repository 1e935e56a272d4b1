//! One function per command: validated config in, rendered output and exit
//! code out. No domain logic here: each calls `clash-core` once.

use chrono::{Datelike, Duration};
use clap::CommandFactory;
use clash_core::{Index, Observance};
use serde_json::json;

use crate::args::{Args, Command, Format};
use crate::config::{resolve_range, Config, Result, UserError};
use crate::output::{csv, json, text};

/// What a command produced.
pub struct Outcome {
    pub output: String,
    pub code: u8,
}

impl Outcome {
    fn ok(output: String) -> Self {
        Outcome { output, code: 0 }
    }
}

/// The longest `sun` range, in days (bounded work).
const MAX_SUN_DAYS: i64 = 366 * 10;

pub fn run(args: &Args, color: bool) -> Result<Outcome> {
    if let Command::Completions { shell } = &args.command {
        let mut buf = Vec::new();
        clap_complete::generate(*shell, &mut Args::command(), "clash", &mut buf);
        return Ok(Outcome::ok(String::from_utf8_lossy(&buf).into_owned()));
    }
    let cfg = Config::new(&args.common)?;
    let style = text::Style { color };
    let loc = &cfg.location;
    match &args.command {
        Command::Check { when, range_args } => {
            if when.is_none() && range_args.from.is_none() && range_args.to.is_none() {
                return Err(UserError::new("give a DATE, FROM..TO or YEAR to check")
                    .hint("for example: clash check 2026-12-25"));
            }
            let (from, to) = resolve_range(when.as_deref(), range_args, cfg.today, 0)?;
            let index =
                Index::with_settings(&cfg.catalogue, from.year(), to.year(), &cfg.settings)?;
            let clashes = index.clashes(from, to, &cfg.filter)?;
            let output = match cfg.format {
                Format::Text => text::clashes(&clashes, from, to, loc, style),
                Format::Csv => csv::clashes(&clashes, loc),
                Format::Json => json::render(&json!({
                    "query": {
                        "from": from.to_string(),
                        "to": to.to_string(),
                        "location": json::LocationJson::new(loc),
                    },
                    "clashes": clashes.iter().map(|c| json::ClashJson::new(c, loc)).collect::<Vec<_>>(),
                })),
            };
            let code = if clashes.is_empty() { 0 } else { 1 };
            Ok(Outcome { output, code })
        }
        Command::List { range, range_args } => {
            let (from, to) = resolve_range(range.as_deref(), range_args, cfg.today, 364)?;
            let index =
                Index::with_settings(&cfg.catalogue, from.year(), to.year(), &cfg.settings)?;
            let list = index.list(from, to, &cfg.filter)?;
            Ok(Outcome::ok(match cfg.format {
                Format::Text => text::occurrences(&list, from, to, loc, style),
                Format::Csv => csv::occurrences(&list, loc),
                Format::Json => json::render(&json!({
                    "location": json::LocationJson::new(loc),
                    "from": from.to_string(),
                    "to": to.to_string(),
                    "occurrences": list.iter().map(|o| json::OccurrenceJson::new(o, loc)).collect::<Vec<_>>(),
                })),
            }))
        }
        Command::Observances => {
            let list: Vec<&Observance> = cfg
                .catalogue
                .observances()
                .iter()
                .filter(|o| cfg.filter.matches_entry(o))
                .collect();
            Ok(Outcome::ok(match cfg.format {
                Format::Text => text::observances(&list, style),
                Format::Json => json::render(&json!({
                    "observances": list.iter().map(|o| json::ObservanceJson::new(o)).collect::<Vec<_>>(),
                })),
                Format::Csv => {
                    let mut out = String::new();
                    csv::row(
                        &mut out,
                        [
                            "id",
                            "name",
                            "tradition",
                            "category",
                            "impact",
                            "begins",
                            "certainty",
                            "uncertainty_days",
                            "regions",
                            "summary",
                            "advice",
                            "source",
                            "rule",
                        ],
                    );
                    for o in &list {
                        let j = json::ObservanceJson::new(o);
                        csv::row(
                            &mut out,
                            [
                                j.id,
                                j.name,
                                j.tradition,
                                j.category,
                                j.impact,
                                j.begins,
                                j.certainty,
                                &j.uncertainty_days.to_string(),
                                &j.regions.join(";"),
                                j.summary,
                                j.advice,
                                j.source,
                                &j.rule,
                            ],
                        );
                    }
                    out
                }
            }))
        }
        Command::Show {
            id,
            count,
            range_args,
        } => {
            let obs = cfg
                .catalogue
                .require(id)
                .map_err(|e| UserError::from(e).hint("`clash observances` lists every id"))?;
            let (from, to) = resolve_range(None, range_args, cfg.today, 366 * 20)?;
            let index =
                Index::with_settings(&cfg.catalogue, from.year(), to.year(), &cfg.settings)?;
            let only = clash_core::Filter::default()
                .ids([obs.id().clone()])
                .categories(clash_core::Category::ALL.iter().copied());
            let next: Vec<_> = index
                .list(from, to, &only)?
                .into_iter()
                .take(usize::from(*count))
                .collect();
            Ok(Outcome::ok(match cfg.format {
                Format::Text => text::show(obs, &next, loc, style),
                Format::Csv => csv::occurrences(&next, loc),
                Format::Json => json::render(&json!({
                    "observance": json::ObservanceJson::new(obs),
                    "location": json::LocationJson::new(loc),
                    "occurrences": next.iter().map(|o| json::OccurrenceJson::new(o, loc)).collect::<Vec<_>>(),
                })),
            }))
        }
        Command::Sun { range, range_args } => {
            let (from, to) = resolve_range(range.as_deref(), range_args, cfg.today, 0)?;
            if (to - from).num_days() >= MAX_SUN_DAYS {
                return Err(UserError::new(format!(
                    "at most {MAX_SUN_DAYS} days of sunrise and sunset at once"
                )));
            }
            let days: Vec<_> = (0..=(to - from).num_days())
                .map(|k| loc.sun(from + Duration::days(k)))
                .collect();
            Ok(Outcome::ok(match cfg.format {
                Format::Text => text::sun(&days, loc, style),
                Format::Json => json::render(&json!({
                    "location": json::LocationJson::new(loc),
                    "days": days.iter().map(json::SunDayJson::new).collect::<Vec<_>>(),
                })),
                Format::Csv => {
                    let mut out = String::new();
                    csv::row(&mut out, ["date", "sunrise", "sunset"]);
                    for d in days.iter().map(json::SunDayJson::new) {
                        csv::row(
                            &mut out,
                            [
                                d.date,
                                d.sunrise.unwrap_or_default(),
                                d.sunset.unwrap_or_default(),
                            ],
                        );
                    }
                    out
                }
            }))
        }
        Command::Locations => Ok(Outcome::ok(match cfg.format {
            Format::Text => text::locations(style),
            Format::Json => json::render(&json!({
                "locations": clash_core::PRESETS.iter().map(|(n, lat, lon, tz)| json!({
                    "name": n, "latitude": lat, "longitude": lon, "timezone": tz.name(),
                })).collect::<Vec<_>>(),
            })),
            Format::Csv => {
                let mut out = String::new();
                csv::row(&mut out, ["name", "latitude", "longitude", "timezone"]);
                for (n, lat, lon, tz) in clash_core::PRESETS {
                    csv::row(
                        &mut out,
                        [
                            n.to_string(),
                            lat.to_string(),
                            lon.to_string(),
                            tz.name().to_string(),
                        ],
                    );
                }
                out
            }
        })),
        // Answered above, before the catalogue is loaded.
        Command::Completions { .. } => Ok(Outcome::ok(String::new())),
    }
}
