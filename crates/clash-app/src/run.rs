//! One function per command: a validated request in, a typed report out,
//! handed to the caller's `answer` while the index it borrows is alive.
//! The defaults and limits of each command live here, once for every
//! front end.

use chrono::{Datelike, Duration, NaiveDate};
use clash_core::{Category, Filter, Location, MeetingKind, Observance, Verdict};

use crate::engine::Engine;
use crate::error::{Error, ErrorKind, Result};
use crate::parse::{check_range, has_time, meeting_time, parse_date, resolve_range};
use crate::progress::Progress;
use crate::report::{
    CheckReport, DayQuery, Events, Findings, Found, ImportNote, ImportReport, ImportSummary,
    Imported, ListReport, LocationsReport, Meeting, Meetings, ObservanceItem, ObservanceList,
    ObservancesReport, Occurrences, Place, Preset, ProfileInfo, Report, ShowReport, SuggestQuery,
    SuggestReport, Suggested, SunDays, SunReport, TimedQuery, TimedReport, WindowNote,
    DEFAULT_IMPORT_YEARS,
};
use crate::request::{self, Calendar, Command, Format, FromTo, Request};
use crate::scope::Scope;

/// The longest `sun` range, in days (bounded work).
pub const MAX_SUN_DAYS: i64 = 366 * 10;

/// The most days a daily-time check covers (bounded work).
pub const MAX_TIMED_DAYS: i64 = 366;

/// The longest `export` window, in days (bounded work and size).
pub const MAX_EXPORT_DAYS: i64 = 366 * 20;

/// The most events in one feed: calendar clients struggle with larger
/// subscriptions. A feed past it keeps its first events and says so in
/// its description (and `export` on standard error).
pub const MAX_FEED_EVENTS: usize = 5_000;

/// The longest meeting of a timed check, in minutes (31 days).
pub const MAX_CHECK_MINUTES: i64 = 31 * 24 * 60;

/// The most dates `show` lists.
pub const MAX_SHOW_COUNT: u16 = 100;

/// Answers `request`: validates it, computes the report and hands it to
/// `answer` (which renders it; the report borrows the index, which lives
/// only as long as this call).
pub fn run<R>(
    engine: &Engine,
    request: &Request,
    answer: impl FnOnce(&Report<'_>) -> R,
) -> Result<R> {
    run_counted(engine, request, None, answer)
}

/// [`run`], counting the steps of countable work in `progress`.
pub(crate) fn run_counted<R>(
    engine: &Engine,
    request: &Request,
    progress: Option<&Progress>,
    answer: impl FnOnce(&Report<'_>) -> R,
) -> Result<R> {
    let scope = Scope::new(&request.options, engine.catalogue(), request.now)?;
    let ctx = Ctx {
        engine,
        scope: &scope,
        format: request.format,
        files: request.may_read_files,
        max_days: request.max_range_days,
        progress,
    };
    match &request.command {
        Command::Check(c) if is_timed(c) => check_timed(&ctx, c, answer),
        Command::Check(c) => check_days(&ctx, c, answer),
        Command::Suggest(s) => suggest(&ctx, s, answer),
        Command::List(l) => list(&ctx, l, &request.options, false, answer),
        Command::Export(l) => list(&ctx, l, &request.options, true, answer),
        Command::Import(i) => import(&ctx, i, answer),
        Command::Observances => observances(&ctx, answer),
        Command::Show(s) => show(&ctx, s, answer),
        Command::Sun(s) => sun(&ctx, s, answer),
        Command::Locations => {
            ctx.formats(&[Format::Text, Format::Json, Format::Csv])?;
            let locations = clash_core::PRESETS
                .iter()
                .map(|(name, latitude, longitude, tz)| Preset {
                    name,
                    latitude: *latitude,
                    longitude: *longitude,
                    timezone: tz.name(),
                })
                .collect();
            Ok(answer(&Report::Locations(LocationsReport { locations })))
        }
    }
}

/// What every command function shares.
struct Ctx<'a> {
    engine: &'a Engine,
    scope: &'a Scope,
    format: Format,
    /// Whether the request may name files on this machine.
    files: bool,
    /// The most days a list or a whole-day check may cover.
    max_days: Option<i64>,
    /// Where countable work counts its steps.
    progress: Option<&'a Progress>,
}

impl Ctx<'_> {
    /// Refuses a range longer than the asker may have.
    fn within_limit(&self, from: NaiveDate, to: NaiveDate) -> Result<()> {
        match self.max_days {
            Some(most) if (to - from).num_days() >= most => Err(Error::usage(format!(
                "{from}..{to} is longer than the {} years answered here at once",
                most / 366
            ))
            .hint("ask for a shorter range, or use the clash command for long ones")),
            _ => Ok(()),
        }
    }

    /// Refuses a format the command does not write.
    fn formats(&self, allowed: &[Format]) -> Result<()> {
        if allowed.contains(&self.format) {
            return Ok(());
        }
        Err(match self.format {
            Format::Ics => Error::usage("--format ics is for list and export")
                .hint("for example: clash export --from 2026 --to 2028 -o clash.ics"),
            _ => Error::usage("export writes iCalendar only")
                .hint("for JSON or CSV use clash list --format json|csv"),
        })
    }

    fn today(&self) -> NaiveDate {
        self.scope.today
    }

    fn location(&self) -> &Location {
        &self.scope.location
    }

    fn index(
        &self,
        first: i32,
        last: i32,
        filter: Option<&Filter>,
    ) -> Result<clash_core::Index<'_>> {
        let settings = &self.scope.settings;
        match self.progress {
            Some(p) => self
                .engine
                .index_counted((first, last), settings, filter, p),
            None => self.engine.index(first, last, settings, filter),
        }
    }

    fn index_days(
        &self,
        days: (NaiveDate, NaiveDate),
        filter: Option<&Filter>,
    ) -> Result<clash_core::Index<'_>> {
        self.engine.index_days(days, &self.scope.settings, filter)
    }
}

/// The formats of every command but `list` and `export`.
const NOT_ICS: &[Format] = &[Format::Text, Format::Json, Format::Csv];

/// Whether a check is at a time of day.
fn is_timed(c: &request::Check) -> bool {
    c.meeting.time.is_some() || c.when.as_deref().is_some_and(has_time)
}

/// `check` of whole days (SPEC §6.1).
fn check_days<R>(
    ctx: &Ctx<'_>,
    c: &request::Check,
    answer: impl FnOnce(&Report<'_>) -> R,
) -> Result<R> {
    no_range_given(c)?;
    if c.meeting.duration.is_some() {
        return Err(Error::usage("--duration needs a time of day")
            .hint("for example: clash check 2026-03-20T18:00 --duration 2h"));
    }
    let (from, to) = resolve_range(c.when.as_deref(), &c.range, ctx.today(), 0)?;
    ctx.within_limit(from, to)?;
    ctx.formats(NOT_ICS)?;
    // One more day for the eve of the last one.
    let last = to.succ_opt().filter(|d| within_years(*d)).unwrap_or(to);
    let filter = &ctx.scope.filter;
    let index = ctx.index_days((from, last), Some(filter))?;
    let kind = MeetingKind {
        with_food: c.meeting.with_food,
    };
    let verdict = index.check(from, to, filter, kind)?;
    let location = ctx.location();
    Ok(answer(&Report::Check(CheckReport {
        query: DayQuery {
            from: from.into(),
            to: to.into(),
            with_food: c.meeting.with_food,
            location: Place(location),
        },
        found: Findings {
            verdict,
            location,
            texts: ctx.engine.texts(),
        },
    })))
}

/// Whether `day` is in a supported year.
fn within_years(day: NaiveDate) -> bool {
    clash_core::SUPPORTED_YEARS.contains(&day.year())
}

/// The last supported day (or `day`, should it be later).
fn last_supported_day(day: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(*clash_core::SUPPORTED_YEARS.end(), 12, 31).map_or(day, |d| d.max(day))
}

/// A check needs a date, a range or a year.
fn no_range_given(c: &request::Check) -> Result<()> {
    if c.when.is_none() && c.range.from.is_none() && c.range.to.is_none() {
        return Err(Error::usage("give a DATE, FROM..TO or YEAR to check")
            .hint("for example: clash check 2026-12-25"));
    }
    Ok(())
}

/// The days and the meeting's clock time and length of a timed check.
fn timed_days(ctx: &Ctx<'_>, c: &request::Check) -> Result<(Vec<NaiveDate>, (u32, i64))> {
    let m = &c.meeting;
    let duration = m.duration.as_deref();
    let timed = c.when.as_deref().filter(|w| has_time(w));
    if let Some((d, t)) = timed.and_then(|w| w.split_once('T')) {
        if m.time.is_some() {
            return Err(Error::usage(
                "give the time once: DATE THH:MM or --time HH:MM",
            ));
        }
        if d.contains("..") {
            return Err(Error::usage(format!(
                "invalid date-time `{}` (expected YYYY-MM-DDTHH:MM)",
                c.when.as_deref().unwrap_or_default()
            ))
            .hint("for a range of days use --time HH:MM"));
        }
        let day = parse_date(d, ctx.today())?;
        let (day, _) = check_range(day, day)?;
        return Ok((vec![day], meeting_time(t, duration, MAX_CHECK_MINUTES)?));
    }
    let t = m.time.as_deref().unwrap_or_default();
    let (from, to) = resolve_range(c.when.as_deref(), &c.range, ctx.today(), 0)?;
    if (to - from).num_days() >= MAX_TIMED_DAYS {
        return Err(Error::usage(format!(
            "a daily time check covers at most {MAX_TIMED_DAYS} days"
        )));
    }
    let days = from.iter_days().take_while(|d| *d <= to).collect();
    Ok((days, meeting_time(t, duration, MAX_CHECK_MINUTES)?))
}

/// `check DATETHH:MM [--duration D]` or `check RANGE --time HH:MM`: the
/// meeting on each day, in the location's civil time, against the
/// observances' hours (SPEC §6).
fn check_timed<R>(
    ctx: &Ctx<'_>,
    c: &request::Check,
    answer: impl FnOnce(&Report<'_>) -> R,
) -> Result<R> {
    no_range_given(c)?;
    let (days, (clock, minutes)) = timed_days(ctx, c)?;
    let (Some(first), Some(last)) = (days.first().copied(), days.last().copied()) else {
        return Err(Error::usage("no days to check"));
    };
    ctx.formats(NOT_ICS)?;
    // A timed check reads the day before each meeting (hours that run past
    // midnight) and the day after its end (an eve).
    let start = first
        .pred_opt()
        .filter(|d| within_years(*d))
        .unwrap_or(first);
    let after = u64::try_from(minutes / (24 * 60) + 2).unwrap_or(2);
    let end = last
        .checked_add_days(chrono::Days::new(after))
        .filter(|d| within_years(*d))
        .unwrap_or_else(|| last_supported_day(last));
    let index = ctx.index_days((start, end), Some(&ctx.scope.filter))?;
    let location = ctx.location();
    let tz = location.timezone();
    let kind = MeetingKind {
        with_food: c.meeting.with_food,
    };
    let mut list = Vec::new();
    let mut notes = Vec::new();
    for d in days {
        let (meeting, note) = clash_core::meeting_on(tz, d, clock, minutes);
        let Some((start, end)) = meeting else {
            return Err(Error::usage(format!(
                "{d} {:02}:{:02} cannot be placed in {}",
                clock / 60,
                clock % 60,
                tz.name()
            )));
        };
        if !within_years(end.date_naive()) {
            return Err(Error::usage(format!(
                "a meeting on {d} at {:02}:{:02} would end after the last supported day, {}",
                clock / 60,
                clock % 60,
                last_supported_day(d)
            )));
        }
        notes.extend(note);
        let found = index.check_at(start, end, &ctx.scope.timed_filter, kind)?;
        list.push(Meeting { start, end, found });
    }
    Ok(answer(&Report::Timed(TimedReport {
        query: TimedQuery {
            from: first.to_string(),
            to: last.to_string(),
            time: format!("{:02}:{:02}", clock / 60, clock % 60),
            duration_minutes: minutes,
            with_food: c.meeting.with_food,
            location: Place(location),
            notes,
        },
        meetings: Meetings {
            list,
            location,
            texts: ctx.engine.texts(),
        },
    })))
}

/// An audience profile: a named one, or a TOML file.
fn profile(name: &str, files: bool) -> Result<clash_core::Profile> {
    use clash_core::{Profile, PROFILES};
    if PROFILES.iter().any(|(n, _)| *n == name) {
        return Ok(Profile::embedded(name)?);
    }
    if files && std::path::Path::new(name).exists() {
        return Ok(Profile::from_file(name)?);
    }
    let names: Vec<&str> = PROFILES.iter().map(|(n, _)| *n).collect();
    let hint = match files {
        true => format!(
            "use {} or the path of a profile TOML file",
            names.join(" or ")
        ),
        false => format!("use {}", names.join(" or ")),
    };
    Err(Error::usage(format!("unknown profile `{name}`")).hint(hint))
}

/// `suggest`'s core request: the window, weekdays, time and count.
fn suggest_request(ctx: &Ctx<'_>, s: &request::Suggest) -> Result<clash_core::Request> {
    let weekdays: clash_core::Weekdays = s.weekdays.parse()?;
    let m = &s.meeting;
    let time = match m.time.as_deref() {
        Some(t) => Some(meeting_time(
            t,
            m.duration.as_deref(),
            clash_core::MAX_MEETING_MINUTES,
        )?),
        None if m.duration.is_some() => {
            return Err(Error::usage("--duration needs --time HH:MM")
                .hint("for example: clash suggest --time 18:00 --duration 2h"))
        }
        None => None,
    };
    let (from, to) = resolve_range(s.window.as_deref(), &s.range, ctx.today(), 27)?;
    if (to - from).num_days() >= clash_core::MAX_WINDOW_DAYS {
        return Err(Error::usage(format!(
            "a window may span at most {} days",
            clash_core::MAX_WINDOW_DAYS
        )));
    }
    if !(1..=clash_core::MAX_COUNT).contains(&usize::from(s.count)) {
        return Err(Error::usage(format!(
            "invalid count {} (expected 1 to {})",
            s.count,
            clash_core::MAX_COUNT
        )));
    }
    Ok(clash_core::Request {
        from,
        to,
        weekdays,
        time,
        kind: MeetingKind {
            with_food: m.with_food,
        },
        count: usize::from(s.count),
    })
}

/// `suggest`: the best days (or day-times) in a window for an audience
/// profile (SPEC §7).
fn suggest<R>(
    ctx: &Ctx<'_>,
    s: &request::Suggest,
    answer: impl FnOnce(&Report<'_>) -> R,
) -> Result<R> {
    let profile = profile(&s.profile, ctx.files)?;
    let request = suggest_request(ctx, s)?;
    ctx.formats(NOT_ICS)?;
    let (from, to) = (request.from, request.to);
    let last_year = (to + Duration::days(2))
        .year()
        .min(*clash_core::SUPPORTED_YEARS.end());
    let index = ctx.index(from.year(), last_year, None)?;
    // Weekly observances matter only when a time is given (SPEC §3).
    let filter = match request.time {
        Some(_) => &ctx.scope.timed_filter,
        None => &ctx.scope.filter,
    };
    // The audience's nations: `--region`, else the location's (as for
    // check and list), else, outside the UK, the profile's.
    let location = ctx.location();
    let filter = &match (
        ctx.scope.explicit_regions,
        location.region(),
        profile.regions(),
    ) {
        (false, None, Some(r)) => filter.clone().nations(r),
        _ => filter.clone(),
    };
    let suggestions = index.suggest(&request, filter, &profile)?;
    let clock = |(c, _): (u32, i64)| format!("{:02}:{:02}", c / 60, c % 60);
    Ok(answer(&Report::Suggest(SuggestReport {
        query: SuggestQuery {
            from: from.to_string(),
            to: to.to_string(),
            weekdays: request
                .weekdays
                .days()
                .map(|d| d.to_string().to_ascii_lowercase())
                .collect(),
            time: request.time.map(clock),
            duration_minutes: request.time.map(|(_, m)| m),
            with_food: s.meeting.with_food,
            count: s.count,
            profile: ProfileInfo {
                name: profile.name(),
                title: profile.title(),
                source: profile.source(),
            },
            location: Place(location),
        },
        found: Suggested {
            suggestions,
            location,
        },
        request,
        profile: &profile,
    })))
}

/// A feed's name, saying what the filters chose ("clash: muslim, hindu ·
/// high impact").
pub fn feed_name(c: &request::Options) -> String {
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

/// The window of `export`: this year and the next two when none is given.
fn export_window(l: &request::List, today: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
    let (from, to) = match (&l.range_text, &l.range.from, &l.range.to) {
        (None, None, None) => {
            let y = today.year();
            (
                NaiveDate::from_ymd_opt(y, 1, 1),
                NaiveDate::from_ymd_opt(y + 2, 12, 31),
            )
        }
        _ => {
            let (f, t) = resolve_range(l.range_text.as_deref(), &l.range, today, 364)?;
            (Some(f), Some(t))
        }
    };
    let (Some(from), Some(to)) = (from, to) else {
        return Err(Error::usage("the default window is out of range"));
    };
    if (to - from).num_days() >= MAX_EXPORT_DAYS {
        return Err(Error::usage(format!(
            "a feed covers at most {} years",
            MAX_EXPORT_DAYS / 366
        )));
    }
    Ok((from, to))
}

/// `list` (the next twelve months by default) and `export` (an iCalendar
/// feed of this year and the next two by default).
fn list<R>(
    ctx: &Ctx<'_>,
    l: &request::List,
    options: &request::Options,
    export: bool,
    answer: impl FnOnce(&Report<'_>) -> R,
) -> Result<R> {
    let (from, to) = if export {
        ctx.formats(&[Format::Text, Format::Ics])?;
        export_window(l, ctx.today())?
    } else {
        resolve_range(l.range_text.as_deref(), &l.range, ctx.today(), 364)?
    };
    ctx.within_limit(from, to)?;
    let filter = &ctx.scope.filter;
    let index = ctx.index(from.year(), to.year(), Some(filter))?;
    let location = ctx.location();
    let mut list = index.list(from, to, filter)?;
    // A feed past the cap keeps its first events and says so.
    let mut notes = Vec::new();
    if (export || ctx.format == Format::Ics) && list.len() > MAX_FEED_EVENTS {
        let last = list
            .get(MAX_FEED_EVENTS - 1)
            .map(|o| o.occurrence().start())
            .unwrap_or(to);
        notes.push(format!(
            "this feed holds the first {MAX_FEED_EVENTS} of {} events, to {last}: \
             narrow the window or the traditions for the rest",
            list.len()
        ));
        list.truncate(MAX_FEED_EVENTS);
    }
    let report = ListReport {
        location: Place(location),
        from: from.into(),
        to: to.into(),
        notes,
        occurrences: Occurrences {
            list,
            location,
            // Long texts escaped once: a 201-year list repeats each a
            // hundred times, and every answer of a server the same ones.
            texts: ctx.engine.texts(),
        },
        feed_name: feed_name(options),
    };
    Ok(answer(&match export {
        true => Report::Export(report),
        false => Report::List(report),
    }))
}

/// The default window of `import`: from `today` (future meetings are what
/// an organiser can still move) to the calendar's last day, at most
/// [`DEFAULT_IMPORT_YEARS`] after today; today alone, with a note saying
/// why, when nothing in the calendar is that late.
pub fn import_window(
    span: Option<(NaiveDate, NaiveDate)>,
    today: NaiveDate,
) -> ((NaiveDate, NaiveDate), Option<WindowNote>) {
    let cap = today
        .checked_add_months(chrono::Months::new(12 * DEFAULT_IMPORT_YEARS))
        .unwrap_or(today);
    match span {
        Some((first, _)) if first > cap => ((today, cap), Some(WindowNote::BeginsLater { first })),
        Some((_, last)) if last >= today => ((today, last.min(cap)), None),
        Some((_, last)) => (
            (today, today),
            Some(WindowNote::EndedBefore { today, last }),
        ),
        None => ((today, today), Some(WindowNote::NoEvents)),
    }
}

/// Reads the calendar of an import, skipping (with a warning) each event
/// that cannot be read.
fn read_calendar(c: &Calendar, files: bool) -> Result<(String, clash_core::ical::IcsCalendar)> {
    use clash_core::ical::{BadEvents, IcsCalendar};
    let bytes = |name: &str, data: &[u8]| -> Result<(String, IcsCalendar)> {
        if data.len() > clash_core::ical::MAX_ICS_BYTES {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!(
                    "the calendar is {} bytes; the limit is {}",
                    data.len(),
                    clash_core::ical::MAX_ICS_BYTES
                ),
            ));
        }
        Ok((
            name.to_string(),
            IcsCalendar::parse_with(data, BadEvents::Skip)?,
        ))
    };
    Ok(match c {
        Calendar::File(_) if !files => {
            return Err(Error::usage("this request may not name a file"))
        }
        Calendar::Url(_) if !files => {
            return Err(Error::usage(
                "this request may not name an address to fetch",
            ))
        }
        Calendar::Stdin if !files => {
            return Err(Error::usage("this request may not read standard input"))
        }
        Calendar::File(path) => (
            path.display().to_string(),
            IcsCalendar::from_file_with(path, BadEvents::Skip)?,
        ),
        Calendar::Url(url) => {
            let data = crate::fetch::fetch(url, &crate::fetch::FetchLimits::default())?;
            bytes(url, &data)?
        }
        Calendar::Stdin => {
            use std::io::Read;
            let mut data = Vec::new();
            std::io::stdin()
                .lock()
                .take(clash_core::ical::MAX_ICS_BYTES as u64 + 1)
                .read_to_end(&mut data)
                .map_err(|e| Error::usage(format!("cannot read standard input: {e}")))?;
            bytes("standard input", &data)?
        }
        Calendar::Bytes { name, data } => bytes(name, data)?,
    })
}

/// The window of an import: the one given, else [`import_window`].
fn import_range(
    range: &FromTo,
    span: Option<(NaiveDate, NaiveDate)>,
    today: NaiveDate,
) -> Result<((NaiveDate, NaiveDate), Option<WindowNote>)> {
    let ((from, to), note) = if range.from.is_none() && range.to.is_none() {
        import_window(span, today)
    } else {
        (resolve_range(None, range, today, 364)?, None)
    };
    let window = check_range(from, to).map_err(|e| e.hint("give --from and --to"))?;
    Ok((window, note))
}

/// `import`: every occurrence of every event in the window, checked (SPEC
/// §8). An event that cannot be read is skipped with a warning; a file
/// that cannot be read is an error.
fn import<R>(
    ctx: &Ctx<'_>,
    i: &request::Import,
    answer: impl FnOnce(&Report<'_>) -> R,
) -> Result<R> {
    use clash_core::ical::When;
    let (source, cal) = read_calendar(&i.calendar, ctx.files)?;
    let ((from, to), window_note) = import_range(&i.range, cal.span(), ctx.today())?;
    ctx.formats(NOT_ICS)?;
    let years = clash_core::SUPPORTED_YEARS;
    // Timed events may run up to 31 days past the window.
    let last_year = (to + Duration::days(32)).year().min(*years.end());
    let (filter, timed_filter) = (&ctx.scope.filter, &ctx.scope.timed_filter);
    let index = ctx.index(from.year(), last_year, Some(filter))?;
    let (lo, hi) = index.days();
    let expansion = cal.expansion(from, to)?;
    let location = ctx.location();
    let tz = location.timezone();
    let kind = MeetingKind {
        with_food: i.with_food,
    };
    let days = |a: NaiveDate, b: NaiveDate| -> Result<_> {
        let (a, b) = (a.max(lo), b.min(hi));
        Ok(if a <= b {
            index.check(a, b, filter, kind)?
        } else {
            Verdict::default()
        })
    };
    let mut list = Vec::with_capacity(expansion.occurrences.len());
    if let Some(p) = ctx.progress {
        p.begin(expansion.occurrences.len());
    }
    for o in &expansion.occurrences {
        if let Some(p) = ctx.progress {
            p.step();
        }
        let (days, times, found) = match (o.start, o.end) {
            (When::Date(a), When::Date(b)) => {
                let last = b.pred_opt().unwrap_or(b).max(a);
                (Some((a, last)), None, Found::Days(days(a, last)?))
            }
            (When::Time(s), When::Time(e)) => {
                let (s, e) = (s.with_timezone(&tz), e.with_timezone(&tz));
                let e = e.max(s + Duration::minutes(1));
                let fits =
                    e - s <= Duration::days(31) && s.date_naive() >= lo && e.date_naive() <= hi;
                let found = match fits {
                    true => Found::Timed(index.check_at(s, e, timed_filter, kind)?),
                    false => Found::Days(days(s.date_naive(), e.date_naive())?),
                };
                (None, Some((s, e)), found)
            }
            _ => continue,
        };
        list.push(Imported {
            event: o,
            days,
            times,
            found,
        });
    }
    let summary = match ctx.format {
        Format::Text => import_summary(ctx, &list, i.with_food)?,
        _ => ImportSummary::default(),
    };
    Ok(answer(&Report::Import(ImportReport {
        source,
        from: from.into(),
        to: to.into(),
        location: Place(location),
        notes: window_note
            .into_iter()
            .map(ImportNote::Window)
            .chain(expansion.notes.iter().cloned().map(ImportNote::Cap))
            .collect(),
        warnings: cal
            .read_notes()
            .iter()
            .map(ToString::to_string)
            .chain(expansion.skipped.iter().map(ToString::to_string))
            .collect(),
        counts: expansion.tally.into(),
        summary,
        events: Events { list, location },
    })))
}

/// The most clashing one-off meetings given a better day.
const MAX_MOVES: usize = 3;

/// An import's findings in brief (see [`ImportSummary`]). Bounded: at most
/// [`MAX_MOVES`] suggestions, each over 15 days.
fn import_summary(ctx: &Ctx<'_>, list: &[Imported<'_>], with_food: bool) -> Result<ImportSummary> {
    use clash_core::Impact;
    let worst_of = |f: &Imported<'_>| -> Option<Impact> {
        let impacts: Vec<Impact> = match &f.found {
            Found::Days(v) => v.clashes.iter().map(|c| c.impact).collect(),
            Found::Timed(v) => v.clashes.iter().map(|c| c.impact).collect(),
        };
        if impacts.contains(&Impact::High) {
            Some(Impact::High)
        } else if impacts.contains(&Impact::Medium) {
            Some(Impact::Medium)
        } else {
            impacts.first().copied()
        }
    };
    let mut summary = ImportSummary::default();
    // By UID, in order of first occurrence: summary, occurrences, high,
    // medium, and the one occurrence of a one-off.
    let mut by_uid: Vec<(&str, &str, usize, usize, usize)> = Vec::new();
    for f in list {
        let worst = worst_of(f);
        if worst.is_some() {
            summary.clashing += 1;
        }
        let (high, medium) = (
            usize::from(worst == Some(Impact::High)),
            usize::from(worst == Some(Impact::Medium)),
        );
        summary.high += high;
        summary.medium += medium;
        match by_uid.iter_mut().find(|e| e.0 == f.event.uid) {
            Some(e) => {
                e.2 += 1;
                e.3 += high;
                e.4 += medium;
            }
            None => by_uid.push((&f.event.uid, &f.event.summary, 1, high, medium)),
        }
    }
    let mut worst: Vec<&(&str, &str, usize, usize, usize)> =
        by_uid.iter().filter(|e| e.3 + e.4 > 0).collect();
    worst.sort_by_key(|e| std::cmp::Reverse((e.3, e.4)));
    summary.worst = worst
        .iter()
        .take(3)
        .map(|e| (e.1.to_string(), e.3, e.4))
        .collect();
    // Clashing one-off meetings: a UID with one occurrence that clashes.
    let one_offs: Vec<&Imported<'_>> = list
        .iter()
        .filter(|f| worst_of(f).is_some())
        .filter(|f| by_uid.iter().any(|e| e.0 == f.event.uid && e.2 == 1))
        .collect();
    summary.more_moves = one_offs.len().saturating_sub(MAX_MOVES);
    let profile = profile("leicester", false)?;
    for f in one_offs.into_iter().take(MAX_MOVES) {
        let (day, time) = match (f.days, f.times) {
            (Some((a, _)), _) => (a, None),
            (_, Some((s, e))) => {
                let minutes = s.time().signed_duration_since(chrono::NaiveTime::MIN);
                let minutes = u32::try_from(minutes.num_minutes()).unwrap_or(0);
                let length = (e - s)
                    .num_minutes()
                    .clamp(1, clash_core::MAX_MEETING_MINUTES);
                (s.date_naive(), Some((minutes, length)))
            }
            _ => continue,
        };
        let (from, to) = (day - Duration::days(7), day + Duration::days(7));
        let years = clash_core::SUPPORTED_YEARS;
        if from.year() < *years.start() || to.year() > *years.end() {
            continue;
        }
        let request = clash_core::Request {
            from,
            to,
            weekdays: "mon-fri".parse()?,
            time,
            kind: MeetingKind { with_food },
            count: 2,
        };
        let index = ctx.index(
            from.year(),
            (to + Duration::days(2)).year().min(*years.end()),
            None,
        )?;
        let filter = match time {
            Some(_) => &ctx.scope.timed_filter,
            None => &ctx.scope.filter,
        };
        let found = index.suggest(&request, filter, &profile)?;
        // Only a day without a medium or high clash for the audience is
        // better; else none is offered.
        let best = found
            .suggestions
            .iter()
            .map(|s| &s.candidate)
            .find(|c| c.date != day && !c.real && c.high == clash_core::HighImpact::None)
            .map(|c| c.date);
        summary.moves.push((f.event.summary.clone(), day, best));
    }
    Ok(summary)
}

/// `observances`: the catalogue, filtered.
fn observances<R>(ctx: &Ctx<'_>, answer: impl FnOnce(&Report<'_>) -> R) -> Result<R> {
    ctx.formats(NOT_ICS)?;
    let list: Vec<&Observance> = ctx
        .engine
        .catalogue()
        .observances()
        .iter()
        .filter(|o| ctx.scope.filter.matches_entry(o))
        .collect();
    Ok(answer(&Report::Observances(ObservancesReport {
        observances: ObservanceList(list),
    })))
}

/// `show`: one observance and its next dates (within twenty years).
fn show<R>(ctx: &Ctx<'_>, s: &request::Show, answer: impl FnOnce(&Report<'_>) -> R) -> Result<R> {
    let obs = ctx.engine.catalogue().require(&s.id).map_err(|e| {
        Error::from(e)
            .of_kind(ErrorKind::NotFound)
            .hint("`clash observances` lists every id")
    })?;
    let (from, to) = resolve_range(None, &s.range, ctx.today(), 366 * 20)?;
    if !(1..=MAX_SHOW_COUNT).contains(&s.count) {
        return Err(Error::usage(format!(
            "invalid count {} (expected 1 to {})",
            s.count, MAX_SHOW_COUNT
        )));
    }
    ctx.formats(NOT_ICS)?;
    let only = Filter::default()
        .ids([obs.id().clone()])
        .categories(Category::ALL.iter().copied());
    // Only this observance (and what its rule depends on) is expanded: a
    // range of centuries costs one observance's years, not the catalogue's.
    let index = ctx.index(from.year(), to.year(), Some(&only))?;
    let next = index
        .list(from, to, &only)?
        .into_iter()
        .take(usize::from(s.count))
        .collect();
    let location = ctx.location();
    Ok(answer(&Report::Show(ShowReport {
        observance: ObservanceItem(obs),
        location: Place(location),
        occurrences: Occurrences {
            list: next,
            location,
            texts: ctx.engine.texts(),
        },
    })))
}

/// `sun`: sunrise and sunset at the location (today by default).
fn sun<R>(ctx: &Ctx<'_>, s: &request::Sun, answer: impl FnOnce(&Report<'_>) -> R) -> Result<R> {
    let (from, to) = resolve_range(s.range_text.as_deref(), &s.range, ctx.today(), 0)?;
    if (to - from).num_days() >= MAX_SUN_DAYS {
        return Err(Error::usage(format!(
            "at most {MAX_SUN_DAYS} days of sunrise and sunset at once"
        )));
    }
    ctx.formats(NOT_ICS)?;
    let location = ctx.location();
    let days = (0..=(to - from).num_days())
        .map(|k| location.sun(from + Duration::days(k)))
        .collect();
    Ok(answer(&Report::Sun(SunReport {
        location: Place(location),
        days: SunDays(days),
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

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
            // A series with no end that began decades ago (issue 19).
            (
                Some((d(1985, 1, 1), NaiveDate::MAX)),
                (today, d(2036, 12, 2)),
                false,
            ),
        ];
        for (span, window, noted) in cases {
            let (got, note) = import_window(span, today);
            assert_eq!((got, note.is_some()), (window, noted), "{span:?}");
        }
        let (_, note) = import_window(Some((d(2001, 5, 1), d(2001, 5, 2))), today);
        assert_eq!(
            note.map(|n| n.to_string()).as_deref(),
            Some(
                "nothing in this calendar is from today (2026-12-02) on: its events end by \
                 2001-05-02; give --from and --to to check earlier dates"
            )
        );
    }
}
