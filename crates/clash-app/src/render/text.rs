//! Text output for people: aligned columns that fit 80 columns, colour only
//! when asked for (a terminal without NO_COLOR).

use std::fmt::Write as _;

use chrono::NaiveDate;
use clash_core::{Clash, Impact, Location, Observance, OccurrenceRef, SunDay, Verdict};

use crate::words::{self, clash_count, day, meeting_words, push_day};

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
        words::push_occurrence_line(&mut rest, o);
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
        let w = words::day_clash(c, (from, to), with_food, location);
        push_lead(&mut out, c.impact, &w.headline(), style);
        let lines = w.notes.iter().map(String::as_str).chain([w.advice]);
        for line in lines.flat_map(|n| wrap(n, 80 - pad.len())) {
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
    let _ = writeln!(out, "{}", style.dim(words::also_heading(one_day, false)));
    for c in list {
        push_lead(out, c.impact, &words::day_also(c, one_day), style);
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
            let w = words::timed_clash(c);
            push_lead(&mut out, c.impact, &w.headline(), style);
            let lines = w.notes.iter().map(String::as_str).chain([w.advice]);
            for line in lines.flat_map(|l| wrap(l, 80 - pad.len())) {
                let _ = writeln!(out, "{pad}{line}");
            }
        }
        if !m.found.also.is_empty() {
            let _ = writeln!(out, "{}", style.dim(words::also_heading(true, true)));
        }
        for c in &m.found.also {
            push_lead(&mut out, c.impact, &words::timed_also(c), style);
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
        for a in o.announced() {
            let _ = writeln!(
                out,
                "    {}",
                style.dim(&format!("announced {}", words::announced_row(a)))
            );
        }
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
    let rows = words::observance_rows(o);
    for (k, v) in rows {
        let _ = writeln!(out, "  {:<12}{v}", k);
    }
    let _ = writeln!(out, "  {:<12}", "dates");
    if next.is_empty() {
        let _ = writeln!(out, "    (none in the next years searched)");
    }
    for n in next {
        let _ = writeln!(out, "    {}", words::next_date(n, location));
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
    let head = words::suggest_heading(request, profile, location);
    for line in wrap(&head, 80) {
        let _ = writeln!(out, "{}", style.bold(&line));
    }
    for line in wrap(&words::suggest_summary(found), 80) {
        let _ = writeln!(out, "{line}");
    }
    let mut marked = found.all_high_impact();
    for (i, s) in found.suggestions.iter().enumerate() {
        let w = words::suggestion(s);
        if !marked && !w.clean {
            // The clean days have run out: say so before the first of the rest.
            marked = true;
            let _ = writeln!(out, "{}", style.dim(words::THE_REST));
        }
        let lead = format!("{:>2}. {}  {:>6}  ", i + 1, w.when, w.score);
        let indent = " ".repeat(lead.chars().count());
        for (k, l) in wrap(&w.what, 80 - indent.len()).iter().enumerate() {
            let first = if k == 0 { &lead } else { &indent };
            let _ = writeln!(out, "{first}{l}");
        }
    }
    out
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
    let events = words::imported_events(found);
    let head = words::import_heading(source, found, events.len(), (from, to), location, counts);
    for line in wrap(&head, 80) {
        let _ = writeln!(out, "{}", style.bold(&line));
    }
    if summary.clashing > 0 {
        for line in wrap(&words::import_summary(summary, found.len()), 80) {
            let _ = writeln!(out, "{line}");
        }
    }
    let pad = " ".repeat(4);
    for mine in &events {
        let with: Vec<&&crate::report::Imported<'_>> =
            mine.iter().filter(|f| f.clash_count() > 0).collect();
        let summary = mine.first().map_or("", |f| f.event.summary.as_str());
        let count = words::event_count(with.len(), mine.len());
        let _ = writeln!(out, "{} ({count})", style.bold(summary));
        for f in with {
            let _ = writeln!(out, "  {}", words::imported_when(f));
            for (impact, text) in words::imported_clashes(f) {
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
