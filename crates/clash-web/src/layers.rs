//! This server's own layers around every answer: the log line (which also
//! marks a compressed answer's tag with its encoding) and conditional GET.
//!
//! They are tower services that call the service inside them directly.
//! Written with `axum::middleware::from_fn`, as they were first, each of
//! the three cloned and boxed the whole stack below it for every request,
//! and the layers were applied to each route (`Router::layer`), so a
//! request cloned them again: about a third of the instructions of a
//! timed check (callgrind, 2026-12-07: 313,000 per request).

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Instant;

use axum::body::{Body, HttpBody};
use axum::http::{header, HeaderValue, Method, Request, Response, Uri};

use crate::cache;

/// A boxed, sendable future: one allocation a layer a request.
type Boxed<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// The outermost layer: one line per request on standard error (method,
/// path, status, bytes when known, milliseconds; written in batches, at
/// most [`LOG_FLUSH_EVERY`] late), and the encoding added to the tag of a
/// compressed answer.
pub fn log_layer<S>() -> impl tower::Layer<S, Service = Log<S>> + Clone {
    tower::layer::layer_fn(|inner| Log { inner })
}

/// See [`log_layer`].
#[derive(Clone, Debug)]
pub struct Log<S> {
    inner: S,
}

impl<S, B, R> tower::Service<Request<B>> for Log<S>
where
    S: tower::Service<Request<B>, Response = Response<R>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
    R: HttpBody + Send + 'static,
{
    type Response = Response<R>;
    type Error = S::Error;
    type Future = Boxed<Result<Response<R>, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let started = Instant::now();
        let (method, uri) = (request.method().clone(), request.uri().clone());
        let answer = self.inner.call(request);
        Box::pin(async move {
            let mut response = answer.await?;
            tag_encoding(&mut response);
            log(&method, &uri, &response, started);
            Ok(response)
        })
    }
}

/// Marks the tag of a compressed answer with its encoding (`"…-gzip"`,
/// `"…-br"`): a strong tag names one representation.
fn tag_encoding<R>(response: &mut Response<R>) {
    let headers = response.headers();
    let (Some(encoding), Some(tag)) = (
        headers.get(header::CONTENT_ENCODING),
        headers.get(header::ETAG),
    ) else {
        return;
    };
    let (Ok(encoding), Ok(tag)) = (encoding.to_str(), tag.to_str()) else {
        return;
    };
    let marked = format!("\"{}-{encoding}\"", tag.trim_matches('"'));
    if let Ok(v) = HeaderValue::from_str(&marked) {
        response.headers_mut().insert(header::ETAG, v);
    }
}

/// Writes the request's line.
fn log<R: HttpBody>(method: &Method, uri: &Uri, response: &Response<R>, started: Instant) {
    use std::fmt::Write as _;
    let mut line = String::with_capacity(80);
    let _ = write!(
        line,
        "{method} {} {} ",
        uri.path(),
        response.status().as_u16()
    );
    let _ = match response.body().size_hint().exact() {
        Some(n) => write!(line, "{n}"),
        None => write!(line, "-"),
    };
    let _ = writeln!(line, " {:.1}ms", started.elapsed().as_secs_f64() * 1000.0);
    let Ok(mut pending) = PENDING.lock() else {
        return;
    };
    pending.extend_from_slice(line.as_bytes());
    if pending.len() >= LOG_BUFFER_BYTES {
        write_out(&mut pending);
    }
}

/// The log lines not written yet. A write to standard error for each
/// request cost a system call each (more than the rest of the log's
/// work); the lines are written when they fill [`LOG_BUFFER_BYTES`], every
/// [`LOG_FLUSH_EVERY`] (see [`flush_log`]) and when the server stops.
static PENDING: std::sync::Mutex<Vec<u8>> = std::sync::Mutex::new(Vec::new());

/// The log lines held before they are written (about 200 lines).
const LOG_BUFFER_BYTES: usize = 16 * 1024;

/// How often the server writes the log lines it holds: at most this late.
pub const LOG_FLUSH_EVERY: std::time::Duration = std::time::Duration::from_millis(200);

/// Writes the log lines held (whole lines, in order: under the lock).
pub fn flush_log() {
    if let Ok(mut pending) = PENDING.lock() {
        write_out(&mut pending);
    }
}

fn write_out(pending: &mut Vec<u8>) {
    if !pending.is_empty() {
        let _ = std::io::Write::write_all(&mut std::io::stderr().lock(), pending);
        pending.clear();
    }
}

/// Conditional GET: tags a successful answer (unless its handler already
/// did, as the feeds and the API do), sets its `Cache-Control` (an hour
/// for feeds, revalidate for the rest), and answers `304` when the client
/// has it. Sits inside compression: the tag is that of the plain bytes.
pub fn conditional_layer<S>() -> impl tower::Layer<S, Service = Conditional<S>> + Clone {
    tower::layer::layer_fn(|inner| Conditional { inner })
}

/// See [`conditional_layer`].
#[derive(Clone, Debug)]
pub struct Conditional<S> {
    inner: S,
}

impl<S, B> tower::Service<Request<B>> for Conditional<S>
where
    S: tower::Service<Request<B>, Response = Response<Body>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = Response<Body>;
    type Error = S::Error;
    type Future = Boxed<Result<Response<Body>, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let wanted = cache::wanted(request.headers());
        let feed = request.uri().path().ends_with(".ics");
        let answer = self.inner.call(request);
        Box::pin(async move { Ok(cache::conditional(wanted, feed, answer.await?).await) })
    }
}
