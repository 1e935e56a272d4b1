//! Fetching a calendar by address (issue 19), against a small HTTP server
//! on a loopback port the test picks: a calendar, redirects within and
//! past the limit, a server that never answers, a body over the cap, an
//! HTML page, an error status, another scheme; and the guard that keeps
//! the web service from fetching on a visitor's behalf.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use clash_app::chrono::{TimeZone, Utc};
use clash_app::fetch::{fetch, FetchLimits};
use clash_app::{Calendar, Command, Engine, ErrorKind, FromTo, Import, Request};

const CALENDAR: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n\
    BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Board\r\nDTSTART:20270310T100000Z\r\nEND:VEVENT\r\n\
    END:VCALENDAR\r\n";

/// Answers one request on `stream` by its path.
fn answer(mut stream: TcpStream, base: &str) {
    let mut buf = [0u8; 4096];
    let mut got = Vec::new();
    while !got.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&got);
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    let reply = |status: &str, ctype: &str, body: &[u8]| {
        let mut r = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .into_bytes();
        r.extend_from_slice(body);
        r
    };
    let bytes = if path == "/cal.ics" {
        reply("200 OK", "text/calendar", CALENDAR.as_bytes())
    } else if let Some(n) = path.strip_prefix("/hop/") {
        let n: u32 = n.parse().unwrap();
        let to = if n == 0 {
            format!("{base}/cal.ics")
        } else {
            format!("{base}/hop/{}", n - 1)
        };
        format!("HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .into_bytes()
    } else if path == "/slow" {
        std::thread::sleep(Duration::from_secs(5));
        return;
    } else if path == "/big" {
        let mut body = CALENDAR.as_bytes().to_vec();
        body.extend(std::iter::repeat_n(b'X', 5000));
        reply("200 OK", "text/calendar", &body)
    } else if path == "/page" {
        reply(
            "200 OK",
            "text/html",
            b"<!DOCTYPE html><html><body>Sign in</body></html>",
        )
    } else {
        reply("404 Not Found", "text/plain", b"no")
    };
    let _ = stream.write_all(&bytes);
}

/// A server on a loopback port of the system's choosing; its base URL.
fn server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let b = base.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let b = b.clone();
            std::thread::spawn(move || answer(stream, &b));
        }
    });
    base
}

fn limits() -> FetchLimits {
    FetchLimits {
        timeout: Duration::from_secs(1),
        max_bytes: 1000,
        max_redirects: 3,
    }
}

#[test]
fn a_calendar_is_fetched_within_its_limits() {
    let base = server();
    assert_eq!(
        fetch(&format!("{base}/cal.ics"), &limits()).unwrap(),
        CALENDAR.as_bytes()
    );
    // Three redirects are followed, a fourth is one too many.
    assert_eq!(
        fetch(&format!("{base}/hop/2"), &limits()).unwrap(),
        CALENDAR.as_bytes()
    );
    let cases: &[(&str, ErrorKind, &str)] = &[
        ("/hop/3", ErrorKind::Usage, "more than 3 redirects"),
        ("/slow", ErrorKind::Usage, "no answer within 1 s"),
        (
            "/big",
            ErrorKind::TooLarge,
            "the calendar is over 1000 bytes",
        ),
        (
            "/page",
            ErrorKind::Usage,
            "not an iCalendar file (text/html, it begins `<!DOCTYPE html>",
        ),
        (
            "/gone",
            ErrorKind::Usage,
            "the server answered 404 Not Found",
        ),
    ];
    for (path, kind, words) in cases {
        let url = format!("{base}{path}");
        let started = Instant::now();
        let e = fetch(&url, &limits()).unwrap_err();
        assert_eq!(e.kind(), *kind, "{path}: {e}");
        assert!(
            e.message().starts_with(&format!("cannot fetch {url}: ")),
            "{e}"
        );
        assert!(e.message().contains(words), "{path}: {e}");
        assert!(!e.message().contains('\n'), "{e}");
        assert!(started.elapsed() < Duration::from_secs(4), "{path}");
    }
    // A port nobody listens on, and another scheme.
    let closed = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap()
    };
    let e = fetch(&format!("http://{closed}/x.ics"), &limits()).unwrap_err();
    assert!(e.message().starts_with("cannot fetch"), "{e}");
    let e = fetch("ftp://example.com/x.ics", &limits()).unwrap_err();
    assert!(e.message().contains("only http:// and https://"), "{e}");
}

/// The import reads an address only for a request that may name files
/// (the CLI's), never for the web service's.
#[test]
fn only_a_request_that_may_name_files_fetches() {
    let base = server();
    let engine = Engine::embedded().unwrap();
    let now = Utc.with_ymd_and_hms(2027, 1, 1, 9, 0, 0).unwrap();
    let import = |calendar: Calendar| {
        Request::new(
            Command::Import(Import {
                calendar,
                range: FromTo {
                    from: Some("2027-03-01".into()),
                    to: Some("2027-03-31".into()),
                },
                with_food: false,
            }),
            now,
        )
    };
    let url = Calendar::Url(format!("{base}/cal.ics"));
    let e = engine.run(&import(url.clone()), |_| ()).unwrap_err();
    assert_eq!(e.message(), "this request may not name an address to fetch");
    let e = engine.run(&import(Calendar::Stdin), |_| ()).unwrap_err();
    assert_eq!(e.message(), "this request may not read standard input");
    let events = engine
        .run(&import(url).reading_files(true), |report| match report {
            clash_app::Report::Import(r) => r.counts.in_window,
            _ => panic!("not an import"),
        })
        .unwrap();
    assert_eq!(events, 1);
}
