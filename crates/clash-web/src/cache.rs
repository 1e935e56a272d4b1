//! Caching for clients: a strong `ETag` on every answer (one per
//! representation: the compressed ones carry the encoding in the tag),
//! `Cache-Control`, and conditional GET (`If-None-Match` → `304`).

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use clash_app::chrono::{DateTime, NaiveDate, Utc};
use clash_app::clash_core::chrono_tz::Tz;

/// The largest answer this layer reads to tag (a feed covers at most 20
/// years: a few megabytes).
const MAX_TAGGED_BYTES: usize = 64 << 20;

/// A query in canonical form: its pairs decoded, names lower-cased, and
/// sorted, so that `a=1&b=2` and `b=2&A=1` name the same feed. Values
/// keep their case, as the CLI's do (`Jewish` is no tradition, and a time
/// zone's name has a case); a query is parsed before its canonical form is
/// used, so a bad query never reaches a cached answer.
pub fn canonical(raw: Option<&str>) -> String {
    let mut pairs: Vec<(String, String)> =
        form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
            .map(|(k, v)| (k.to_lowercase(), v.into_owned()))
            .collect();
    pairs.sort();
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// SipHash-1-3 of `bytes` with fixed keys, so that every replica of the
/// server gives a body the same tag: with the length, the strong tag of a
/// body. (Byte-at-a-time FNV-1a, used before, cost 3% of an API answer.)
fn digest(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = siphasher::sip::SipHasher13::new_with_keys(0, 0);
    h.write(bytes);
    h.finish()
}

/// The tags an `If-None-Match` names, each without an encoding suffix.
pub(crate) fn wanted(headers: &HeaderMap) -> Vec<String> {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| {
            let t = t.trim().trim_start_matches("W/").trim_matches('"');
            let t = t
                .strip_suffix("-gzip")
                .or_else(|| t.strip_suffix("-br"))
                .unwrap_or(t);
            t.to_string()
        })
        .collect()
}

/// The strong tag of a body: `"<SipHash-1-3, hex>-<length, hex>"`.
pub fn tag(bytes: &[u8]) -> HeaderValue {
    let text = format!("\"{:016x}-{:x}\"", digest(bytes), bytes.len());
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static("\"\""))
}

/// A successful `response` tagged (unless its handler already did, as the
/// feed cache does), with its `Cache-Control` (an hour for a `feed`,
/// revalidate for the API and pages); `304` when the request's
/// `If-None-Match` named (`wanted`) its tag.
pub(crate) async fn conditional(wanted: Vec<String>, feed: bool, response: Response) -> Response {
    if response.status() != StatusCode::OK {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let control = match feed {
        true => "public, max-age=3600",
        false => "no-cache",
    };
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(control));
    let (tag, body) = match parts.headers.get(header::ETAG).cloned() {
        Some(tag) => (tag, body),
        None => {
            let Ok(bytes) = axum::body::to_bytes(body, MAX_TAGGED_BYTES).await else {
                return Response::from_parts(parts, Body::empty());
            };
            let tag = self::tag(&bytes);
            parts.headers.insert(header::ETAG, tag.clone());
            (tag, Body::from(bytes))
        }
    };
    let bare = tag.to_str().unwrap_or_default().trim_matches('"');
    if wanted.iter().any(|t| t == bare || t == "*") {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, body)
}

/// Answers kept in memory, each for the day it was made: a feed for the
/// server's date (its window rolls with it), an API answer for the date at
/// the request's location (its defaults count from it). A kept answer is
/// served until that date changes; the same request on the same date
/// answers the same bytes, so nothing else can make it stale.
///
/// Bounded in count and in bytes: an answer over a sixteenth of the bytes
/// is not kept, and past either bound the answers kept longest are
/// forgotten first, one at a time (forgetting thousands at once stalled
/// every request for milliseconds: the load run of 2026-12-07).
pub struct Memory {
    kept: std::sync::Mutex<Kept>,
    max_entries: usize,
    max_bytes: usize,
}

#[derive(Default)]
struct Kept {
    answers: std::collections::HashMap<String, Answer>,
    /// The keys in the order they were first kept: the oldest go first.
    order: std::collections::VecDeque<String>,
    bytes: usize,
}

struct Answer {
    body: Bytes,
    tag: HeaderValue,
    zone: Tz,
    day: NaiveDate,
}

impl Memory {
    /// An empty memory of at most `max_entries` answers and `max_bytes`
    /// bytes (keys and bodies).
    pub fn new(max_entries: usize, max_bytes: usize) -> Self {
        Memory {
            kept: std::sync::Mutex::new(Kept::default()),
            max_entries,
            max_bytes,
        }
    }

    /// The body and tag kept for `key`, if made on the date `now` has in
    /// the answer's time zone.
    pub fn get(&self, key: &str, now: DateTime<Utc>) -> Option<(Bytes, HeaderValue)> {
        let kept = self.kept.lock().ok()?;
        let a = kept.answers.get(key)?;
        (now.with_timezone(&a.zone).date_naive() == a.day).then(|| (a.body.clone(), a.tag.clone()))
    }

    /// Keeps `body` and its `tag` for `key`, made on `day` in `zone`.
    pub fn keep(&self, key: String, zone: Tz, day: NaiveDate, body: Bytes, tag: HeaderValue) {
        let size = key.len() + body.len();
        if size > self.max_bytes / 16 {
            return;
        }
        let Ok(mut guard) = self.kept.lock() else {
            return;
        };
        let kept = &mut *guard;
        let answer = Answer {
            body,
            tag,
            zone,
            day,
        };
        match kept.answers.insert(key.clone(), answer) {
            // The same request made on an earlier day, replaced in place.
            Some(old) => kept.bytes = kept.bytes.saturating_sub(key.len() + old.body.len()),
            None => kept.order.push_back(key),
        }
        kept.bytes += size;
        while kept.answers.len() > self.max_entries || kept.bytes > self.max_bytes {
            let Some(oldest) = kept.order.pop_front() else {
                break;
            };
            if let Some(a) = kept.answers.remove(&oldest) {
                kept.bytes = kept.bytes.saturating_sub(oldest.len() + a.body.len());
            }
        }
    }
}

/// Answers being made, by key: a request for an answer another request is
/// making waits for it (and then finds it in memory) rather than making it
/// again. The first requests of a day for a popular feed come all at once
/// (every subscriber's calendar at midnight, a load test's 32 connections):
/// each making the 3-year feed (55 ms) kept 32 of them busy for most of a
/// second (a p99 of 360 ms in the load run of 2026-12-07).
#[derive(Default)]
pub struct Flights {
    making:
        std::sync::Mutex<std::collections::HashMap<String, std::sync::Arc<tokio::sync::Mutex<()>>>>,
}

/// A turn to make the answer for a key; others wait while it is held.
pub struct Turn<'a> {
    flights: &'a Flights,
    key: String,
    lock: std::sync::Arc<tokio::sync::Mutex<()>>,
    held: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl Flights {
    /// Waits until no other request is making the answer for `key`, then
    /// takes the turn to make it (look in memory again first: the one
    /// before may have made it).
    pub async fn turn(&self, key: &str) -> Turn<'_> {
        let lock = match self.making.lock() {
            Ok(mut making) => making.entry(key.to_string()).or_default().clone(),
            // A poisoned map (a panic while it was held, which nothing in
            // it can do): no waiting, as before.
            Err(_) => std::sync::Arc::default(),
        };
        let held = Some(lock.clone().lock_owned().await);
        Turn {
            flights: self,
            key: key.to_string(),
            lock,
            held,
        }
    }
}

#[cfg(test)]
impl Flights {
    /// How many keys have a request making or waiting for their answer.
    fn len(&self) -> usize {
        self.making.lock().map_or(0, |m| m.len())
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Drop for Turn<'_> {
    /// Lets the next waiter in; the last one out forgets the key, so that
    /// the map holds only keys being made (no query string grows it).
    fn drop(&mut self) {
        drop(self.held.take());
        if let Ok(mut making) = self.flights.making.lock() {
            // The map's handle and this turn's: nobody else waits.
            let alone = making
                .get(&self.key)
                .is_some_and(|l| std::sync::Arc::ptr_eq(l, &self.lock))
                && std::sync::Arc::strong_count(&self.lock) <= 2;
            if alone {
                making.remove(&self.key);
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use clash_app::chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Two requests for one key take turns; other keys do not wait; the
    /// map forgets a key when its last request is done.
    #[tokio::test]
    async fn one_turn_at_a_time_per_key() {
        let flights = std::sync::Arc::new(Flights::default());
        let first = flights.turn("/feeds/all.ics?").await;
        let other = flights.turn("/feeds/hindu.ics?").await;
        assert_eq!(flights.len(), 2);
        drop(other);
        assert_eq!(flights.len(), 1);
        let waiting = {
            let flights = flights.clone();
            tokio::spawn(async move {
                let _turn = flights.turn("/feeds/all.ics?").await;
            })
        };
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(!waiting.is_finished(), "the second waits for the first");
        drop(first);
        tokio::time::timeout(std::time::Duration::from_secs(5), waiting)
            .await
            .unwrap()
            .unwrap();
        assert!(flights.is_empty());
    }

    fn body(text: &'static str) -> (Bytes, HeaderValue) {
        (Bytes::from_static(text.as_bytes()), tag(text.as_bytes()))
    }

    /// An answer is served on the date it was made in its zone, and not on
    /// the next, though the UTC date has not changed (Kolkata is 5:30
    /// ahead) or has (New York is behind).
    #[test]
    fn an_answer_is_kept_for_its_date_in_its_zone() {
        let memory = Memory::new(8, 1 << 20);
        let (b, t) = body("kolkata");
        // 2026-12-07 18:00 UTC is 23:30 in Kolkata.
        let made = at(2026, 12, 7, 18, 0);
        let kolkata: Tz = "Asia/Kolkata".parse().unwrap();
        memory.keep("/check?k".into(), kolkata, day(2026, 12, 7), b.clone(), t);
        assert_eq!(memory.get("/check?k", made).unwrap().0, b);
        assert_eq!(
            memory.get("/check?k", at(2026, 12, 7, 18, 29)).unwrap().0,
            b
        );
        // 18:30 UTC is midnight there: the next day, same UTC date.
        assert!(memory.get("/check?k", at(2026, 12, 7, 18, 30)).is_none());
        assert!(memory.get("/check?other", made).is_none());

        let (b, t) = body("new york");
        let new_york: Tz = "America/New_York".parse().unwrap();
        memory.keep("/check?n".into(), new_york, day(2026, 12, 7), b.clone(), t);
        // 04:59 UTC on the 8th is 23:59 on the 7th in New York.
        assert_eq!(memory.get("/check?n", at(2026, 12, 8, 4, 59)).unwrap().0, b);
        assert!(memory.get("/check?n", at(2026, 12, 8, 5, 0)).is_none());
    }

    /// A request made again on a later day replaces its answer.
    #[test]
    fn a_later_answer_replaces_the_earlier() {
        let memory = Memory::new(8, 1 << 20);
        let (old, t) = body("old");
        memory.keep("k".into(), Tz::UTC, day(2026, 12, 7), old, t);
        let (new, t) = body("new");
        memory.keep("k".into(), Tz::UTC, day(2026, 12, 8), new.clone(), t);
        assert_eq!(memory.get("k", at(2026, 12, 8, 0, 0)).unwrap().0, new);
        assert!(memory.get("k", at(2026, 12, 7, 12, 0)).is_none());
        let kept = memory.kept.lock().unwrap();
        assert_eq!(
            (kept.answers.len(), kept.bytes),
            (1, "k".len() + "new".len())
        );
    }

    /// The memory holds at most its count and its bytes, forgetting the
    /// oldest first, and keeps no answer over a sixteenth of its bytes.
    #[test]
    fn the_memory_is_bounded_in_count_and_bytes() {
        let memory = Memory::new(4, 1600);
        let today = at(2026, 12, 7, 12, 0);
        for i in 0..10 {
            let (b, t) = body("0123456789");
            memory.keep(format!("k{i}"), Tz::UTC, today.date_naive(), b, t);
            let kept = memory.kept.lock().unwrap();
            assert!(kept.answers.len() <= 4 && kept.bytes <= 1600);
        }
        // The oldest are forgotten first.
        for (i, kept) in [(5, false), (6, true), (7, true), (8, true), (9, true)] {
            assert_eq!(memory.get(&format!("k{i}"), today).is_some(), kept, "k{i}");
        }
        let big = Bytes::from(vec![b'x'; 100]);
        memory.keep(
            "big".into(),
            Tz::UTC,
            today.date_naive(),
            big.clone(),
            tag(&big),
        );
        assert!(memory.get("big", today).is_none());
        let fits = Bytes::from(vec![b'x'; 90]);
        memory.keep(
            "fits".into(),
            Tz::UTC,
            today.date_naive(),
            fits.clone(),
            tag(&fits),
        );
        assert!(memory.get("fits", today).is_some());
        // Bytes: 1600 / 16 = 100, key and body ("fits" + 90 = 94) fit.
        for i in 0..30 {
            memory.keep(
                format!("f{i:02}"),
                Tz::UTC,
                today.date_naive(),
                fits.clone(),
                tag(&fits),
            );
            let kept = memory.kept.lock().unwrap();
            assert!(kept.bytes <= 1600, "{}", kept.bytes);
        }
    }
}
