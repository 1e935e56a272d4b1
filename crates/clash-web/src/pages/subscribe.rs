//! "Subscribe" (`/subscribe`): the feed builder. The filters make a feed
//! address, shown in a read-only field with one link for each calendar
//! (Apple and Outlook desktop by `webcal://`, Google, Outlook.com) and a
//! download; the page says plainly that a subscription updates and a
//! download does not.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use clash_app::chrono::Utc;
use clash_app::{Command, List, Request};
use maud::{html, Markup};

use super::calendar::Filters;
use super::{error_summary, FieldError, Page};
use crate::query::Query;
use crate::Shared;

/// `GET /subscribe[?filters]`.
pub(crate) async fn subscribe(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    let mut q = Query::parse(raw.as_deref());
    let filters = Filters::read(&mut q);
    let options = filters.options(&shared.config.defaults);
    // The filters are checked as the feed will be: by the engine.
    let today = Utc::now();
    let probe = Command::List(List {
        range_text: None,
        range: clash_app::FromTo {
            from: Some(today.date_naive().to_string()),
            to: Some(today.date_naive().to_string()),
        },
    });
    let request = Request::new(probe, today).options(options.clone());
    let engine = shared.engine.clone();
    let checked = crate::blocking(move || engine.run(&request, |_| ())).await;
    let errors = match checked {
        Ok(Ok(())) => Vec::new(),
        Ok(Err(e)) => vec![FieldError::new("tradition-christian", e.message())],
        Err(response) => return response,
    };
    let mut feed_query = form_urlencoded::Serializer::new(String::new());
    filters.append(&mut feed_query);
    let feed_query = feed_query.finish();
    let path = match feed_query.is_empty() {
        true => "/feed.ics".to_string(),
        false => format!("/feed.ics?{feed_query}"),
    };
    let https = site(&shared, &headers).join(&path);
    let name = clash_app::feed_name(&options);
    let links = Links::of(&https, &name);
    let main = html! {
        (error_summary(&errors))
        h1 { "Subscribe to the calendar" }
        p class="lead" {
            "Add these observances to Outlook, Google, Apple or Thunderbird as a calendar "
            "that keeps itself up to date."
        }
        @if errors.is_empty() {
            (explainer())
            h2 { "Your feed: " (name) }
            div class="form-group" {
                label for="feed-url" { "Feed address" }
                p class="hint" id="feed-url-hint" { "Copy it into your calendar's \"add calendar from the internet\" or \"subscribe\" box." }
                input type="text" id="feed-url" class="feed-url" readonly value=(https)
                    aria-describedby="feed-url-hint";
            }
            ul class="actions" {
                li { a class="button" href=(links.webcal) { "Subscribe in Apple Calendar or Outlook on a computer" } }
                li { a class="button" href=(links.google) { "Subscribe in Google Calendar" } }
                li { a class="button" href=(links.outlook) { "Subscribe in Outlook.com" } }
                li { a class="button button--secondary" href=(path) download="clash.ics" { "Download a copy (does not update)" } }
            }
        }
        h2 { "Choose what the feed holds" }
        form method="get" action="/subscribe" novalidate {
            (filters.inputs(&errors))
            button type="submit" class="button" { "Make the feed address" }
        }
    };
    Page {
        title: match errors.is_empty() {
            true => format!("Subscribe: {name}"),
            false => "Error: Subscribe".to_string(),
        },
        nav: Some("/subscribe"),
        main,
        status: match errors.is_empty() {
            true => StatusCode::OK,
            false => StatusCode::BAD_REQUEST,
        },
    }
    .into_response()
}

/// Where the site is reached: `--base-url`, else the address this request
/// was sent to (its `Host`, over http).
fn site(shared: &Shared, headers: &HeaderMap) -> crate::BaseUrl {
    if let Some(base) = &shared.config.base_url {
        return base.clone();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    crate::BaseUrl::parse(&format!("http://{host}")).unwrap_or_else(|_| crate::BaseUrl::localhost())
}

/// What subscribing is, beside downloading, in two sentences.
pub(crate) fn explainer() -> Markup {
    html! {
        div class="inset" {
            p {
                strong { "Subscribe" } " and your calendar fetches the feed again by itself, "
                "so new and corrected dates arrive without you doing anything. "
                strong { "Download" } " and you get a copy of today's feed that never changes."
            }
        }
    }
}

/// The links that subscribe each calendar to a feed (SPEC §12).
pub(crate) struct Links {
    /// Apple Calendar and Outlook on a computer: `webcal://`.
    pub webcal: String,
    /// Google Calendar, which takes the `http://` form of the address (its
    /// add-by-address fails on `https://`).
    pub google: String,
    /// Outlook.com's add-from-web, with the feed's name.
    pub outlook: String,
}

impl Links {
    /// The links for the feed at `url` called `name`.
    pub(crate) fn of(url: &str, name: &str) -> Links {
        let http = match url.strip_prefix("https://") {
            Some(rest) => format!("http://{rest}"),
            None => url.to_string(),
        };
        let encode = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        Links {
            webcal: match url.split_once("://") {
                Some((_, rest)) => format!("webcal://{rest}"),
                None => url.to_string(),
            },
            google: format!(
                "https://www.google.com/calendar/render?cid={}",
                encode(&http)
            ),
            outlook: format!(
                "https://outlook.live.com/calendar/addfromweb?url={}&name={}",
                encode(url),
                encode(name)
            ),
        }
    }
}
