//! The words a person reads, the same in every front end: dates, counts,
//! the headline and notes of a clash, the verdict. The text renderer lays
//! them out in 80 columns, the web pages in HTML; neither has a second
//! copy of any wording.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use clash_core::{
    Certainty, Clash, ClashKind, DateDoubt, ExpectedDates, Impact, Location, OccurrenceRef, Region,
    RegionSet, TimedClash, Verdict,
};

/// `YYYY-MM-DD` without the formatting machinery (long lists write a
/// hundred thousand dates); `None` outside years 0–9999.
pub fn iso_date(d: chrono::NaiveDate) -> Option<[u8; 10]> {
    use chrono::Datelike;
    let y = u32::try_from(d.year()).ok().filter(|y| *y <= 9999)?;
    let (m, d) = (d.month(), d.day());
    let digit = |n: u32| b'0' + (n % 10) as u8;
    Some([
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(d / 10),
        digit(d),
    ])
}

/// Region codes, in declaration order.
pub fn region_codes(r: RegionSet) -> Vec<&'static str> {
    r.iter().map(|r| r.as_str()).collect()
}

/// `Sun 2026-06-21`.
pub fn day(d: NaiveDate) -> String {
    let mut s = String::with_capacity(14);
    push_day(&mut s, d);
    s
}

/// Appends `Sun 2026-06-21` to `out`.
pub fn push_day(out: &mut String, d: NaiveDate) {
    const NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let name = NAMES
        .get(d.weekday().num_days_from_monday() as usize)
        .copied()
        .unwrap_or_default();
    out.push_str(name);
    out.push(' ');
    match iso_date(d) {
        Some(b) => out.push_str(std::str::from_utf8(&b).unwrap_or_default()),
        None => {
            let _ = write!(out, "{d}");
        }
    }
}

/// `" [UK]"`, `" [Scotland]"`, or nothing: the nations of a public holiday.
pub fn regions(r: RegionSet) -> String {
    if r.is_empty() {
        String::new()
    } else if r == RegionSet::nations() {
        " [UK]".to_string()
    } else {
        format!(" [{}]", r.english_names())
    }
}

/// " (to Tue 2026-04-07; or 2026-04-02)": the last day of an
/// occurrence over several days, and its other possible dates; or nothing.
pub fn span_note(o: &OccurrenceRef<'_>) -> String {
    let mut s = String::new();
    push_span_note(&mut s, o);
    s
}

/// Appends ` (to Tue 2026-04-07; or 2026-04-02)` to `out`, or nothing.
pub fn push_span_note(out: &mut String, o: &OccurrenceRef<'_>) {
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
            match iso_date(*d) {
                Some(b) => out.push_str(std::str::from_utf8(&b).unwrap_or_default()),
                None => {
                    let _ = write!(out, "{d}");
                }
            }
        }
    }
    out.push(')');
}

/// Appends "Passover (Pesach) (to Thu 2026-04-09)" or "Christmas Day
/// \[UK\]" to `out`: an occurrence's name, its span and other dates, and the
/// nations of a public holiday, as a line of a list says it.
pub fn push_occurrence_line(out: &mut String, o: &OccurrenceRef<'_>) {
    out.push_str(&o.name());
    push_span_note(out, o);
    let regions_of = o.occurrence().regions();
    if !regions_of.is_empty() {
        out.push_str(&regions(regions_of));
    }
}

/// "Scotland", "England, Wales and Northern Ireland".
pub fn nation_names(r: RegionSet) -> String {
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
pub fn first_day(c: &Clash<'_>) -> NaiveDate {
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
pub fn begins_words(
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
pub fn dates_note(o: &OccurrenceRef<'_>, possible: bool) -> Option<String> {
    let lead = if possible { "possible: " } else { "" };
    if let Some(dates) = o.expected_dates() {
        if dates.why == DateDoubt::Announcement {
            return Some(format!("{lead}{}", not_yet_announced(&dates)));
        }
        return Some(format!("{lead}{dates}"));
    }
    // A year whose date was announced (an exception of the rule) is no
    // estimate.
    let year = o.occurrence().start().year();
    let announced = o.observance().exceptions().iter().any(|e| e.year == year);
    match (o.note(), o.observance().certainty()) {
        (Some(note), _) => Some(format!("estimated: {note}")),
        (None, Certainty::Estimated) if announced => None,
        (None, Certainty::Estimated) => Some(format!(
            "estimated: may fall up to {} earlier or later",
            days_words(i64::from(o.uncertainty_days()))
        )),
        _ => None,
    }
}

/// How an estimate of a date that is announced each year, not yet
/// announced for this year, is shown.
pub const EXPECTED_NOT_YET_ANNOUNCED: &str = clash_core::NOT_YET_ANNOUNCED;

/// The words of an estimated date that is announced each year:
/// "expected (not yet announced): Mon 2027-11-15, up to 3 days either
/// way" ("from Mon 2027-11-15" for a period).
pub fn not_yet_announced(dates: &ExpectedDates<'_>) -> String {
    let n = dates
        .others
        .iter()
        .map(|d| (*d - dates.expected).num_days().abs())
        .max()
        .unwrap_or(0);
    let from = if dates.several_days { "from " } else { "" };
    format!(
        "{EXPECTED_NOT_YET_ANNOUNCED}: {from}{}, up to {} either way",
        dates.expected.format("%a %Y-%m-%d"),
        days_words(n)
    )
}

/// "1 day", "3 days".
pub fn days_words(n: i64) -> String {
    match n {
        1 => "1 day".to_string(),
        n => format!("{n} days"),
    }
}

/// "no clashes", "1 clash", "3 clashes".
pub fn clash_count(n: usize) -> String {
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

/// What a person reads about one clash: its name, how much it matters,
/// a few words on what and when, notes (its dates, its hours, food), and
/// the advice.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ClashWords<'a> {
    /// The observance's id.
    pub id: &'a str,
    /// Its name on this occasion, with the nations of a public holiday
    /// (`Christmas Day [UK]`).
    pub name: String,
    /// How much this clash matters.
    pub impact: Impact,
    /// The tradition, then the category where it differs, then when
    /// ("begins this evening", "Mon 2027-03-08 to Tue 2027-03-09").
    pub details: Vec<String>,
    /// Its dates when uncertain, when it begins, food: one line each.
    pub notes: Vec<String>,
    /// What to do.
    pub advice: &'a str,
}

impl ClashWords<'_> {
    /// `Christmas Day [UK] (christian, public-holiday)`.
    pub fn headline(&self) -> String {
        format!("{} ({})", self.name, self.details.join(", "))
    }
}

/// The words of a clash found by a whole-day check of `from..=to`.
pub fn day_clash<'a>(
    c: &Clash<'a>,
    (from, to): (NaiveDate, NaiveDate),
    with_food: bool,
    location: &Location,
) -> ClashWords<'a> {
    let o = &c.occurrence;
    let obs = o.observance();
    let occ = o.occurrence();
    let mut details = vec![obs.tradition().to_string()];
    if occ.category().as_str() != obs.tradition().as_str() {
        details.push(occ.category().to_string());
    }
    if c.kind == ClashKind::Eve {
        details.push(if from == to {
            "begins this evening".to_string()
        } else {
            format!("begins the evening of {}", day(to))
        });
    } else if from != to || occ.start() != occ.end() {
        let (a, b) = c.overlap;
        details.push(if a == b {
            day(a)
        } else {
            format!("{} to {}", day(a), day(b))
        });
    }
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
    ClashWords {
        id: obs.id().as_str(),
        name: format!("{}{}", o.name(), regions(occ.regions())),
        impact: c.impact,
        details,
        notes,
        advice: obs.advice(),
    }
}

/// The words of a clash found by a timed check: its hours and why first.
pub fn timed_clash<'a>(c: &TimedClash<'a>) -> ClashWords<'a> {
    let obs = c.occurrence.observance();
    let mut details = vec![
        obs.tradition().to_string(),
        c.occurrence.occurrence().category().to_string(),
    ];
    if c.kind == ClashKind::Eve {
        details.push("the eve".to_string());
    }
    let mut notes = vec![format!(
        "{}–{}: {}",
        c.overlap.0.format("%H:%M"),
        c.overlap.1.format("%H:%M"),
        c.reason
    )];
    notes.extend(dates_note(&c.occurrence, c.possible));
    ClashWords {
        id: obs.id().as_str(),
        name: c.occurrence.name(),
        impact: c.impact,
        details,
        notes,
        advice: obs.advice(),
    }
}

/// One line on something worth knowing that is not a clash, found by a
/// whole-day check (`one_day`: of a single day).
pub fn day_also(c: &Clash<'_>, one_day: bool) -> String {
    let o = &c.occurrence;
    let occ = o.occurrence();
    // Over several days, the days each touches.
    let when = match (one_day, c.overlap) {
        (true, _) => String::new(),
        (false, (a, b)) if a == b => format!(", {}", day(a)),
        (false, (a, b)) => format!(", {} to {}", day(a), day(b)),
    };
    match c.kind {
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
    }
}

/// One line on something worth knowing at a meeting's time.
pub fn timed_also(c: &TimedClash<'_>) -> String {
    let possible = if c.possible { ", possible" } else { "" };
    format!(
        "{} ({}{possible}): {}",
        c.occurrence.name(),
        c.occurrence.observance().tradition(),
        c.reason
    )
}

/// "Also on this day (not clashes):" and its kin.
pub fn also_heading(one_day: bool, timed: bool) -> &'static str {
    match (timed, one_day) {
        (true, _) => "Also at this time (not clashes):",
        (false, true) => "Also on this day (not clashes):",
        (false, false) => "Also in these days (not clashes):",
    }
}

/// The verdict in a person's words, by the highest impact among the
/// clashes: "Avoid this date" (high), "Be mindful" (medium or low), "No
/// clashes" (none); a timed check speaks of a time.
pub fn verdict_words<C>(
    verdict: &Verdict<C>,
    impact: impl Fn(&C) -> Impact,
    timed: bool,
) -> &'static str {
    match (verdict.clashes.iter().map(impact).max(), timed) {
        (Some(Impact::High), false) => "Avoid this date",
        (Some(Impact::High), true) => "Avoid this time",
        (Some(_), _) => "Be mindful",
        (None, _) => "No clashes",
    }
}

/// "90m" → "1h30m": a meeting's length as the CLI takes it.
pub fn duration_words(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m}m"),
    }
}

/// "Mon–Fri", "any day", "Tue, Thu": the allowed weekdays.
pub fn weekday_words(w: clash_core::Weekdays) -> String {
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

/// "Best dates for Leicester (2021 census): Mon–Fri, whole days,
/// 2027-01-04 to 2027-01-29, leicester".
pub fn suggest_heading(
    request: &clash_core::Request,
    profile: &clash_core::Profile,
    location: &Location,
) -> String {
    let when = match request.time {
        Some((clock, minutes)) => format!(
            "{:02}:{:02} for {}",
            clock / 60,
            clock % 60,
            duration_words(minutes)
        ),
        None => "whole days".to_string(),
    };
    format!(
        "Best {} for {}: {}, {when}, {} to {}, {location}",
        if request.count == 1 { "date" } else { "dates" },
        profile.title(),
        weekday_words(request.weekdays),
        request.from,
        request.to,
    )
}

/// How many days were weighed, how many clash badly, what was left out,
/// and what to do when nothing is good.
pub fn suggest_summary(found: &clash_core::Suggestions<'_>) -> String {
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
    summary
}

/// Said before the first suggestion that has a high-impact clash.
pub const THE_REST: &str = "The rest have a high-impact clash for this audience:";

/// What a person reads about one suggested day.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SuggestionWords {
    /// "Tue 2027-01-05" or "Tue 2027-01-05 18:00".
    pub when: String,
    /// Its score, as the CLI prints it.
    pub score: String,
    /// "no clashes", or "touches …"; what it avoids; a note on the clock.
    pub what: String,
    /// Whether it has no high-impact clash for the audience.
    pub clean: bool,
}

/// The words of suggestion `s`.
pub fn suggestion(s: &clash_core::Suggestion<'_>) -> SuggestionWords {
    let c = &s.candidate;
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
    SuggestionWords {
        when,
        score: c.score.to_string(),
        what,
        clean: c.high == clash_core::HighImpact::None,
    }
}

/// The facts of an observance, one (name, words) row each, as `show`
/// gives them: tradition, category, impact, when it begins, certainty,
/// how far it may move, regions, rule, summary, advice, source.
pub fn observance_rows(o: &clash_core::Observance) -> Vec<(&'static str, String)> {
    let mut rows: Vec<(&'static str, String)> = vec![
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
    if !o.also_traditions().is_empty() {
        let also: Vec<&str> = o.also_traditions().iter().map(|t| t.as_str()).collect();
        rows.push(("also kept", also.join(", ")));
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
    rows.extend(
        o.announced()
            .iter()
            .map(|a| ("announced", announced_row(a))),
    );
    rows
}

/// One row of a table of announced dates: "2025: Sat 2025-08-02 to Sun
/// 2025-08-03 (Visit Leicester, …)".
pub fn announced_row(a: &clash_core::rules::Announced) -> String {
    let to = match a.end == a.start {
        true => String::new(),
        false => format!(" to {}", day(a.end)),
    };
    format!("{}: {}{to} ({})", a.year, day(a.start), a.source)
}

/// One of an observance's next dates: "Sun 2026-11-08 (from sunset Sat
/// 16:35)", with its span, other dates and "substitute day".
pub fn next_date(n: &OccurrenceRef<'_>, location: &Location) -> String {
    let starts = n
        .starts_at(location)
        .map(|t| format!(" (from sunset {})", t.format("%a %H:%M")))
        .unwrap_or_default();
    format!(
        "{}{}{}{}{}",
        day(n.occurrence().start()),
        span_note(n),
        starts,
        if n.occurrence().substitute_for().is_some() {
            " substitute day"
        } else {
            ""
        },
        if n.not_yet_announced() {
            format!(" {EXPECTED_NOT_YET_ANNOUNCED}")
        } else {
            String::new()
        }
    )
}

/// An import's occurrences grouped by event (UID), each group in the
/// order of its first occurrence.
pub fn imported_events<'r, 'a>(
    found: &'r [crate::report::Imported<'a>],
) -> Vec<Vec<&'r crate::report::Imported<'a>>> {
    let mut order: Vec<&str> = Vec::new();
    let mut by_uid: std::collections::HashMap<&str, Vec<&crate::report::Imported<'a>>> =
        std::collections::HashMap::new();
    for f in found {
        let list = by_uid.entry(f.event.uid.as_str()).or_default();
        if list.is_empty() {
            order.push(&f.event.uid);
        }
        list.push(f);
    }
    order
        .into_iter()
        .filter_map(|uid| by_uid.remove(uid))
        .collect()
}

/// "team.ics: 12 occurrences of 3 events from 2027-01-01 to 2027-12-31
/// (leicester), 2 with clashes", and, when some of the file's VEVENTs are
/// not in the window, where each ended.
pub fn import_heading(
    source: &str,
    found: &[crate::report::Imported<'_>],
    events: usize,
    (from, to): (NaiveDate, NaiveDate),
    location: &Location,
    counts: crate::report::ImportCounts,
) -> String {
    let clashing = found.iter().filter(|f| f.clash_count() > 0).count();
    let mut head = format!(
        "{source}: {} {} of {} {} from {from} to {to} ({location}), {clashing} with clashes",
        found.len(),
        if found.len() == 1 {
            "occurrence"
        } else {
            "occurrences"
        },
        events,
        if events == 1 { "event" } else { "events" },
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
    head
}

/// The line an organiser acts on: how many occurrences clash and how
/// badly, the worst events, and a better day for each clashing one-off.
pub fn import_summary(s: &crate::report::ImportSummary, occurrences: usize) -> String {
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
        let _ = write!(line, "; worst: {}", worst.join(", "));
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
        let _ = write!(line, "; move: {}", moves.join(", "));
        if s.more_moves > 0 {
            let _ = write!(line, " and {} more one-off meetings", s.more_moves);
        }
    }
    line
}

/// How many of an event's `n` occurrences clash (`k`): "no clash", "it
/// clashes", "2 of 12 occurrences clash".
pub fn event_count(k: usize, n: usize) -> String {
    match (k, n) {
        (0, 1) => "no clash".to_string(),
        (0, n) => format!("no clash in {n} occurrences"),
        (1, 1) => "it clashes".to_string(),
        (k, n) if k == n => format!("all {n} occurrences clash"),
        (1, n) => format!("1 of {n} occurrences clashes"),
        (k, n) => format!("{k} of {n} occurrences clash"),
    }
}

/// When an imported occurrence is: "Wed 2027-03-10 18:00–20:00" or "Fri
/// 2027-12-24 to Sun 2027-12-26 (all day)".
pub fn imported_when(f: &crate::report::Imported<'_>) -> String {
    match (f.days, f.times) {
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
    }
}

/// What an imported occurrence clashes with: one line each, with its
/// impact.
pub fn imported_clashes(f: &crate::report::Imported<'_>) -> Vec<(Impact, String)> {
    match &f.found {
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
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use clash_core::{Catalogue, Category, Filter, Index};

    use super::*;

    /// A date announced each year and not yet announced for this one is
    /// "expected (not yet announced)"; an announced year has no note.
    #[test]
    fn not_yet_announced_words() {
        let cat = Catalogue::embedded().unwrap();
        let index = Index::new(&cat, 2025, 2026).unwrap();
        let id = cat
            .get("mental-health-awareness-week")
            .unwrap()
            .id()
            .clone();
        let filter = Filter::default()
            .ids([id])
            .categories(Category::ALL.iter().copied());
        let (from, to) = index.days();
        let list = index.list(from, to, &filter).unwrap();
        let notes: Vec<Option<String>> = list.iter().map(|o| dates_note(o, false)).collect();
        assert_eq!(
            notes,
            [
                None,
                Some(
                    "expected (not yet announced): from Mon 2026-05-11, up to 3 days either way"
                        .to_string()
                )
            ]
        );
    }
}
