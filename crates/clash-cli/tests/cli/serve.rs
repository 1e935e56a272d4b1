//! `clash serve` (SPEC §11), the real server as a process on a loopback
//! port it picks itself (`--listen 127.0.0.1:0`, the address read from its
//! first line): every API answer is byte-identical to the CLI's `--format
//! json` for the same options, the feed to `clash export` for the same
//! window, errors carry the CLI's message, and SIGTERM stops it with 0.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use chrono::Datelike;

use crate::util::*;

/// A running `clash serve`, killed when dropped.
struct Server {
    child: Child,
    addr: String,
    /// Its standard error's lines after the first, as they come.
    log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Server {
    fn start() -> Server {
        Server::start_with(&[])
    }

    /// `clash serve` with these options after `--listen`.
    fn start_with(options: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_clash"))
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(options)
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start clash serve");
        let stderr = child.stderr.take().expect("stderr");
        let mut lines = BufReader::new(stderr);
        let mut first = String::new();
        lines.read_line(&mut first).expect("the first line");
        let addr = first
            .trim()
            .strip_prefix("clash serve: listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line: {first:?}"))
            .to_string();
        // Keep draining the log so that the server never blocks on it.
        let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let kept = log.clone();
        std::thread::spawn(move || {
            for line in lines.lines().map_while(Result::ok) {
                kept.lock().expect("the log").push(line);
            }
        });
        Server { child, addr, log }
    }

    /// Sends `method path` (with `body`) and returns status, headers, body.
    fn send(&self, method: &str, path: &str, body: &[u8]) -> (u16, String, Vec<u8>) {
        self.send_declaring(method, path, body, body.len())
    }

    /// A GET with one extra header line (`Name: value`).
    fn get_with(&self, path: &str, header: &str) -> (u16, String, Vec<u8>) {
        self.request(&format!("GET {path} HTTP/1.1\r\n{header}\r\n"), b"")
    }

    /// As [`Server::send`], with `declared` as the Content-Length (so that
    /// a body over the limit can be announced without being sent).
    fn send_declaring(
        &self,
        method: &str,
        path: &str,
        body: &[u8],
        declared: usize,
    ) -> (u16, String, Vec<u8>) {
        let start = format!("{method} {path} HTTP/1.1\r\nContent-Length: {declared}\r\n");
        self.request(&start, body)
    }

    /// Sends `start` (request line and headers, each ending in CRLF), the
    /// closing headers and `body`; returns status, headers, body.
    fn request(&self, start: &str, body: &[u8]) -> (u16, String, Vec<u8>) {
        let mut s = TcpStream::connect(&self.addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(60))).ok();
        let head = format!("{start}Host: {}\r\nConnection: close\r\n\r\n", self.addr);
        s.write_all(head.as_bytes()).expect("write");
        s.write_all(body).expect("write the body");
        let mut all = Vec::new();
        let _ = s.read_to_end(&mut all);
        let split = all
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a header block");
        let headers = String::from_utf8_lossy(&all[..split]).into_owned();
        let status = headers
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .expect("a status");
        let headers = headers.to_ascii_lowercase();
        let body = all[split + 4..].to_vec();
        let body = match header(&headers, "transfer-encoding") {
            Some("chunked") => dechunk(&body),
            _ => body,
        };
        (status, headers, body)
    }

    fn get(&self, path: &str) -> (u16, String, Vec<u8>) {
        self.send("GET", path, b"")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The CLI's standard output for `args`.
fn cli(args: &[&str]) -> Vec<u8> {
    let o = Command::new(env!("CARGO_BIN_EXE_clash"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .expect("run clash");
    o.stdout
}

#[test]
fn every_api_answer_is_the_clis() {
    let server = Server::start();
    // (route and query, the same question to the CLI)
    let cases: &[(&str, &[&str])] = &[
        ("/api/v1/check?date=2026-12-25", &["check", "2026-12-25"]),
        ("/api/v1/check?date=2027-03", &["check", "2027-03"]),
        (
            "/api/v1/check?from=2027-04-01&to=2027-04-30&with-food",
            &[
                "check",
                "--from",
                "2027-04-01",
                "--to",
                "2027-04-30",
                "--with-food",
            ],
        ),
        (
            "/api/v1/check?date=2027&tradition=muslim,hindu",
            &["check", "2027", "--tradition", "muslim,hindu"],
        ),
        (
            "/api/v1/check?date=2027&tradition=muslim&tradition=hindu",
            &[
                "check",
                "2027",
                "--tradition",
                "muslim",
                "--tradition",
                "hindu",
            ],
        ),
        (
            "/api/v1/check?date=2027-12&exclude-tradition=christian",
            &["check", "2027-12", "--exclude-tradition", "christian"],
        ),
        (
            "/api/v1/check?date=2027&category=public-holiday&region=gb-sct",
            &[
                "check",
                "2027",
                "--category",
                "public-holiday",
                "--region",
                "gb-sct",
            ],
        ),
        (
            "/api/v1/check?date=2027&id=diwali&id=eid-al-fitr",
            &["check", "2027", "--id", "diwali", "--id", "eid-al-fitr"],
        ),
        (
            "/api/v1/check?date=2027-05&location=london",
            &["check", "2027-05", "--location", "london"],
        ),
        (
            "/api/v1/check?date=2027-09&location=40.7,-74.0,America/New_York",
            &[
                "check",
                "2027-09",
                "--location",
                "40.7,-74.0,America/New_York",
            ],
        ),
        (
            "/api/v1/check?date=2027-03&islamic-method=tabular&tradition=muslim",
            &[
                "check",
                "2027-03",
                "--islamic-method",
                "tabular",
                "--tradition",
                "muslim",
            ],
        ),
        (
            "/api/v1/check?date=2027-10&jewish-customs=israel&tradition=jewish",
            &[
                "check",
                "2027-10",
                "--jewish-customs",
                "israel",
                "--tradition",
                "jewish",
            ],
        ),
        (
            "/api/v1/check?date=2027-10..2027-11&hindu-reckoning=local&tradition=hindu",
            &[
                "check",
                "2027-10..2027-11",
                "--hindu-reckoning",
                "local",
                "--tradition",
                "hindu",
            ],
        ),
        (
            "/api/v1/check?date=2027-03-10T18:00&duration=2h",
            &["check", "2027-03-10T18:00", "--duration", "2h"],
        ),
        (
            "/api/v1/check?date=2027-03-01..2027-03-14&time=19:00",
            &["check", "2027-03-01..2027-03-14", "--time", "19:00"],
        ),
        (
            "/api/v1/check?date=2027-02-15T12:30&with-food=true&duration=90m",
            &[
                "check",
                "2027-02-15T12:30",
                "--with-food",
                "--duration",
                "90m",
            ],
        ),
        (
            "/api/v1/check?date=2027-03-28T01:30",
            &["check", "2027-03-28T01:30"],
        ),
        (
            "/api/v1/list?from=2027-04&to=2027-04",
            &["list", "--from", "2027-04", "--to", "2027-04"],
        ),
        (
            "/api/v1/list?from=2027&to=2029&id=easter-sunday",
            &[
                "list",
                "--from",
                "2027",
                "--to",
                "2029",
                "--id",
                "easter-sunday",
            ],
        ),
        (
            "/api/v1/list?from=2027&to=2027&min-impact=high",
            &[
                "list",
                "--from",
                "2027",
                "--to",
                "2027",
                "--min-impact",
                "high",
            ],
        ),
        (
            "/api/v1/suggest?from=2027-10-01&to=2027-11-30",
            &["suggest", "--from", "2027-10-01", "--to", "2027-11-30"],
        ),
        (
            "/api/v1/suggest?from=2027-03-01&to=2027-03-31&time=18:00&duration=2h&with-food",
            &[
                "suggest",
                "--from",
                "2027-03-01",
                "--to",
                "2027-03-31",
                "--time",
                "18:00",
                "--duration",
                "2h",
                "--with-food",
            ],
        ),
        (
            "/api/v1/suggest?from=2027-05-01&to=2027-05-31&weekdays=sat-sun&count=3",
            &[
                "suggest",
                "--from",
                "2027-05-01",
                "--to",
                "2027-05-31",
                "--weekdays",
                "sat-sun",
                "--count",
                "3",
            ],
        ),
        (
            "/api/v1/suggest?from=2027-04-01&to=2027-04-30&profile=england-wales",
            &[
                "suggest",
                "--from",
                "2027-04-01",
                "--to",
                "2027-04-30",
                "--profile",
                "england-wales",
            ],
        ),
        ("/api/v1/observances", &["observances"]),
        (
            "/api/v1/observances?tradition=jewish",
            &["observances", "--tradition", "jewish"],
        ),
        (
            "/api/v1/observances/diwali?from=2027-01-01",
            &["show", "diwali", "--from", "2027-01-01"],
        ),
        (
            "/api/v1/observances/eid-al-adha?from=2027-01-01&count=3",
            &[
                "show",
                "eid-al-adha",
                "--from",
                "2027-01-01",
                "--count",
                "3",
            ],
        ),
        (
            "/api/v1/sun?from=2027-06-18&to=2027-06-24",
            &["sun", "--from", "2027-06-18", "--to", "2027-06-24"],
        ),
        (
            "/api/v1/sun?from=2027-12-01&to=2027-12-31&location=glasgow",
            &[
                "sun",
                "--from",
                "2027-12-01",
                "--to",
                "2027-12-31",
                "--location",
                "glasgow",
            ],
        ),
        ("/api/v1/locations", &["locations"]),
    ];
    for (path, args) in cases {
        let (status, headers, body) = server.get(path);
        assert_eq!(status, 200, "{path}: {}", String::from_utf8_lossy(&body));
        assert!(
            headers.contains("content-type: application/json"),
            "{path}: {headers}"
        );
        assert!(
            headers.contains("access-control-allow-origin: *"),
            "{path}: {headers}"
        );
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        assert!(
            body == cli(&all),
            "{path}: the body differs from clash {}",
            all.join(" ")
        );
        // Asked again, answered from memory: the same bytes and tag.
        let (again, again_headers, again_body) = server.get(path);
        assert_eq!(again, 200, "{path}");
        assert!(again_body == body, "{path}: the kept answer differs");
        assert_eq!(
            header(&again_headers, "etag"),
            header(&headers, "etag"),
            "{path}"
        );
    }
    assert!(cases.len() >= 30);
}

#[test]
fn imports_feeds_and_errors() {
    let server = Server::start();
    // Three corpus calendars uploaded, against the CLI's import of the
    // same file (whose `source` is the path, where the upload's is
    // "upload").
    for (file, from, to) in [
        (
            "icalendar-rb__two_date_time_events.ics",
            "1996-01-01",
            "2030-12-31",
        ),
        (
            "recurring-ical-events__each_week_but_two_deleted.ics",
            "2015-01-01",
            "2025-12-31",
        ),
        (
            "khal__cal_lots_of_timezones.ics",
            "2000-01-01",
            "2030-12-31",
        ),
    ] {
        let path = format!("tests/ics/corpus/valid/{file}");
        let bytes = std::fs::read(corpus(&format!("valid/{file}"))).expect("corpus file");
        let (status, _, body) = server.send(
            "POST",
            &format!("/api/v1/import?from={from}&to={to}"),
            &bytes,
        );
        assert_eq!(status, 200, "{file}: {}", String::from_utf8_lossy(&body));
        let want = cli(&[
            "import", &path, "--from", from, "--to", to, "--format", "json",
        ]);
        let want = String::from_utf8_lossy(&want).replacen(
            &format!("\"source\": \"{path}\""),
            "\"source\": \"upload\"",
            1,
        );
        assert!(
            String::from_utf8_lossy(&body) == want,
            "{file}: differs from clash import"
        );
    }
    // The same as a browser's form upload: the field `file`, whose file
    // name becomes the source.
    let file = "icalendar-rb__two_date_time_events.ics";
    let bytes = std::fs::read(corpus(&format!("valid/{file}"))).expect("corpus file");
    let mut form =
        b"--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--XyZ\r\n".to_vec();
    form.extend_from_slice(
        b"Content-Disposition: form-data; name=\"file\"; filename=\"team.ics\"\r\nContent-Type: text/calendar\r\n\r\n",
    );
    form.extend_from_slice(&bytes);
    form.extend_from_slice(b"\r\n--XyZ--\r\n");
    let start = format!(
        "POST /api/v1/import?from=1996-01-01&to=2030-12-31 HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: {}\r\n",
        form.len()
    );
    let (status, _, body) = server.request(&start, &form);
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    let path = format!("tests/ics/corpus/valid/{file}");
    let want = cli(&[
        "import",
        &path,
        "--from",
        "1996-01-01",
        "--to",
        "2030-12-31",
        "--format",
        "json",
    ]);
    let want = String::from_utf8_lossy(&want).replacen(
        &format!("\"source\": \"{path}\""),
        "\"source\": \"team.ics\"",
        1,
    );
    assert!(
        String::from_utf8_lossy(&body) == want,
        "multipart: differs from clash import"
    );
    // The feed of a window is `clash export` of it.
    let (status, headers, body) =
        server.get("/feed.ics?from=2027&to=2027&tradition=muslim,hindu&min-impact=high");
    assert_eq!(status, 200);
    assert!(
        headers.contains("content-type: text/calendar; charset=utf-8"),
        "{headers}"
    );
    assert!(
        body == cli(&[
            "export",
            "2027",
            "--tradition",
            "muslim,hindu",
            "--min-impact",
            "high"
        ])
    );
    // HEAD: the headers of GET, no body.
    let (status, headers, body) = server.send("HEAD", "/feed.ics", b"");
    assert_eq!(status, 200);
    assert!(headers.contains("text/calendar"), "{headers}");
    assert!(body.is_empty());
    // Errors: the CLI's message, 400; unknown routes 404; wrong method 405;
    // an upload over 16 MiB 413; no 5xx.
    let (status, _, body) = server.get("/api/v1/check?date=2027-02-30");
    assert_eq!(status, 400);
    let v: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
    assert_eq!(
        v["error"],
        "invalid date `2027-02-30`: no such day in the calendar"
    );
    let (status, _, body) = server.get("/api/v1/check?date=2027-03-10&duration=2h");
    assert_eq!(status, 400);
    let v: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
    assert_eq!(v["error"], "--duration needs a time of day");
    assert!(v["hint"]
        .as_str()
        .is_some_and(|h| h.contains("--duration 2h")));
    assert_eq!(server.get("/api/v1/check?date=2027&colour=red").0, 400);
    assert_eq!(server.get("/api/v1/suggest?profile=/etc/passwd").0, 400);
    assert_eq!(server.get("/api/v1/observances/no-such-day").0, 404);
    assert_eq!(server.get("/no/such/page").0, 404);
    assert_eq!(server.send("POST", "/api/v1/check?date=2027", b"").0, 405);
    // Announced over 16 MiB: refused before the body is read.
    let over = (16 << 20) + 1;
    assert_eq!(
        server.send_declaring("POST", "/api/v1/import", b"", over).0,
        413
    );
    let (status, _, body) = server.get("/healthz");
    assert_eq!((status, body.as_slice()), (200, b"ok\n".as_slice()));
}

#[test]
fn sigterm_stops_the_server_with_zero() {
    let mut server = Server::start();
    assert_eq!(server.get("/healthz").0, 200);
    let pid = server.child.id().to_string();
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(s) = server.child.try_wait().expect("wait") {
            break s;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "still running");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
}

/// One line per request (method, path, status, bytes, milliseconds),
/// written within a second while the server runs, and every line written
/// when it stops.
#[test]
fn one_log_line_per_request() {
    let mut server = Server::start();
    let lines = |server: &Server| server.log.lock().expect("the log").clone();
    assert_eq!(server.get("/healthz").0, 200);
    assert_eq!(server.get("/api/v1/check?date=2027-03-10").0, 200);
    assert_eq!(server.get("/api/v1/check?date=never").0, 400);
    let started = std::time::Instant::now();
    while lines(&server).len() < 3 && started.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let seen = lines(&server);
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "the lines took {:?}: {seen:?}",
        started.elapsed()
    );
    let shape = |line: &str, start: &str| {
        line.starts_with(start)
            && line.ends_with("ms")
            && line.split(' ').count() == 5
            && line
                .split(' ')
                .nth(3)
                .is_some_and(|n| n.parse::<u64>().is_ok())
    };
    assert!(shape(&seen[0], "GET /healthz 200 3 "), "{seen:?}");
    assert!(shape(&seen[1], "GET /api/v1/check 200 "), "{seen:?}");
    assert!(shape(&seen[2], "GET /api/v1/check 400 "), "{seen:?}");
    // A burst, then a stop at once: every line is written before the exit.
    for _ in 0..50 {
        assert_eq!(server.get("/healthz").0, 200);
    }
    let killed = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    assert_eq!(server.child.wait().expect("wait").code(), Some(0));
    std::thread::sleep(Duration::from_millis(200));
    let all = lines(&server);
    let requests = all.iter().filter(|l| l.starts_with("GET /")).count();
    assert_eq!(requests, 53, "{all:?}");
    assert_eq!(all.last().map(String::as_str), Some("clash serve: stopped"));
}

#[test]
fn sigterm_lets_the_requests_in_flight_finish() {
    // Each request is a 20-year list in JSON (the longest the service
    // answers: megabytes, a good part of a second to make and send on
    // this machine's two cores, four at a time): eight of them, on
    // connections the server has already answered once, are in flight
    // when SIGTERM arrives. Each must come back whole, and the server
    // must exit 0.
    let mut server = Server::start();
    let path = "/api/v1/list?from=2007&to=2026";
    let clients: Vec<TcpStream> = (0..8)
        .map(|_| {
            let mut s = TcpStream::connect(&server.addr).expect("connect");
            s.set_read_timeout(Some(Duration::from_secs(60))).ok();
            s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                .expect("write");
            let mut reader = BufReader::new(s.try_clone().expect("clone"));
            let mut line = String::new();
            reader.read_line(&mut line).expect("read");
            assert!(line.starts_with("HTTP/1.1 200"), "{line}");
            // Read the rest of this small answer: headers, then "ok\n".
            loop {
                line.clear();
                reader.read_line(&mut line).expect("read");
                if line == "\r\n" {
                    break;
                }
            }
            let mut ok = [0u8; 3];
            reader.read_exact(&mut ok).expect("read the body");
            s
        })
        .collect();
    let readers: Vec<_> = clients
        .into_iter()
        .map(|mut s| {
            let request = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            s.write_all(request.as_bytes()).expect("write");
            std::thread::spawn(move || {
                let mut all = Vec::new();
                let _ = s.read_to_end(&mut all);
                all
            })
        })
        .collect();
    // The requests are read at once; their answers take far longer.
    std::thread::sleep(Duration::from_millis(30));
    let killed = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let expected = cli(&["list", "--from", "2007", "--to", "2026", "--format", "json"]);
    for reader in readers {
        let all = reader.join().expect("a client");
        let split = all
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("an answer, not a closed connection");
        let head = String::from_utf8_lossy(&all[..split]).to_ascii_lowercase();
        assert!(head.starts_with("http/1.1 200"), "{head}");
        let body = &all[split + 4..];
        let body = match header(&head, "transfer-encoding") {
            Some("chunked") => dechunk(body),
            _ => body.to_vec(),
        };
        assert!(
            body == expected,
            "a cut answer: {} bytes of {}",
            body.len(),
            expected.len()
        );
    }
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(s) = server.child.try_wait().expect("wait") {
            break s;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "still running");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
}

#[test]
fn the_servers_options_are_each_requests_defaults() {
    let server = Server::start_with(&[
        "--location",
        "london",
        "--islamic-method",
        "tabular",
        "--base-url",
        "https://Clash.Example.org/calendars/",
    ]);
    let settings = ["--location", "london", "--islamic-method", "tabular"];
    let with = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(&settings);
        cli(&all)
    };
    let (status, _, body) = server.get("/api/v1/check?date=2027-03&tradition=muslim");
    assert_eq!(status, 200);
    assert!(
        body == with(&[
            "check",
            "2027-03",
            "--tradition",
            "muslim",
            "--format",
            "json"
        ])
    );
    // A query's own value replaces the server's.
    let (_, _, body) = server.get("/api/v1/check?date=2027-03&location=leicester");
    assert!(
        body == cli(&[
            "check",
            "2027-03",
            "--location",
            "leicester",
            "--islamic-method",
            "tabular",
            "--format",
            "json"
        ])
    );
    // A named feed keeps its own filters and takes the server's settings.
    let (_, headers, body) = server.get("/feeds/muslim.ics?from=2027&to=2027");
    assert!(body == with(&["export", "2027", "--tradition", "muslim"]));
    assert_eq!(
        header(&headers, "link"),
        Some("<https://clash.example.org/calendars/feeds/muslim.ics?from=2027&to=2027>; rel=\"canonical\"")
    );
    // The canonical address: names sorted and lower-cased.
    let (status, headers, _) = server.get("/feed.ics?to=2027&tradition=hindu&from=2027");
    assert_eq!(status, 200);
    assert_eq!(
        header(&headers, "link"),
        Some("<https://clash.example.org/calendars/feed.ics?from=2027&to=2027&tradition=hindu>; rel=\"canonical\"")
    );
    // Names in any case are the same parameter.
    let (status, headers, _) = server.get("/feed.ics?Tradition=hindu&TO=2027&from=2027");
    assert_eq!(status, 200);
    assert_eq!(
        header(&headers, "link"),
        Some("<https://clash.example.org/calendars/feed.ics?from=2027&to=2027&tradition=hindu>; rel=\"canonical\"")
    );
    // Without --base-url, the link is relative (RFC 8288).
    let plain = Server::start();
    let (_, headers, _) = plain.get("/feed.ics?tradition=hindu");
    assert_eq!(
        header(&headers, "link"),
        Some("</feed.ics?tradition=hindu>; rel=\"canonical\"")
    );
}

#[test]
fn the_server_refuses_options_no_request_could_use() {
    for (options, message) in [
        (
            &["--location", "atlantis"][..],
            "clash: error: unknown location `atlantis`",
        ),
        (
            &["--base-url", "clash.example.org"][..],
            "clash: error: invalid --base-url `clash.example.org`",
        ),
        (
            &["--min-impact", "huge"][..],
            "clash: error: unknown impact `huge`",
        ),
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_clash"))
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(options)
            .stdin(Stdio::null())
            .output()
            .expect("run clash serve");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{options:?}: {stderr}");
        assert!(stderr.starts_with(message), "{options:?}: {stderr}");
    }
}

/// The value of header `name` (lower case) in a lower-cased header block.
fn header<'a>(headers: &'a str, name: &str) -> Option<&'a str> {
    headers
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{name}: ")))
        .map(str::trim)
}

#[test]
fn tags_conditional_gets_compression_and_the_rolling_window() {
    use std::io::Read as _;
    let server = Server::start();
    for (path, control) in [
        ("/feed.ics?from=2027&to=2027", "public, max-age=3600"),
        ("/api/v1/check?date=2026-12-25", "no-cache"),
    ] {
        let (status, headers, identity) = server.get(path);
        assert_eq!(status, 200);
        assert_eq!(
            header(&headers, "cache-control"),
            Some(control),
            "{headers}"
        );
        assert_eq!(
            header(&headers, "content-encoding"),
            None,
            "identity without Accept-Encoding"
        );
        let tag = header(&headers, "etag").expect("an ETag").to_string();
        assert!(tag.starts_with('"') && tag.ends_with('"'), "strong: {tag}");
        // The same answer again: the same tag; asked with it, 304 and no body.
        assert_eq!(header(&server.get(path).1, "etag"), Some(tag.as_str()));
        let (status, headers, body) = server.get_with(path, &format!("If-None-Match: {tag}"));
        assert_eq!(status, 304, "{headers}");
        assert!(body.is_empty());
        assert_eq!(header(&headers, "etag"), Some(tag.as_str()));
        // Another tag: the whole answer.
        assert_eq!(server.get_with(path, "If-None-Match: \"other\"").0, 200);
        // gzip: the same bytes compressed, a tag of its own, which also
        // matches for a 304.
        let (status, headers, gz) = server.get_with(path, "Accept-Encoding: gzip");
        assert_eq!(status, 200);
        assert_eq!(header(&headers, "content-encoding"), Some("gzip"));
        let gz_tag = header(&headers, "etag").expect("an ETag").to_string();
        assert_eq!(gz_tag, format!("{}-gzip\"", tag.trim_end_matches('"')));
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(gz.as_slice())
            .read_to_end(&mut plain)
            .expect("gzip");
        assert!(
            plain == identity,
            "{path}: gzip decodes to the identity body"
        );
        let (status, _, _) = server.get_with(path, &format!("If-None-Match: {gz_tag}"));
        assert_eq!(status, 304);
        // brotli when preferred.
        let (status, headers, br) = server.get_with(path, "Accept-Encoding: br");
        assert_eq!(status, 200);
        assert_eq!(header(&headers, "content-encoding"), Some("br"));
        assert!(!br.is_empty() && br.len() < identity.len());
    }
    // Without a window the feed rolls with the server's date: 1 January
    // of last year to 31 December of next year, as `clash export` of them.
    let year = chrono::Utc::now().year();
    let (status, _, body) = server.get("/feed.ics?tradition=jewish");
    assert_eq!(status, 200);
    let want = cli(&[
        "export",
        "--from",
        &(year - 1).to_string(),
        "--to",
        &(year + 1).to_string(),
        "--tradition",
        "jewish",
    ]);
    assert!(body == want, "the default feed window");
    // Served again from memory: the same bytes, a canonical query too.
    assert_eq!(server.get("/feed.ics?TRADITION=jewish").2, want);
    // A value keeps its case, as on the command line: `Jewish` is no
    // tradition, cached or not.
    assert_eq!(server.get("/feed.ics?tradition=Jewish").0, 400);
}

/// A `Transfer-Encoding: chunked` body, joined.
fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("a chunk size line");
        let size_text = String::from_utf8_lossy(&rest[..line_end]).into_owned();
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .expect("a hex chunk size");
        rest = &rest[line_end + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}

#[test]
fn named_feeds_are_the_exports_of_their_options() {
    let server = Server::start();
    let year = chrono::Utc::now().year();
    let (from, to) = ((year - 1).to_string(), (year + 1).to_string());
    let cases: &[(&str, &[&str])] = &[
        ("all-high", &["--min-impact", "high"]),
        ("hindu", &["--tradition", "hindu"]),
        (
            "muslim-high",
            &["--tradition", "muslim", "--min-impact", "high"],
        ),
        (
            "bank-holidays-gb-sct",
            &["--category", "public-holiday", "--region", "gb-sct"],
        ),
    ];
    for (name, options) in cases {
        let (status, headers, body) = server.get(&format!("/feeds/{name}.ics"));
        assert_eq!(status, 200, "{name}");
        assert!(headers.contains("text/calendar"), "{headers}");
        let mut args = vec!["export", "--from", &from, "--to", &to];
        args.extend_from_slice(options);
        assert!(
            body == cli(&args),
            "{name}: differs from clash {}",
            args.join(" ")
        );
    }
    // A window of its own.
    let (_, _, body) = server.get("/feeds/all.ics?from=2027&to=2027");
    assert!(body == cli(&["export", "2027"]));
    let (status, _, body) = server.get("/feeds/no-such-feed.ics");
    assert_eq!(status, 404);
    assert!(String::from_utf8_lossy(&body).contains("bank-holidays-gb-eng"));
    assert_eq!(server.get("/feeds/all.ics?colour=red").0, 400);
}

#[test]
fn a_renamed_feed_answers_at_its_old_name_with_a_redirect() {
    // The feeds renamed in 2026-12 (clash_app::MOVED_FEEDS): a calendar
    // subscribed to the old address is sent on, its query kept, and gets
    // the new feed's bytes.
    let server = Server::start();
    for nation in ["gb-eng", "gb-sct", "gb-wls", "gb-nir"] {
        let old = format!("/feeds/holidays-{nation}.ics");
        let new = format!("/feeds/bank-holidays-{nation}.ics");
        let (status, headers, body) = server.get(&old);
        assert_eq!(status, 301, "{old}");
        assert_eq!(
            header(&headers, "location"),
            Some(new.as_str()),
            "{headers}"
        );
        assert!(body.is_empty());
        let (status, headers, _) = server.get(&format!("{old}?from=2027&to=2027"));
        assert_eq!(status, 301);
        let kept = format!("{new}?from=2027&to=2027");
        assert_eq!(header(&headers, "location"), Some(kept.as_str()));
        let (status, _, followed) = server.get(&kept);
        assert_eq!(status, 200);
        let region = ["--category", "public-holiday", "--region", nation];
        assert!(followed == cli(&[&["export", "2027"][..], &region[..]].concat()));
        assert_eq!(server.send("HEAD", &old, b"").0, 301, "HEAD {old}");
    }
    // Behind a base address the redirect names it.
    let based = Server::start_with(&["--base-url", "https://clash.example.org/x"]);
    let (status, headers, _) = based.get("/feeds/holidays-gb-wls.ics");
    assert_eq!(status, 301);
    assert_eq!(
        header(&headers, "location"),
        Some("https://clash.example.org/x/feeds/bank-holidays-gb-wls.ics")
    );
    // A name that never was is still not found.
    assert_eq!(server.get("/feeds/holidays-gb.ics").0, 404);
}

#[test]
fn a_stalled_client_is_cut_off_and_others_are_served() {
    let server = Server::start();
    let mut stalled = TcpStream::connect(&server.addr).expect("connect");
    stalled
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .expect("write");
    stalled.set_read_timeout(Some(Duration::from_secs(30))).ok();
    let started = std::time::Instant::now();
    // Others are answered while it stalls.
    assert_eq!(server.get("/healthz").0, 200);
    let mut rest = Vec::new();
    let _ = stalled.read_to_end(&mut rest);
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(9) && waited < Duration::from_secs(25),
        "cut off after {waited:?}"
    );
    assert_eq!(server.get("/healthz").0, 200);
}

/// Sends raw bytes as a whole request and returns the status, or `None`
/// when the server closed the connection without an answer.
fn raw_status(addr: &str, bytes: &[u8]) -> Option<u16> {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).ok();
    let _ = s.write_all(bytes);
    let mut all = Vec::new();
    let _ = s.read_to_end(&mut all);
    let text = String::from_utf8_lossy(&all);
    text.split_whitespace().nth(1).and_then(|c| c.parse().ok())
}

#[test]
fn hostile_requests_get_4xx_and_the_server_goes_on() {
    let server = Server::start();
    let mut paths: Vec<String> = Vec::new();
    let bad_dates = [
        "2027-02-30",
        "2027-13-01",
        "0000-01-01",
        "1582-12-31",
        "3000-01-01",
        "99999",
        "2027-1-1",
        "yesterday",
        "",
        "..",
        "2027..",
        "..2027",
        "2028..2027",
        "2027-03-10T25:00",
        "2027-03-10T18:60",
        "2027-03-10T",
        "T18:00",
        "2027-03-10T18:00..2027-03-11",
        "%00",
        "%FF%FE",
        "💥",
        "1583..2999",
        "-1",
        "2027-02-29",
    ];
    for d in bad_dates {
        for route in [
            "check?date=",
            "list?from=",
            "sun?from=",
            "suggest?from=",
            "observances/diwali?from=",
        ] {
            paths.push(format!("/api/v1/{route}{d}"));
        }
    }
    for (name, value) in [
        ("time", "99:99"),
        ("time", "noon"),
        ("duration", "0m"),
        ("duration", "999h"),
        ("duration", "-1h"),
        ("with-food", "maybe"),
        ("count", "0"),
        ("count", "101"),
        ("count", "-5"),
        ("count", "x"),
        ("weekdays", "funday"),
        ("weekdays", ""),
        ("profile", "../../etc/passwd"),
        ("profile", "/etc/passwd"),
        ("location", "mars"),
        ("location", "91,0,UTC"),
        ("location", "0,0,Nowhere/Zone"),
        ("tradition", "pastafarian"),
        ("category", "party"),
        ("region", "gb-xyz"),
        ("min-impact", "huge"),
        ("id", "NO SUCH"),
        ("islamic-method", "sighting"),
        ("jewish-customs", "x"),
        ("hindu-reckoning", "moon"),
        ("colour", "red"),
        ("date", "2027&date=2028"),
    ] {
        for route in [
            "check?date=2027-03-10&",
            "suggest?from=2027-03-01&to=2027-03-31&",
            "list?from=2027&to=2027&",
        ] {
            paths.push(format!("/api/v1/{route}{name}={value}"));
        }
    }
    // Huge ranges, long and repeated parameters.
    for route in [
        "check?date=1583..2999&time=18:00",
        "sun?from=1583&to=2999",
        "suggest?from=2000&to=2099",
        "list?from=1583&to=2999&tradition=nope",
    ] {
        paths.push(format!("/api/v1/{route}"));
    }
    let long = "a".repeat(10_000);
    for name in ["date", "tradition", "location", "id", long.as_str()] {
        paths.push(format!("/api/v1/check?{name}={long}"));
    }
    paths.push(format!(
        "/api/v1/check?date=2027{}",
        "&tradition=x".repeat(500)
    ));
    paths.push(format!("/feeds/{long}.ics"));
    paths.push("/feed.ics?from=1583&to=2999".to_string());
    // Ranges the CLI answers but the service does not: at most 20 years
    // (the fuzzer's slow inputs, tests/fuzz-regressions/web_query).
    for route in [
        "list?to=2999-12-31",
        "check?to=2999-12-31",
        "check?date=2000..2999",
        "list?from=1900&to=2100",
    ] {
        paths.push(format!("/api/v1/{route}"));
    }
    paths.push("/feed.ics?tradition=none".to_string());
    for p in [
        "/api/v1/",
        "/api/v1/observances/",
        "/api/v2/check",
        "/feeds/",
        "/feeds/all",
        "/%2e%2e/%2e%2e/etc/passwd",
    ] {
        paths.push(p.to_string());
    }
    let mut answered = 0;
    for path in &paths {
        let (status, _, body) = server.get(path);
        assert!(
            (400..500).contains(&status),
            "{path}: {status} {}",
            String::from_utf8_lossy(&body)
        );
        answered += 1;
    }
    // Raw requests: invalid UTF-8 in the path, a broken request line,
    // absurd headers, a garbage calendar, bodies over the limit, a
    // half-sent request left open.
    let addr = server.addr.clone();
    let raw: Vec<Vec<u8>> = vec![
        b"GET /api/v1/check?date=\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
        b"GET /\xc3\x28 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
        b"BREW /coffee HTCPCP/1.0\r\n\r\n".to_vec(),
        b"GET\r\n\r\n".to_vec(),
        format!("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\nConnection: close\r\n\r\n", "b".repeat(100_000)).into_bytes(),
        b"POST /api/v1/import HTTP/1.1\r\nHost: x\r\nContent-Length: 14\r\nConnection: close\r\n\r\nnot a calendar".to_vec(),
        b"POST /api/v1/import HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\nConnection: close\r\n\r\n".to_vec(),
        b"POST /api/v1/import HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=z\r\nContent-Length: 5\r\nConnection: close\r\n\r\n--z--".to_vec(),
        b"POST /api/v1/import HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nConnection: close\r\n\r\n".to_vec(),
        b"POST /api/v1/import HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n".to_vec(),
    ];
    for r in &raw {
        if let Some(status) = raw_status(&addr, r) {
            assert!(
                (400..500).contains(&status),
                "{:?}: {status}",
                String::from_utf8_lossy(&r[..r.len().min(60)])
            );
        }
        answered += 1;
    }
    let over = format!(
        "POST /api/v1/import HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        (16 << 20) + 1
    );
    assert_eq!(raw_status(&addr, over.as_bytes()), Some(413));
    answered += 1;
    assert!(answered >= 200, "{answered} hostile requests");
    let (status, _, body) = server.get("/healthz");
    assert_eq!((status, body.as_slice()), (200, b"ok\n".as_slice()));
}

#[test]
fn hostile_page_requests_get_the_error_summary_and_no_5xx() {
    // The web pages (SPEC §12) with absurd input: each answers 4xx with a
    // page in the site's layout (the error summary, or "Page not found"),
    // never a bare error or a 5xx.
    let server = Server::start();
    let mut paths: Vec<String> = Vec::new();
    let long = "9".repeat(10_000);
    for (d, m, y) in [
        ("30", "2", "2027"),
        ("0", "1", "2027"),
        ("1", "13", "2027"),
        ("1", "1", "0"),
        ("1", "1", "1582"),
        ("1", "1", "3000"),
        ("x", "y", "z"),
        ("", "", ""),
        ("1", "", "2027"),
        ("-1", "-1", "-2027"),
        ("%FF", "%00", "💥"),
        (long.as_str(), "1", "2027"),
    ] {
        paths.push(format!("/check?day={d}&month={m}&year={y}"));
        paths.push(format!(
            "/suggest?from-day={d}&from-month={m}&from-year={y}&to-day=1&to-month=1&to-year=2028&weekdays=mon"
        ));
    }
    for q in [
        "date=2027-02-30",
        "date=2027-03-10&time=25:00",
        "date=2027-03-10&time=18:00&duration=999h",
        "date=2027-03-10&time=18:00&duration=0m",
        "date=2027-03-10&location=mars",
        "date=2027-03-10&location=91,0,UTC",
        "date=2027-03-10&with-food=maybe",
        "date=2027-03-10&date=2027-03-11",
    ] {
        paths.push(format!("/check?{q}"));
    }
    for q in [
        "from=2000-01-01&to=2099-12-31",
        "from=2028-01-01&to=2027-01-01",
        "from=2027-01-01&to=2027-02-01&weekdays=funday",
        "from=2027-01-01&to=2027-02-01&profile=../../etc/passwd",
        "from=2027-01-01&to=2027-02-01&location=mars",
        "from-day=1&from-month=1&from-year=2027&to-day=1&to-month=2&to-year=2027",
    ] {
        paths.push(format!("/suggest?{q}"));
    }
    for month in [
        "2026-13",
        "2026-00",
        "1582-12",
        "3000-01",
        "x",
        "2026-1",
        "2026-11..2026-12",
    ] {
        paths.push(format!("/calendar?month={month}"));
    }
    for q in [
        "month=2026-11&tradition=pastafarian",
        "month=2026-11&min-impact=huge",
        "month=2026-11&region=gb-xyz",
        "month=2026-11&location=mars",
    ] {
        paths.push(format!("/calendar?{q}"));
    }
    for q in [
        "tradition=nope",
        "min-impact=huge",
        "region=gb-xyz",
        "location=mars",
    ] {
        paths.push(format!("/subscribe?{q}"));
    }
    paths.push("/observances?tradition=nope".to_string());
    paths.push(format!("/observances/{long}"));
    paths.push("/observances/..%2f..%2fetc%2fpasswd".to_string());
    paths.push("/no/such/page".to_string());
    paths.push("/check?date=1583-01-01..2999-12-31".to_string());
    paths.push("/subscribe?tradition=hindu,nope".to_string());
    paths.push("/observances/%00".to_string());
    paths.push("/calendar?month=2026-11&tradition=hindu&tradition=nope".to_string());
    paths.push("/assets/clash-0000.css".to_string());
    for path in &paths {
        let (status, headers, body) = server.get(path);
        let text = String::from_utf8_lossy(&body);
        assert!((400..500).contains(&status), "{path}: {status}");
        assert!(headers.contains("text/html"), "{path}: {headers}");
        assert!(
            text.contains("There is a problem") || text.contains("Page not found"),
            "{path}: {text}"
        );
        assert!(
            text.contains("Skip to main content"),
            "{path}: not in the layout"
        );
    }
    assert!(paths.len() >= 60, "{} page requests", paths.len());
    let (status, _, body) = server.get("/healthz");
    assert_eq!((status, body.as_slice()), (200, b"ok\n".as_slice()));
}

/// Every file under `dir`: its path (with `/`) and bytes.
fn tree(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    fn walk(
        root: &std::path::Path,
        dir: &std::path::Path,
        out: &mut std::collections::BTreeMap<String, Vec<u8>>,
    ) {
        for entry in std::fs::read_dir(dir).expect("read the site") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).expect("below the root");
                let name = rel.to_string_lossy().replace('\\', "/");
                out.insert(name, std::fs::read(&path).expect("read a file"));
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// `clash publish` with `args`; its standard output.
fn publish(args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_clash"))
        .arg("publish")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run clash publish");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn publish_writes_the_same_site_twice_and_the_served_feeds() {
    let scratch = std::env::temp_dir().join(format!("clash-publish-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).expect("scratch");
    let (a, b) = (scratch.join("a"), scratch.join("b"));
    let base = ["--base-url", "https://clash.example.org/calendars"];
    let said = publish(&[a.to_str().expect("path"), base[0], base[1]]);
    assert!(said.starts_with("published "), "{said}");
    publish(&[b.to_str().expect("path"), base[0], base[1]]);
    let site = tree(&a);
    // The same inputs, the same bytes (a hash of each tree would only
    // say less).
    assert!(site == tree(&b), "two runs wrote different sites");
    // Every named feed, with its compressed siblings, is what `clash
    // serve` answers at the same name on the same day.
    let server = Server::start();
    let feeds: Vec<&String> = site.keys().filter(|k| k.ends_with(".ics")).collect();
    assert!(feeds.len() >= 30, "{} feeds", feeds.len());
    for path in feeds {
        let bytes = &site[path];
        let (status, _, served) = server.get(&format!("/{path}"));
        assert_eq!(status, 200, "{path}");
        assert!(&served == bytes, "{path} differs from clash serve's");
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(site[&format!("{path}.gz")].as_slice())
            .read_to_end(&mut unzipped)
            .expect("gunzip");
        assert!(&unzipped == bytes, "{path}.gz");
        let mut unbrotli = Vec::new();
        brotli::Decompressor::new(site[&format!("{path}.br")].as_slice(), 1 << 16)
            .read_to_end(&mut unbrotli)
            .expect("unbrotli");
        assert!(&unbrotli == bytes, "{path}.br");
        let text = String::from_utf8_lossy(bytes);
        assert!(text.starts_with("BEGIN:VCALENDAR") && text.trim_end().ends_with("END:VCALENDAR"));
    }
    // Feeds equal `clash export` of their options, over serve's window.
    let year = chrono::Utc::now().year();
    let (from, to) = ((year - 1).to_string(), (year + 1).to_string());
    for (name, options) in [
        ("all", &[][..]),
        (
            "hindu-high",
            &["--tradition", "hindu", "--min-impact", "high"][..],
        ),
        (
            "bank-holidays-gb-nir",
            &["--category", "public-holiday", "--region", "gb-nir"][..],
        ),
    ] {
        let mut args = vec!["export", "--from", &from, "--to", &to];
        args.extend_from_slice(options);
        assert!(site[&format!("feeds/{name}.ics")] == cli(&args), "{name}");
    }
    let (_, _, observances) = server.get("/api/v1/observances");
    assert!(site["api/v1/observances.json"] == observances);
    // The subscribe page links each feed for each calendar, at the base.
    let index = String::from_utf8_lossy(&site["index.html"]);
    assert!(index.contains("webcal://clash.example.org/calendars/feeds/hindu.ics"));
    assert!(index.contains("cid=http%3A%2F%2Fclash.example.org%2Fcalendars%2Ffeeds%2Fhindu.ics"));
    assert!(index.contains("href=\"feeds/hindu.ics\" download"));
    let css = site
        .keys()
        .find(|k| k.starts_with("assets/clash-"))
        .expect("the stylesheet");
    assert!(index.contains(&format!("href=\"{css}\"")));
    // Nothing is left beside the site.
    let left: Vec<_> = std::fs::read_dir(&scratch)
        .expect("scratch")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
    let _ = std::fs::remove_dir_all(&scratch);
}

#[test]
fn an_interrupted_publish_leaves_the_old_site_or_the_new_one_whole() {
    let scratch = std::env::temp_dir().join(format!("clash-publish-kill-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).expect("scratch");
    let dir = scratch.join("site");
    let dir_text = dir.to_str().expect("path").to_string();
    publish(&[&dir_text, "--from", "2026", "--to", "2026"]);
    let old = tree(&dir);
    // The new site (a wider window) made once elsewhere, to compare.
    let elsewhere = scratch.join("new");
    publish(&[
        elsewhere.to_str().expect("path"),
        "--from",
        "2025",
        "--to",
        "2028",
    ]);
    let new = tree(&elsewhere);
    assert!(old != new);
    // Killed at several moments, the site is always one of the two.
    for ms in [20, 100, 300, 700, 1500, 3000] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_clash"))
            .args(["publish", &dir_text, "--from", "2025", "--to", "2028"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start clash publish");
        std::thread::sleep(Duration::from_millis(ms));
        let _ = child.kill();
        let _ = child.wait();
        let now = tree(&dir);
        assert!(
            now == old || now == new,
            "killed after {ms} ms: a site that is neither"
        );
    }
    // A whole run after the interrupted ones: the new site, and nothing
    // left beside it.
    publish(&[&dir_text, "--from", "2025", "--to", "2028"]);
    assert!(tree(&dir) == new);
    let mut left: Vec<_> = std::fs::read_dir(&scratch)
        .expect("scratch")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["new", "site"]);
    let _ = std::fs::remove_dir_all(&scratch);
}

#[test]
fn a_feed_past_the_cap_keeps_its_first_events_and_says_so() {
    // Every category, weekly ones too, over the longest window: more
    // events than a calendar client takes in one subscription.
    let categories = "weekly,festival,holy-day,public-holiday,fast,commemoration,awareness";
    let o = Command::new(env!("CARGO_BIN_EXE_clash"))
        .args([
            "export",
            "--from",
            "2007",
            "--to",
            "2026",
            "--category",
            categories,
        ])
        .output()
        .expect("run clash export");
    assert_eq!(o.status.code(), Some(0));
    let feed = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        feed.matches("BEGIN:VEVENT").count(),
        clash_app::MAX_FEED_EVENTS
    );
    let unfolded = feed.replace("\r\n ", "");
    assert!(unfolded.contains(&format!(
        "Note: this feed holds the first {} of ",
        clash_app::MAX_FEED_EVENTS
    )));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.starts_with("warning: this feed holds the first 5000 of "),
        "{stderr}"
    );
    // The service answers the same bytes.
    let server = Server::start();
    let (status, _, served) = server.get(&format!(
        "/feed.ics?from=2007&to=2026&category={categories}"
    ));
    assert_eq!(status, 200);
    assert!(served == o.stdout);
}
