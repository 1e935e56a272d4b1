//! "Check a date" (`/`) and its answer (`/check`): the question page with
//! the date input, and the verdict first, then each clash, what else is on
//! the day, and the next steps. A bad answer brings the question back with
//! the error summary and the values kept.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use clash_app::chrono::{NaiveDate, Utc};
use clash_app::clash_core::{Clash, Impact, PRESETS};
use clash_app::report::{CheckReport, TimedReport};
use clash_app::{words, Check, Command, Meeting, Report, Request};
use maud::{html, Markup};

use super::{error_message, error_summary, field_error, impact_tag, place_name, FieldError, Page};
use crate::query::Query;
use crate::Shared;

/// The meeting lengths offered: (value as the CLI takes it, words).
const DURATIONS: &[(&str, &str)] = &[
    ("30m", "30 minutes"),
    ("1h", "1 hour"),
    ("90m", "1 hour 30 minutes"),
    ("2h", "2 hours"),
    ("3h", "3 hours"),
    ("4h", "4 hours"),
    ("8h", "8 hours"),
];

/// What the form holds, as typed.
#[derive(Debug, Clone, Default)]
pub(crate) struct CheckForm {
    day: String,
    month: String,
    year: String,
    time: String,
    duration: String,
    with_food: bool,
    location: String,
}

impl CheckForm {
    /// The form's values from a query string (unknown names are ignored,
    /// as a page's links may carry more than it asks).
    fn read(raw: Option<&str>, default_location: &str) -> (CheckForm, Vec<FieldError>) {
        let mut q = Query::parse(raw);
        let mut errors = Vec::new();
        let mut one = |name: &'static str, field: &'static str| match q.one(name) {
            Ok(v) => v.unwrap_or_default().trim().to_string(),
            Err(e) => {
                errors.push(FieldError {
                    field,
                    message: super::sentence(e.message()),
                });
                String::new()
            }
        };
        let mut form = CheckForm {
            day: one("day", "date-day"),
            month: one("month", "date-day"),
            year: one("year", "date-day"),
            time: one("time", "time"),
            duration: one("duration", "duration"),
            with_food: false,
            location: one("location", "location"),
        };
        // A link may name the date whole (`date=2026-12-25`).
        let date = one("date", "date-day");
        if let Some((y, rest)) = date.split_once('-') {
            if let Some((m, d)) = rest.split_once('-') {
                (form.year, form.month, form.day) = (y.to_string(), m.to_string(), d.to_string());
            }
        }
        form.with_food = match q.flag("with-food") {
            Ok(f) => f,
            Err(e) => {
                errors.push(FieldError {
                    field: "with-food",
                    message: super::sentence(e.message()),
                });
                false
            }
        };
        if form.location.is_empty() {
            form.location = default_location.to_string();
        }
        (form, errors)
    }

    /// The date as `YYYY-MM-DD`, checked by the application's own parser,
    /// or the error to show against the date.
    fn date(&self, today: NaiveDate) -> Result<NaiveDate, FieldError> {
        let missing: Vec<&str> = [
            ("day", &self.day),
            ("month", &self.month),
            ("year", &self.year),
        ]
        .iter()
        .filter(|(_, v)| v.is_empty())
        .map(|(n, _)| *n)
        .collect();
        let field = match missing.first() {
            Some(&"month") => "date-month",
            Some(&"year") => "date-year",
            _ => "date-day",
        };
        let message = match missing.len() {
            0 => None,
            3 => Some("Enter the date of the meeting".to_string()),
            _ => Some(format!(
                "The date must include a {}",
                missing.join(" and a ")
            )),
        };
        if let Some(message) = message {
            return Err(FieldError { field, message });
        }
        let pad = |s: &str, n: usize| format!("{s:0>n$}");
        let text = format!(
            "{}-{}-{}",
            pad(&self.year, 4),
            pad(&self.month, 2),
            pad(&self.day, 2)
        );
        clash_app::input::parse_date(&text, today)
            .and_then(|d| clash_app::input::check_range(d, d))
            .map(|(d, _)| d)
            .map_err(|e| FieldError {
                field: "date-day",
                message: super::sentence(e.message()),
            })
    }

    /// The query string that asks the same question again (for links).
    fn query(&self, date: NaiveDate) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        q.append_pair("date", &date.to_string());
        if !self.time.is_empty() {
            q.append_pair("time", &self.time);
            if !self.duration.is_empty() {
                q.append_pair("duration", &self.duration);
            }
        }
        if self.with_food {
            q.append_pair("with-food", "yes");
        }
        q.append_pair("location", &self.location);
        q.finish()
    }
}

/// `GET /`: the question.
pub(crate) async fn start(State(shared): State<Arc<Shared>>) -> Response {
    let form = CheckForm {
        location: default_location(&shared),
        ..CheckForm::default()
    };
    question(&form, &[], StatusCode::OK).into_response()
}

/// The server's location, else Leicester.
fn default_location(shared: &Shared) -> String {
    shared
        .config
        .defaults
        .location
        .clone()
        .unwrap_or_else(|| "leicester".to_string())
}

/// `GET /check?…`: the answer, or the question again with its errors.
pub(crate) async fn check(State(shared): State<Arc<Shared>>, RawQuery(raw): RawQuery) -> Response {
    let (form, mut errors) = CheckForm::read(raw.as_deref(), &default_location(&shared));
    let now = Utc::now();
    let date = form.date(now.date_naive());
    if let Err(e) = &date {
        errors.insert(0, e.clone());
    }
    if !form.time.is_empty() {
        let duration = Some(form.duration.as_str()).filter(|d| !d.is_empty());
        match clash_app::input::meeting_time(&form.time, None, clash_app::MAX_CHECK_MINUTES) {
            Err(e) => errors.push(FieldError {
                field: "time",
                message: super::sentence(e.message()),
            }),
            Ok(_) => {
                if let Err(e) = clash_app::input::meeting_time(
                    &form.time,
                    duration,
                    clash_app::MAX_CHECK_MINUTES,
                ) {
                    errors.push(FieldError {
                        field: "duration",
                        message: super::sentence(e.message()),
                    });
                }
            }
        }
    }
    let date = match date {
        Ok(d) if errors.is_empty() => d,
        _ => return question(&form, &errors, StatusCode::BAD_REQUEST).into_response(),
    };
    let timed = !form.time.is_empty();
    let command = Command::Check(Check {
        when: Some(date.to_string()),
        range: clash_app::FromTo::default(),
        meeting: Meeting {
            time: timed.then(|| form.time.clone()),
            duration: (timed && !form.duration.is_empty()).then(|| form.duration.clone()),
            with_food: form.with_food,
        },
    });
    let options = clash_app::Options {
        location: Some(form.location.clone()),
        ..shared.config.defaults.clone()
    };
    let request = Request::new(command, now).options(options);
    let engine = shared.engine.clone();
    let asked = form.clone();
    let done = crate::blocking(move || {
        engine.run(&request, |report| match report {
            Report::Check(r) => Some(day_answer(r, &asked, date)),
            Report::Timed(r) => Some(timed_answer(r, &asked, date)),
            _ => None,
        })
    })
    .await;
    match done {
        Ok(Ok(Some(page))) => page.into_response(),
        Ok(Ok(None)) => crate::internal_error(),
        // The only input left for the engine to refuse is the location.
        Ok(Err(e)) => {
            let errors = [FieldError {
                field: "location",
                message: super::sentence(e.message()),
            }];
            question(&form, &errors, StatusCode::BAD_REQUEST).into_response()
        }
        Err(response) => response,
    }
}

/// The question page, with `errors` (and "Error: " in its title) if any.
fn question(form: &CheckForm, errors: &[FieldError], status: StatusCode) -> Page {
    let date_error = errors.iter().find(|e| e.field.starts_with("date-"));
    let time_error = field_error(errors, "time");
    let duration_error = field_error(errors, "duration");
    let location_error = field_error(errors, "location");
    let with_food_error = field_error(errors, "with-food");
    let input = |name: &str, id: &str, value: &str, width: &str, label: &str| {
        let class = match date_error {
            Some(_) => format!("{width} input--error"),
            None => width.to_string(),
        };
        html! {
            div {
                label for=(id) { (label) }
                input type="text" id=(id) name=(name) value=(value) class=(class)
                    inputmode="numeric" autocomplete="off"
                    aria-describedby=@if date_error.is_some() { "date-hint date-error" } @else { "date-hint" };
            }
        }
    };
    let title = match errors.is_empty() {
        true => "Check a date".to_string(),
        false => "Error: Check a date".to_string(),
    };
    let main = html! {
        (error_summary(errors))
        h1 { "Check a date for a meeting" }
        p class="lead" {
            "Find out whether a date clashes with religious, cultural, national or "
            "international observances, and how much that matters."
        }
        form method="get" action="/check" novalidate {
            div class={ "form-group" @if date_error.is_some() { " form-group--error" } } {
                fieldset role="group" aria-describedby="date-hint" {
                    legend class="question" { "What date is the meeting?" }
                    p class="hint" id="date-hint" { "For example, 25 12 2026" }
                    @if let Some(e) = date_error { (error_message("date-error", e)) }
                    div class="date-input" {
                        (input("day", "date-day", &form.day, "width-2", "Day"))
                        (input("month", "date-month", &form.month, "width-2", "Month"))
                        (input("year", "date-year", &form.year, "width-4", "Year"))
                    }
                }
            }
            div class={ "form-group" @if time_error.is_some() { " form-group--error" } } {
                label for="time" { "Start time (optional)" }
                p class="hint" id="time-hint" {
                    "In the 24-hour clock, for example 18:00. Leave it empty to check the whole day."
                }
                @if let Some(e) = time_error { (error_message("time-error", e)) }
                input type="text" id="time" name="time" value=(form.time)
                    class={ "width-5" @if time_error.is_some() { " input--error" } }
                    autocomplete="off"
                    aria-describedby=@if time_error.is_some() { "time-hint time-error" } @else { "time-hint" };
            }
            div class={ "form-group" @if duration_error.is_some() { " form-group--error" } } {
                label for="duration" { "How long (with a start time)" }
                @if let Some(e) = duration_error { (error_message("duration-error", e)) }
                select id="duration" name="duration"
                    class=@if duration_error.is_some() { "input--error" }
                    aria-describedby=@if duration_error.is_some() { "duration-error" } {
                    @for (value, words) in DURATIONS {
                        @let chosen = form.duration == *value || (form.duration.is_empty() && *value == "1h");
                        option value=(value) selected[chosen] { (words) }
                    }
                }
            }
            div class={ "form-group" @if with_food_error.is_some() { " form-group--error" } } {
                @if let Some(e) = with_food_error { (error_message("with-food-error", e)) }
                div class="checkbox" {
                    input type="checkbox" id="with-food" name="with-food" value="yes"
                        checked[form.with_food];
                    label for="with-food" { "Food or drink will be served" }
                }
            }
            div class={ "form-group" @if location_error.is_some() { " form-group--error" } } {
                label for="location" { "Where is the meeting?" }
                @if let Some(e) = location_error { (error_message("location-error", e)) }
                select id="location" name="location"
                    class=@if location_error.is_some() { "input--error" }
                    aria-describedby=@if location_error.is_some() { "location-error" } {
                    @for (name, ..) in PRESETS {
                        option value=(name) selected[form.location.eq_ignore_ascii_case(name)] {
                            (place_name(name))
                        }
                    }
                    @if !PRESETS.iter().any(|(n, ..)| form.location.eq_ignore_ascii_case(n)) {
                        option value=(form.location) selected { (form.location) }
                    }
                }
            }
            button type="submit" class="button" { "Check the date" }
        }
    };
    Page {
        title,
        nav: Some("/"),
        main,
        status,
    }
}

/// A location for people: a preset's name in title case ("New York"),
/// else its coordinates and zone as given.
fn place(location: &clash_app::clash_core::Location) -> String {
    match location.name() {
        Some(name) => place_name(name),
        None => location.to_string(),
    }
}

/// The verdict box: the words first, then what the clashes are.
fn verdict_box(
    verdict: &str,
    top: Option<Impact>,
    caption: &str,
    names: &[(String, Impact)],
) -> Markup {
    let class = match top {
        Some(Impact::High) => "verdict verdict--high",
        Some(_) => "verdict verdict--medium",
        None => "verdict verdict--none",
    };
    html! {
        div class=(class) {
            span class="caption" { (caption) }
            h1 { (verdict) }
            @if !names.is_empty() {
                p {
                    @for (i, (name, impact)) in names.iter().enumerate() {
                        @if i > 0 { "; " }
                        (name) " (" (impact.as_str()) ")"
                    }
                }
            } @else {
                p { "Nothing that this calendar knows of clashes with it." }
            }
        }
    }
}

/// One clash: its name, impact, what and when, notes and advice.
fn clash_section(w: &words::ClashWords<'_>) -> Markup {
    let class = match w.impact {
        Impact::High => "clash clash--high",
        Impact::Medium => "clash clash--medium",
        _ => "clash",
    };
    html! {
        section class=(class) aria-labelledby={ "clash-" (w.id) } {
            h3 id={ "clash-" (w.id) } { (w.name) }
            dl class="summary-list" {
                div { dt { "Impact" } dd { (impact_tag(w.impact)) } }
                div { dt { "What" } dd { (w.details.join(", ")) } }
                @if !w.notes.is_empty() {
                    div {
                        dt { "When" }
                        dd {
                            @if w.notes.len() == 1 {
                                (w.notes.join(""))
                            } @else {
                                ul class="notes" { @for n in &w.notes { li { (n) } } }
                            }
                        }
                    }
                }
                div { dt { "Advice" } dd { (w.advice) } }
            }
            p { a href={ "/observances/" (w.id) } { "About " (w.name) } }
        }
    }
}

/// What else is on the day: one line each, with its impact in words.
fn also_list(heading: &str, lines: &[(String, Impact)]) -> Markup {
    html! {
        @if !lines.is_empty() {
            h2 { (heading.trim_end_matches(':')) }
            ul class="also" {
                @for (line, impact) in lines {
                    li { (line) " — " (impact.as_str()) " impact" }
                }
            }
        }
    }
}

/// The next steps: better dates for the same meeting, another date.
fn next_steps(form: &CheckForm, date: NaiveDate) -> Markup {
    html! {
        h2 { "What next" }
        ul {
            li { a href={ "/suggest?" (form.query(date)) } { "Suggest better dates for this meeting" } }
            li { a href="/" { "Check another date" } }
        }
    }
}

/// The answer to a whole-day check.
fn day_answer(r: &CheckReport<'_>, form: &CheckForm, date: NaiveDate) -> Page {
    let verdict = &r.found.verdict;
    let location = r.query.location.0;
    let from_to = (r.query.from.0, r.query.to.0);
    let clashes: Vec<_> = verdict
        .clashes
        .iter()
        .map(|c: &Clash<'_>| words::day_clash(c, from_to, r.query.with_food, location))
        .collect();
    let top = clashes.iter().map(|w| w.impact).max();
    let said = words::verdict_words(verdict, |c| c.impact, false);
    let caption = format!("{}, {}", words::day(date), place(location));
    let names: Vec<(String, Impact)> = clashes.iter().map(|w| (w.name.clone(), w.impact)).collect();
    let also: Vec<(String, Impact)> = verdict
        .also
        .iter()
        .map(|c| (words::day_also(c, true), c.impact))
        .collect();
    let main = html! {
        (verdict_box(said, top, &caption, &names))
        @if !clashes.is_empty() {
            h2 { (words::clash_count(clashes.len())) }
            @for w in &clashes { (clash_section(w)) }
        }
        (also_list(words::also_heading(true, false), &also))
        (next_steps(form, date))
    };
    Page {
        title: format!("{said}: {}", words::day(date)),
        nav: Some("/"),
        main,
        status: StatusCode::OK,
    }
}

/// The answer to a check at a time of day.
fn timed_answer(r: &TimedReport<'_>, form: &CheckForm, date: NaiveDate) -> Page {
    let location = r.query.location.0;
    let main = html! {
        @for n in &r.query.notes {
            div class="inset" { p { (n.to_string()) } }
        }
        @for m in &r.meetings.list {
            @let clashes: Vec<_> = m.found.clashes.iter().map(words::timed_clash).collect();
            @let top = clashes.iter().map(|w| w.impact).max();
            @let said = words::verdict_words(&m.found, |c| c.impact, true);
            @let caption = format!("{}, {}", words::meeting_words(&m.start, &m.end), place(location));
            @let names: Vec<(String, Impact)> = clashes.iter().map(|w| (w.name.clone(), w.impact)).collect();
            (verdict_box(said, top, &caption, &names))
            @if !clashes.is_empty() {
                h2 { (words::clash_count(clashes.len())) }
                @for w in &clashes { (clash_section(w)) }
            }
            @let also: Vec<(String, Impact)> = m.found.also.iter().map(|c| (words::timed_also(c), c.impact)).collect();
            (also_list(words::also_heading(true, true), &also))
        }
        (next_steps(form, date))
    };
    let said = r.meetings.list.first().map_or("No clashes", |m| {
        words::verdict_words(&m.found, |c| c.impact, true)
    });
    Page {
        title: format!("{said}: {} {}", words::day(date), form.time),
        nav: Some("/"),
        main,
        status: StatusCode::OK,
    }
}
