//! The web pages (SPEC §12): server-rendered HTML for organisers who never
//! open a terminal, from maud templates checked at compile time. Each page
//! renders an application-layer report with the words of
//! `clash_app::words`, so a page says what the CLI says. Forms are plain
//! GET and work without JavaScript; there is no script at all. Patterns
//! follow the GOV.UK Design System (question pages, the date input, the
//! error summary, summary lists) in our own stylesheet.

pub(crate) mod calendar;
mod check;
mod form;
mod import;
mod observances;
pub(crate) mod subscribe;
mod suggest;

use std::sync::{Arc, LazyLock};

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use clash_app::clash_core::Impact;
use maud::{html, Markup, DOCTYPE};

use crate::Shared;

/// Runs `request` on the engine off the reactor and makes the page of its
/// report with `page` (`None`, a report of another command, is a bug:
/// 500); the engine's refusal is the `Err`, for the page to show against
/// the field it is about.
pub(crate) async fn run_page(
    shared: &Shared,
    request: clash_app::Request,
    page: impl FnOnce(&clash_app::Report<'_>) -> Option<Page> + Send + 'static,
) -> Result<Response, clash_app::Error> {
    let engine = shared.engine.clone();
    match crate::blocking(move || engine.run(&request, page)).await {
        Ok(Ok(Some(page))) => Ok(page.into_response()),
        Ok(Ok(None)) => Ok(crate::internal_error()),
        Ok(Err(e)) => Err(e),
        Err(response) => Ok(response),
    }
}

/// A page's title: `Error: ` before it when the form has errors.
pub(crate) fn titled(name: &str, errors: &[FieldError]) -> String {
    match errors.is_empty() {
        true => name.to_string(),
        false => format!("Error: {name}"),
    }
}

/// The stylesheet, embedded in the binary.
const STYLESHEET: &str = include_str!("../../assets/clash.css");

/// Where the stylesheet is served: its name carries a hash of its bytes, so
/// that it can be cached for a year and a new build is fetched anew.
static STYLESHEET_PATH: LazyLock<String> = LazyLock::new(|| {
    let tag = crate::cache::tag(STYLESHEET.as_bytes());
    let hash = tag.to_str().unwrap_or_default().trim_matches('"');
    let short = hash.get(..12).unwrap_or(hash);
    format!("/assets/clash-{short}.css")
});

/// The pages' routes.
pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/", get(check::start))
        .route("/check", get(check::check))
        .route("/suggest", get(suggest::suggest))
        .route("/calendar", get(calendar::calendar))
        .route("/subscribe", get(subscribe::subscribe))
        .route("/observances", get(observances::list))
        .route("/observances/{id}", get(observances::show))
        .route("/import", get(import::start).post(import::upload))
        .route(STYLESHEET_PATH.as_str(), get(stylesheet))
}

/// The pages in the header's navigation: (path, name).
const NAV: &[(&str, &str)] = &[
    ("/", "Check a date"),
    ("/suggest", "Suggest dates"),
    ("/calendar", "Calendar"),
    ("/observances", "Observances"),
    ("/subscribe", "Subscribe"),
    ("/import", "Check a calendar"),
];

async fn stylesheet() -> Response {
    let mut r = Response::new(Body::from(STYLESHEET));
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    r
}

/// A whole page: its title (which says the page and, where there is one,
/// the answer), the navigation entry it belongs to, its main content, and
/// its status.
pub(crate) struct Page {
    pub title: String,
    pub nav: Option<&'static str>,
    pub main: Markup,
    pub status: StatusCode,
}

impl IntoResponse for Page {
    fn into_response(self) -> Response {
        let html = layout(&self.title, Site::Served(self.nav), self.main).into_string();
        let mut r = (self.status, html).into_response();
        let h = r.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        // Nothing from elsewhere, no script, forms only to this site.
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
                 base-uri 'none'; frame-ancestors 'none'",
            ),
        );
        h.insert(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
        r
    }
}

/// Where a page lives: served by `clash serve` (the navigation, the
/// stylesheet at the site's root) or published as a static file (no
/// navigation to pages that are not there, the stylesheet beside it).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Site<'a> {
    /// A page of the service, in this navigation entry.
    Served(Option<&'a str>),
    /// A published page.
    Published,
}

/// The stylesheet's file name in a published site (`assets/…`).
pub(crate) fn stylesheet_file() -> (&'static str, &'static str) {
    (STYLESHEET_PATH.trim_start_matches('/'), STYLESHEET)
}

/// The frame of every page: a skip link, the header with the service name
/// and navigation, one `main`, the footer.
pub(crate) fn layout(title: &str, site: Site<'_>, main: Markup) -> Markup {
    let (stylesheet, home, current) = match site {
        Site::Served(current) => (STYLESHEET_PATH.as_str(), "/", current),
        Site::Published => (STYLESHEET_PATH.trim_start_matches('/'), "index.html", None),
    };
    html! {
        (DOCTYPE)
        html lang="en-GB" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – clash" }
                link rel="stylesheet" href=(stylesheet);
            }
            body {
                a class="skip-link" href="#main" { "Skip to main content" }
                header class="site-header" {
                    div class="width" {
                        a class="service" href=(home) { "clash" }
                        @if let Site::Served(_) = site {
                            nav aria-label="Pages" {
                                ul {
                                    @for (path, name) in NAV {
                                        li {
                                            @if current == Some(*path) {
                                                a href=(path) aria-current="page" { (name) }
                                            } @else {
                                                a href=(path) { (name) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                div class="width" {
                    main id="main" tabindex="-1" { (main) }
                }
                footer class="site-footer" {
                    div class="width" {
                        p {
                            "Religious, cultural, national and international observances, "
                            "so that meetings avoid the days that matter. "
                            "Dates are computed, and each observance names its source."
                        }
                        p { "Nothing you enter is stored." }
                    }
                }
            }
        }
    }
}

/// A field's error: the id of the field it is about, and the message.
#[derive(Debug, Clone)]
pub(crate) struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    /// The application's `message` against `field`, as a sentence.
    pub(crate) fn new(field: &'static str, message: &str) -> FieldError {
        FieldError {
            field,
            message: sentence(message),
        }
    }
}

/// The error summary (GOV.UK pattern): first in `main`, focused on load
/// (`autofocus`, so without JavaScript too), each message a link to its
/// field.
fn error_summary(errors: &[FieldError]) -> Markup {
    html! {
        @if !errors.is_empty() {
            div class="error-summary" tabindex="-1" autofocus
                aria-labelledby="error-summary-title" role="alert" {
                h2 id="error-summary-title" { "There is a problem" }
                ul {
                    @for e in errors {
                        li { a href={ "#" (e.field) } { (e.message) } }
                    }
                }
            }
        }
    }
}

/// The error of `field`, if any, as the message above it.
fn field_error<'e>(errors: &'e [FieldError], field: &str) -> Option<&'e FieldError> {
    errors.iter().find(|e| e.field == field)
}

/// An application error's message as a sentence for a page: its first
/// letter upper-case, without the backticks that mark a value on a
/// terminal.
pub(crate) fn sentence(message: &str) -> String {
    let plain = message.replace('`', "");
    let mut c = plain.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The message shown above a field in error.
fn error_message(id: &str, e: &FieldError) -> Markup {
    html! {
        p class="error-message" id=(id) {
            span class="visually-hidden" { "Error: " } (e.message)
        }
    }
}

/// An impact as a tag: the word, with a colour that only repeats it.
fn impact_tag(impact: Impact) -> Markup {
    let (class, word) = match impact {
        Impact::High => ("tag tag--high", "High impact"),
        Impact::Medium => ("tag tag--medium", "Medium impact"),
        _ => ("tag tag--low", "Low impact"),
    };
    html! { strong class=(class) { (word) } }
}

/// The server's location, else Leicester: a form's first answer.
fn default_location(shared: &Shared) -> String {
    shared
        .config
        .defaults
        .location
        .clone()
        .unwrap_or_else(|| "leicester".to_string())
}

/// A location for people: a preset's name in title case ("New York"),
/// else its coordinates and zone as given.
pub(crate) fn place(location: &clash_app::clash_core::Location) -> String {
    match location.name() {
        Some(name) => place_name(name),
        None => location.to_string(),
    }
}

/// "new-york" → "New York": a preset's name for people.
fn place_name(preset: &str) -> String {
    preset
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The page for a path that names no page, in the same layout.
pub(crate) fn not_found(path: &str) -> Response {
    Page {
        title: "Page not found".to_string(),
        nav: None,
        main: html! {
            h1 { "Page not found" }
            p { "There is no page at " code { (path) } "." }
            p { "If you typed the web address, check it is correct." }
            p { a href="/" { "Check a date" } }
        },
        status: StatusCode::NOT_FOUND,
    }
    .into_response()
}

/// Whether a request for `path` wants a page rather than JSON or a feed.
pub(crate) fn is_page_path(path: &str) -> bool {
    !(path.starts_with("/api/")
        || path.starts_with("/feeds/")
        || path.ends_with(".ics")
        || path == "/healthz")
}
