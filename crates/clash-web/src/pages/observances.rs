//! The catalogue (`/observances`, filterable by tradition and impact) and
//! one observance (`/observances/ID`): its facts, rule, source and next
//! dates, as `clash show` gives them.

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use clash_app::chrono::Utc;
use clash_app::clash_core::Tradition;
use clash_app::report::{ObservancesReport, ShowReport};
use clash_app::{words, Command, ErrorKind, Report, Request, Show};
use maud::{html, Markup};

use super::{error_summary, place, FieldError, Page};
use crate::query::Query;
use crate::Shared;

/// `GET /observances[?tradition&min-impact]`.
pub(crate) async fn list(State(shared): State<Arc<Shared>>, RawQuery(raw): RawQuery) -> Response {
    let mut q = Query::parse(raw.as_deref());
    let tradition = q.one("tradition").ok().flatten().unwrap_or_default();
    let min_impact = q.one("min-impact").ok().flatten().unwrap_or_default();
    let options = clash_app::Options {
        traditions: match tradition.is_empty() {
            true => Vec::new(),
            false => vec![tradition.clone()],
        },
        min_impact: (!min_impact.is_empty()).then(|| min_impact.clone()),
        ..clash_app::Options::default()
    };
    let request = Request::new(Command::Observances, Utc::now()).options(options);
    let (t, m) = (tradition.clone(), min_impact.clone());
    let done = super::run_page(&shared, request, move |report| match report {
        Report::Observances(r) => Some(catalogue(r, &t, &m, &[])),
        _ => None,
    })
    .await;
    match done {
        Ok(response) => response,
        Err(e) => {
            let errors = [FieldError::new("tradition", e.message())];
            let mut page = catalogue(
                &ObservancesReport::empty(),
                &tradition,
                &min_impact,
                &errors,
            );
            page.status = StatusCode::BAD_REQUEST;
            page.into_response()
        }
    }
}

/// The catalogue as a table, with its filter form.
fn catalogue(
    r: &ObservancesReport<'_>,
    tradition: &str,
    min_impact: &str,
    errors: &[FieldError],
) -> Page {
    let list = &r.observances.0;
    let main = html! {
        (error_summary(errors))
        h1 { "Observances" }
        p { "Every observance this calendar knows, with how much it matters for a meeting. "
            "Choose one for its dates, rule and source." }
        form method="get" action="/observances" novalidate {
            div class="form-group" {
                label for="tradition" { "Tradition" }
                @if let Some(e) = errors.first() { (super::error_message("tradition-error", e)) }
                select id="tradition" name="tradition" {
                    option value="" selected[tradition.is_empty()] { "All traditions" }
                    @for t in Tradition::ALL {
                        option value=(t.as_str()) selected[tradition == t.as_str()] { (t.as_str()) }
                    }
                }
            }
            div class="form-group" {
                label for="min-impact" { "Impact" }
                select id="min-impact" name="min-impact" {
                    @for (value, label) in [("", "All"), ("medium", "Medium and high"), ("high", "High only")] {
                        option value=(value) selected[min_impact == value] { (label) }
                    }
                }
            }
            button type="submit" class="button" { "Show" }
        }
        div class="table-wrap" {
            table {
                caption { (list.len()) " observances" }
                thead { tr { th scope="col" { "Observance" } th scope="col" { "Tradition" } th scope="col" { "Impact" } } }
                tbody {
                    @for o in list {
                        tr {
                            td { a href={ "/observances/" (o.id().as_str()) } { (o.name()) } }
                            td { (o.tradition().as_str()) }
                            td { (o.impact().as_str()) }
                        }
                    }
                }
            }
        }
    };
    Page {
        title: match errors.is_empty() {
            true => format!("Observances: {}", list.len()),
            false => "Error: Observances".to_string(),
        },
        nav: Some("/observances"),
        main,
        status: StatusCode::OK,
    }
}

/// `GET /observances/ID[?location]`: one observance and its next dates.
pub(crate) async fn show(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let mut q = Query::parse(raw.as_deref());
    let location = q.one("location").ok().flatten();
    let command = Command::Show(Show {
        id: id.clone(),
        count: 5,
        range: clash_app::FromTo::default(),
    });
    let options = clash_app::Options {
        location: location.or_else(|| shared.config.defaults.location.clone()),
        ..shared.config.defaults.clone()
    };
    let request = Request::new(command, Utc::now()).options(options);
    let done = super::run_page(&shared, request, move |report| match report {
        Report::Show(r) => Some(one(r)),
        _ => None,
    })
    .await;
    match done {
        Ok(response) => response,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            super::not_found(&format!("/observances/{id}"))
        }
        Err(e) => Page {
            title: "Error: Observance".to_string(),
            nav: Some("/observances"),
            main: html! {
                (error_summary(&[FieldError::new("main", e.message())]))
                h1 { "Observance" }
                p { a href="/observances" { "All observances" } }
            },
            status: StatusCode::BAD_REQUEST,
        }
        .into_response(),
    }
}

/// Text with its web addresses as links (a source may name several).
fn linked(text: &str) -> Markup {
    html! {
        @for (i, word) in text.split(' ').enumerate() {
            @if i > 0 { " " }
            @let bare = word.trim_end_matches([';', ',', ')', '.']);
            @if bare.starts_with("https://") || bare.starts_with("http://") {
                a href=(bare) { (bare) } (&word[bare.len()..])
            } @else {
                (word)
            }
        }
    }
}

/// One observance's page.
fn one(r: &ShowReport<'_>) -> Page {
    let o = r.observance.0;
    let location = r.location.0;
    let rows = words::observance_rows(o);
    let main = html! {
        span class="caption" { (o.tradition().as_str()) }
        h1 { (o.name()) }
        p class="lead" { (o.summary()) }
        dl class="summary-list" {
            @for (name, value) in &rows {
                @if *name != "summary" {
                    div {
                        dt { (super::sentence(name)) }
                        dd { @if *name == "source" { (linked(value)) } @else { (value) } }
                    }
                }
            }
        }
        h2 { "Next dates" }
        p class="hint" { "Times are for " (place(location)) "." }
        @if r.occurrences.list.is_empty() {
            p { "None in the next years searched." }
        } @else {
            ul { @for n in &r.occurrences.list { li { (words::next_date(n, location)) } } }
        }
        p { a href="/observances" { "All observances" } }
    };
    Page {
        title: format!("{}: {}", o.name(), o.tradition().as_str()),
        nav: Some("/observances"),
        main,
        status: StatusCode::OK,
    }
}
