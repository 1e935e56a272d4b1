//! One function per command: validated config in, rendered output and exit
//! code out. No domain logic here: each calls `clash-core` once.

use chrono::{Datelike, Duration};
use clap::CommandFactory;
use clash_core::Observance;
use serde_json::json;

use crate::args::{Args, Command, Format, MeetingArgs};
use crate::config::{meeting_time, resolve_range, Config, Result, UserError};
use crate::output::{csv, json, text};

/// What a command produced.
pub struct Outcome {
    pub output: String,
    pub code: u8,
    /// Lines for standard error, before the output (`warning: …`).
    pub warnings: Vec<String>,
}

impl Outcome {
    fn ok(output: String) -> Self {
        Outcome::with_code(output, 0)
    }

    fn with_code(output: String, code: u8) -> Self {
        Outcome {
            output,
            code,
            warnings: Vec::new(),
        }
    }
}

/// The longest `sun` range, in days (bounded work).
const MAX_SUN_DAYS: i64 = 366 * 10;

/// The most days a daily-time check covers (bounded work).
const MAX_TIMED_DAYS: i64 = 366;

/// A timed `check`: the raw arguments.
struct TimedQuery<'a> {
    when: Option<&'a str>,
    range_args: &'a crate::args::RangeArgs,
    meeting: &'a MeetingArgs,
}

/// `clash check DATETHH:MM [--duration D]` or `clash check RANGE --time
/// HH:MM [--duration D]`: the meeting on each day, in the location's civil
/// time, against the observances' hours (SPEC §6, issue 5).
fn check_timed(cfg: &Config, q: &TimedQuery<'_>, style: text::Style) -> Result<Outcome> {
    use clash_core::{local_instant, MeetingKind};
    let max = 31 * 24 * 60;
    let timed = q.when.filter(|w| crate::config::has_time(w));
    let (days, (clock, minutes)) = match timed.and_then(|w| w.split_once('T')) {
        Some((d, t)) => {
            if q.meeting.time.as_deref().is_some() {
                return Err(UserError::new(
                    "give the time once: DATE THH:MM or --time HH:MM",
                ));
            }
            if d.contains("..") {
                return Err(UserError::new(format!(
                    "invalid date-time `{}` (expected YYYY-MM-DDTHH:MM)",
                    q.when.unwrap_or_default()
                ))
                .hint("for a range of days use --time HH:MM"));
            }
            let day = crate::config::parse_date(d, cfg.today)?;
            let (day, _) = crate::config::check_range(day, day)?;
            (
                vec![day],
                meeting_time(t, q.meeting.duration.as_deref(), max)?,
            )
        }
        None => {
            let t = q.meeting.time.as_deref().unwrap_or_default();
            let (from, to) = resolve_range(q.when, q.range_args, cfg.today, 0)?;
            if (to - from).num_days() >= MAX_TIMED_DAYS {
                return Err(UserError::new(format!(
                    "a daily time check covers at most {MAX_TIMED_DAYS} days"
                )));
            }
            let days: Vec<_> = from.iter_days().take_while(|d| *d <= to).collect();
            (days, meeting_time(t, q.meeting.duration.as_deref(), max)?)
        }
    };
    let (Some(first), Some(last)) = (days.first().copied(), days.last().copied()) else {
        return Err(UserError::new("no days to check"));
    };
    let end_year = (last + Duration::minutes(minutes) + Duration::days(1)).year();
    let years = clash_core::SUPPORTED_YEARS;
    let index = cfg.index(first.year(), end_year.min(*years.end()), Some(&cfg.filter))?;
    let tz = cfg.location.timezone();
    let kind = MeetingKind {
        with_food: q.meeting.with_food,
    };
    let mut meetings = Vec::new();
    let mut notes = Vec::new();
    for d in days {
        let naive = d
            .and_hms_opt(clock / 60, clock % 60, 0)
            .ok_or_else(|| UserError::new("invalid time of day"))?;
        let (start, note) = local_instant(tz, naive);
        let start = start
            .ok_or_else(|| UserError::new(format!("{naive} cannot be placed in {}", tz.name())))?;
        notes.extend(note.map(|n| n.to_string()));
        let end = start + Duration::minutes(minutes);
        let found = index.check_at(start, end, &cfg.timed_filter, kind)?;
        meetings.push(text::Meeting { start, end, found });
    }
    let any = meetings.iter().any(|m| m.found.has_clash());
    let output = match cfg.format {
        Format::Text => text::timed(&meetings, &notes, &cfg.location, style),
        Format::Ics => return Err(ics_only()),
        Format::Csv => csv::timed(&meetings),
        Format::Json => json::render(&json!({
            "query": {
                "from": first.to_string(),
                "to": last.to_string(),
                "time": format!("{:02}:{:02}", clock / 60, clock % 60),
                "duration_minutes": minutes,
                "with_food": q.meeting.with_food,
                "location": json::LocationJson::new(&cfg.location),
                "notes": notes,
            },
            "clashes": meetings
                .iter()
                .flat_map(|m| m.found.clashes.iter().map(move |c| (m, c)))
                .map(|(m, c)| json::TimedClashJson::new(c, (&m.start, &m.end), &cfg.location))
                .collect::<Vec<_>>(),
            "also": meetings
                .iter()
                .flat_map(|m| m.found.also.iter().map(move |c| (m, c)))
                .map(|(m, c)| json::TimedClashJson::new(c, (&m.start, &m.end), &cfg.location))
                .collect::<Vec<_>>(),
        })),
    };
    Ok(Outcome::with_code(output, u8::from(any)))
}

/// Writes `value` as JSON to `out` as it is serialised (for outputs that
/// can run to tens of megabytes), then exits with `code`.
fn stream(
    out: &mut dyn std::io::Write,
    value: &impl serde::Serialize,
    code: u8,
) -> Result<Outcome> {
    match json::render_to(out, value) {
        // A closed pipe (`clash list | head`) is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(UserError::new(e.to_string())),
        _ => Ok(Outcome::with_code(String::new(), code)),
    }
}

/// The longest `export` window, in days (bounded work and size).
const MAX_EXPORT_DAYS: i64 = 366 * 20;

/// `--format ics` is for occurrences.
fn ics_only() -> UserError {
    UserError::new("--format ics is for list and export")
        .hint("for example: clash export --from 2026 --to 2028 -o clash.ics")
}

/// A feed's name, saying what the filters chose ("clash: muslim, hindu ·
/// high impact").
fn feed_name(c: &crate::args::Common) -> String {
    let mut parts = Vec::new();
    if !c.ids.is_empty() {
        parts.push(c.ids.join(", "));
    }
    if !c.traditions.is_empty() {
        parts.push(c.traditions.join(", "));
    }
    if !c.exclude_traditions.is_empty() {
        parts.push(format!("without {}", c.exclude_traditions.join(", ")));
    }
    match c.min_impact.as_deref() {
        Some("high") => parts.push("high impact".to_string()),
        Some("medium") => parts.push("medium and high impact".to_string()),
        _ => {}
    }
    if !c.categories.is_empty() {
        parts.push(c.categories.join(", "));
    }
    if !c.regions.is_empty() {
        parts.push(format!("holidays of {}", c.regions.join(", ")));
    }
    if parts.is_empty() {
        parts.push("all observances".to_string());
    }
    format!("clash: {}", parts.join(" · "))
}

/// The default window of `import` reaches at most this many years after
/// today.
const DEFAULT_IMPORT_YEARS: u32 = 10;

/// The default window of `import`: from `today` (future meetings are what
/// an organiser can still move) to the calendar's last day, at most
/// [`DEFAULT_IMPORT_YEARS`] after today; today alone, with a note saying
/// why, when nothing in the calendar is that late.
fn import_window(
    span: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    today: chrono::NaiveDate,
) -> ((chrono::NaiveDate, chrono::NaiveDate), Option<String>) {
    let cap = today
        .checked_add_months(chrono::Months::new(12 * DEFAULT_IMPORT_YEARS))
        .unwrap_or(today);
    match span {
        Some((first, _)) if first > cap => (
            (today, cap),
            Some(format!(
                "this calendar's events begin on {first}, more than {DEFAULT_IMPORT_YEARS} \
                 years from today; give --from and --to to check them"
            )),
        ),
        Some((_, last)) if last >= today => ((today, last.min(cap)), None),
        Some((_, last)) => (
            (today, today),
            Some(format!(
                "nothing in this calendar is from today ({today}) on: its events end by \
                 {last}; give --from and --to to check earlier dates"
            )),
        ),
        None => (
            (today, today),
            Some("this calendar has no events to check".to_string()),
        ),
    }
}

/// `clash import FILE`: every occurrence of every event in the window,
/// checked (SPEC §8, issue 7). An event that cannot be read is skipped with
/// a warning (issue 14); a file that cannot be read is an error.
fn import(
    cfg: &Config,
    file: &std::path::Path,
    range_args: &crate::args::RangeArgs,
    with_food: bool,
    style: text::Style,
    out: &mut dyn std::io::Write,
) -> Result<Outcome> {
    use crate::output::{Found, Imported};
    use clash_core::ical::{BadEvents, IcsCalendar, When};
    let cal = IcsCalendar::from_file_with(file, BadEvents::Skip)?;
    let ((from, to), window_note) = if range_args.from.is_none() && range_args.to.is_none() {
        import_window(cal.span(), cfg.today)
    } else {
        (resolve_range(None, range_args, cfg.today, 364)?, None)
    };
    let (from, to) =
        crate::config::check_range(from, to).map_err(|e| e.hint("give --from and --to"))?;
    let years = clash_core::SUPPORTED_YEARS;
    // Timed events may run up to 31 days past the window.
    let last_year = (to + Duration::days(32)).year().min(*years.end());
    let index = cfg.index(from.year(), last_year, Some(&cfg.filter))?;
    let (lo, hi) = index.days();
    let found_events = cal.expansion(from, to)?;
    let occurrences = &found_events.occurrences;
    let notes: Vec<String> = window_note
        .into_iter()
        .chain(found_events.notes.iter().cloned())
        .collect();
    let warnings: Vec<String> = found_events
        .skipped
        .iter()
        .map(ToString::to_string)
        .collect();
    let tz = cfg.location.timezone();
    let kind = clash_core::MeetingKind { with_food };
    let mut found = Vec::with_capacity(occurrences.len());
    for o in occurrences {
        let days = |a: chrono::NaiveDate, b: chrono::NaiveDate| -> Result<_> {
            let (a, b) = (a.max(lo), b.min(hi));
            Ok(if a <= b {
                index.check(a, b, &cfg.filter, kind)?
            } else {
                clash_core::Verdict::default()
            })
        };
        let item = match (o.start, o.end) {
            (When::Date(a), When::Date(b)) => {
                let last = b.pred_opt().unwrap_or(b).max(a);
                Imported {
                    event: o,
                    days: Some((a, last)),
                    times: None,
                    found: Found::Days(days(a, last)?),
                }
            }
            (When::Time(s), When::Time(e)) => {
                let (s, e) = (s.with_timezone(&tz), e.with_timezone(&tz));
                let e = e.max(s + Duration::minutes(1));
                let fits =
                    e - s <= Duration::days(31) && s.date_naive() >= lo && e.date_naive() <= hi;
                let clashes = if fits {
                    Found::Timed(index.check_at(s, e, &cfg.timed_filter, kind)?)
                } else {
                    Found::Days(days(s.date_naive(), e.date_naive())?)
                };
                Imported {
                    event: o,
                    days: None,
                    times: Some((s, e)),
                    found: clashes,
                }
            }
            _ => continue,
        };
        found.push(item);
    }
    let any = found.iter().any(|f| f.clash_count() > 0);
    let source = file.display().to_string();
    let output = match cfg.format {
        Format::Text => text::imported(&source, &found, (from, to), &notes, &cfg.location, style),
        Format::Csv => csv::imported(&found),
        Format::Ics => return Err(ics_only()),
        Format::Json => {
            let events = json::Each(&found, |f| json::ImportedJson::new(f, &cfg.location));
            let import = json::ImportJson {
                source: &source,
                from: json::Day(from),
                to: json::Day(to),
                location: json::LocationJson::new(&cfg.location),
                notes: &notes,
                warnings: &warnings,
                events,
            };
            let mut done = stream(out, &import, u8::from(any))?;
            done.warnings = warnings;
            return Ok(done);
        }
    };
    Ok(Outcome {
        output,
        code: u8::from(any),
        warnings,
    })
}

/// `clash suggest`: the raw arguments.
struct SuggestQuery<'a> {
    range: Option<&'a str>,
    range_args: &'a crate::args::RangeArgs,
    weekdays: &'a str,
    meeting: &'a MeetingArgs,
    count: u16,
    profile: &'a str,
}

/// `clash suggest`: the best days (or day-times) in a window for an
/// audience profile (SPEC §7, issue 6).
fn suggest(cfg: &Config, q: &SuggestQuery<'_>, style: text::Style) -> Result<Outcome> {
    use clash_core::{MeetingKind, Profile, Request, Weekdays, PROFILES};
    let profile = if PROFILES.iter().any(|(n, _)| *n == q.profile) {
        Profile::embedded(q.profile)?
    } else if std::path::Path::new(q.profile).exists() {
        Profile::from_file(q.profile)?
    } else {
        let names: Vec<&str> = PROFILES.iter().map(|(n, _)| *n).collect();
        return Err(
            UserError::new(format!("unknown profile `{}`", q.profile)).hint(format!(
                "use {} or the path of a profile TOML file",
                names.join(" or ")
            )),
        );
    };
    let weekdays: Weekdays = q.weekdays.parse()?;
    let time = match q.meeting.time.as_deref() {
        Some(t) => Some(meeting_time(
            t,
            q.meeting.duration.as_deref(),
            clash_core::MAX_MEETING_MINUTES,
        )?),
        None if q.meeting.duration.as_deref().is_some() => {
            return Err(UserError::new("--duration needs --time HH:MM")
                .hint("for example: clash suggest --time 18:00 --duration 2h"))
        }
        None => None,
    };
    let (from, to) = resolve_range(q.range, q.range_args, cfg.today, 27)?;
    if (to - from).num_days() >= clash_core::MAX_WINDOW_DAYS {
        return Err(UserError::new(format!(
            "a window may span at most {} days",
            clash_core::MAX_WINDOW_DAYS
        )));
    }
    let last_year = (to + Duration::days(2))
        .year()
        .min(*clash_core::SUPPORTED_YEARS.end());
    let index = cfg.index(from.year(), last_year, None)?;
    let request = Request {
        from,
        to,
        weekdays,
        time,
        kind: MeetingKind {
            with_food: q.meeting.with_food,
        },
        count: usize::from(q.count),
    };
    // Weekly observances matter only when a time is given (SPEC §3).
    let filter = match time {
        Some(_) => &cfg.timed_filter,
        None => &cfg.filter,
    };
    // The audience's nations: `--region`, else the location's (as for
    // check and list), else, outside the UK, the profile's.
    let filter = &match (
        cfg.explicit_regions,
        cfg.location.region(),
        profile.regions(),
    ) {
        (false, None, Some(r)) => filter.clone().nations(r),
        _ => filter.clone(),
    };
    let found = index.suggest(&request, filter, &profile)?;
    let output = match cfg.format {
        Format::Text => text::suggestions(&found, &request, &profile, &cfg.location, style),
        Format::Ics => return Err(ics_only()),
        Format::Csv => csv::suggestions(&found),
        Format::Json => json::render(&json!({
            "query": {
                "from": from.to_string(),
                "to": to.to_string(),
                "weekdays": weekdays.days().map(|d| d.to_string().to_ascii_lowercase()).collect::<Vec<_>>(),
                "time": time.map(|(c, _)| format!("{:02}:{:02}", c / 60, c % 60)),
                "duration_minutes": time.map(|(_, m)| m),
                "with_food": q.meeting.with_food,
                "count": q.count,
                "profile": {
                    "name": profile.name(),
                    "title": profile.title(),
                    "source": profile.source(),
                },
                "location": json::LocationJson::new(&cfg.location),
            },
            "candidates": found.candidates,
            "with_high_impact": found.with_high_impact,
            "all_high_impact": found.all_high_impact(),
            "public_holidays_skipped": found.public_holidays.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
            "suggestions": found.suggestions.iter().map(|s| json::SuggestionJson::new(s, &cfg.location)).collect::<Vec<_>>(),
        })),
    };
    Ok(Outcome::ok(output))
}

/// Runs a command. Most return their output; a JSON list is streamed to
/// `out` as it is serialised (tens of megabytes for 201 years).
pub fn run(args: &Args, color: bool, out: &mut dyn std::io::Write) -> Result<Outcome> {
    if let Command::Completions { shell } = &args.command {
        let mut buf = Vec::new();
        clap_complete::generate(*shell, &mut Args::command(), "clash", &mut buf);
        return Ok(Outcome::ok(String::from_utf8_lossy(&buf).into_owned()));
    }
    let cfg = Config::new(&args.common)?;
    let style = text::Style { color };
    let loc = &cfg.location;
    match &args.command {
        Command::Check {
            when,
            range_args,
            meeting,
        } => {
            let MeetingArgs {
                time,
                duration,
                with_food,
            } = meeting;
            if when.is_none() && range_args.from.is_none() && range_args.to.is_none() {
                return Err(UserError::new("give a DATE, FROM..TO or YEAR to check")
                    .hint("for example: clash check 2026-12-25"));
            }
            if time.is_some() || when.as_deref().is_some_and(crate::config::has_time) {
                let query = TimedQuery {
                    when: when.as_deref(),
                    range_args,
                    meeting,
                };
                return check_timed(&cfg, &query, style);
            }
            if duration.is_some() {
                return Err(UserError::new("--duration needs a time of day")
                    .hint("for example: clash check 2026-03-20T18:00 --duration 2h"));
            }
            let (from, to) = resolve_range(when.as_deref(), range_args, cfg.today, 0)?;
            // One more day for the eve of the last one.
            let last = to
                .succ_opt()
                .map_or(to.year(), |d| d.year())
                .min(*clash_core::SUPPORTED_YEARS.end());
            let index = cfg.index(from.year(), last, Some(&cfg.filter))?;
            let kind = clash_core::MeetingKind {
                with_food: *with_food,
            };
            let found = index.check(from, to, &cfg.filter, kind)?;
            let output = match cfg.format {
                Format::Text => text::clashes(&found, (from, to), *with_food, loc, style),
                Format::Ics => return Err(ics_only()),
                Format::Csv => csv::clashes(&found, loc),
                Format::Json => json::render(&json::CheckJson {
                    query: json::DayQueryJson {
                        from: json::Day(from),
                        to: json::Day(to),
                        with_food: *with_food,
                        location: json::LocationJson::new(loc),
                    },
                    clashes: found
                        .clashes
                        .iter()
                        .map(|c| json::ClashJson::new(c, loc))
                        .collect(),
                    also: found
                        .also
                        .iter()
                        .map(|c| json::ClashJson::new(c, loc))
                        .collect(),
                }),
            };
            Ok(Outcome::with_code(output, u8::from(found.has_clash())))
        }
        Command::Suggest {
            range,
            range_args,
            weekdays,
            meeting,
            count,
            profile,
        } => suggest(
            &cfg,
            &SuggestQuery {
                range: range.as_deref(),
                range_args,
                weekdays,
                meeting,
                count: *count,
                profile,
            },
            style,
        ),
        Command::Export {
            range,
            range_args,
            output,
        } => {
            if !matches!(cfg.format, Format::Text | Format::Ics) {
                return Err(UserError::new("export writes iCalendar only")
                    .hint("for JSON or CSV use clash list --format json|csv"));
            }
            let this_year = cfg.today.year();
            let (from, to) = match (range, &range_args.from, &range_args.to) {
                (None, None, None) => (
                    chrono::NaiveDate::from_ymd_opt(this_year, 1, 1),
                    chrono::NaiveDate::from_ymd_opt(this_year + 2, 12, 31),
                ),
                _ => {
                    let (f, t) = resolve_range(range.as_deref(), range_args, cfg.today, 364)?;
                    (Some(f), Some(t))
                }
            };
            let (Some(from), Some(to)) = (from, to) else {
                return Err(UserError::new("the default window is out of range"));
            };
            if (to - from).num_days() >= MAX_EXPORT_DAYS {
                return Err(UserError::new(format!(
                    "a feed covers at most {} years",
                    MAX_EXPORT_DAYS / 366
                )));
            }
            let index = cfg.index(from.year(), to.year(), Some(&cfg.filter))?;
            let list = index.list(from, to, &cfg.filter)?;
            let feed = clash_core::ical::feed(&feed_name(&args.common), loc, &list);
            match output {
                Some(path) => {
                    std::fs::write(path, feed.as_bytes()).map_err(|e| {
                        UserError::new(format!("cannot write {}: {e}", path.display()))
                    })?;
                    Ok(Outcome::ok(format!(
                        "wrote {} events ({from} to {to}) to {}\n",
                        list.len(),
                        path.display()
                    )))
                }
                None => Ok(Outcome::ok(feed)),
            }
        }
        Command::Import {
            file,
            range_args,
            with_food,
        } => import(&cfg, file, range_args, *with_food, style, out),
        Command::List { range, range_args } => {
            let (from, to) = resolve_range(range.as_deref(), range_args, cfg.today, 364)?;
            let index = cfg.index(from.year(), to.year(), Some(&cfg.filter))?;
            let list = index.list(from, to, &cfg.filter)?;
            Ok(Outcome::ok(match cfg.format {
                Format::Text => text::occurrences(&list, from, to, loc, style),
                Format::Ics => clash_core::ical::feed(&feed_name(&args.common), loc, &list),
                Format::Csv => csv::occurrences(&list, loc),
                // Streamed from borrowed structs: a 201-year list is tens
                // of megabytes, and building it first (as a `Value` tree or
                // a string) cost more than computing it.
                Format::Json => {
                    let texts = json::Texts::new(&cfg.catalogue);
                    let occurrences = json::Each(&list, |o| {
                        json::OccurrenceJson::with_texts(o, loc, Some(&texts))
                    });
                    let list = json::ListJson {
                        location: json::LocationJson::new(loc),
                        from: json::Day(from),
                        to: json::Day(to),
                        occurrences,
                    };
                    return stream(out, &list, 0);
                }
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
                Format::Ics => return Err(ics_only()),
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
            let index = cfg.index(from.year(), to.year(), None)?;
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
                Format::Ics => return Err(ics_only()),
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
                Format::Ics => return Err(ics_only()),
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
            Format::Ics => return Err(ics_only()),
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn the_import_window_starts_today() {
        let today = d(2026, 12, 2);
        let cases = [
            // The calendar's span; the window; whether a note says why.
            (
                Some((d(2020, 1, 1), d(2027, 6, 30))),
                (today, d(2027, 6, 30)),
                false,
            ),
            (
                Some((d(2027, 1, 1), d(2027, 6, 30))),
                (today, d(2027, 6, 30)),
                false,
            ),
            (
                Some((d(2020, 1, 1), d(2060, 1, 1))),
                (today, d(2036, 12, 2)),
                false,
            ),
            (
                Some((d(2026, 12, 2), d(2026, 12, 2))),
                (today, today),
                false,
            ),
            (Some((d(2001, 5, 1), d(2026, 12, 1))), (today, today), true),
            (
                Some((d(2040, 1, 1), d(2040, 1, 2))),
                (today, d(2036, 12, 2)),
                true,
            ),
            (None, (today, today), true),
        ];
        for (span, window, noted) in cases {
            let (got, note) = import_window(span, today);
            assert_eq!((got, note.is_some()), (window, noted), "{span:?}");
        }
        let (_, note) = import_window(Some((d(2001, 5, 1), d(2001, 5, 2))), today);
        assert_eq!(
            note.as_deref(),
            Some(
                "nothing in this calendar is from today (2026-12-02) on: its events end by \
                 2001-05-02; give --from and --to to check earlier dates"
            )
        );
    }
}
