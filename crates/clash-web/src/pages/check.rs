//! "Check a date" (`/`) and its answer (`/check`): the question page with
//! the date input, and the verdict first, then each clash, what else is on
//! the day, and the next steps. A bad answer brings the question back with
//! the error summary and the values kept.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use clash_app::chrono::{Duration, NaiveDate, Utc};
use clash_app::clash_core::{Clash, Impact};
use clash_app::report::{CheckReport, TimedReport};
use clash_app::{words, Check, Command, Report, Request};
use maud::{html, Markup};

use super::form::{date_input, profile_input, DateIds, DateParts, MeetingFields, Reader};
use super::{error_summary, impact_tag, place, FieldError, Page};
use crate::Shared;

/// What the form holds, as typed.
#[derive(Debug, Clone, Default)]
pub(crate) struct CheckForm {
    date: DateParts,
    meeting: MeetingFields,
    /// The audience, for the better dates the answer offers.
    profile: String,
}

impl CheckForm {
    /// The form's values from a query string (unknown names are ignored,
    /// as a page's links may carry more than it asks).
    fn read(raw: Option<&str>, default_location: &str) -> (CheckForm, Vec<FieldError>) {
        let mut r = Reader::new(raw);
        let form = CheckForm {
            date: r.date("date", "date"),
            meeting: MeetingFields::read(&mut r, default_location),
            profile: match r.text("profile", "profile") {
                p if p.is_empty() => "leicester".to_string(),
                p => p,
            },
        };
        (form, r.errors)
    }

    /// The query string of "suggest better dates" for the same meeting:
    /// the fortnight either side of `date`, from today at the earliest.
    fn suggest_query(&self, date: NaiveDate, today: NaiveDate) -> String {
        let from = (date - Duration::days(14)).max(today);
        let to = (date + Duration::days(14)).max(from + Duration::days(27));
        let mut q = form_urlencoded::Serializer::new(String::new());
        q.append_pair("from", &from.to_string());
        q.append_pair("to", &to.to_string());
        self.meeting.append(&mut q);
        q.append_pair("profile", &self.profile);
        q.finish()
    }
}

/// `GET /`: the question.
pub(crate) async fn start(State(shared): State<Arc<Shared>>) -> Response {
    let form = CheckForm {
        meeting: MeetingFields {
            location: super::default_location(&shared),
            ..MeetingFields::default()
        },
        profile: "leicester".to_string(),
        ..CheckForm::default()
    };
    question(&form, &[], StatusCode::OK).into_response()
}

/// `GET /check?…`: the answer, or the question again with its errors.
pub(crate) async fn check(State(shared): State<Arc<Shared>>, RawQuery(raw): RawQuery) -> Response {
    let (form, mut errors) = CheckForm::read(raw.as_deref(), &super::default_location(&shared));
    let now = Utc::now();
    let today = now.date_naive();
    let date = form
        .date
        .parse(&DateIds::of("date"), "the date of the meeting", today);
    if let Err(e) = &date {
        errors.insert(0, e.clone());
    }
    form.meeting
        .check(clash_app::MAX_CHECK_MINUTES, &mut errors);
    let date = match date {
        Ok(d) if errors.is_empty() => d,
        _ => return question(&form, &errors, StatusCode::BAD_REQUEST).into_response(),
    };
    let command = Command::Check(Check {
        when: Some(date.to_string()),
        range: clash_app::FromTo::default(),
        meeting: form.meeting.meeting(),
    });
    let options = clash_app::Options {
        location: Some(form.meeting.location.clone()),
        ..shared.config.defaults.clone()
    };
    let request = Request::new(command, now).options(options);
    let asked = form.clone();
    let done = super::run_page(&shared, request, move |report| match report {
        Report::Check(r) => Some(day_answer(r, &asked, date, today)),
        Report::Timed(r) => Some(timed_answer(r, &asked, date, today)),
        _ => None,
    })
    .await;
    match done {
        Ok(response) => response,
        // The only input left for the engine to refuse is the location.
        Err(e) => {
            let errors = [FieldError::new("location", e.message())];
            question(&form, &errors, StatusCode::BAD_REQUEST).into_response()
        }
    }
}

/// The question page, with `errors` (and "Error: " in its title) if any.
fn question(form: &CheckForm, errors: &[FieldError], status: StatusCode) -> Page {
    let title = super::titled("Check a date", errors);
    let main = html! {
        (error_summary(errors))
        h1 { "Check a date for a meeting" }
        p class="lead" {
            "Find out whether a date clashes with religious, cultural, national or "
            "international observances, and how much that matters."
        }
        form method="get" action="/check" novalidate {
            (date_input(&DateIds::of("date"), "What date is the meeting?", &form.date, errors))
            (form.meeting.inputs(errors))
            (profile_input(&form.profile, errors))
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
/// The traditions that clash: subscribing to them is a next step.
fn next_steps(form: &CheckForm, date: NaiveDate, today: NaiveDate, traditions: &[&str]) -> Markup {
    let mut unique: Vec<&str> = traditions.to_vec();
    unique.sort_unstable();
    unique.dedup();
    let mut q = form_urlencoded::Serializer::new(String::new());
    q.append_pair("tradition", &unique.join(","));
    q.append_pair("location", &form.meeting.location);
    let subscribe = format!("/subscribe?{}", q.finish());
    html! {
        h2 { "What next" }
        ul {
            li { a href={ "/suggest?" (form.suggest_query(date, today)) } { "Suggest better dates for this meeting" } }
            @if !unique.is_empty() {
                li { a href=(subscribe) { "Subscribe to these traditions in your calendar (" (unique.join(", ")) ")" } }
            }
            li { a href="/" { "Check another date" } }
        }
    }
}

/// The answer to a whole-day check.
fn day_answer(r: &CheckReport<'_>, form: &CheckForm, date: NaiveDate, today: NaiveDate) -> Page {
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
    let traditions: Vec<&str> = verdict
        .clashes
        .iter()
        .map(|c| c.occurrence.observance().tradition().as_str())
        .collect();
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
        (next_steps(form, date, today, &traditions))
    };
    Page {
        title: format!("{said}: {}", words::day(date)),
        nav: Some("/"),
        main,
        status: StatusCode::OK,
    }
}

/// The answer to a check at a time of day.
fn timed_answer(r: &TimedReport<'_>, form: &CheckForm, date: NaiveDate, today: NaiveDate) -> Page {
    let location = r.query.location.0;
    let traditions: Vec<&str> = r
        .meetings
        .list
        .iter()
        .flat_map(|m| &m.found.clashes)
        .map(|c| c.occurrence.observance().tradition().as_str())
        .collect();
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
        (next_steps(form, date, today, &traditions))
    };
    let said = r.meetings.list.first().map_or("No clashes", |m| {
        words::verdict_words(&m.found, |c| c.impact, true)
    });
    Page {
        title: format!("{said}: {} {}", words::day(date), form.meeting.time),
        nav: Some("/"),
        main,
        status: StatusCode::OK,
    }
}
