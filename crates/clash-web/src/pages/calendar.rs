//! The month view (`/calendar?month=YYYY-MM`): a table of the month's
//! days, each with its observances and their impact in words, the
//! previous and next months, and the feed's filters.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use clash_app::chrono::{Datelike, Months, NaiveDate, Utc};
use clash_app::clash_core::{OccurrenceRef, Region, Tradition};
use clash_app::report::ListReport;
use clash_app::{words, Command, Error, List, Report, Request};
use maud::{html, Markup};

use super::{error_message, error_summary, field_error, place, FieldError, Page};
use crate::query::Query;
use crate::Shared;

/// The filters a month (and the feed) can be narrowed by, as given.
#[derive(Debug, Clone, Default)]
pub(crate) struct Filters {
    pub traditions: Vec<String>,
    pub min_impact: String,
    pub region: String,
    pub location: String,
}

impl Filters {
    /// The filters of a query, with `month` taken out first.
    pub fn read(q: &mut Query) -> Filters {
        let one = |q: &mut Query, name: &str| q.one(name).ok().flatten().unwrap_or_default();
        Filters {
            traditions: q
                .many("tradition")
                .into_iter()
                .filter(|t| !t.is_empty())
                .collect(),
            min_impact: one(q, "min-impact"),
            region: one(q, "region"),
            location: one(q, "location"),
        }
    }

    /// The query string of these filters (for links).
    pub fn append(&self, q: &mut form_urlencoded::Serializer<'_, String>) {
        if !self.traditions.is_empty() {
            q.append_pair("tradition", &self.traditions.join(","));
        }
        for (name, value) in [
            ("min-impact", &self.min_impact),
            ("region", &self.region),
            ("location", &self.location),
        ] {
            if !value.is_empty() {
                q.append_pair(name, value);
            }
        }
    }

    /// The options of these filters on the server's defaults.
    pub fn options(&self, defaults: &clash_app::Options) -> clash_app::Options {
        let some = |v: &String| (!v.is_empty()).then(|| v.clone());
        clash_app::Options {
            traditions: match self.traditions.is_empty() {
                true => defaults.traditions.clone(),
                false => self.traditions.clone(),
            },
            min_impact: some(&self.min_impact).or_else(|| defaults.min_impact.clone()),
            regions: some(&self.region).map_or_else(|| defaults.regions.clone(), |r| vec![r]),
            location: some(&self.location).or_else(|| defaults.location.clone()),
            ..defaults.clone()
        }
    }

    /// The form fields: traditions, impact, nation, place.
    pub fn inputs(&self, errors: &[FieldError]) -> Markup {
        let error = field_error(errors, "tradition-christian");
        html! {
            div class={ "form-group" @if error.is_some() { " form-group--error" } } {
                fieldset aria-describedby=@if error.is_some() { "tradition-error" } @else { "tradition-hint" } {
                    legend class="question" { "Which traditions?" }
                    p class="hint" id="tradition-hint" { "Leave them all empty for every tradition." }
                    @if let Some(e) = error { (error_message("tradition-error", e)) }
                    @for t in Tradition::ALL {
                        @let id = format!("tradition-{}", t.as_str());
                        div class="checkbox" {
                            input type="checkbox" id=(id) name="tradition" value=(t.as_str())
                                checked[self.traditions.iter().any(|x| x == t.as_str())];
                            label for=(id) { (t.as_str()) }
                        }
                    }
                }
            }
            div class="form-group" {
                label for="min-impact" { "Impact" }
                select id="min-impact" name="min-impact" {
                    @for (value, words) in [("", "All, with awareness days (low)"), ("medium", "Medium and high"), ("high", "High only")] {
                        option value=(value) selected[self.min_impact == value] { (words) }
                    }
                }
            }
            div class="form-group" {
                label for="region" { "Bank holidays of" }
                select id="region" name="region" {
                    option value="" selected[self.region.is_empty()] { "The nation of the place" }
                    @for r in Region::ALL {
                        option value=(r.as_str()) selected[self.region == r.as_str()] { (r.english_name()) }
                    }
                }
            }
            div class="form-group" {
                label for="location" { "Place (for sunset times and bank holidays)" }
                select id="location" name="location" {
                    @for (name, ..) in clash_app::clash_core::PRESETS {
                        option value=(name) selected[self.location.eq_ignore_ascii_case(name) || (self.location.is_empty() && *name == "leicester")] {
                            (super::place_name(name))
                        }
                    }
                }
            }
        }
    }
}

/// `GET /calendar[?month=YYYY-MM&filters]`: the month (this month when
/// none is given).
pub(crate) async fn calendar(
    State(shared): State<Arc<Shared>>,
    RawQuery(raw): RawQuery,
) -> Response {
    let now = Utc::now();
    let mut q = Query::parse(raw.as_deref());
    let month_text = q.one("month").ok().flatten().unwrap_or_default();
    let filters = Filters::read(&mut q);
    let today = now.date_naive();
    let first = match month_text.trim() {
        "" => today.with_day(1).unwrap_or(today),
        text => match month(text, today) {
            Ok(d) => d,
            Err(e) => {
                let errors = [FieldError::new("month", e.message())];
                return page_of(&month_text, today, &filters, &errors, None).into_response();
            }
        },
    };
    let last = first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(first);
    let command = Command::List(List {
        range_text: None,
        range: clash_app::FromTo {
            from: Some(first.to_string()),
            to: Some(last.to_string()),
        },
    });
    let request = Request::new(command, now).options(filters.options(&shared.config.defaults));
    let asked = filters.clone();
    let done = super::run_page(&shared, request, move |report| match report {
        Report::List(r) => Some(page_of(
            &first.format("%Y-%m").to_string(),
            first,
            &asked,
            &[],
            Some(r),
        )),
        _ => None,
    })
    .await;
    match done {
        Ok(response) => response,
        Err(e) => {
            let errors = [FieldError::new("tradition-christian", e.message())];
            page_of(&month_text, first, &filters, &errors, None).into_response()
        }
    }
}

/// `YYYY-MM` as the first day of the month, by the application's parser.
fn month(text: &str, today: NaiveDate) -> Result<NaiveDate, Error> {
    let not_a_month = text.len() != 7 || text.contains("..");
    if not_a_month {
        return Err(Error::usage(format!(
            "invalid month `{text}` (expected YYYY-MM, such as 2026-12)"
        )));
    }
    clash_app::input::parse_range(text, today).map(|(first, _)| first)
}

/// A link to `first`'s month with the same filters.
fn month_link(first: NaiveDate, filters: &Filters) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    q.append_pair("month", &first.format("%Y-%m").to_string());
    filters.append(&mut q);
    format!("/calendar?{}", q.finish())
}

/// The page: the month's table (when there is a report), the months
/// either side, and the filters.
fn page_of(
    month_text: &str,
    first: NaiveDate,
    filters: &Filters,
    errors: &[FieldError],
    report: Option<&ListReport<'_>>,
) -> Page {
    let name = first.format("%B %Y").to_string();
    let previous = first.checked_sub_months(Months::new(1));
    let next = first.checked_add_months(Months::new(1));
    let main = html! {
        (error_summary(errors))
        @if let Some(r) = report {
            span class="caption" { (place(r.location.0)) }
            h1 { (name) }
            nav aria-label="Months" {
                ul class="pager" {
                    @if let Some(p) = previous {
                        li { a href=(month_link(p, filters)) rel="prev" { "Previous month" span class="visually-hidden" { ": " (p.format("%B %Y")) } } }
                    }
                    @if let Some(n) = next {
                        li { a href=(month_link(n, filters)) rel="next" { "Next month" span class="visually-hidden" { ": " (n.format("%B %Y")) } } }
                    }
                }
            }
            (month_table(r, first))
        } @else {
            h1 { "Calendar" }
        }
        h2 { "Choose the month and what to show" }
        form method="get" action="/calendar" novalidate {
            @let error = field_error(errors, "month");
            div class={ "form-group" @if error.is_some() { " form-group--error" } } {
                label for="month" { "Month" }
                p class="hint" id="month-hint" { "As year and month, for example 2026-12" }
                @if let Some(e) = error { (error_message("month-error", e)) }
                input type="text" id="month" name="month" value=(month_text)
                    class={ "width-5" @if error.is_some() { " input--error" } }
                    aria-describedby=@if error.is_some() { "month-hint month-error" } @else { "month-hint" };
            }
            (filters.inputs(errors))
            button type="submit" class="button" { "Show the month" }
        }
        p { a href={ "/subscribe?" (subscribe_query(filters)) } { "Subscribe to these observances in your calendar" } }
    };
    let title = match (report, errors.is_empty()) {
        (_, false) => "Error: Calendar".to_string(),
        (Some(r), true) => format!("{name}: {} observances", r.occurrences.list.len()),
        (None, true) => "Calendar".to_string(),
    };
    Page {
        title,
        nav: Some("/calendar"),
        main,
        status: match errors.is_empty() {
            true => StatusCode::OK,
            false => StatusCode::BAD_REQUEST,
        },
    }
}

/// The query string of the filters, for the subscribe page.
fn subscribe_query(filters: &Filters) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    filters.append(&mut q);
    q.finish()
}

/// The month as a table: one row a day, its observances with impact in
/// words (those over several days on each of their days).
fn month_table(r: &ListReport<'_>, first: NaiveDate) -> Markup {
    let days: Vec<NaiveDate> = first
        .iter_days()
        .take_while(|d| d.month() == first.month())
        .collect();
    let on = |d: NaiveDate| -> Vec<&OccurrenceRef<'_>> {
        r.occurrences
            .list
            .iter()
            .filter(|o| o.occurrence().start() <= d && d <= o.occurrence().end())
            .collect()
    };
    html! {
        div class="table-wrap" {
            table class="month" {
                caption { "Observances in " (first.format("%B %Y")) ", day by day" }
                thead { tr { th scope="col" { "Day" } th scope="col" { "Observances" } } }
                tbody {
                    @for d in days {
                        @let list = on(d);
                        tr {
                            th scope="row" { (d.format("%a %-d %b")) }
                            td {
                                @if list.is_empty() {
                                    "None"
                                } @else {
                                    ul class="day-list" {
                                        @for o in list { li { (entry(o, d)) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One observance on one day: its name (linked), tradition and impact.
fn entry(o: &OccurrenceRef<'_>, d: NaiveDate) -> Markup {
    let obs = o.observance();
    let mut line = String::new();
    words::push_occurrence_line(&mut line, o);
    let continues = o.occurrence().start() < d;
    html! {
        a href={ "/observances/" (obs.id().as_str()) } { (line) }
        @if continues { " (continues)" }
        " — " (obs.tradition().as_str()) ", " (obs.impact().as_str()) " impact"
    }
}
