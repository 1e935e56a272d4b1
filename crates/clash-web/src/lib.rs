//! # clash-web
//!
//! `clash serve` (SPEC §11): the JSON API and the subscription feeds over
//! HTTP, on the application layer, so that every answer is the CLI's
//! answer byte for byte. One [`Engine`] is loaded at start and shared by
//! every request; each request is parsed from its query string into a
//! typed [`clash_app::Request`], run on a blocking thread (the work is
//! CPU-bound) and rendered by the same renderers as the CLI.
//!
//! ```no_run
//! # async fn f() -> std::io::Result<()> {
//! let engine = std::sync::Arc::new(clash_app::Engine::embedded().map_err(std::io::Error::other)?);
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! let config = clash_web::Config::default();
//! clash_web::serve(listener, engine, config, std::future::pending()).await
//! # }
//! ```

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod base_url;
mod cache;
mod layers;
mod pages;
pub mod publish;
mod query;

/// An error of a response body, boxed (what hyper takes).
type BoxError = Box<dyn std::error::Error + Send + Sync>;

use std::future::Future;
use std::sync::Arc;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{FromRequest, Path, RawQuery, Request as HttpRequest, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use clash_app::chrono::{Datelike, NaiveDate, Utc};
use clash_app::{
    Calendar, Check, Command, Engine, Error, Format, FromTo, Import, List, Options, Request, Show,
    Style, Suggest, Sun,
};
use query::Query;

pub use base_url::BaseUrl;

/// How a server answers, beyond its engine.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Config {
    /// The options a request has where its query says nothing (`clash serve
    /// --location london`): a query's parameter replaces the server's. The
    /// named feeds take only the settings (location and reckonings).
    pub defaults: Options,
    /// Where users reach the service (`--base-url`); links it gives out are
    /// made from it, and are relative without it.
    pub base_url: Option<BaseUrl>,
}

impl Config {
    /// A server with these default options and public address.
    pub fn new(defaults: Options, base_url: Option<BaseUrl>) -> Config {
        Config { defaults, base_url }
    }
}

/// The largest request body: an uploaded calendar (SPEC §11).
pub const MAX_BODY_BYTES: usize = 16 << 20;

/// What every request shares: the engine, and the answers already made.
struct Shared {
    engine: Arc<Engine>,
    config: Config,
    /// The named feeds of the engine's catalogue.
    named: Vec<clash_app::NamedFeed>,
    /// Each feed by its canonical query, for the server's date (SPEC §11:
    /// computed once per query and day, then served from memory).
    feeds: cache::Memory,
    /// Each API answer by its path and query as sent, for the date at the
    /// request's location.
    answers: cache::Memory,
    /// The feeds being made: a second request for one waits for it.
    making: cache::Flights,
}

/// The most feeds kept in memory, and their bytes (a 3-year feed of every
/// tradition is about 760 kB).
const MAX_KEPT_FEEDS: (usize, usize) = (256, 256 << 20);

/// The most API answers kept in memory, and their bytes (a day's check is
/// 4–5 kB).
const MAX_KEPT_ANSWERS: (usize, usize) = (8_192, 32 << 20);

/// The service that answers every request, on `engine`, set up by
/// `config`: the routes inside the layers (see `layered`).
pub fn router(
    engine: Arc<Engine>,
    config: Config,
) -> impl tower::Service<
    axum::http::Request<hyper::body::Incoming>,
    Response = Response<impl HttpBody<Data = Bytes, Error: Into<BoxError>> + Send + 'static>,
    Error = std::convert::Infallible,
    Future: Send + 'static,
> + Clone
       + Send
       + 'static {
    let shared = Arc::new(Shared {
        named: clash_app::named_feeds(engine.catalogue()),
        engine,
        config,
        feeds: cache::Memory::new(MAX_KEPT_FEEDS.0, MAX_KEPT_FEEDS.1),
        answers: cache::Memory::new(MAX_KEPT_ANSWERS.0, MAX_KEPT_ANSWERS.1),
        making: cache::Flights::default(),
    });
    let api = Router::new()
        .route("/check", get(check))
        .route("/list", get(list))
        .route("/suggest", get(suggest))
        .route("/observances", get(observances))
        .route("/observances/{id}", get(show))
        .route("/sun", get(sun))
        .route("/locations", get(locations))
        .route("/import", post(import));
    let routes = Router::new()
        .nest("/api/v1", api)
        .route("/feed.ics", get(feed))
        .route("/feeds/{file}", get(named_feed))
        .route("/healthz", get(|| async { "ok\n" }))
        .merge(pages::routes())
        .fallback(not_found)
        .with_state(shared);
    layered(routes)
}

/// `routes` inside the layers every answer passes, outermost first: the
/// log, caught panics, CORS, compression, the body limit, the client
/// timeout, conditional GET. The layers wrap the router once, not each
/// route (as `Router::layer` does), so that a request clones them once.
fn layered(
    routes: Router,
) -> impl tower::Service<
    axum::http::Request<hyper::body::Incoming>,
    Response = Response<impl HttpBody<Data = Bytes, Error: Into<BoxError>> + Send + 'static>,
    Error = std::convert::Infallible,
    Future: Send + 'static,
> + Clone
       + Send
       + 'static {
    tower::ServiceBuilder::new()
        .layer(layers::log_layer())
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(panicked))
        .layer(tower_http::cors::CorsLayer::new().allow_origin(tower_http::cors::Any))
        .layer(tower_http::compression::CompressionLayer::new())
        // The limit's body type as axum's (CORS needs a default body).
        .map_response(IntoResponse::into_response)
        // Refuses a body announced over the limit before reading it.
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            MAX_BODY_BYTES,
        ))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            CLIENT_TIMEOUT,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(layers::conditional_layer())
        .service(routes)
}

/// A client gets this long to send its request's headers (and, by the
/// timeout layer, to send its body and be answered): a slow or stalled
/// client is cut off (SPEC §11).
pub const CLIENT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// The largest request line and headers, in bytes (SPEC §11).
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// The most connections served at once; more wait to be accepted.
pub const MAX_CONNECTIONS: usize = 1024;

/// Serves [`router`] on `listener` until `shutdown` resolves, then
/// stops accepting and finishes the requests in flight. Each connection
/// is HTTP/1.1 with [`CLIENT_TIMEOUT`] to send its headers; at most
/// [`MAX_CONNECTIONS`] are open at once.
pub async fn serve(
    listener: tokio::net::TcpListener,
    engine: Arc<Engine>,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_router(listener, router(engine, config), shutdown).await
}

/// Serves `app` on `listener` as [`serve`] does.
async fn serve_router<S, B>(
    listener: tokio::net::TcpListener,
    app: S,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()>
where
    S: tower::Service<
            axum::http::Request<hyper::body::Incoming>,
            Response = Response<B>,
            Error = std::convert::Infallible,
        > + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
    B: HttpBody<Data = Bytes, Error: Into<BoxError>> + Send + 'static,
{
    use hyper_util::rt::{TokioIo, TokioTimer};
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let flusher = tokio::spawn(async {
        let mut every = tokio::time::interval(layers::LOG_FLUSH_EVERY);
        loop {
            every.tick().await;
            layers::flush_log();
        }
    });
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let Ok(slot) = slots.clone().acquire_owned().await else {
            break;
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors, say: wait, then go on.
                    eprintln!("clash serve: accept failed: {e}");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Each answer goes out as soon as it is written, not held back for
        // the client's acknowledgement of the last one (Nagle's algorithm).
        let _ = stream.set_nodelay(true);
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        let mut http = hyper::server::conn::http1::Builder::new();
        http.timer(TokioTimer::new())
            .header_read_timeout(CLIENT_TIMEOUT)
            // Request line and headers of at most 16 kB (SPEC §11).
            .max_buf_size(MAX_HEADER_BYTES);
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    // The requests in flight, each bounded by the client timeout.
    let _ = tokio::time::timeout(CLIENT_TIMEOUT * 3, graceful.shutdown()).await;
    flusher.abort();
    layers::flush_log();
    Ok(())
}

/// A panic in a handler: 500, logged; the server goes on.
fn panicked(payload: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    eprintln!("clash serve: a handler panicked: {what}");
    internal_error()
}

/// The answer to a bug: `500 {"error": "internal error"}`.
fn internal_error() -> Response {
    error_body(StatusCode::INTERNAL_SERVER_ERROR, "internal error", None)
}

/// The engine's work that may run at once: two per core. More waits its
/// turn (within the client timeout), so that a burst of long answers
/// cannot start hundreds of threads.
static WORKERS: std::sync::LazyLock<Arc<tokio::sync::Semaphore>> = std::sync::LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
    Arc::new(tokio::sync::Semaphore::new(cores * 2))
});

/// Runs `work` on a blocking thread (the engine's work is CPU-bound), one
/// of [`WORKERS`]; a panic in it is logged and answered 500.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Response> {
    let Ok(permit) = WORKERS.clone().acquire_owned().await else {
        return Err(internal_error());
    };
    let work = move || {
        let answer = work();
        drop(permit);
        answer
    };
    tokio::task::spawn_blocking(work).await.map_err(|e| {
        eprintln!("clash serve: a request's work panicked: {e}");
        internal_error()
    })
}

async fn not_found(uri: axum::http::Uri) -> Response {
    if pages::is_page_path(uri.path()) {
        return pages::not_found(uri.path());
    }
    error_body(
        StatusCode::NOT_FOUND,
        &format!("no such page: {}", uri.path()),
        Some("the API is under /api/v1/; the feed is /feed.ics"),
    )
}

/// `{"error": …, "hint": …}` with `status`.
fn error_body(status: StatusCode, message: &str, hint: Option<&str>) -> Response {
    #[derive(serde::Serialize)]
    struct Body<'a> {
        error: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        hint: Option<&'a str>,
    }
    let json = serde_json::to_vec_pretty(&Body {
        error: message,
        hint,
    })
    .unwrap_or_default();
    let mut r = (status, json).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

/// An application error as its status and JSON body.
fn error_response(e: &Error) -> Response {
    let status = StatusCode::from_u16(e.http_status()).unwrap_or(StatusCode::BAD_REQUEST);
    error_body(status, e.message(), e.hint_text())
}

/// Runs `request` and renders it: the bytes, or the error response. A
/// quick check (one day or one meeting from baked data, tens of
/// microseconds: `Engine::is_quick`) runs here, on the connection's
/// thread; handing it to a blocking thread and back cost as much again in
/// wake-ups (2026-12-07, three alternating load runs: 25% less CPU a
/// request). Everything else runs on a blocking thread.
async fn rendered(engine: Arc<Engine>, request: Request) -> Result<Bytes, Response> {
    let format = request.format;
    let quick = engine.is_quick(&request);
    let work = move || {
        engine
            .run(&request, |report| {
                exact(|out| clash_app::render_into(report, format, Style::default(), out))
            })
            .and_then(|r| r)
    };
    let done = match quick {
        true => work(),
        false => blocking(work).await?,
    };
    done.map_err(|e| error_response(&e))
}

/// The largest buffer a thread keeps to render its next answer into.
const KEPT_BUFFER_BYTES: usize = 1 << 16;

/// What `write` writes, rendered into this thread's buffer and copied out
/// at its exact size. A fresh 16 kB buffer for each answer, kept in memory
/// with the answer, held three times the bytes of a 5 kB check (166 MiB
/// after the load run's 8,192 kept answers), and each new one grew the
/// heap (an `mprotect` call for two requests in three).
fn exact(write: impl FnOnce(&mut Vec<u8>) -> Result<(), Error>) -> Result<Bytes, Error> {
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with(|cell| {
        let mut out = cell.take();
        out.clear();
        let written = write(&mut out).map(|()| Bytes::copy_from_slice(&out));
        if out.capacity() <= KEPT_BUFFER_BYTES {
            cell.replace(out);
        }
        written
    })
}

/// Builds a request from the query string with `command`, the server's
/// `defaults` for the options it does not give, refusing unknown
/// parameters.
fn request(
    mut q: Query,
    format: Format,
    defaults: &Options,
    command: impl FnOnce(&mut Query) -> Result<Command, Error>,
    now: clash_app::chrono::DateTime<Utc>,
) -> Result<Request, Error> {
    let command = command(&mut q)?;
    let options = q.options(defaults)?;
    q.finish()?;
    Ok(Request::new(command, now)
        .options(options)
        .format(format)
        .max_range_days(clash_app::MAX_EXPORT_DAYS))
}

/// Answers an API request at `uri` built from its query string (JSON), or
/// its error: from memory when the same path and query were answered
/// before on today's date at the request's location.
async fn respond(
    shared: &Shared,
    uri: &axum::http::Uri,
    command: impl FnOnce(&mut Query) -> Result<Command, Error>,
) -> Response {
    let now = Utc::now();
    let key = uri.path_and_query().map_or("", |p| p.as_str());
    if let Some((body, tag)) = shared.answers.get(key, now) {
        return json(body, Some(tag));
    }
    match api_answer(shared, uri.query(), command, now).await {
        Ok((body, zone)) => {
            let tag = cache::tag(&body);
            if let Some(zone) = zone {
                let day = now.with_timezone(&zone).date_naive();
                shared
                    .answers
                    .keep(key.to_string(), zone, day, body.clone(), tag.clone());
            }
            json(body, Some(tag))
        }
        Err(response) => response,
    }
}

/// The answer (JSON) to the API request built from query string `raw` at
/// `now`, with the time zone of its date; or the error response.
async fn api_answer(
    shared: &Shared,
    raw: Option<&str>,
    command: impl FnOnce(&mut Query) -> Result<Command, Error>,
    now: clash_app::chrono::DateTime<Utc>,
) -> Result<(Bytes, Option<clash_app::clash_core::chrono_tz::Tz>), Response> {
    let q = Query::parse(raw);
    let request = request(q, Format::Json, &shared.config.defaults, command, now)
        .map_err(|e| error_response(&e))?;
    let zone = request.time_zone();
    let body = rendered(shared.engine.clone(), request).await?;
    Ok((body, zone))
}

/// `body` as an `application/json` response, with its tag if known.
fn json(body: Bytes, tag: Option<HeaderValue>) -> Response {
    let mut r = Response::new(Body::from(body));
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Some(tag) = tag {
        r.headers_mut().insert(header::ETAG, tag);
    }
    r
}

/// `check`: `date` (a day, a range, or a date-time), `from`/`to`, `time`,
/// `duration`, `with-food`.
fn check_command(q: &mut Query) -> Result<Command, Error> {
    Ok(Command::Check(Check {
        when: q.one("date")?,
        range: q.range()?,
        meeting: q.meeting()?,
    }))
}

/// `list`: `from`/`to`.
fn list_command(q: &mut Query) -> Result<Command, Error> {
    Ok(Command::List(List {
        range_text: None,
        range: q.range()?,
    }))
}

/// `suggest`: `from`/`to`, `weekdays`, the meeting, `count`, `profile`.
fn suggest_command(q: &mut Query) -> Result<Command, Error> {
    let default = Suggest::default();
    Ok(Command::Suggest(Suggest {
        window: None,
        range: q.range()?,
        weekdays: q.one("weekdays")?.unwrap_or(default.weekdays),
        meeting: q.meeting()?,
        count: q.count(default.count)?,
        profile: q.one("profile")?.unwrap_or(default.profile),
    }))
}

/// `show ID`: `count`, `from`/`to`.
fn show_command(id: String, q: &mut Query) -> Result<Command, Error> {
    Ok(Command::Show(Show {
        id,
        count: q.count(5)?,
        range: q.range()?,
    }))
}

/// `sun`: `from`/`to`.
fn sun_command(q: &mut Query) -> Result<Command, Error> {
    Ok(Command::Sun(Sun {
        range_text: None,
        range: q.range()?,
    }))
}

async fn check(State(shared): State<Arc<Shared>>, uri: axum::http::Uri) -> Response {
    respond(&shared, &uri, check_command).await
}

async fn list(State(shared): State<Arc<Shared>>, uri: axum::http::Uri) -> Response {
    respond(&shared, &uri, list_command).await
}

async fn suggest(State(shared): State<Arc<Shared>>, uri: axum::http::Uri) -> Response {
    respond(&shared, &uri, suggest_command).await
}

async fn observances(State(shared): State<Arc<Shared>>, uri: axum::http::Uri) -> Response {
    respond(&shared, &uri, |_| Ok(Command::Observances)).await
}

async fn show(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    uri: axum::http::Uri,
) -> Response {
    respond(&shared, &uri, |q| show_command(id, q)).await
}

async fn sun(State(shared): State<Arc<Shared>>, uri: axum::http::Uri) -> Response {
    respond(&shared, &uri, sun_command).await
}

async fn locations(State(shared): State<Arc<Shared>>, uri: axum::http::Uri) -> Response {
    respond(&shared, &uri, |_| Ok(Command::Locations)).await
}

/// `POST /api/v1/import`: the calendar as the body, or as the field
/// `file` of a `multipart/form-data` form (a browser's upload).
async fn import(
    State(shared): State<Arc<Shared>>,
    RawQuery(raw): RawQuery,
    request: HttpRequest,
) -> Response {
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("multipart/form-data"));
    let upload = match multipart {
        true => uploaded_file(request).await,
        false => match Bytes::from_request(request, &()).await {
            Ok(b) => Ok(("upload".to_string(), b.to_vec())),
            Err(e) => return e.into_response(),
        },
    };
    let (name, data) = match upload {
        Ok(u) => u,
        Err(response) => return response,
    };
    // An upload is never kept: its answer is the caller's alone.
    let command = |q: &mut Query| {
        Ok(Command::Import(Import {
            calendar: Calendar::Bytes { name, data },
            range: q.range()?,
            with_food: q.flag("with-food")?,
        }))
    };
    match api_answer(&shared, raw.as_deref(), command, Utc::now()).await {
        Ok((body, _)) => json(body, None),
        Err(response) => response,
    }
}

/// The field `file` of a multipart form: its file name (else "upload")
/// and bytes.
async fn uploaded_file(request: HttpRequest) -> Result<(String, Vec<u8>), Response> {
    let bad = |m: &str| {
        error_body(
            StatusCode::BAD_REQUEST,
            m,
            Some("send the .ics as the field `file`"),
        )
    };
    let mut form = axum::extract::Multipart::from_request(request, &())
        .await
        .map_err(IntoResponse::into_response)?;
    loop {
        match form.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => {
                let name = field.file_name().unwrap_or("upload").to_string();
                let bytes = field.bytes().await.map_err(IntoResponse::into_response)?;
                return Ok((name, bytes.to_vec()));
            }
            Ok(Some(_)) => continue,
            Ok(None) => return Err(bad("the form has no field `file`")),
            Err(e) => return Err(e.into_response()),
        }
    }
}

/// A feed's window: the one given, else 1 January of last year to 31
/// December of next year (rolling with the server's date, SPEC §11).
fn feed_window(given: FromTo, today: NaiveDate) -> FromTo {
    match (&given.from, &given.to) {
        (None, None) => FromTo {
            from: Some((today.year() - 1).to_string()),
            to: Some((today.year() + 1).to_string()),
        },
        _ => given,
    }
}

/// `GET /feed.ics?FILTERS[&from&to]`: the feed of the filters.
async fn feed(State(shared): State<Arc<Shared>>, RawQuery(raw): RawQuery) -> Response {
    let now = Utc::now();
    let q = Query::parse(raw.as_deref());
    let made = request(
        q,
        Format::Ics,
        &shared.config.defaults,
        |q| {
            Ok(Command::Export(List {
                range_text: None,
                range: feed_window(q.range()?, now.date_naive()),
            }))
        },
        now,
    );
    cached_feed(&shared, "/feed.ics", raw.as_deref(), now, made).await
}

/// `GET /feeds/NAME.ics[?from&to]`: a named feed (SPEC §13), the set
/// `clash_app::named_feeds` lists, with the server's location and
/// reckonings.
async fn named_feed(
    State(shared): State<Arc<Shared>>,
    Path(file): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let now = Utc::now();
    let named = file
        .strip_suffix(".ics")
        .and_then(|name| shared.named.iter().find(|f| f.name == name));
    let Some(named) = named else {
        if let Some(to) = file.strip_suffix(".ics").and_then(clash_app::moved_feed) {
            return moved(&shared, to, raw.as_deref());
        }
        let names: Vec<&str> = shared.named.iter().map(|f| f.name.as_str()).collect();
        let hint = format!("the named feeds are {}", names.join(", "));
        return error_body(
            StatusCode::NOT_FOUND,
            &format!("no feed named `{file}`"),
            Some(&hint),
        );
    };
    let made = (|| {
        let mut q = Query::parse(raw.as_deref());
        let range = feed_window(q.range()?, now.date_naive());
        q.finish()?;
        Ok(named_request(named, &shared.config.defaults, range, now))
    })();
    let path = format!("/feeds/{file}");
    cached_feed(&shared, &path, raw.as_deref(), now, made).await
}

/// `301 Moved Permanently` to named feed `to`, with the query as given:
/// a renamed feed's subscribers follow it (calendar clients follow a 301
/// on a subscription, and some remember the new address).
fn moved(shared: &Shared, to: &str, raw: Option<&str>) -> Response {
    let path = match raw {
        Some(q) if !q.is_empty() => format!("/feeds/{to}.ics?{q}"),
        _ => format!("/feeds/{to}.ics"),
    };
    let location = match &shared.config.base_url {
        Some(base) => base.join(&path),
        None => path,
    };
    let mut r = Response::new(Body::empty());
    *r.status_mut() = StatusCode::MOVED_PERMANENTLY;
    if let Ok(v) = HeaderValue::from_str(&location) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    r
}

/// The request of named feed `named` over `range`, with the server's
/// settings (`defaults`): what `/feeds/NAME.ics` answers and `clash
/// publish` writes.
fn named_request(
    named: &clash_app::NamedFeed,
    defaults: &Options,
    range: FromTo,
    now: clash_app::chrono::DateTime<Utc>,
) -> Request {
    let command = Command::Export(List {
        range_text: None,
        range,
    });
    Request::new(command, now)
        .options(named.options.clone().with_settings_of(defaults))
        .format(Format::Ics)
}

/// The feed at `path?raw` made at `now`: an error for a query that makes
/// no request (checked first, so that no kept answer stands for a bad
/// query), from memory when made on the server's date (UTC: the window
/// rolls with it) for the same canonical query, else made, kept and
/// served. Its `Link` names its canonical address.
async fn cached_feed(
    shared: &Shared,
    path: &str,
    raw: Option<&str>,
    now: clash_app::chrono::DateTime<Utc>,
    made: Result<Request, Error>,
) -> Response {
    let request = match made {
        Ok(request) => request,
        Err(e) => return error_response(&e),
    };
    let canonical = cache::canonical(raw);
    let link = match canonical.is_empty() {
        true => path.to_string(),
        false => format!("{path}?{canonical}"),
    };
    let link = match &shared.config.base_url {
        Some(base) => base.join(&link),
        None => link,
    };
    let key = format!("{path}?{canonical}");
    let (bytes, tag) = match shared.feeds.get(&key, now) {
        Some(hit) => hit,
        None => {
            // One request makes it; the others for it wait and find it.
            let _turn = shared.making.turn(&key).await;
            if let Some(hit) = shared.feeds.get(&key, now) {
                return feed_response(hit, &link);
            }
            let bytes = match rendered(shared.engine.clone(), request).await {
                Ok(body) => body,
                Err(response) => return response,
            };
            // Tagged once, here: a 3-year feed is 757 kB, and hashing it
            // for every request cost more than sending it.
            let tag = cache::tag(&bytes);
            let utc = clash_app::clash_core::chrono_tz::Tz::UTC;
            let today = now.date_naive();
            shared
                .feeds
                .keep(key, utc, today, bytes.clone(), tag.clone());
            (bytes, tag)
        }
    };
    feed_response((bytes, tag), &link)
}

/// A feed's bytes and tag as a response naming its canonical address.
fn feed_response((bytes, tag): (Bytes, HeaderValue), link: &str) -> Response {
    let mut r = calendar(bytes, tag);
    if let Ok(v) = HeaderValue::from_str(&format!("<{link}>; rel=\"canonical\"")) {
        r.headers_mut().insert(header::LINK, v);
    }
    r
}

/// A feed's bytes as a `text/calendar` response with its tag.
fn calendar(bytes: Bytes, tag: HeaderValue) -> Response {
    let mut r = Response::new(Body::from(bytes));
    r.headers_mut().insert(header::ETAG, tag);
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    r
}

/// The query-string → request step, for the fuzz targets.
#[doc(hidden)]
pub mod fuzzing {
    use super::{Command, Format, Options, Query, Utc};

    /// The request `raw` makes on API route `route` (`check`, `list`,
    /// `suggest`, `sun`, `show`, `observances`, `locations`), or its error.
    pub fn request(route: &str, raw: &str) -> Result<clash_app::Request, clash_app::Error> {
        let q = Query::parse(Some(raw));
        let none = Options::default();
        let now = Utc::now();
        let json = Format::Json;
        match route {
            "check" => super::request(q, json, &none, super::check_command, now),
            "list" => super::request(q, json, &none, super::list_command, now),
            "suggest" => super::request(q, json, &none, super::suggest_command, now),
            "sun" => super::request(q, json, &none, super::sun_command, now),
            "show" => super::request(
                q,
                json,
                &none,
                |q| super::show_command("diwali".to_string(), q),
                now,
            ),
            "locations" => super::request(q, json, &none, |_| Ok(Command::Locations), now),
            _ => super::request(q, json, &none, |_| Ok(Command::Observances), now),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use std::io::{Read, Write};

    use super::*;

    /// The status and body of `GET path` from the server at `addr`.
    fn fetch(addr: std::net::SocketAddr, path: &str) -> (u16, String) {
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(std::time::Duration::from_secs(30)))
            .unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut all = String::new();
        s.read_to_string(&mut all).unwrap();
        let status = all.split_whitespace().nth(1).unwrap().parse().unwrap();
        let body = all.split("\r\n\r\n").nth(1).unwrap_or_default().to_string();
        (status, body)
    }

    /// A bug that panics, in a handler or in the work it hands to a
    /// blocking thread, is answered 500 with the JSON error body, on a real
    /// server on a loopback port, and the server goes on answering.
    #[test]
    fn a_panic_is_answered_500_and_the_server_goes_on() {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let addr = listener.local_addr().unwrap();
        let routes = Router::new()
            .route(
                "/handler",
                get(|| async { panic!("a bug, on purpose") as Response }),
            )
            .route(
                "/work",
                get(|| async {
                    blocking(|| -> Response { panic!("a bug in the work, on purpose") })
                        .await
                        .unwrap_or_else(|r| r)
                }),
            )
            .route("/healthz", get(|| async { "ok\n" }));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = runtime.spawn(serve_router(listener, layered(routes), async {
            let _ = stopped.await;
        }));
        for path in ["/handler", "/work", "/handler", "/work"] {
            let (status, body) = fetch(addr, path);
            assert_eq!(status, 500, "{path}");
            assert!(body.contains("\"error\": \"internal error\""), "{body}");
        }
        assert_eq!(fetch(addr, "/healthz"), (200, "ok\n".to_string()));
        stop.send(()).unwrap();
        runtime.block_on(server).unwrap().unwrap();
    }
}
