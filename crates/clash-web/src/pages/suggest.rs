//! "Suggest dates" (`/suggest`): the window, the weekdays, the meeting and
//! the audience; the answer ranks the days, says why each is good and what
//! the worse ones clash with, with the question below to change it.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use clash_app::chrono::{Duration, NaiveDate, Utc};
use clash_app::report::SuggestReport;
use clash_app::{words, Command, Report, Request, Suggest};
use maud::{html, Markup};

use super::form::{date_input, profile_input, DateIds, DateParts, MeetingFields, Reader};
use super::{error_message, error_summary, field_error, place, FieldError, Page};
use crate::Shared;

/// The weekdays offered: (value as the CLI takes it, words).
const WEEKDAYS: &[(&str, &str)] = &[
    ("mon", "Monday"),
    ("tue", "Tuesday"),
    ("wed", "Wednesday"),
    ("thu", "Thursday"),
    ("fri", "Friday"),
    ("sat", "Saturday"),
    ("sun", "Sunday"),
];

/// What the form holds, as typed.
#[derive(Debug, Clone)]
struct SuggestForm {
    from: DateParts,
    to: DateParts,
    weekdays: Vec<String>,
    meeting: MeetingFields,
    profile: String,
}

impl SuggestForm {
    /// The first answer: the next four weeks, Monday to Friday.
    fn blank(today: NaiveDate, location: String) -> SuggestForm {
        SuggestForm {
            from: DateParts::of(today),
            to: DateParts::of(today + Duration::days(27)),
            weekdays: ["mon", "tue", "wed", "thu", "fri"]
                .map(String::from)
                .to_vec(),
            meeting: MeetingFields {
                location,
                ..MeetingFields::default()
            },
            profile: "leicester".to_string(),
        }
    }

    /// The values of a query string, and their errors. A submitted form
    /// says which weekdays it allows (none ticked is an error); a link
    /// that names none means Monday to Friday.
    fn read(raw: Option<&str>, blank: SuggestForm) -> (SuggestForm, Vec<FieldError>) {
        let mut r = Reader::new(raw);
        let submitted = r.has("from-day");
        let mut weekdays: Vec<String> = r
            .many("weekdays")
            .into_iter()
            .map(|w| w.trim().to_ascii_lowercase())
            .collect();
        if weekdays.is_empty() && !submitted {
            weekdays = blank.weekdays.clone();
        }
        let profile = match r.text("profile", "profile") {
            p if p.is_empty() => blank.profile.clone(),
            p => p,
        };
        let form = SuggestForm {
            from: r.date("from", "from"),
            to: r.date("to", "to"),
            weekdays,
            meeting: MeetingFields::read(&mut r, &blank.meeting.location),
            profile,
        };
        let mut errors = r.errors;
        if form.weekdays.is_empty() {
            errors.push(FieldError {
                field: "weekdays-mon",
                message: "Select the days of the week the meeting can be on".to_string(),
            });
        }
        (form, errors)
    }
}

/// `GET /suggest[?…]`: the question, or the ranked days and the question
/// again to change it.
pub(crate) async fn suggest(
    State(shared): State<Arc<Shared>>,
    RawQuery(raw): RawQuery,
) -> Response {
    let now = Utc::now();
    let today = now.date_naive();
    let blank = SuggestForm::blank(today, super::default_location(&shared));
    if raw.as_deref().is_none_or(str::is_empty) {
        return question_page(&blank, &[], StatusCode::OK).into_response();
    }
    let (form, mut errors) = SuggestForm::read(raw.as_deref(), blank);
    let from = form
        .from
        .parse(&DateIds::of("from"), "the first date", today);
    let to = form.to.parse(&DateIds::of("to"), "the last date", today);
    let mut dates = Vec::new();
    for d in [&from, &to] {
        match d {
            Ok(d) => dates.push(*d),
            Err(e) => errors.push(e.clone()),
        }
    }
    form.meeting
        .check(clash_app::clash_core::MAX_MEETING_MINUTES, &mut errors);
    let (from, to) = match dates[..] {
        [from, to] if errors.is_empty() => (from, to),
        _ => return question_page(&form, &errors, StatusCode::BAD_REQUEST).into_response(),
    };
    let command = Command::Suggest(Suggest {
        window: None,
        range: clash_app::FromTo {
            from: Some(from.to_string()),
            to: Some(to.to_string()),
        },
        weekdays: form.weekdays.join(","),
        meeting: form.meeting.meeting(),
        count: 10,
        profile: form.profile.clone(),
    });
    let options = clash_app::Options {
        location: Some(form.meeting.location.clone()),
        ..shared.config.defaults.clone()
    };
    let request = Request::new(command, now).options(options);
    let asked = form.clone();
    let done = super::run_page(&shared, request, move |report| match report {
        Report::Suggest(r) => Some(answer(r, &asked)),
        _ => None,
    })
    .await;
    match done {
        Ok(response) => response,
        Err(e) => {
            // What the engine refuses: the window (reversed, too long), the
            // weekdays, the audience or the place. Put it where it belongs.
            let message = super::sentence(e.message());
            let field = match message.to_ascii_lowercase() {
                m if m.contains("profile") => "profile",
                m if m.contains("weekday") => "weekdays-mon",
                m if m.contains("location") => "location",
                _ => "from-day",
            };
            let errors = [FieldError { field, message }];
            question_page(&form, &errors, StatusCode::BAD_REQUEST).into_response()
        }
    }
}

/// The question alone (first visit, or with errors).
fn question_page(form: &SuggestForm, errors: &[FieldError], status: StatusCode) -> Page {
    let title = super::titled("Suggest dates", errors);
    let main = html! {
        (error_summary(errors))
        h1 { "Suggest dates for a meeting" }
        p class="lead" {
            "Find the days in a window that clash least with what the people "
            "you are meeting observe."
        }
        (question(form, errors))
    };
    Page {
        title,
        nav: Some("/suggest"),
        main,
        status,
    }
}

/// The form: window, weekdays, meeting, audience.
fn question(form: &SuggestForm, errors: &[FieldError]) -> Markup {
    let weekday_error = field_error(errors, "weekdays-mon");
    html! {
        form method="get" action="/suggest" novalidate {
            (date_input(&DateIds::of("from"), "From", &form.from, errors))
            (date_input(&DateIds::of("to"), "To", &form.to, errors))
            div class={ "form-group" @if weekday_error.is_some() { " form-group--error" } } {
                fieldset aria-describedby=@if weekday_error.is_some() { "weekdays-error" } {
                    legend class="question" { "Which days of the week can it be on?" }
                    @if let Some(e) = weekday_error { (error_message("weekdays-error", e)) }
                    @for (value, name) in WEEKDAYS {
                        @let id = format!("weekdays-{value}");
                        div class="checkbox" {
                            input type="checkbox" id=(id) name="weekdays" value=(value)
                                checked[form.weekdays.iter().any(|w| w == value)];
                            label for=(id) { (name) }
                        }
                    }
                }
            }
            (form.meeting.inputs(errors))
            (profile_input(&form.profile, errors))
            button type="submit" class="button" { "Suggest dates" }
        }
    }
}

/// The ranked days, then the question to change it.
fn answer(r: &SuggestReport<'_>, form: &SuggestForm) -> Page {
    let found = &r.found.suggestions;
    let location = r.query.location.0;
    let heading = words::suggest_heading(&r.request, r.profile, location);
    let list: Vec<_> = found.suggestions.iter().map(words::suggestion).collect();
    let best = list.first().map(|w| w.when.clone());
    let check_link = |s: &clash_app::clash_core::Suggestion<'_>| {
        let mut q = form_urlencoded::Serializer::new(String::new());
        q.append_pair("date", &s.candidate.date.to_string());
        form.meeting.append(&mut q);
        format!("/check?{}", q.finish())
    };
    let mut marked = found.all_high_impact();
    let main = html! {
        span class="caption" { (place(location)) }
        h1 { "Best dates for the meeting" }
        p { (heading) }
        p { (words::suggest_summary(found)) }
        @if !list.is_empty() {
            div class="table-wrap" {
                table {
                    caption { "Suggested days, best first" }
                    thead { tr { th scope="col" { "Rank" } th scope="col" { "Day" } th scope="col" { "Why" } th scope="col" { span class="visually-hidden" { "Check" } } } }
                    tbody {
                        @for (i, (w, s)) in list.iter().zip(&found.suggestions).enumerate() {
                            @if !marked && !w.clean {
                                ({ marked = true; html! { tr { th colspan="4" scope="colgroup" { (words::THE_REST.trim_end_matches(':')) } } } })
                            }
                            tr {
                                td { (i + 1) }
                                td { (w.when) }
                                td { (w.what) }
                                td { a href=(check_link(s)) { "Check " span class="visually-hidden" { (w.when) } } }
                            }
                        }
                    }
                }
            }
        }
        h2 { "Change the search" }
        (question(form, &[]))
    };
    let title = match best {
        Some(day) => format!("Best date: {day}"),
        None => "No dates to suggest".to_string(),
    };
    Page {
        title,
        nav: Some("/suggest"),
        main,
        status: StatusCode::OK,
    }
}
