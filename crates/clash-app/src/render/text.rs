//! Text output for people: aligned columns that fit 80 columns, colour only
//! when asked for (a terminal without NO_COLOR).

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use clash_core::{
    Certainty, Clash, ClashKind, Impact, Location, Observance, OccurrenceRef, Region, RegionSet,
    SunDay, Verdict,
};

use super::region_codes;

/// ANSI styling, or none (the default).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// Whether to colour (a terminal without `NO_COLOR`).
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    /// The impact, padded to 6 columns, coloured by level.
    fn impact(self, i: Impact) -> String {
        let mut padded = String::with_capacity(6);
        padded.push_str(i.as_str());
        padded.extend(std::iter::repeat_n(
            ' ',
            6usize.saturating_sub(padded.len()),
        ));
        match i {
            Impact::High => self.paint("1;31", &padded),
            Impact::Medium => self.paint("33", &padded),
            _ => self.paint("2", &padded),
        }
    }

    fn bold(self, s: &str) -> String {
        self.paint("1", s)
    }

    fn dim(self, s: &str) -> String {
        self.paint("2", s)
    }
}

/// `Sun 2026-06-21`.
fn day(d: NaiveDate) -> String {
    let mut s = String::with_capacity(14);
    push_day(&mut s, d);
    s
}

/// Appends `Sun 2026-06-21` to `out`.
fn push_day(out: &mut String, d: NaiveDate) {
    const NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let name = NAMES
        .get(d.weekday().num_days_from_monday() as usize)
        .copied()
        .unwrap_or_default();
    out.push_str(name);
    out.push(' ');
    match super::iso_date(d) {
        Some(b) => out.push_str(std::str::from_utf8(&b).unwrap_or_default()),
        None => {
            let _ = write!(out, "{d}");
        }
    }
}

fn regions(r: RegionSet) -> String {
    if r.is_empty() {
        String::new()
    } else if r == RegionSet::all() {
        " [UK]".to_string()
    } else {
        format!(" [{}]", r.english_names())
    }
}

fn span_note(o: &OccurrenceRef<'_>) -> String {
    let mut s = String::new();
    push_span_note(&mut s, o);
    s
}

/// Appends ` (to Tue 2026-04-07; or 2026-04-02)` to `out`, or nothing.
fn push_span_note(out: &mut String, o: &OccurrenceRef<'_>) {
    let occ = o.occurrence();
    let (to, or) = (occ.end() != occ.start(), occ.possible_dates());
    if !to && or.is_empty() {
        return;
    }
    out.push_str(" (");
    if to {
        out.push_str("to ");
        push_day(out, occ.end());
    }
    if !or.is_empty() {
        out.push_str(if to { "; or " } else { "or " });
        for (i, d) in or.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            match super::iso_date(*d) {
                Some(b) => out.push_str(std::str::from_utf8(&b).unwrap_or_default()),
                None => {
                    let _ = write!(out, "{d}");
                }
            }
        }
    }
    out.push(')');
}

pub fn occurrences(
    list: &[OccurrenceRef<'_>],
    from: NaiveDate,
    to: NaiveDate,
    location: &Location,
    style: Style,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        style.bold(&format!(
            "{} observance{} from {from} to {to} ({location})",
            list.len(),
            if list.len() == 1 { "" } else { "s" }
        ))
    );
    let width = list
        .iter()
        .map(|o| o.observance().tradition().as_str().len())
        .max()
        .unwrap_or(0);
    // Rows are written straight into `out` (a 201-year list has tens of
    // thousands): no string per column.
    let indent = 14 + 2 + 6 + 2 + width + 2;
    let columns = 80usize.saturating_sub(indent).max(30);
    let mut rest = String::new();
    for o in list {
        let obs = o.observance();
        let occ = o.occurrence();
        rest.clear();
        rest.push_str(&o.name());
        push_span_note(&mut rest, o);
        if !occ.regions().is_empty() {
            rest.push_str(&regions(occ.regions()));
        }
        push_day(&mut out, occ.start());
        out.push_str("  ");
        out.push_str(&style.impact(obs.impact()));
        out.push_str("  ");
        let tradition = obs.tradition().as_str();
        out.push_str(tradition);
        out.extend(std::iter::repeat_n(
            ' ',
            width.saturating_sub(tradition.len()) + 2,
        ));
        for (i, line) in wrap(&rest, columns).iter().enumerate() {
            if i > 0 {
                out.extend(std::iter::repeat_n(' ', indent));
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Greedy word wrap to `width` columns (a longer word stays whole).
fn wrap(text: &str, width: usize) -> Vec<String> {
    if text.len() <= width {
        // Fewer bytes than columns: fewer characters too.
        return vec![text.to_string()];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

/// A whole-day check: the clashes, each with its details and advice, then
/// "also on this day" (awareness, other nations' holidays), one line each.
pub fn clashes(
    found: &Verdict<Clash<'_>>,
    (from, to): (NaiveDate, NaiveDate),
    with_food: bool,
    location: &Location,
    style: Style,
) -> String {
    let mut out = String::new();
    let when = if from == to {
        day(from)
    } else {
        format!("{} to {}", day(from), day(to))
    };
    let summary = clash_count(found.clashes.len());
    let _ = writeln!(
        out,
        "{}",
        style.bold(&format!("{when} ({location}): {summary}"))
    );
    let pad = "          ";
    for c in &found.clashes {
        let o = &c.occurrence;
        let obs = o.observance();
        let occ = o.occurrence();
        let mut detail = vec![obs.tradition().to_string()];
        if occ.category().as_str() != obs.tradition().as_str() {
            detail.push(occ.category().to_string());
        }
        if c.kind == ClashKind::Eve {
            detail.push(if from == to {
                "begins this evening".to_string()
            } else {
                format!("begins the evening of {}", day(to))
            });
        } else if from != to || occ.start() != occ.end() {
            let (a, b) = c.overlap;
            detail.push(if a == b {
                day(a)
            } else {
                format!("{} to {}", day(a), day(b))
            });
        }
        let headline = format!(
            "{}{} ({})",
            o.name(),
            regions(occ.regions()),
            detail.join(", ")
        );
        push_lead(&mut out, c.impact, &headline, style);
        let mut notes: Vec<String> = dates_note(o, c.possible).into_iter().collect();
        if let Some(t) = o.starts_at_for(first_day(c), location) {
            notes.push(begins_words(o, c.kind, &t, from == to));
        }
        if with_food && c.impact == Impact::High && obs.timing().fast.is_some() {
            notes.push("a fast: food or drink would not be taken".to_string());
        }
        if let Some(food) = obs.timing().food.as_deref().filter(|_| with_food) {
            notes.push(format!("food: {food}"));
        }
        notes.push(obs.advice().to_string());
        for line in notes.iter().flat_map(|n| wrap(n, 80 - pad.len())) {
            let _ = writeln!(out, "{pad}{line}");
        }
    }
    also(&mut out, &found.also, from == to, style);
    out
}

/// The "also" lines: what is worth knowing but does not count.
fn also(out: &mut String, list: &[Clash<'_>], one_day: bool, style: Style) {
    if list.is_empty() {
        return;
    }
    let head = match one_day {
        true => "Also on this day (not clashes):",
        false => "Also in these days (not clashes):",
    };
    let _ = writeln!(out, "{}", style.dim(head));
    for c in list {
        let o = &c.occurrence;
        let occ = o.occurrence();
        // Over several days, the days each touches.
        let when = match (one_day, c.overlap) {
            (true, _) => String::new(),
            (false, (a, b)) if a == b => format!(", {}", day(a)),
            (false, (a, b)) => format!(", {} to {}", day(a), day(b)),
        };
        let what = match c.kind {
            ClashKind::Elsewhere => format!(
                "{}{}: a public holiday in {} only",
                o.observance().name(),
                when.strip_prefix(',')
                    .map(|w| format!(" ({})", w.trim()))
                    .unwrap_or_default(),
                nation_names(occ.regions())
            ),
            _ => {
                let possible = if c.possible { ", possible" } else { "" };
                format!(
                    "{} ({}{possible}{when})",
                    o.name(),
                    o.observance().tradition()
                )
            }
        };
        push_lead(out, c.impact, &what, style);
    }
}

/// "Scotland", "England, Wales and Northern Ireland".
fn nation_names(r: RegionSet) -> String {
    let names: Vec<&str> = r.iter().map(Region::english_name).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => (*last).to_string(),
        None => String::new(),
    }
}

/// The first day of the occurrence that this clash is about: its own, or
/// for a possible clash the first possible start whose span touches the
/// checked days (or, for an eve, begins the day after).
fn first_day(c: &Clash<'_>) -> NaiveDate {
    let occ = c.occurrence.occurrence();
    if !c.possible {
        return occ.start();
    }
    let len = occ.end() - occ.start();
    let (a, b) = c.overlap;
    occ.possible_dates()
        .iter()
        .copied()
        .find(|&s| match c.kind {
            ClashKind::Eve => s.pred_opt() == Some(b),
            _ => s <= b && s + len >= a,
        })
        .unwrap_or(occ.start())
}

/// "begins this evening at 18:03 (candle lighting, 18 minutes before
/// sunset)" or "begins at sunset, Mon 2027-03-08 17:55 GMT".
fn begins_words(
    o: &OccurrenceRef<'_>,
    kind: ClashKind,
    t: &chrono::DateTime<chrono_tz::Tz>,
    one_day: bool,
) -> String {
    let when = t.format("%a %Y-%m-%d %H:%M %Z");
    match (&o.observance().timing().early, kind, one_day) {
        (Some(e), ClashKind::Eve, true) => format!(
            "begins this evening at {} ({}, {} minutes before sunset)",
            t.format("%H:%M %Z"),
            e.what,
            e.minutes
        ),
        (None, ClashKind::Eve, true) => {
            format!("begins this evening at {} (sunset)", t.format("%H:%M %Z"))
        }
        (Some(e), ..) => format!(
            "begins at {}, {when} ({} minutes before sunset)",
            e.what, e.minutes
        ),
        (None, ..) => format!("begins at sunset, {when}"),
    }
}

/// The date words of an occurrence with other possible dates, the
/// expected date first (SPEC §6.1): "expected Tue 2027-03-09; may be Mon
/// 2027-03-08 or Wed 2027-03-10 (moon sighting)"; for an estimate without
/// possible dates, how far it may move.
fn dates_note(o: &OccurrenceRef<'_>, possible: bool) -> Option<String> {
    let lead = if possible { "possible: " } else { "" };
    if let Some(dates) = o.expected_dates() {
        return Some(format!("{lead}{dates}"));
    }
    match (o.note(), o.observance().certainty()) {
        (Some(note), _) => Some(format!("estimated: {note}")),
        (None, Certainty::Estimated) => Some(format!(
            "estimated: may fall up to {} earlier or later",
            days_words(i64::from(o.uncertainty_days()))
        )),
        _ => None,
    }
}

/// "1 day", "3 days".
pub fn days_words(n: i64) -> String {
    match n {
        1 => "1 day".to_string(),
        n => format!("{n} days"),
    }
}

/// Appends `text` wrapped to 80 columns, the first line led by the
/// impact, the rest indented under it.
fn push_lead(out: &mut String, impact: Impact, text: &str, style: Style) {
    let pad = "          ";
    for (i, line) in wrap(text, 80 - pad.len()).iter().enumerate() {
        match i {
            0 => {
                let _ = writeln!(out, "  {}  {line}", style.impact(impact));
            }
            _ => {
                let _ = writeln!(out, "{pad}{line}");
            }
        }
    }
}

/// "no clashes", "1 clash", "3 clashes".
fn clash_count(n: usize) -> String {
    match n {
        0 => "no clashes".to_string(),
        1 => "1 clash".to_string(),
        n => format!("{n} clashes"),
    }
}

/// "Sun 2026-10-25 01:30 BST to 01:30 GMT": the zone of each end when
/// they differ (a clock change), else once at the end.
pub fn meeting_words(
    start: &chrono::DateTime<chrono_tz::Tz>,
    end: &chrono::DateTime<chrono_tz::Tz>,
) -> String {
    let same_day = end.date_naive() == start.date_naive();
    let same_zone = start.offset() == end.offset();
    let first = match same_zone {
        true => start.format("%a %Y-%m-%d %H:%M").to_string(),
        false => start.format("%a %Y-%m-%d %H:%M %Z").to_string(),
    };
    let last = match same_day {
        true => end.format("%H:%M %Z").to_string(),
        false => end.format("%a %Y-%m-%d %H:%M %Z").to_string(),
    };
    format!("{first} to {last}")
}

/// Timed checks: a headline per meeting, then each clash with its overlap
/// and reason, then what else the meeting touches; notes (clock changes)
/// first.
pub fn timed(
    meetings: &[crate::report::Meeting<'_>],
    notes: &[impl std::fmt::Display],
    location: &Location,
    style: Style,
) -> String {
    let mut out = String::new();
    let pad = "          ";
    for n in notes {
        for line in wrap(&format!("note: {n}"), 80) {
            let _ = writeln!(out, "{line}");
        }
    }
    for m in meetings {
        let summary = clash_count(m.found.clashes.len());
        let head = format!(
            "{} ({location}): {summary}",
            meeting_words(&m.start, &m.end)
        );
        let _ = writeln!(out, "{}", style.bold(&head));
        for c in &m.found.clashes {
            let obs = c.occurrence.observance();
            let mut detail = vec![
                obs.tradition().to_string(),
                c.occurrence.occurrence().category().to_string(),
            ];
            if c.kind == ClashKind::Eve {
                detail.push("the eve".to_string());
            }
            let headline = format!("{} ({})", c.occurrence.name(), detail.join(", "));
            push_lead(&mut out, c.impact, &headline, style);
            let mut lines = vec![format!(
                "{}–{}: {}",
                c.overlap.0.format("%H:%M"),
                c.overlap.1.format("%H:%M"),
                c.reason
            )];
            lines.extend(dates_note(&c.occurrence, c.possible));
            lines.push(obs.advice().to_string());
            for line in lines.iter().flat_map(|l| wrap(l, 80 - pad.len())) {
                let _ = writeln!(out, "{pad}{line}");
            }
        }
        if !m.found.also.is_empty() {
            let _ = writeln!(out, "{}", style.dim("Also at this time (not clashes):"));
        }
        for c in &m.found.also {
            let possible = if c.possible { ", possible" } else { "" };
            let what = format!(
                "{} ({}{possible}): {}",
                c.occurrence.name(),
                c.occurrence.observance().tradition(),
                c.reason
            );
            push_lead(&mut out, c.impact, &what, style);
        }
    }
    out
}

pub fn observances(list: &[&Observance], style: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        style.bold(&format!("{} observances", list.len()))
    );
    for o in list {
        let _ = writeln!(
            out,
            "{:<34} {:<18}  {}  {}",
            o.id().as_str(),
            o.tradition().as_str(),
            style.impact(o.impact()),
            o.name()
        );
        let _ = writeln!(out, "    {}", style.dim(&o.describe_rule()));
    }
    out
}

pub fn show(
    o: &Observance,
    next: &[OccurrenceRef<'_>],
    location: &Location,
    style: Style,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", style.bold(o.id().as_str()), o.name());
    let mut rows: Vec<(&str, String)> = vec![
        ("tradition", o.tradition().to_string()),
        ("category", o.category().to_string()),
        ("impact", o.impact().to_string()),
        ("begins", o.begins().to_string()),
        ("certainty", o.certainty().to_string()),
    ];
    if o.uncertainty_days() > 0 {
        rows.push((
            "uncertainty",
            format!("±{}", days_words(i64::from(o.uncertainty_days()))),
        ));
    }
    if !o.regions().is_empty() {
        rows.push(("regions", region_codes(o.regions()).join(", ")));
    }
    rows.extend([
        ("rule", o.describe_rule()),
        ("summary", o.summary().to_string()),
        ("advice", o.advice().to_string()),
        ("source", o.source().to_string()),
    ]);
    for (k, v) in rows {
        let _ = writeln!(out, "  {:<12}{v}", k);
    }
    let _ = writeln!(out, "  {:<12}", "dates");
    if next.is_empty() {
        let _ = writeln!(out, "    (none in the next years searched)");
    }
    for n in next {
        let starts = n
            .starts_at(location)
            .map(|t| format!(" (from sunset {})", t.format("%a %H:%M")))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    {}{}{}{}",
            day(n.occurrence().start()),
            span_note(n),
            starts,
            if n.occurrence().substitute_for().is_some() {
                " substitute day"
            } else {
                ""
            }
        );
    }
    out
}

pub fn sun(days: &[SunDay], location: &Location, style: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        style.bold(&format!(
            "Sunrise and sunset at {location} ({:.4}, {:.4}, {})",
            location.latitude(),
            location.longitude(),
            location.timezone().name()
        ))
    );
    for d in days {
        let fmt = |t: Option<chrono::DateTime<chrono_tz::Tz>>| match t {
            Some(t) => t.format("%H:%M %Z").to_string(),
            None => "none".to_string(),
        };
        let polar = match d.polar {
            Some(clash_core::calendars::sun::NoEvent::PolarDay) => {
                "  (polar day: the sun does not set)"
            }
            Some(clash_core::calendars::sun::NoEvent::PolarNight) => {
                "  (polar night: the sun does not rise)"
            }
            None => "",
        };
        let _ = writeln!(
            out,
            "{}  sunrise {:<9}  sunset {:<9}{polar}",
            day(d.date),
            fmt(d.sunrise),
            fmt(d.sunset)
        );
    }
    out
}

pub fn locations(style: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        style.bold("Preset locations (or give LAT,LON,TZ)")
    );
    for (name, lat, lon, tz) in clash_core::PRESETS {
        let _ = writeln!(out, "{name:<12} {lat:>9.4} {lon:>10.4}  {}", tz.name());
    }
    out
}

/// Suggestions: a summary of the window, then one line per suggestion
/// (wrapped to 80 columns): its score, what it still touches and what it
/// avoids.
pub fn suggestions(
    found: &clash_core::Suggestions<'_>,
    request: &clash_core::Request,
    profile: &clash_core::Profile,
    location: &Location,
    style: Style,
) -> String {
    let mut out = String::new();
    let when = match request.time {
        Some((clock, minutes)) => format!(
            "{:02}:{:02} for {}",
            clock / 60,
            clock % 60,
            duration_words(minutes)
        ),
        None => "whole days".to_string(),
    };
    let head = format!(
        "Best {} for {}: {}, {when}, {} to {}, {location}",
        if request.count == 1 { "date" } else { "dates" },
        profile.title(),
        weekday_words(request.weekdays),
        request.from,
        request.to,
    );
    for line in wrap(&head, 80) {
        let _ = writeln!(out, "{}", style.bold(&line));
    }
    let mut summary = format!(
        "{} candidate {}, {} with a high-impact clash for this audience",
        found.candidates,
        if found.candidates == 1 { "day" } else { "days" },
        found.with_high_impact
    );
    if !found.public_holidays.is_empty() {
        let _ = write!(
            summary,
            "; {} public {} left out",
            found.public_holidays.len(),
            if found.public_holidays.len() == 1 {
                "holiday"
            } else {
                "holidays"
            }
        );
    }
    summary.push('.');
    if found.candidates == 0 && !found.public_holidays.is_empty() {
        summary.push_str(" Every allowed day is a public holiday: widen the window.");
    } else if found.candidates == 0 {
        summary.push_str(" No day in the window is allowed: widen it or allow more weekdays.");
    } else if found.all_high_impact() {
        summary.push_str(
            " Every candidate has a high-impact clash for this audience; these are the least bad.",
        );
    }
    for line in wrap(&summary, 80) {
        let _ = writeln!(out, "{line}");
    }
    let mut marked = found.all_high_impact();
    for (i, s) in found.suggestions.iter().enumerate() {
        let c = &s.candidate;
        if !marked && c.high != clash_core::HighImpact::None {
            // The clean days have run out: say so before the first of the rest.
            marked = true;
            let _ = writeln!(
                out,
                "{}",
                style.dim("The rest have a high-impact clash for this audience:")
            );
        }
        let when = match c.meeting {
            Some((start, _)) => start.format("%a %Y-%m-%d %H:%M").to_string(),
            None => c.date.format("%a %Y-%m-%d").to_string(),
        };
        let mut what = if c.clashes.is_empty() {
            "no clashes".to_string()
        } else {
            let list: Vec<String> = c
                .clashes
                .iter()
                .map(|k| {
                    let possible = if k.possible { ", possible" } else { "" };
                    let kept = if k.share == 0.0 {
                        ", not kept by this audience"
                    } else {
                        ""
                    };
                    format!("{} ({}{possible}{kept})", k.occurrence.name(), k.impact)
                })
                .collect();
            format!("touches {}", list.join(", "))
        };
        if !s.avoids.is_empty() {
            let list: Vec<String> = s
                .avoids
                .iter()
                .map(|(d, o)| format!("{} ({})", o.name(), d.format("%a %-d %b")))
                .collect();
            let _ = write!(what, "; avoids {}", list.join(", "));
        }
        if let Some(note) = &c.note {
            let _ = write!(what, "; note: {note}");
        }
        let lead = format!("{:>2}. {when}  {:>6}  ", i + 1, c.score.to_string());
        let indent = " ".repeat(lead.chars().count());
        for (k, l) in wrap(&what, 80 - indent.len()).iter().enumerate() {
            let first = if k == 0 { &lead } else { &indent };
            let _ = writeln!(out, "{first}{l}");
        }
    }
    out
}

fn duration_words(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m}m"),
    }
}

fn weekday_words(w: clash_core::Weekdays) -> String {
    if w == clash_core::Weekdays::ALL {
        return "any day".to_string();
    }
    if w == clash_core::Weekdays::WORKING {
        return "Mon–Fri".to_string();
    }
    w.days()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The line an organiser acts on: how many occurrences clash and how
/// badly, the worst events, and a better day for each clashing one-off.
fn summary_line(s: &crate::report::ImportSummary, occurrences: usize) -> String {
    let mut line = format!(
        "summary: {} of {occurrences} {} {} ({} high, {} medium)",
        s.clashing,
        if occurrences == 1 {
            "occurrence"
        } else {
            "occurrences"
        },
        if s.clashing == 1 { "clashes" } else { "clash" },
        s.high,
        s.medium
    );
    if !s.worst.is_empty() {
        let worst: Vec<String> = s
            .worst
            .iter()
            .map(|(name, high, medium)| match (high, medium) {
                (0, m) => format!("{name} ({m} medium)"),
                (h, 0) => format!("{name} ({h} high)"),
                (h, m) => format!("{name} ({h} high, {m} medium)"),
            })
            .collect();
        line.push_str(&format!("; worst: {}", worst.join(", ")));
    }
    let moves: Vec<String> = s
        .moves
        .iter()
        .map(|(name, from, to)| match to {
            Some(to) => format!("{name} {} → {}", day(*from), day(*to)),
            None => format!(
                "{name} {} (no clash-free weekday within a week)",
                day(*from)
            ),
        })
        .collect();
    if !moves.is_empty() {
        line.push_str(&format!("; move: {}", moves.join(", ")));
        if s.more_moves > 0 {
            line.push_str(&format!(" and {} more one-off meetings", s.more_moves));
        }
    }
    line
}

/// Imported events: a summary line, then each event (by UID, in order of
/// its first occurrence) with the occurrences that clash, one line per
/// clash.
pub fn imported(r: &crate::report::ImportReport<'_>, style: Style) -> String {
    let (source, found, counts, summary, notes) =
        (&r.source, &r.events.list, r.counts, &r.summary, &r.notes);
    let (from, to, location) = (r.from.0, r.to.0, r.location.0);
    let mut out = String::new();
    for n in notes {
        for line in wrap(&format!("note: {n}"), 80) {
            let _ = writeln!(out, "{line}");
        }
    }
    // Occurrences by UID, in order of each UID's first occurrence.
    let mut order: Vec<&str> = Vec::new();
    let mut by_uid: std::collections::HashMap<&str, Vec<&crate::report::Imported<'_>>> =
        std::collections::HashMap::new();
    for f in found {
        let list = by_uid.entry(f.event.uid.as_str()).or_default();
        if list.is_empty() {
            order.push(&f.event.uid);
        }
        list.push(f);
    }
    let clashing = found.iter().filter(|f| f.clash_count() > 0).count();
    let mut head = format!(
        "{source}: {} {} of {} {} from {from} to {to} ({location}), {clashing} with clashes",
        found.len(),
        if found.len() == 1 {
            "occurrence"
        } else {
            "occurrences"
        },
        order.len(),
        if order.len() == 1 { "event" } else { "events" },
    );
    // Every VEVENT accounted for when some are not in the window.
    if counts.outside + counts.skipped > 0 {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let _ = write!(
            head,
            "; of the file's {} VEVENT{}, {} {} occurrences in the window, {} {} outside it and {} {} skipped",
            counts.vevents,
            plural(counts.vevents),
            counts.in_window,
            if counts.in_window == 1 { "has" } else { "have" },
            counts.outside,
            if counts.outside == 1 { "falls" } else { "fall" },
            counts.skipped,
            if counts.skipped == 1 { "was" } else { "were" },
        );
    }
    for line in wrap(&head, 80) {
        let _ = writeln!(out, "{}", style.bold(&line));
    }
    if summary.clashing > 0 {
        for line in wrap(&summary_line(summary, found.len()), 80) {
            let _ = writeln!(out, "{line}");
        }
    }
    let pad = " ".repeat(4);
    for uid in order {
        let mine: &[&crate::report::Imported<'_>] = by_uid.get(uid).map_or(&[], Vec::as_slice);
        let with: Vec<&&crate::report::Imported<'_>> =
            mine.iter().filter(|f| f.clash_count() > 0).collect();
        let summary = mine.first().map_or("", |f| f.event.summary.as_str());
        let count = match (with.len(), mine.len()) {
            (0, 1) => "no clash".to_string(),
            (0, n) => format!("no clash in {n} occurrences"),
            (1, 1) => "it clashes".to_string(),
            (k, n) if k == n => format!("all {n} occurrences clash"),
            (1, n) => format!("1 of {n} occurrences clashes"),
            (k, n) => format!("{k} of {n} occurrences clash"),
        };
        let _ = writeln!(out, "{} ({count})", style.bold(summary));
        for f in with {
            let when = match (f.days, f.times) {
                (Some((a, b)), _) if a == b => format!("{} (all day)", day(a)),
                (Some((a, b)), _) => format!("{} to {} (all day)", day(a), day(b)),
                (_, Some((s, e))) if s.date_naive() == e.date_naive() => {
                    format!("{}–{}", s.format("%a %Y-%m-%d %H:%M"), e.format("%H:%M"))
                }
                (_, Some((s, e))) => format!(
                    "{} to {}",
                    s.format("%a %Y-%m-%d %H:%M"),
                    e.format("%a %Y-%m-%d %H:%M")
                ),
                _ => String::new(),
            };
            let _ = writeln!(out, "  {when}");
            let lines: Vec<(Impact, String)> = match &f.found {
                crate::report::Found::Days(v) => v
                    .clashes
                    .iter()
                    .map(|c| {
                        let possible = if c.possible { " (possible)" } else { "" };
                        let eve = if c.kind == ClashKind::Eve {
                            " (begins that evening)"
                        } else {
                            ""
                        };
                        (c.impact, format!("{}{possible}{eve}", c.occurrence.name()))
                    })
                    .collect(),
                crate::report::Found::Timed(v) => v
                    .clashes
                    .iter()
                    .map(|c| {
                        let possible = if c.possible { " (possible)" } else { "" };
                        (
                            c.impact,
                            format!("{}{possible}: {}", c.occurrence.name(), c.reason),
                        )
                    })
                    .collect(),
            };
            for (impact, text) in lines {
                for (k, l) in wrap(&text, 80 - pad.len() - 8).iter().enumerate() {
                    let lead = if k == 0 {
                        format!("{pad}{}  ", style.impact(impact))
                    } else {
                        format!("{pad}        ")
                    };
                    let _ = writeln!(out, "{lead}{l}");
                }
            }
        }
    }
    out
}
