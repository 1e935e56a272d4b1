//! "Check a calendar" (`/import`): upload an .ics (a POST form), get each
//! event's clashes, as `clash import` reports them. Nothing is stored: the
//! upload lives for the length of the request.

use std::sync::Arc;

use axum::extract::{FromRequest, Multipart, Request as HttpRequest, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use clash_app::chrono::Utc;
use clash_app::report::{ImportNote, ImportReport};
use clash_app::{words, Calendar, Command, Import, Report, Request};
use maud::html;

use super::form::{date_input, DateIds, DateParts, MeetingFields};
use super::{
    error_message, error_summary, field_error, impact_tag, place, sentence, FieldError, Page,
};
use crate::Shared;

/// `GET /import`: the form.
pub(crate) async fn start(State(shared): State<Arc<Shared>>) -> Response {
    let p = Posted {
        fields: MeetingFields {
            location: super::default_location(&shared),
            ..MeetingFields::default()
        },
        ..Posted::default()
    };
    form_page(&p, &[], StatusCode::OK).into_response()
}

/// What a posted form holds: the file (name and bytes), the window's
/// ends as typed, and the fields.
#[derive(Default)]
struct Posted {
    file: Option<(String, Vec<u8>)>,
    from: DateParts,
    to: DateParts,
    fields: MeetingFields,
}

/// Reads the multipart form; a broken one is an error for the file field.
async fn posted(request: HttpRequest, default_location: &str) -> Result<Posted, FieldError> {
    let bad = |m: String| FieldError {
        field: "file",
        message: m,
    };
    let mut form = Multipart::from_request(request, &())
        .await
        .map_err(|e| bad(sentence(&e.body_text())))?;
    let mut out = Posted {
        fields: MeetingFields {
            location: default_location.to_string(),
            ..MeetingFields::default()
        },
        ..Posted::default()
    };
    loop {
        let field = match form.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return Err(bad(sentence(&e.body_text()))),
        };
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(str::to_string);
        let bytes = field
            .bytes()
            .await
            .map_err(|e| bad(sentence(&e.body_text())))?;
        match name.as_str() {
            "file" if !bytes.is_empty() => {
                out.file = Some((
                    file_name.unwrap_or_else(|| "upload".to_string()),
                    bytes.to_vec(),
                ));
            }
            "with-food" => out.fields.with_food = true,
            _ => {
                let text = String::from_utf8_lossy(&bytes).trim().to_string();
                let slot = match name.as_str() {
                    "location" if !text.is_empty() => &mut out.fields.location,
                    "from-day" => &mut out.from.day,
                    "from-month" => &mut out.from.month,
                    "from-year" => &mut out.from.year,
                    "to-day" => &mut out.to.day,
                    "to-month" => &mut out.to.month,
                    "to-year" => &mut out.to.year,
                    _ => continue,
                };
                *slot = text;
            }
        }
    }
    Ok(out)
}

/// `POST /import`: the report, or the form again with its error.
pub(crate) async fn upload(State(shared): State<Arc<Shared>>, request: HttpRequest) -> Response {
    let default_location = super::default_location(&shared);
    let mut p = match posted(request, &default_location).await {
        Ok(p) => p,
        Err(e) => {
            let p = Posted {
                fields: MeetingFields {
                    location: default_location,
                    ..MeetingFields::default()
                },
                ..Posted::default()
            };
            return form_page(&p, &[e], StatusCode::BAD_REQUEST).into_response();
        }
    };
    let today = Utc::now().date_naive();
    let mut errors = Vec::new();
    let mut end = |parts: &DateParts, prefix: &'static str, what: &str| {
        let given = !(parts.day.is_empty() && parts.month.is_empty() && parts.year.is_empty());
        match given.then(|| parts.parse(&DateIds::of(prefix), what, today)) {
            Some(Ok(d)) => Some(d.to_string()),
            Some(Err(e)) => {
                errors.push(e);
                None
            }
            None => None,
        }
    };
    let range = clash_app::FromTo {
        from: end(&p.from, "from", "the first date"),
        to: end(&p.to, "to", "the last date"),
    };
    let Some((name, data)) = p.file.take() else {
        errors.insert(
            0,
            FieldError {
                field: "file",
                message: "Select a calendar file (.ics)".to_string(),
            },
        );
        return form_page(&p, &errors, StatusCode::BAD_REQUEST).into_response();
    };
    if !errors.is_empty() {
        return form_page(&p, &errors, StatusCode::BAD_REQUEST).into_response();
    }
    let fields = &p.fields;
    let command = Command::Import(Import {
        calendar: Calendar::Bytes { name, data },
        range,
        with_food: fields.with_food,
    });
    let options = clash_app::Options {
        location: Some(fields.location.clone()),
        ..shared.config.defaults.clone()
    };
    let request = Request::new(command, Utc::now()).options(options);
    let done = super::run_page(&shared, request, move |report| match report {
        Report::Import(r) => Some(answer(r)),
        _ => None,
    })
    .await;
    match done {
        Ok(response) => response,
        Err(e) => {
            let field = match e.message().contains("location") {
                true => "location",
                false => "file",
            };
            let errors = [FieldError::new(field, e.message())];
            form_page(&p, &errors, StatusCode::BAD_REQUEST).into_response()
        }
    }
}

/// The upload form, with its errors.
fn form_page(p: &Posted, errors: &[FieldError], status: StatusCode) -> Page {
    let file_error = field_error(errors, "file");
    let main = html! {
        (error_summary(errors))
        h1 { "Check a calendar" }
        p class="lead" {
            "Upload a calendar of meetings and see which of them clash with an observance."
        }
        form method="post" action="/import" enctype="multipart/form-data" novalidate {
            div class={ "form-group" @if file_error.is_some() { " form-group--error" } } {
                label for="file" { "Calendar file (.ics)" }
                p class="hint" id="file-hint" {
                    "Export it from Outlook, Google Calendar, Apple Calendar or Thunderbird. "
                    "It is read for this answer only and not stored."
                }
                @if let Some(e) = file_error { (error_message("file-error", e)) }
                input type="file" id="file" name="file" accept=".ics,text/calendar"
                    class=@if file_error.is_some() { "input--error" }
                    aria-describedby=@if file_error.is_some() { "file-hint file-error" } @else { "file-hint" };
            }
            h2 { "Which dates? (optional)" }
            p class="hint" { "Without them, the events from today on are checked." }
            (date_input(&DateIds::of("from"), "From", &p.from, errors))
            (date_input(&DateIds::of("to"), "To", &p.to, errors))
            (p.fields.inputs_without_time(errors))
            button type="submit" class="button" { "Check the calendar" }
        }
    };
    Page {
        title: super::titled("Check a calendar", errors),
        nav: Some("/import"),
        main,
        status,
    }
}

/// The report: the summary, notes and skipped events, then each event
/// with the occurrences that clash.
fn answer(r: &ImportReport<'_>) -> Page {
    let location = r.location.0;
    let found = &r.events.list;
    let events = words::imported_events(found);
    let head = words::import_heading(
        &r.source,
        found,
        events.len(),
        (r.from.0, r.to.0),
        location,
        r.counts,
    );
    let clashing = found.iter().filter(|f| f.clash_count() > 0).count();
    let verdict = match clashing {
        0 => "No clashes in the calendar".to_string(),
        1 => "1 meeting clashes".to_string(),
        n => format!("{n} meetings clash"),
    };
    let main = html! {
        span class="caption" { (place(location)) }
        h1 { (verdict) }
        p { (head) }
        @if r.summary.clashing > 0 {
            p { (super::sentence(&words::import_summary(&r.summary, found.len()))) }
        }
        @for n in &r.notes {
            div class="inset" {
                p {
                    @match n {
                        ImportNote::Window(w) => { (super::sentence(&w.fact())) ". To check other dates, " a href="/import" { "upload it again with the dates" } "." }
                        _ => (super::sentence(&n.to_string())),
                    }
                }
            }
        }
        @if !r.warnings.is_empty() {
            h2 { "Events not read" }
            ul { @for w in &r.warnings { li { (w) } } }
        }
        @for mine in &events {
            @let with: Vec<_> = mine.iter().filter(|f| f.clash_count() > 0).collect();
            @let summary = mine.first().map_or("", |f| f.event.summary.as_str());
            section class={ "clash" @if !with.is_empty() { " clash--high" } } {
                h2 { (if summary.is_empty() { "(no title)" } else { summary }) }
                p { (words::event_count(with.len(), mine.len())) }
                @if !with.is_empty() {
                    dl class="summary-list" {
                        @for f in &with {
                            div {
                                dt { (words::imported_when(f)) }
                                dd {
                                    ul class="notes" {
                                        @for (impact, text) in words::imported_clashes(f) {
                                            li { (text) " " (impact_tag(impact)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        p { a href="/import" { "Check another calendar" } }
    };
    Page {
        title: format!("{verdict}: {}", r.source),
        nav: Some("/import"),
        main,
        status: StatusCode::OK,
    }
}
