//! Issue 14 (SPEC §6.1, §7, §9): what counts as a clash. Possible days are
//! real days, the eve belongs to the day, the location implies its nation,
//! awareness items are "also on this day", a filter matching nothing is an
//! error, and the words say what they mean.
//!
//! Written before the implementation, from the rules and from independent
//! data only: the golden files (Umm al-Qura via hijridate, hebcal, gov.uk
//! via `holidays`, published Hindu dates for India and the UK, PyEphem
//! sunsets), the catalogue's declared fields (`data/observances/*.toml`)
//! and the census profile (`data/profiles/leicester.toml`). No expected
//! value here was taken from clash's own output. Each group names its
//! source. Every failing case is printed with the command and what clash
//! said; each test prints "N of M cases pass" (see `--nocapture`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate, TimeDelta};
use serde_json::Value;

use crate::util::{clash, stderr, stdout, temp_file};

// ---------------------------------------------------------------------------
// Cases and how they are run
// ---------------------------------------------------------------------------

/// Which list of a check's JSON an entry must be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum In {
    Clashes,
    Also,
}

/// An entry that must be present: its id, and where given its `kind`,
/// `possible` and `clash_impact`.
#[derive(Clone, Copy, Debug)]
struct Want<'a> {
    list: In,
    id: &'a str,
    kind: Option<&'a str>,
    possible: Option<bool>,
    impact: Option<&'a str>,
}

/// An entry of `clashes`.
const fn clash_of(id: &str) -> Want<'_> {
    Want {
        list: In::Clashes,
        id,
        kind: None,
        possible: None,
        impact: None,
    }
}

/// An entry of `also`.
const fn also_of(id: &str) -> Want<'_> {
    Want {
        list: In::Also,
        ..clash_of(id)
    }
}

impl<'a> Want<'a> {
    const fn kind(mut self, kind: &'a str) -> Self {
        self.kind = Some(kind);
        self
    }
    const fn day(self) -> Self {
        self.kind("day")
    }
    const fn eve(self) -> Self {
        self.kind("eve")
    }
    const fn possible(mut self, possible: bool) -> Self {
        self.possible = Some(possible);
        self
    }
    const fn impact(mut self, impact: &'a str) -> Self {
        self.impact = Some(impact);
        self
    }
    const fn high(self) -> Self {
        self.impact("high")
    }

    fn matches(&self, e: &Value) -> bool {
        e["id"] == self.id
            && self.kind.is_none_or(|k| e["kind"] == k)
            && self.possible.is_none_or(|p| e["possible"] == p)
            && self.impact.is_none_or(|i| e["clash_impact"] == i)
    }
}

impl fmt::Display for Want<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = match self.list {
            In::Clashes => "clashes",
            In::Also => "also",
        };
        write!(f, "{list}: {}", self.id)?;
        if let Some(k) = self.kind {
            write!(f, " kind={k}")?;
        }
        if let Some(p) = self.possible {
            write!(f, " possible={p}")?;
        }
        if let Some(i) = self.impact {
            write!(f, " clash_impact={i}")?;
        }
        Ok(())
    }
}

/// Exit status not checked.
const ANY: i32 = -1;

/// One end-to-end case. A `check` is run with `--format json` (the verdict
/// rules of §6.1 are checked on every one), and again as text when there
/// are text expectations.
#[derive(Clone, Copy, Debug)]
struct Case<'a> {
    /// What the case shows, and where its expected values come from.
    why: &'a str,
    args: &'a [&'a str],
    /// Expected exit status (or [`ANY`]).
    exit: i32,
    /// Entries that must be present.
    has: &'a [Want<'a>],
    /// Ids that must not be in `clashes`.
    lacks: &'a [&'a str],
    /// Substrings of the text output (in this order when `in_order`).
    text_has: &'a [&'a str],
    in_order: bool,
    /// At least one of these is in the text output.
    text_one_of: &'a [&'a str],
    /// Substrings the text output must not contain.
    text_lacks: &'a [&'a str],
    /// An expected error (exit 2): a substring of its one stderr line.
    error: Option<&'a str>,
}

const CASE: Case<'static> = Case {
    why: "",
    args: &[],
    exit: ANY,
    has: &[],
    lacks: &[],
    text_has: &[],
    in_order: false,
    text_one_of: &[],
    text_lacks: &[],
    error: None,
};

fn rank(impact: &str) -> Option<u8> {
    match impact {
        "low" => Some(0),
        "medium" => Some(1),
        "high" => Some(2),
        _ => None,
    }
}

/// The verdict threshold of a command line: `--min-impact`, else medium.
fn threshold(args: &[&str]) -> u8 {
    args.windows(2)
        .find(|w| w.first() == Some(&"--min-impact"))
        .and_then(|w| w.get(1))
        .and_then(|i| rank(i))
        .unwrap_or(1)
}

fn list(v: &Value, which: In) -> &[Value] {
    let key = match which {
        In::Clashes => "clashes",
        In::Also => "also",
    };
    v[key].as_array().map_or(&[], Vec::as_slice)
}

/// §6.1 verdict rules, on any `check` JSON: `clashes` and `also` are
/// arrays; `clashes` holds what reaches the threshold, `also` what does
/// not (or another nation's holiday); exit 1 iff `clashes` is non-empty.
fn verdict_problems(args: &[&str], v: &Value, code: Option<i32>) -> Vec<String> {
    let mut p = Vec::new();
    for key in ["clashes", "also"] {
        if !v[key].is_array() {
            p.push(format!("no `{key}` array"));
        }
    }
    let min = threshold(args);
    let clashes = list(v, In::Clashes);
    if matches!(code, Some(0 | 1)) && (code == Some(1)) == clashes.is_empty() {
        p.push(format!(
            "exit {code:?} with {} entries in clashes",
            clashes.len()
        ));
    }
    for e in clashes {
        match e["clash_impact"].as_str().and_then(rank) {
            Some(r) if r >= min => {}
            _ => p.push(format!(
                "`{}` in clashes with clash_impact {} (threshold {min})",
                e["id"], e["clash_impact"]
            )),
        }
    }
    for e in list(v, In::Also) {
        let below = e["clash_impact"]
            .as_str()
            .and_then(rank)
            .is_some_and(|r| r < min);
        if !below && e["kind"] != "elsewhere" {
            p.push(format!(
                "`{}` in also with clash_impact {} (threshold {min})",
                e["id"], e["clash_impact"]
            ));
        }
    }
    p.truncate(6);
    p
}

/// At most `n` characters of `s`, for failure messages.
fn excerpt(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let head: String = s.chars().take(n).collect();
        format!("{head}\n    … ({} characters in all)", s.chars().count())
    }
}

/// Text output with iCalendar line folding undone.
fn text_of(o: &std::process::Output) -> String {
    stdout(o).replace("\r\n ", "")
}

fn with_format<'a>(args: &[&'a str], format: &'a str) -> Vec<&'a str> {
    let mut all = args.to_vec();
    all.extend(["--format", format]);
    all
}

/// Runs one case: `Err` says what was wrong and shows what clash printed.
fn run(c: &Case<'_>) -> Result<(), String> {
    let mut problems: Vec<String> = Vec::new();
    let mut shown = String::new();
    if let Some(needle) = c.error {
        let o = clash(c.args);
        let err = stderr(&o);
        let lines: Vec<&str> = err.lines().collect();
        let one_line = lines.len() == 1 || (lines.len() == 2 && err.contains("\nhint: "));
        if o.status.code() != Some(2) {
            problems.push(format!("exit {:?}, expected 2", o.status.code()));
        }
        if !one_line || !err.starts_with("clash: error: ") || !err.contains(needle) {
            problems.push(format!("expected one error line containing {needle:?}"));
        }
        if !o.stdout.is_empty() || err.contains("panicked") {
            problems.push("output on stdout, or a panic".to_string());
        }
        shown = format!(
            "    stdout: {}\n    stderr: {err}",
            excerpt(&stdout(&o), 1500)
        );
    } else {
        let is_check = c.args.first() == Some(&"check");
        if is_check || !c.has.is_empty() || !c.lacks.is_empty() {
            let args = with_format(c.args, "json");
            let o = clash(&args);
            let code = o.status.code();
            if c.exit != ANY && code != Some(c.exit) {
                problems.push(format!("JSON run: exit {code:?}, expected {}", c.exit));
            }
            match serde_json::from_slice::<Value>(&o.stdout) {
                Err(e) => {
                    problems.push(format!("JSON run: no JSON ({e})"));
                    shown.push_str(&format!("    stderr: {}\n", stderr(&o)));
                }
                Ok(v) => {
                    let before = problems.len();
                    if is_check {
                        problems.extend(verdict_problems(c.args, &v, code));
                    }
                    for w in c.has {
                        if !list(&v, w.list).iter().any(|e| w.matches(e)) {
                            problems.push(format!("no entry {w}"));
                        }
                    }
                    for id in c.lacks {
                        if list(&v, In::Clashes).iter().any(|e| e["id"] == *id) {
                            problems.push(format!("`{id}` is in clashes"));
                        }
                    }
                    if problems.len() > before || code != Some(c.exit) {
                        let pretty = serde_json::to_string_pretty(&v).unwrap_or_default();
                        shown.push_str(&format!("    JSON: {}\n", excerpt(&pretty, 5000)));
                    }
                }
            }
        }
        if !c.text_has.is_empty() || !c.text_lacks.is_empty() || !c.text_one_of.is_empty() {
            let o = clash(c.args);
            let code = o.status.code();
            let text = text_of(&o);
            let before = problems.len();
            if c.exit != ANY && code != Some(c.exit) {
                problems.push(format!("text run: exit {code:?}, expected {}", c.exit));
            }
            let mut from = 0;
            for needle in c.text_has {
                match text.get(from..).and_then(|t| t.find(needle)) {
                    Some(at) => {
                        if c.in_order {
                            from += at + needle.len();
                        }
                    }
                    None if c.in_order && text.contains(needle) => {
                        problems.push(format!("text has {needle:?}, but not in this order"));
                    }
                    None => problems.push(format!("text lacks {needle:?}")),
                }
            }
            if !c.text_one_of.is_empty() && !c.text_one_of.iter().any(|n| text.contains(n)) {
                problems.push(format!("text has none of {:?}", c.text_one_of));
            }
            for needle in c.text_lacks {
                if text.contains(needle) {
                    problems.push(format!("text contains {needle:?}"));
                }
            }
            if problems.len() > before {
                shown.push_str(&format!(
                    "    text:\n{}\n    stderr: {}\n",
                    excerpt(&text, 5000),
                    stderr(&o)
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}\n  $ clash {}\n  - {}\n{shown}",
            c.why,
            c.args.join(" "),
            problems.join("\n  - ")
        ))
    }
}

/// Counts the cases of one group and reports every failure at the end.
struct Tally {
    group: &'static str,
    total: usize,
    failures: Vec<String>,
}

impl Tally {
    fn new(group: &'static str) -> Self {
        Tally {
            group,
            total: 0,
            failures: Vec::new(),
        }
    }

    fn run(&mut self, c: &Case<'_>) {
        let result = run(c);
        self.note(result);
    }

    fn table(&mut self, cases: &[Case<'_>]) {
        for c in cases {
            self.run(c);
        }
    }

    /// A case checked by hand.
    fn note(&mut self, result: Result<(), String>) {
        self.total += 1;
        if let Err(e) = result {
            self.failures.push(e);
        }
    }

    fn finish(self) {
        let failed = self.failures.len();
        eprintln!(
            "semantics/{}: {} of {} cases pass",
            self.group,
            self.total - failed,
            self.total
        );
        // The first failures in full, then one line each.
        let mut report = String::new();
        for (i, f) in self.failures.iter().enumerate() {
            if i < 100000 {
                report.push_str(f);
                report.push('\n');
            } else {
                let head: Vec<&str> = f.lines().take(2).collect();
                report.push_str(&format!("{}\n", head.join(" | ")));
            }
        }
        assert!(
            failed == 0,
            "{}: {failed} of {} cases fail\n\n{report}",
            self.group,
            self.total
        );
    }
}

// ---------------------------------------------------------------------------
// Independent data: golden files, declared catalogue fields, the census
// ---------------------------------------------------------------------------

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn read(path: &str) -> String {
    let text = std::fs::read_to_string(repo(path));
    assert!(text.is_ok(), "cannot read {path}: {text:?}");
    text.unwrap_or_default()
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn shift(d: NaiveDate, days: i64) -> NaiveDate {
    d + TimeDelta::days(days)
}

/// `Tue 2027-03-09`.
fn day_name(d: NaiveDate) -> String {
    d.format("%a %Y-%m-%d").to_string()
}

const YEARS: std::ops::RangeInclusive<i32> = 2024..=2030;

/// Data rows of a golden CSV (comments and the header line left out).
fn golden_rows(path: &str) -> Vec<Vec<String>> {
    read(path)
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

/// `(id, date)` of the rows of a golden file (`id` in column 0, the date in
/// column 1) whose id is in `ids` and whose date is in 2024–2030.
fn golden_days(path: &str, ids: &[&str]) -> Vec<(String, NaiveDate)> {
    golden_rows(path)
        .into_iter()
        .filter_map(|r| {
            let id = r.first()?;
            let d = date(r.get(1)?)?;
            (ids.contains(&id.as_str()) && YEARS.contains(&d.year())).then(|| (id.clone(), d))
        })
        .collect()
}

/// A field declared in the catalogue (`data/observances/*.toml`) for `id`.
fn declared(id: &str, field: &str) -> Option<String> {
    let line = format!("id = \"{id}\"");
    let prefix = format!("{field} = \"");
    let dir = std::fs::read_dir(repo("data/observances")).ok()?;
    for entry in dir.flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for block in text.split("[[observance]]") {
            if block.lines().any(|l| l.trim() == line) {
                return block.lines().find_map(|l| {
                    let rest = l.trim().strip_prefix(prefix.as_str())?;
                    rest.split('"').next().map(str::to_string)
                });
            }
        }
    }
    None
}

/// Audience shares of the Leicester census profile (ONS Census 2021).
fn leicester_shares() -> BTreeMap<String, f64> {
    let text = read("data/profiles/leicester.toml");
    let counts: Vec<(String, f64)> = text
        .lines()
        .skip_while(|l| l.trim() != "[audience]")
        .skip(1)
        .filter_map(|l| {
            let (k, v) = l.split_once('=')?;
            Some((k.trim().to_string(), v.trim().parse().ok()?))
        })
        .collect();
    let total: f64 = counts.iter().map(|(_, n)| n).sum();
    counts.into_iter().map(|(k, n)| (k, n / total)).collect()
}

/// Presets and the nation each implies (SPEC §6.1).
const PRESETS: &[(&str, &str)] = &[
    ("leicester", "gb-eng"),
    ("london", "gb-eng"),
    ("birmingham", "gb-eng"),
    ("manchester", "gb-eng"),
    ("bradford", "gb-eng"),
    ("cardiff", "gb-wls"),
    ("glasgow", "gb-sct"),
    ("belfast", "gb-nir"),
];

/// UK bank holidays 2024–2030 (tests/golden/uk-bank-holidays.csv; gov.uk):
/// `(region, date, catalogue id)`. Scotland's summer bank holiday has its
/// own id in the catalogue (`summer-bank-holiday-scotland`).
fn bank_holidays() -> Vec<(String, NaiveDate, String)> {
    golden_rows("tests/golden/uk-bank-holidays.csv")
        .into_iter()
        .filter_map(|r| {
            let region = r.first()?.clone();
            let d = date(r.get(1)?)?;
            let id = match (region.as_str(), r.get(2)?.as_str()) {
                ("gb-sct", "summer-bank-holiday") => "summer-bank-holiday-scotland".to_string(),
                (_, id) => id.to_string(),
            };
            YEARS.contains(&d.year()).then_some((region, d, id))
        })
        .collect()
}

// ---------------------------------------------------------------------------
// 1. JSON shapes (SPEC §9 and issue 14: `also`, `kind`, `clash_impact`,
//    the nation in the location)
// ---------------------------------------------------------------------------

const OCCURRENCE_FIELDS: &[&str] = &[
    "id",
    "name",
    "tradition",
    "category",
    "impact",
    "start",
    "end",
    "begins",
    "certainty",
    "uncertainty_days",
    "possible_dates",
    "summary",
    "advice",
    "source",
];

fn shape_problems(v: &Value, timed: bool) -> Vec<String> {
    let mut p = Vec::new();
    let loc = &v["query"]["location"];
    for key in ["name", "latitude", "longitude", "timezone", "region"] {
        if loc.get(key).is_none() {
            p.push(format!("query.location has no `{key}`"));
        }
    }
    if !(loc["region"].is_null() || loc["region"].is_string()) {
        p.push("query.location.region is neither a string nor null".to_string());
    }
    if !timed {
        for key in ["from", "to"] {
            if !v["query"][key].is_string() {
                p.push(format!("query has no `{key}`"));
            }
        }
    }
    let mut seen = 0;
    for which in [In::Clashes, In::Also] {
        if !v[if which == In::Clashes {
            "clashes"
        } else {
            "also"
        }]
        .is_array()
        {
            p.push(format!("no {which:?} array"));
        }
        for e in list(v, which) {
            seen += 1;
            let id = e["id"].as_str().unwrap_or("?");
            for key in OCCURRENCE_FIELDS {
                if e.get(*key).is_none() {
                    p.push(format!("{id}: no `{key}`"));
                }
            }
            let mut keys = vec!["possible", "kind", "clash_impact", "overlap"];
            if timed {
                keys.extend(["meeting", "reason"]);
            }
            for key in keys {
                if e.get(key).is_none() {
                    p.push(format!("{id}: no `{key}`"));
                }
            }
            if !e["possible"].is_boolean() {
                p.push(format!("{id}: `possible` is not a bool"));
            }
            if !e["overlap"]["from"].is_string() || !e["overlap"]["to"].is_string() {
                p.push(format!("{id}: overlap needs from and to"));
            }
            let kinds: &[&str] = match (which, timed) {
                (_, true) => &["day", "eve"],
                (In::Clashes, false) => &["day", "eve"],
                (In::Also, false) => &["day", "eve", "elsewhere"],
            };
            if !kinds.iter().any(|k| e["kind"] == *k) {
                p.push(format!("{id}: kind {} in {which:?}", e["kind"]));
            }
            if e["clash_impact"].as_str().and_then(rank).is_none() {
                p.push(format!("{id}: clash_impact {}", e["clash_impact"]));
            }
        }
    }
    if seen == 0 {
        p.push("no entries at all to check".to_string());
    }
    p.truncate(8);
    p
}

#[test]
fn json_shapes() {
    // Dates with known entries: Eid al-Fitr 2027-03-09 (Umm al-Qura), Yom
    // Kippur 2027-10-11 and 2024-10-12 (hebcal), St Andrew's Day 2027-11-30
    // (gov.uk, Scotland), World AIDS Day 1 December (international.toml),
    // Diwali 2027-10-29 (india.csv).
    let cases: &[(&[&str], bool)] = &[
        (&["check", "2027-03-10"], false),
        (&["check", "2027-10-09..2027-10-11"], false),
        (&["check", "2027-11-30"], false),
        (
            &["check", "2027-12-01", "--tradition", "international"],
            false,
        ),
        (&["check", "2027-10-29", "--location", "delhi"], false),
        (&["check", "2027-03-09T13:00"], true),
        (&["check", "2024-10-11T14:00", "--duration", "90m"], true),
        (&["check", "2027-10-29T19:00", "--location", "delhi"], true),
    ];
    let mut t = Tally::new("json_shapes");
    for (args, timed) in cases {
        let all = with_format(args, "json");
        let o = clash(&all);
        let result = match serde_json::from_slice::<Value>(&o.stdout) {
            Err(e) => Err(format!("no JSON ({e}): {}", stderr(&o))),
            Ok(v) => {
                let mut p = shape_problems(&v, *timed);
                p.extend(verdict_problems(args, &v, o.status.code()));
                if p.is_empty() {
                    Ok(())
                } else {
                    Err(format!(
                        "$ clash {}\n  - {}\n    JSON: {}",
                        all.join(" "),
                        p.join("\n  - "),
                        excerpt(&serde_json::to_string_pretty(&v).unwrap_or_default(), 4000)
                    ))
                }
            }
        };
        t.note(result);
    }
    t.finish();
}

// ---------------------------------------------------------------------------
// 2. Verdict by impact: awareness-only days exit 0
// ---------------------------------------------------------------------------

/// Source: the declared `impact = "low"` and fixed dates of
/// `data/observances/international.toml` (World AIDS Day 1 Dec, Human
/// Rights Day 10 Dec, IDAHOBIT 17 May, World Mental Health Day 10 Oct,
/// International Women's Day 8 Mar, Day of Peace 21 Sep, Persons with
/// Disabilities 3 Dec) and muslim.toml (Ramadan `impact = "medium"`; its
/// 2027 dates 02-08..03-08 from Umm al-Qura).
const AWARENESS: &[Case] = &[
    Case {
        why: "World AIDS Day alone: low, so also on this day, exit 0",
        args: &[
            "check",
            "2027-12-01",
            "--tradition",
            "awareness,international",
        ],
        exit: 0,
        has: &[also_of("world-aids-day")],
        lacks: &["world-aids-day"],
        ..CASE
    },
    Case {
        why: "--min-impact low makes World AIDS Day a clash",
        args: &[
            "check",
            "2027-12-01",
            "--tradition",
            "awareness,international",
            "--min-impact",
            "low",
        ],
        exit: 1,
        has: &[clash_of("world-aids-day").impact("low")],
        ..CASE
    },
    Case {
        why: "Human Rights Day alone: exit 0",
        args: &[
            "check",
            "2024-12-10",
            "--tradition",
            "awareness,international",
        ],
        exit: 0,
        has: &[also_of("human-rights-day")],
        lacks: &["human-rights-day"],
        ..CASE
    },
    Case {
        why: "Human Rights Day with --min-impact low: exit 1",
        args: &[
            "check",
            "2024-12-10",
            "--tradition",
            "awareness,international",
            "--min-impact",
            "low",
        ],
        exit: 1,
        has: &[clash_of("human-rights-day")],
        ..CASE
    },
    Case {
        why: "IDAHOBIT alone: exit 0",
        args: &[
            "check",
            "2025-05-17",
            "--tradition",
            "awareness,international",
        ],
        exit: 0,
        has: &[also_of("idahobit")],
        ..CASE
    },
    Case {
        why: "IDAHOBIT with --min-impact low: exit 1",
        args: &[
            "check",
            "2025-05-17",
            "--tradition",
            "awareness,international",
            "--min-impact",
            "low",
        ],
        exit: 1,
        has: &[clash_of("idahobit")],
        ..CASE
    },
    Case {
        why: "World Mental Health Day alone: exit 0",
        args: &["check", "2026-10-10", "--tradition", "international"],
        exit: 0,
        has: &[also_of("world-mental-health-day")],
        ..CASE
    },
    Case {
        why: "International Women's Day alone: exit 0",
        args: &[
            "check",
            "2028-03-08",
            "--tradition",
            "awareness,international",
        ],
        exit: 0,
        has: &[also_of("international-womens-day")],
        ..CASE
    },
    Case {
        why: "International Women's Day with --min-impact low: exit 1",
        args: &[
            "check",
            "2028-03-08",
            "--tradition",
            "awareness,international",
            "--min-impact",
            "low",
        ],
        exit: 1,
        has: &[clash_of("international-womens-day").impact("low")],
        ..CASE
    },
    Case {
        why: "International Day of Peace alone: exit 0",
        args: &[
            "check",
            "2029-09-21",
            "--tradition",
            "awareness,international",
        ],
        exit: 0,
        has: &[also_of("international-day-of-peace")],
        ..CASE
    },
    Case {
        why: "A range of awareness days only: exit 0, both in also",
        args: &[
            "check",
            "2030-12-01..2030-12-03",
            "--tradition",
            "international",
        ],
        exit: 0,
        has: &[
            also_of("world-aids-day"),
            also_of("international-day-of-persons-with-disabilities"),
        ],
        ..CASE
    },
    Case {
        why: "Awareness-only day, text: no clash verdict",
        args: &[
            "check",
            "2027-12-01",
            "--tradition",
            "awareness,international",
        ],
        exit: 0,
        text_has: &["World AIDS Day"],
        ..CASE
    },
    Case {
        why: "Ramadan (medium) is a clash by default",
        args: &["check", "2027-02-15", "--tradition", "muslim"],
        exit: 1,
        has: &[clash_of("ramadan").day()],
        ..CASE
    },
    Case {
        why: "Ramadan (medium) under --min-impact high goes to also: exit 0",
        args: &[
            "check",
            "2027-02-15",
            "--tradition",
            "muslim",
            "--min-impact",
            "high",
        ],
        exit: 0,
        has: &[also_of("ramadan")],
        lacks: &["ramadan"],
        ..CASE
    },
];

#[test]
fn awareness_only_days_do_not_clash() {
    let mut t = Tally::new("awareness");
    t.table(AWARENESS);
    t.finish();
}

// ---------------------------------------------------------------------------
// 3. Every possible day is a real day (Islamic: tests/golden/
//    islamic-umm-al-qura.csv; Diwali: tests/golden/hindu/india.csv and uk.csv)
// ---------------------------------------------------------------------------

/// Eid al-Fitr and Eid al-Adha 2024–2030 (Umm al-Qura): uncertainty one
/// day (muslim.toml: `certainty = "estimated"`); `hours` the whole day plus
/// Eid evening, so 10:00, 13:00 and 19:00 clash on each of the three days,
/// possible on the outer two; the whole day E-1, E, E+1 is a `day`, E-2 the
/// eve of the earliest possible day; E+2 is free of that Eid. The text of
/// E+1 names the expected date first.
#[test]
fn eid_on_every_possible_day() {
    let rows = golden_days(
        "tests/golden/islamic-umm-al-qura.csv",
        &["eid-al-fitr", "eid-al-adha"],
    );
    assert_eq!(rows.len(), 14, "two Eids a year, 2024-2030");
    let mut t = Tally::new("eid_possible_days");
    for (id, e) in &rows {
        let impact = declared(id, "impact").unwrap_or_default();
        assert_eq!(impact, "high", "{id} in muslim.toml");
        for off in [-1, 0, 1] {
            let d = shift(*e, off).to_string();
            let possible = off != 0;
            for time in ["10:00", "13:00", "19:00"] {
                let when = format!("{d}T{time}");
                let why = format!("{id} expected {e}: a meeting at {time} on {d} (Umm al-Qura)");
                // At 19:00 on E-1, after sunset (winter), the expected Eid
                // has certainly begun: its eve, certain, outranks the
                // possible day; before sunset (summer) the possible day's
                // span holds. Either way a high clash of that Eid.
                let has = match (off, time) {
                    (-1, "19:00") => [clash_of(id).impact(&impact)],
                    _ => [clash_of(id).day().possible(possible).impact(&impact)],
                };
                t.run(&Case {
                    why: &why,
                    args: &["check", &when],
                    exit: 1,
                    has: &has,
                    ..CASE
                });
            }
            let why = format!("{id} expected {e}: whole day {d} (Umm al-Qura)");
            let has = [clash_of(id).day().possible(possible).impact(&impact)];
            let expected = format!("expected {}", day_name(*e));
            let both = [expected.as_str(), "may be"];
            let words: &[&str] = if off == 1 { &both } else { &[] };
            t.run(&Case {
                why: &why,
                args: &["check", &d],
                exit: 1,
                has: &has,
                text_has: words,
                in_order: true,
                text_lacks: &["(s)"],
                ..CASE
            });
        }
        let d = shift(*e, -2).to_string();
        let why = format!("{id} expected {e}: {d} is the eve of the earliest possible day");
        let has = [clash_of(id).eve().possible(true).impact(&impact)];
        t.run(&Case {
            why: &why,
            args: &["check", &d],
            exit: 1,
            has: &has,
            text_has: &["begins this evening at "],
            ..CASE
        });
        let d = shift(*e, 2).to_string();
        let why = format!("{id} expected {e}: {d} is not a possible day");
        t.run(&Case {
            why: &why,
            args: &["check", &d, "--id", id],
            exit: 0,
            lacks: &[id],
            ..CASE
        });
    }
    t.finish();
}

/// Diwali 2024–2030 on its India-reckoned day (india.csv: the primary
/// reckoning, hindu.toml `certainty = "computed"`, `hours` all day plus the
/// evening), certain. The other reckoning's day as a possible one is
/// checked for every year 1950–2060 by clash-core's `semantics` test.
#[test]
fn diwali_on_both_reckonings() {
    let india = golden_days("tests/golden/hindu/india.csv", &["diwali"]);
    assert_eq!(india.len(), 7, "one Diwali a year, 2024-2030");
    let uk = golden_days("tests/golden/hindu/uk.csv", &["diwali"]);
    let india_days: BTreeSet<NaiveDate> = india.iter().map(|(_, d)| *d).collect();
    let other: Vec<NaiveDate> = uk
        .iter()
        .map(|(_, d)| *d)
        .filter(|d| !india_days.contains(d))
        .collect();
    // Recorded exception: uk.csv's only other day, 1 November 2024 (wmhf,
    // Gravesend), is neither reckoning's day by the rule of SPEC §5. Drik
    // Panchang gives Amavasya from 31 October 15:52 to 1 November 18:16
    // IST: at New Delhi it covers all of 31 October's pradosh and 40 of
    // 1 November's 144 minutes (the day with more overlap is kept), and at
    // Leicester (10:22 to 12:46 GMT) it has ended before 1 November's
    // sunset. UK temples split that year; the day is not a possible one.
    assert_eq!(
        other,
        [NaiveDate::from_ymd_opt(2024, 11, 1).unwrap()],
        "uk.csv: 2024-11-01 differs from India"
    );
    let impact = declared("diwali", "impact").unwrap_or_default();
    let mut t = Tally::new("diwali_possible_days");
    for (days, possible, source) in [(
        india_days.iter().copied().collect::<Vec<_>>(),
        false,
        "india.csv",
    )] {
        for d in days {
            let ds = d.to_string();
            for time in ["10:00", "13:00", "19:00"] {
                let when = format!("{ds}T{time}");
                let why = format!("Diwali {ds} ({source}) at {time}");
                let has = [clash_of("diwali").day().possible(possible).impact(&impact)];
                t.run(&Case {
                    why: &why,
                    args: &["check", &when],
                    exit: 1,
                    has: &has,
                    ..CASE
                });
            }
            let why = format!("Diwali {ds} ({source}), whole day");
            let has = [clash_of("diwali").day().possible(possible).impact(&impact)];
            t.run(&Case {
                why: &why,
                args: &["check", &ds],
                exit: 1,
                has: &has,
                ..CASE
            });
        }
    }
    t.finish();
}

// ---------------------------------------------------------------------------
// 4. The eve belongs to the day
// ---------------------------------------------------------------------------

/// Whole-day check of the day before the first civil day of Yom Kippur,
/// Rosh Hashanah, Passover and Shavuot 2024–2030 (tests/golden/jewish.csv,
/// hebcal: each begins at sunset the evening before `start`), with the
/// impact each declares in jewish.toml; Passover also as its first days
/// (`passover-first-days`, the same first day).
#[test]
fn jewish_eves_from_hebcal() {
    let rows = golden_days(
        "tests/golden/jewish.csv",
        &["yom-kippur", "rosh-hashanah", "passover", "shavuot"],
    );
    assert_eq!(rows.len(), 28, "four a year, 2024-2030");
    let mut t = Tally::new("jewish_eves");
    for (id, start) in &rows {
        let eve = shift(*start, -1).to_string();
        let mut ids = vec![id.as_str()];
        if id == "passover" {
            ids.push("passover-first-days");
        }
        let impacts: Vec<String> = ids
            .iter()
            .map(|i| declared(i, "impact").unwrap_or_default())
            .collect();
        let has: Vec<Want<'_>> = ids
            .iter()
            .zip(&impacts)
            .map(|(i, imp)| clash_of(i).eve().impact(imp))
            .collect();
        let why = format!("{id} begins at sunset on {eve} (hebcal: first day {start})");
        t.run(&Case {
            why: &why,
            args: &["check", &eve],
            exit: 1,
            has: &has,
            text_has: &["begins this evening at "],
            ..CASE
        });
    }
    t.finish();
}

/// Timed eves and Shabbat. Sunsets (UTC) from tests/golden/sun/
/// leicester.csv and glasgow.csv (PyEphem); candle lighting is 18 minutes
/// before sunset (SPEC §6.1); festival dates from hebcal (jewish.csv):
/// Yom Kippur 2024-10-12, 2026-09-21, 2027-10-11; Passover 2024-04-23,
/// 2026-04-02; Rosh Hashanah 2024-10-03, 2026-09-12; Shavuot 2024-06-12,
/// 2026-05-22. Impacts from jewish.toml (all high). Meetings last the
/// default hour.
const EVES_TIMED: &[Case] = &[
    // Shabbat. 2025-12-19: the case (sunset about 15:50).
    Case {
        why: "Friday 14:45-15:45, sunset 15:50: after candle lighting",
        args: &["check", "2025-12-19T14:45"],
        exit: 1,
        has: &[clash_of("shabbat").high()],
        ..CASE
    },
    Case {
        why: "Fri 2024-12-20 14:45-15:45; sunset 15:51:14 GMT, candles 15:33",
        args: &["check", "2024-12-20T14:45"],
        exit: 1,
        has: &[clash_of("shabbat").high()],
        ..CASE
    },
    Case {
        why: "Fri 2024-06-21 20:20-21:20; sunset 21:32:15 BST, candles 21:14",
        args: &["check", "2024-06-21T20:20"],
        exit: 1,
        has: &[clash_of("shabbat").high()],
        ..CASE
    },
    Case {
        why: "Fri 2024-06-21 21:45, after sunset 21:32 BST",
        args: &["check", "2024-06-21T21:45"],
        exit: 1,
        has: &[clash_of("shabbat").high()],
        ..CASE
    },
    Case {
        why: "Fri 2026-12-18 15:40-16:10 over sunset 15:50:19 GMT",
        args: &["check", "2026-12-18T15:40", "--duration", "30m"],
        exit: 1,
        has: &[clash_of("shabbat").high()],
        ..CASE
    },
    Case {
        why: "Fri 2024-12-20 14:00-15:00 ends 51 min before sunset 15:51",
        args: &["check", "2024-12-20T14:00"],
        lacks: &["shabbat"],
        ..CASE
    },
    Case {
        why: "Fri 2026-12-18 14:00-15:00 ends 50 min before sunset 15:50",
        args: &["check", "2026-12-18T14:00"],
        lacks: &["shabbat"],
        ..CASE
    },
    Case {
        why: "Fri 2024-06-21 19:00-20:00 ends 92 min before sunset 21:32 BST",
        args: &["check", "2024-06-21T19:00"],
        lacks: &["shabbat"],
        ..CASE
    },
    Case {
        why: "Fri 2026-06-19 20:00-21:00 ends 31 min before sunset 21:31:40 BST",
        args: &["check", "2026-06-19T20:00"],
        lacks: &["shabbat"],
        ..CASE
    },
    Case {
        why: "Glasgow Fri 2024-06-21 20:20-21:20; sunset there 22:06:31 BST",
        args: &["check", "2024-06-21T20:20", "--location", "glasgow"],
        lacks: &["shabbat"],
        ..CASE
    },
    // Yom Kippur: the afternoon before (solar noon to candle lighting).
    Case {
        why: "Yom Kippur 2024 (hebcal 10-12): 14:00 on the eve",
        args: &["check", "2024-10-11T14:00"],
        exit: 1,
        has: &[clash_of("yom-kippur").eve().high()],
        ..CASE
    },
    Case {
        why: "Yom Kippur 2024: 09:00 on the eve is before the afternoon",
        args: &["check", "2024-10-11T09:00"],
        lacks: &["yom-kippur"],
        ..CASE
    },
    Case {
        why: "Yom Kippur 2024: 19:00 on the eve, after sunset 18:17 BST",
        args: &["check", "2024-10-11T19:00"],
        exit: 1,
        has: &[clash_of("yom-kippur").high()],
        ..CASE
    },
    Case {
        why: "Yom Kippur 2026 (hebcal 09-21): 14:00 on the eve",
        args: &["check", "2026-09-20T14:00"],
        exit: 1,
        has: &[clash_of("yom-kippur").eve().high()],
        ..CASE
    },
    Case {
        why: "Yom Kippur 2026: 09:00 on the eve",
        args: &["check", "2026-09-20T09:00"],
        lacks: &["yom-kippur"],
        ..CASE
    },
    Case {
        why: "Yom Kippur 2027 (hebcal 10-11): 16:00 on the eve (the issue)",
        args: &["check", "2027-10-10T16:00"],
        exit: 1,
        has: &[clash_of("yom-kippur").eve().high()],
        ..CASE
    },
    // Passover: the afternoon before the first Seder.
    Case {
        why: "Passover 2024 (hebcal 04-23): 14:00 on the eve",
        args: &["check", "2024-04-22T14:00"],
        exit: 1,
        has: &[clash_of("passover-first-days").eve().high()],
        ..CASE
    },
    Case {
        why: "Passover 2024: 09:00 on the eve",
        args: &["check", "2024-04-22T09:00"],
        lacks: &["passover-first-days", "passover"],
        ..CASE
    },
    Case {
        why: "Passover 2024: the Seder, 20:30 (sunset 20:16:40 BST)",
        args: &["check", "2024-04-22T20:30"],
        exit: 1,
        has: &[clash_of("passover-first-days").high()],
        ..CASE
    },
    Case {
        why: "Passover 2026 (hebcal 04-02): 14:00 on the eve",
        args: &["check", "2026-04-01T14:00"],
        exit: 1,
        has: &[clash_of("passover-first-days").eve().high()],
        ..CASE
    },
    Case {
        why: "Passover 2026: 09:00 on the eve",
        args: &["check", "2026-04-01T09:00"],
        lacks: &["passover-first-days", "passover"],
        ..CASE
    },
    // Rosh Hashanah and Shavuot: evening meetings after sunset on the eve.
    Case {
        why: "Rosh Hashanah 2024 (hebcal 10-03): 19:30 on the eve, sunset 18:38 BST",
        args: &["check", "2024-10-02T19:30"],
        exit: 1,
        has: &[clash_of("rosh-hashanah").high()],
        ..CASE
    },
    Case {
        why: "Rosh Hashanah 2024: 09:00 on the eve is before it begins",
        args: &["check", "2024-10-02T09:00"],
        lacks: &["rosh-hashanah"],
        ..CASE
    },
    Case {
        why: "Rosh Hashanah 2026 (hebcal 09-12): 20:00 on the eve, sunset 19:29 BST",
        args: &["check", "2026-09-11T20:00"],
        exit: 1,
        has: &[clash_of("rosh-hashanah").high()],
        ..CASE
    },
    Case {
        why: "Shavuot 2024 (hebcal 06-12): 21:45 on the eve, sunset 21:27:58 BST",
        args: &["check", "2024-06-11T21:45"],
        exit: 1,
        has: &[clash_of("shavuot").high()],
        ..CASE
    },
    Case {
        why: "Shavuot 2024: 20:30-21:30 on the eve, candles 21:10 BST",
        args: &["check", "2024-06-11T20:30"],
        exit: 1,
        has: &[clash_of("shavuot").high()],
        ..CASE
    },
    Case {
        why: "Shavuot 2024, Glasgow: 20:30-21:30 ends before candles 21:44 BST",
        args: &["check", "2024-06-11T20:30", "--location", "glasgow"],
        lacks: &["shavuot"],
        ..CASE
    },
    Case {
        why: "Shavuot 2026 (hebcal 05-22): 21:15 on the eve, sunset 21:03:54 BST",
        args: &["check", "2026-05-21T21:15"],
        exit: 1,
        has: &[clash_of("shavuot").high()],
        ..CASE
    },
];

/// Whole-day eves with the time in the text. Sunsets from
/// tests/golden/sun/leicester.csv (accepting a minute either way, the
/// sunset accuracy of SPEC §4); Jewish days begin at candle lighting,
/// 18 minutes before. Dates from hebcal and Umm al-Qura.
const EVES_WHOLE_DAY: &[Case] = &[
    Case {
        why: "Yom Kippur 2024 begins on 10-11; sunset 18:17:33 BST, candles 17:59",
        args: &["check", "2024-10-11"],
        exit: 1,
        has: &[clash_of("yom-kippur").eve().high()],
        text_one_of: &[
            "begins this evening at 17:58",
            "begins this evening at 17:59",
            "begins this evening at 18:00",
            "begins this evening at 18:01",
        ],
        ..CASE
    },
    Case {
        why: "Yom Kippur 2027 (hebcal 10-11) begins on 10-10 (the issue)",
        args: &["check", "2027-10-10"],
        exit: 1,
        has: &[clash_of("yom-kippur").eve().high()],
        text_has: &["begins this evening at "],
        ..CASE
    },
    Case {
        why: "Eid al-Fitr 2026 (Umm al-Qura 03-20): 03-18 is the eve of 03-19; sunset 18:14:08",
        args: &["check", "2026-03-18"],
        exit: 1,
        has: &[clash_of("eid-al-fitr").eve().possible(true).high()],
        text_one_of: &[
            "begins this evening at 18:13",
            "begins this evening at 18:14",
            "begins this evening at 18:15",
        ],
        ..CASE
    },
    Case {
        why: "Eid al-Adha 2024 (Umm al-Qura 06-16): 06-14 eve; sunset 21:29:48 BST",
        args: &["check", "2024-06-14"],
        exit: 1,
        has: &[clash_of("eid-al-adha").eve().possible(true).high()],
        text_one_of: &[
            "begins this evening at 21:28",
            "begins this evening at 21:29",
            "begins this evening at 21:30",
            "begins this evening at 21:31",
        ],
        ..CASE
    },
    Case {
        why: "Eid al-Adha 2026 (Umm al-Qura 05-27): 05-25 eve; sunset 21:09:33 BST",
        args: &["check", "2026-05-25"],
        exit: 1,
        has: &[clash_of("eid-al-adha").eve().possible(true).high()],
        text_one_of: &[
            "begins this evening at 21:08",
            "begins this evening at 21:09",
            "begins this evening at 21:10",
            "begins this evening at 21:11",
        ],
        ..CASE
    },
    Case {
        why: "Eid al-Fitr 2027 (Umm al-Qura 03-09): 03-08 is a possible day",
        args: &["check", "2027-03-08"],
        exit: 1,
        has: &[clash_of("eid-al-fitr").day().possible(true).high()],
        ..CASE
    },
];

#[test]
fn eves_timed_and_shabbat() {
    let mut t = Tally::new("eves_timed");
    t.table(EVES_TIMED);
    t.table(EVES_WHOLE_DAY);
    t.finish();
}

// ---------------------------------------------------------------------------
// 5. The location implies its nation
// ---------------------------------------------------------------------------

/// SPEC §6.1 (presets) and geography (Edinburgh, Swansea, Derry, Norwich in
/// the UK's nations; Dublin outside the UK).
const NATIONS: &[(&str, Option<&str>)] = &[
    ("leicester", Some("gb-eng")),
    ("london", Some("gb-eng")),
    ("birmingham", Some("gb-eng")),
    ("manchester", Some("gb-eng")),
    ("bradford", Some("gb-eng")),
    ("cardiff", Some("gb-wls")),
    ("glasgow", Some("gb-sct")),
    ("belfast", Some("gb-nir")),
    ("delhi", None),
    ("mecca", None),
    ("jerusalem", None),
    ("new-york", None),
    ("55.95,-3.19,Europe/London", Some("gb-sct")),
    ("51.62,-3.94,Europe/London", Some("gb-wls")),
    ("55.0,-7.32,Europe/London", Some("gb-nir")),
    ("52.63,1.30,Europe/London", Some("gb-eng")),
    ("53.35,-6.26,Europe/Dublin", None),
];

/// Behaviour by nation: gov.uk dates (uk-bank-holidays.csv): St Andrew's
/// Day 2027-11-30 (Scotland), St Patrick's 2027-03-17 and the Boyne
/// 2027-07-12 (Northern Ireland), Easter Monday 2027-03-29 (not Scotland),
/// summer bank holidays 2027-08-02 (Scotland) and 2027-08-30 (others).
const NATION_CASES: &[Case] = &[
    Case {
        why: "St Andrew's Day is not a holiday in Leicester: exit 0, shown elsewhere",
        args: &["check", "2027-11-30", "--category", "public-holiday"],
        exit: 0,
        has: &[also_of("st-andrews-day").kind("elsewhere")],
        lacks: &["st-andrews-day"],
        ..CASE
    },
    Case {
        why: "St Andrew's Day in Glasgow",
        args: &["check", "2027-11-30", "--location", "glasgow"],
        exit: 1,
        has: &[clash_of("st-andrews-day").day().high()],
        ..CASE
    },
    Case {
        why: "--region gb-sct overrides Leicester's nation",
        args: &["check", "2027-11-30", "--region", "gb-sct"],
        exit: 1,
        has: &[clash_of("st-andrews-day")],
        ..CASE
    },
    Case {
        why: "--region gb-eng overrides Glasgow's nation",
        args: &[
            "check",
            "2027-11-30",
            "--location",
            "glasgow",
            "--region",
            "gb-eng",
            "--category",
            "public-holiday",
        ],
        exit: 0,
        lacks: &["st-andrews-day"],
        ..CASE
    },
    Case {
        why: "Edinburgh coordinates are in Scotland",
        args: &[
            "check",
            "2027-11-30",
            "--location",
            "55.95,-3.19,Europe/London",
        ],
        exit: 1,
        has: &[clash_of("st-andrews-day")],
        ..CASE
    },
    Case {
        why: "Derry coordinates are in Northern Ireland: St Patrick's Day",
        args: &[
            "check",
            "2027-03-17",
            "--location",
            "55.0,-7.32,Europe/London",
        ],
        exit: 1,
        has: &[clash_of("st-patricks-day")],
        ..CASE
    },
    Case {
        why: "Dublin is outside the UK: no UK St Patrick's bank holiday",
        args: &[
            "check",
            "2027-03-17",
            "--location",
            "53.35,-6.26,Europe/Dublin",
            "--category",
            "public-holiday",
        ],
        exit: 0,
        lacks: &["st-patricks-day"],
        ..CASE
    },
    Case {
        why: "St Patrick's Day is not a holiday in Leicester",
        args: &["check", "2027-03-17", "--category", "public-holiday"],
        exit: 0,
        lacks: &["st-patricks-day"],
        ..CASE
    },
    Case {
        why: "Swansea coordinates are in Wales: Easter Monday",
        args: &[
            "check",
            "2027-03-29",
            "--location",
            "51.62,-3.94,Europe/London",
        ],
        exit: 1,
        has: &[clash_of("easter-monday")],
        ..CASE
    },
    Case {
        why: "Easter Monday is not a Scottish holiday (Edinburgh)",
        args: &[
            "check",
            "2027-03-29",
            "--location",
            "55.95,-3.19,Europe/London",
            "--category",
            "public-holiday",
        ],
        exit: 0,
        lacks: &["easter-monday"],
        ..CASE
    },
    Case {
        why: "Norwich is in England: no Scottish summer bank holiday",
        args: &[
            "check",
            "2027-08-02",
            "--location",
            "52.63,1.30,Europe/London",
            "--category",
            "public-holiday",
        ],
        exit: 0,
        lacks: &["summer-bank-holiday-scotland"],
        ..CASE
    },
    Case {
        why: "Cardiff: the (English and Welsh) summer bank holiday",
        args: &["check", "2027-08-30", "--location", "cardiff"],
        exit: 1,
        has: &[clash_of("summer-bank-holiday")],
        ..CASE
    },
    Case {
        why: "Glasgow: not the English summer bank holiday",
        args: &[
            "check",
            "2027-08-30",
            "--location",
            "glasgow",
            "--category",
            "public-holiday",
        ],
        exit: 0,
        lacks: &["summer-bank-holiday"],
        ..CASE
    },
    Case {
        why: "Belfast: the Battle of the Boyne",
        args: &["check", "2027-07-12", "--location", "belfast"],
        exit: 1,
        has: &[clash_of("battle-of-the-boyne")],
        ..CASE
    },
    Case {
        why: "Leicester: not the Battle of the Boyne",
        args: &["check", "2027-07-12", "--category", "public-holiday"],
        exit: 0,
        lacks: &["battle-of-the-boyne"],
        ..CASE
    },
];

#[test]
fn the_location_implies_its_nation() {
    let mut t = Tally::new("nations");
    for (place, region) in NATIONS {
        let args = [
            "check",
            "2027-06-01",
            "--location",
            place,
            "--format",
            "json",
        ];
        let o = clash(&args);
        let v: Value = serde_json::from_slice(&o.stdout).unwrap_or(Value::Null);
        let got = &v["query"]["location"]["region"];
        let ok = match region {
            Some(r) => got == r,
            None => got.is_null() && v["query"]["location"].get("region").is_some(),
        };
        t.note(if ok {
            Ok(())
        } else {
            Err(format!(
                "$ clash {}\n  - query.location.region: expected {region:?}, got {got}\n    \
                 stderr: {}\n    location: {}",
                args.join(" "),
                stderr(&o),
                v["query"]["location"]
            ))
        });
    }
    t.table(NATION_CASES);
    t.finish();
}

/// Every UK bank holiday 2024–2030 (uk-bank-holidays.csv, gov.uk): at each
/// preset of a nation where it is a holiday it clashes (exit 1); at a
/// preset of a nation where that date is no holiday, it is not in clashes.
#[test]
fn bank_holidays_at_each_preset() {
    let rows = bank_holidays();
    assert!(rows.len() > 240, "{} rows", rows.len());
    let holiday: BTreeSet<(String, NaiveDate)> =
        rows.iter().map(|(r, d, _)| (r.clone(), *d)).collect();
    let mut negatives: BTreeSet<(&str, NaiveDate, &str)> = BTreeSet::new();
    let mut t = Tally::new("bank_holidays");
    for (region, d, id) in &rows {
        let ds = d.to_string();
        for (preset, nation) in PRESETS {
            if nation == region {
                let why = format!("{id} {ds} is a {region} holiday (gov.uk): {preset}");
                let has = [clash_of(id).day()];
                t.run(&Case {
                    why: &why,
                    args: &["check", &ds, "--location", preset],
                    exit: 1,
                    has: &has,
                    ..CASE
                });
            } else if !holiday.contains(&(nation.to_string(), *d))
                && negatives.insert((preset, *d, id))
            {
                let why = format!("{id} {ds} ({region}) is no {nation} holiday (gov.uk): {preset}");
                let lacks = [id.as_str()];
                t.run(&Case {
                    why: &why,
                    args: &["check", &ds, "--location", preset],
                    lacks: &lacks,
                    ..CASE
                });
            }
        }
    }
    t.finish();
}

/// `list` (JSON `occurrences`) and `export` (UIDs `{id}-{YYYYMMDD}@clash`)
/// of public holidays at each preset, each year 2024–2030, are exactly
/// that nation's gov.uk holidays (uk-bank-holidays.csv), without
/// `--region`.
#[test]
fn list_and_export_agree_with_the_nation() {
    let rows = bank_holidays();
    let mut t = Tally::new("list_export_nation");
    for (preset, nation) in PRESETS {
        for year in YEARS {
            let want: BTreeSet<(String, String)> = rows
                .iter()
                .filter(|(r, d, _)| r == nation && d.year() == year)
                .map(|(_, d, id)| (d.to_string(), id.clone()))
                .collect();
            let y = year.to_string();
            let args = [
                "list",
                &y,
                "--category",
                "public-holiday",
                "--location",
                preset,
                "--format",
                "json",
            ];
            let o = clash(&args);
            let v: Value = serde_json::from_slice(&o.stdout).unwrap_or(Value::Null);
            let got: BTreeSet<(String, String)> = v["occurrences"]
                .as_array()
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .map(|x| {
                    (
                        x["start"].as_str().unwrap_or("?").to_string(),
                        x["id"].as_str().unwrap_or("?").to_string(),
                    )
                })
                .collect();
            t.note(if got == want {
                Ok(())
            } else {
                Err(format!(
                    "$ clash {}\n  - missing {:?}\n  - extra {:?}\n    stderr: {}",
                    args.join(" "),
                    want.difference(&got).collect::<Vec<_>>(),
                    got.difference(&want).collect::<Vec<_>>(),
                    stderr(&o)
                ))
            });
            let args = [
                "export",
                &y,
                "--category",
                "public-holiday",
                "--location",
                preset,
            ];
            let o = clash(&args);
            let feed = text_of(&o);
            let got: BTreeSet<String> = feed
                .lines()
                .filter_map(|l| l.trim_end().strip_prefix("UID:"))
                .map(str::to_string)
                .collect();
            let want: BTreeSet<String> = want
                .iter()
                .map(|(d, id)| format!("{id}-{}@clash", d.replace('-', "")))
                .collect();
            t.note(if got == want {
                Ok(())
            } else {
                Err(format!(
                    "$ clash {}\n  - missing {:?}\n  - extra {:?}\n    stderr: {}",
                    args.join(" "),
                    want.difference(&got).collect::<Vec<_>>(),
                    got.difference(&want).collect::<Vec<_>>(),
                    stderr(&o)
                ))
            });
        }
    }
    t.finish();
}

// ---------------------------------------------------------------------------
// 6. A filter that matches nothing is an error
// ---------------------------------------------------------------------------

/// Source: the catalogue's declared traditions and categories (Diwali is
/// hindu, no jewish observance is a public holiday, Christmas Day is a
/// public holiday, not a fast); Diwali 2027-10-29 from india.csv.
const FILTERS: &[Case] = &[
    Case {
        why: "Diwali is not jewish",
        args: &[
            "check",
            "2027-10-29",
            "--id",
            "diwali",
            "--tradition",
            "jewish",
        ],
        error: Some("no observance matches these filters"),
        ..CASE
    },
    Case {
        why: "no jewish public holiday",
        args: &[
            "check",
            "2027-10-29",
            "--tradition",
            "jewish",
            "--category",
            "public-holiday",
        ],
        error: Some("no observance matches these filters"),
        ..CASE
    },
    Case {
        why: "a range, same empty filter",
        args: &[
            "check",
            "2027-10-01..2027-10-31",
            "--tradition",
            "jewish",
            "--category",
            "public-holiday",
        ],
        error: Some("no observance matches these filters"),
        ..CASE
    },
    Case {
        why: "a timed check, same empty filter",
        args: &[
            "check",
            "2027-10-29T19:00",
            "--id",
            "diwali",
            "--tradition",
            "jewish",
        ],
        error: Some("no observance matches these filters"),
        ..CASE
    },
    Case {
        why: "Christmas Day is not a fast",
        args: &[
            "check",
            "2027-12-25",
            "--id",
            "christmas-day",
            "--category",
            "fast",
        ],
        error: Some("no observance matches these filters"),
        ..CASE
    },
    Case {
        why: "control: Diwali as hindu matches, and clashes on 2027-10-29 (india.csv)",
        args: &[
            "check",
            "2027-10-29",
            "--id",
            "diwali",
            "--tradition",
            "hindu",
        ],
        exit: 1,
        has: &[clash_of("diwali").day().high()],
        ..CASE
    },
];

#[test]
fn filters_that_match_nothing_are_errors() {
    let mut t = Tally::new("filters");
    t.table(FILTERS);
    t.finish();
}

// ---------------------------------------------------------------------------
// 7. Words
// ---------------------------------------------------------------------------

/// No repository file or SPEC section in user text; real plurals. Eid
/// al-Fitr 2027 is Tue 2027-03-09 (Umm al-Qura). The autumn clock change
/// 2026 is Sunday 25 October, 02:00 BST -> 01:00 GMT, so an hour from 01:30
/// BST ends at 01:30 GMT. Scotland's summer bank holiday 2027-08-02
/// (gov.uk).
const NO_INTERNALS: &[&str] = &["(s)", "0 of 1", "SPEC", "§", "tests/golden"];

const WORDS: &[Case] = &[
    Case {
        why: "show diwali names no file or section",
        args: &["show", "diwali"],
        exit: 0,
        text_lacks: NO_INTERNALS,
        ..CASE
    },
    Case {
        why: "show eid-al-fitr names no file or section",
        args: &["show", "eid-al-fitr"],
        exit: 0,
        text_lacks: NO_INTERNALS,
        ..CASE
    },
    Case {
        why: "check 2027-10-29 (Diwali) names no file or section",
        args: &["check", "2027-10-29"],
        exit: 1,
        text_lacks: NO_INTERNALS,
        ..CASE
    },
    Case {
        why: "export 2027 names no file or section",
        args: &["export", "2027"],
        exit: 0,
        text_lacks: NO_INTERNALS,
        ..CASE
    },
    Case {
        why: "the expected date first, then the others",
        args: &["check", "2027-03-10"],
        exit: 1,
        text_has: &["expected Tue 2027-03-09", "may be"],
        in_order: true,
        text_lacks: &["(s)"],
        ..CASE
    },
    Case {
        why: "a feed name says no 'high impact and above'",
        args: &[
            "export",
            "--from",
            "2027",
            "--to",
            "2027",
            "--min-impact",
            "high",
        ],
        exit: 0,
        text_lacks: &["high impact and above"],
        ..CASE
    },
    Case {
        why: "the autumn clock change names both zones",
        args: &["check", "2026-10-25T01:30"],
        text_has: &["01:30 BST to 01:30 GMT"],
        ..CASE
    },
    Case {
        why: "'[Scotland]' once, not after '(Scotland)'",
        args: &["check", "2027-08-02", "--location", "glasgow"],
        exit: 1,
        text_lacks: &["(Scotland) [Scotland]"],
        ..CASE
    },
];

#[test]
fn words() {
    let mut t = Tally::new("words");
    t.table(WORDS);
    t.finish();
}

// ---------------------------------------------------------------------------
// 8. Suggest (SPEC §7; census shares from data/profiles/leicester.toml)
// ---------------------------------------------------------------------------

/// How much of the Leicester audience keeps `tradition` (national and
/// international count for everyone; traditions the census does not name
/// are counted as under 1%, the most they can be).
fn share(shares: &BTreeMap<String, f64>, tradition: &str) -> f64 {
    match tradition {
        "national" | "international" => 1.0,
        t => shares.get(t).copied().unwrap_or(0.0),
    }
}

fn effective_impact(e: &Value) -> Option<u8> {
    e["clash_impact"]
        .as_str()
        .or_else(|| e["impact"].as_str())
        .and_then(rank)
}

/// No suggestion whose items are all low ranks below one with a medium or
/// high clash of a tradition kept by at least 1% of the audience.
fn ranking_problems(v: &Value, shares: &BTreeMap<String, f64>) -> Vec<String> {
    let list = v["suggestions"].as_array().map_or(&[][..], Vec::as_slice);
    let clashes = |s: &Value| s["clashes"].as_array().cloned().unwrap_or_default();
    let all_low = |s: &Value| clashes(s).iter().all(|e| effective_impact(e) == Some(0));
    let real = |s: &Value| {
        clashes(s).iter().any(|e| {
            effective_impact(e).is_some_and(|r| r >= 1)
                && share(shares, e["tradition"].as_str().unwrap_or("")) >= 0.01
        })
    };
    let mut p = Vec::new();
    if list.is_empty() {
        p.push("no suggestions".to_string());
    }
    for (i, better) in list.iter().enumerate() {
        for worse in list.iter().skip(i + 1) {
            if real(better) && all_low(worse) {
                p.push(format!(
                    "{} (a real clash) ranks above {} (awareness only)",
                    better["date"], worse["date"]
                ));
            }
        }
    }
    p.truncate(5);
    p
}

/// Windows in 2027: Navaratri from 09-30 (india.csv) with Rosh Hashanah
/// 10-02 and Yom Kippur 10-11 (hebcal); Inter Faith Week from Remembrance
/// Sunday 11-14 (uk-national.toml, low); Diwali 10-29 (india.csv); Eid
/// al-Fitr 03-09 and Eid al-Adha 05-16 (Umm al-Qura).
const SUGGEST_WINDOWS: &[&[&str]] = &[
    &["suggest", "2027-09-27..2027-10-15", "--count", "100"],
    &["suggest", "2027-11-08..2027-11-26", "--count", "100"],
    &["suggest", "2027-10-25..2027-11-05", "--count", "100"],
    &["suggest", "2027-03-01..2027-03-19", "--count", "100"],
    &["suggest", "2027-05-10..2027-05-21", "--count", "100"],
    &[
        "suggest",
        "2027-09-27..2027-10-15",
        "--count",
        "100",
        "--time",
        "18:00",
    ],
    &[
        "suggest",
        "2027-11-08..2027-11-26",
        "--count",
        "100",
        "--time",
        "10:00",
    ],
];

#[test]
fn suggest_never_ranks_awareness_below_real_clashes() {
    let shares = leicester_shares();
    assert!(share(&shares, "hindu") > 0.15 && share(&shares, "jewish") < 0.01);
    let mut t = Tally::new("suggest_ranking");
    for window in SUGGEST_WINDOWS {
        let args = with_format(window, "json");
        let o = clash(&args);
        let v: Value = serde_json::from_slice(&o.stdout).unwrap_or(Value::Null);
        let p = ranking_problems(&v, &shares);
        t.note(if p.is_empty() && o.status.code() == Some(0) {
            Ok(())
        } else {
            Err(format!(
                "$ clash {}\n  - exit {:?}\n  - {}\n    stderr: {}\n    JSON: {}",
                args.join(" "),
                o.status.code(),
                p.join("\n  - "),
                stderr(&o),
                excerpt(&serde_json::to_string_pretty(&v).unwrap_or_default(), 4000)
            ))
        });
    }
    // Eid al-Fitr 2027 (Umm al-Qura 03-09) may be 03-08 or 03-10: with two
    // free days (03-11, 03-12) in the window, the best two are those, at
    // 10:00 as for the whole day (SPEC §7: no high-impact clash while a
    // date without one exists).
    for extra in [&[][..], &["--time", "10:00"][..]] {
        let mut args = vec!["suggest", "2027-03-08..2027-03-12", "--count", "2"];
        args.extend(extra);
        let all = with_format(&args, "json");
        let o = clash(&all);
        let v: Value = serde_json::from_slice(&o.stdout).unwrap_or(Value::Null);
        let dates: Vec<&str> = v["suggestions"]
            .as_array()
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(|s| s["date"].as_str())
            .collect();
        let bad: Vec<&&str> = dates
            .iter()
            .filter(|d| ["2027-03-08", "2027-03-09", "2027-03-10"].contains(d))
            .collect();
        t.note(if bad.is_empty() && !dates.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "$ clash {}\n  - suggests a possible Eid day: {bad:?} (all: {dates:?})\n    stderr: {}",
                all.join(" "),
                stderr(&o)
            ))
        });
    }
    t.finish();
}

/// Never a suggestion on the location's own bank holidays (gov.uk,
/// 2024–2030): a week around each, one preset per nation.
#[test]
fn suggest_never_picks_the_locations_bank_holidays() {
    let rows = bank_holidays();
    let mut t = Tally::new("suggest_bank_holidays");
    for (preset, nation) in [
        ("leicester", "gb-eng"),
        ("cardiff", "gb-wls"),
        ("glasgow", "gb-sct"),
        ("belfast", "gb-nir"),
    ] {
        for (region, d, id) in &rows {
            if region != nation {
                continue;
            }
            let window = format!("{}..{}", shift(*d, -3), shift(*d, 3));
            let args = ["suggest", &window, "--location", preset, "--format", "json"];
            let o = clash(&args);
            let v: Value = serde_json::from_slice(&o.stdout).unwrap_or(Value::Null);
            let ds = d.to_string();
            let picked = v["suggestions"]
                .as_array()
                .is_some_and(|l| l.iter().any(|s| s["date"] == ds.as_str()));
            t.note(if v["suggestions"].is_array() && !picked {
                Ok(())
            } else {
                Err(format!(
                    "$ clash {}\n  - {id} {ds} ({nation}) suggested, or no suggestions\n    \
                     stderr: {}\n    JSON: {}",
                    args.join(" "),
                    stderr(&o),
                    excerpt(&v["suggestions"].to_string(), 1500)
                ))
            });
        }
    }
    t.finish();
}

/// A profile of our own (SPEC §7: a user may write one): only Christians.
/// Diwali 2027-10-29 (india.csv) and Yom Kippur 2027-10-11 (hebcal) are
/// then of traditions this audience does not keep, and are named so.
#[test]
fn suggest_names_traditions_the_audience_does_not_keep() {
    let profile = temp_file(
        "christians-only.toml",
        "name = \"christians-only\"\ntitle = \"Only Christians\"\n\
         source = \"test\"\nunit = \"count\"\n[audience]\nchristian = 100\n",
    );
    let p = profile.to_str().unwrap_or("");
    let mut t = Tally::new("suggest_not_kept");
    for day in ["2027-10-29..2027-10-29", "2027-10-11..2027-10-11"] {
        t.run(&Case {
            why: "a tradition with no share is named as not kept",
            args: &["suggest", day, "--profile", p],
            exit: 0,
            text_has: &["not kept by this audience"],
            ..CASE
        });
    }
    t.finish();
}

// ---------------------------------------------------------------------------
// 9. Fasts and food
// ---------------------------------------------------------------------------

/// Karva Chauth 2024–2030 (india.csv), a fast from sunrise to moonrise: a
/// 13:00 meeting with food clashes, high. Ramadan 2024–2030 (Umm al-Qura;
/// muslim.toml `fast = "dawn-to-sunset"`): a whole day with food is a
/// valid question, in check and in suggest, and the fast makes it high; so
/// is a lunch.
#[test]
fn fasts_and_food() {
    let mut t = Tally::new("fasts_and_food");
    let karva = golden_days("tests/golden/hindu/india.csv", &["karva-chauth"]);
    assert_eq!(karva.len(), 7);
    for (_, d) in &karva {
        let when = format!("{d}T13:00");
        let why = format!("Karva Chauth {d} (india.csv): lunch at 13:00");
        t.run(&Case {
            why: &why,
            args: &["check", &when, "--with-food"],
            exit: 1,
            has: &[clash_of("karva-chauth").high()],
            ..CASE
        });
    }
    let ramadan = golden_days("tests/golden/islamic-umm-al-qura.csv", &["ramadan"]);
    assert_eq!(ramadan.len(), 8, "2030 has two");
    for (_, start) in &ramadan {
        let d = shift(*start, 3).to_string();
        let why = format!("Ramadan from {start} (Umm al-Qura): a catered day {d}");
        t.run(&Case {
            why: &why,
            args: &["check", &d, "--with-food"],
            exit: 1,
            has: &[clash_of("ramadan").high()],
            ..CASE
        });
        // The same whole catered day offered by suggest: Ramadan high.
        let window = format!("{d}..{d}");
        let args = [
            "suggest",
            &window,
            "--weekdays",
            "all",
            "--with-food",
            "--format",
            "json",
        ];
        let o = clash(&args);
        let v: Value = serde_json::from_slice(&o.stdout).unwrap_or(Value::Null);
        let high = v["suggestions"][0]["clashes"].as_array().is_some_and(|l| {
            l.iter()
                .any(|e| e["id"] == "ramadan" && e["clash_impact"] == "high")
        });
        t.note(if high && o.status.code() == Some(0) {
            Ok(())
        } else {
            Err(format!(
                "$ clash {}\n  - Ramadan from {start} (Umm al-Qura): a catered day {d} is not high\n    stdout: {}\n    stderr: {}",
                args.join(" "),
                excerpt(&stdout(&o), 1500),
                stderr(&o)
            ))
        });
        let when = format!("{d}T12:30");
        let why = format!("Ramadan from {start} (Umm al-Qura): lunch at 12:30 on {d}");
        t.run(&Case {
            why: &why,
            args: &["check", &when, "--with-food"],
            exit: 1,
            has: &[clash_of("ramadan").high()],
            ..CASE
        });
    }
    t.finish();
}

// ---------------------------------------------------------------------------
// 10. Import: low items never make an event clash
// ---------------------------------------------------------------------------

/// World AIDS Day 2027-12-01 (international.toml, low) and Yom Kippur
/// 2027-10-11 (hebcal; jewish.toml, high), each with a 10:00 meeting.
const TWO_MEETINGS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n\
BEGIN:VEVENT\r\nUID:board-1\r\nSUMMARY:Board\r\n\
DTSTART;TZID=Europe/London:20271201T100000\r\nDTEND;TZID=Europe/London:20271201T110000\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:review-1\r\nSUMMARY:Review\r\n\
DTSTART;TZID=Europe/London:20271011T100000\r\nDTEND;TZID=Europe/London:20271011T110000\r\n\
END:VEVENT\r\nEND:VCALENDAR\r\n";

const ONE_MEETING: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n\
BEGIN:VEVENT\r\nUID:board-1\r\nSUMMARY:Board\r\n\
DTSTART;TZID=Europe/London:20271201T100000\r\nDTEND;TZID=Europe/London:20271201T110000\r\n\
END:VEVENT\r\nEND:VCALENDAR\r\n";

fn event<'v>(v: &'v Value, uid: &str) -> &'v Value {
    v["events"]
        .as_array()
        .and_then(|l| l.iter().find(|e| e["uid"] == uid))
        .unwrap_or(&Value::Null)
}

fn has_id(v: &Value, key: &str, id: &str) -> bool {
    v[key]
        .as_array()
        .is_some_and(|l| l.iter().any(|e| e["id"] == id))
}

#[test]
fn import_low_items_do_not_clash() {
    let two = temp_file("semantics-two.ics", TWO_MEETINGS);
    let one = temp_file("semantics-one.ics", ONE_MEETING);
    let (two, one) = (two.to_str().unwrap_or(""), one.to_str().unwrap_or(""));
    let filters = [
        "--from",
        "2027",
        "--to",
        "2027",
        "--tradition",
        "awareness,international,jewish",
    ];
    let mut t = Tally::new("import");
    let mut args = vec!["import", two];
    args.extend(filters);
    let all = with_format(&args, "json");
    let o = clash(&all);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap_or(Value::Null);
    let board = event(&v, "board-1");
    let review = event(&v, "review-1");
    let mut p = Vec::new();
    if o.status.code() != Some(1) {
        p.push(format!("exit {:?}, expected 1", o.status.code()));
    }
    if board["clashes"].as_array().is_none_or(|l| !l.is_empty()) {
        p.push("Board (World AIDS Day only) has clashes".to_string());
    }
    if !has_id(board, "also", "world-aids-day") {
        p.push("Board: world-aids-day not in also".to_string());
    }
    if !has_id(review, "clashes", "yom-kippur") {
        p.push("Review: yom-kippur not in clashes".to_string());
    }
    t.note(if p.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "$ clash {}\n  - {}\n    stderr: {}\n    JSON: {}",
            all.join(" "),
            p.join("\n  - "),
            stderr(&o),
            excerpt(&serde_json::to_string_pretty(&v).unwrap_or_default(), 4000)
        ))
    });
    t.run(&Case {
        why: "one of two meetings clashes: the low one does not count",
        args: &args,
        exit: 1,
        text_has: &["1 with clashes"],
        ..CASE
    });
    let mut low = args.clone();
    low.extend(["--min-impact", "low"]);
    t.run(&Case {
        why: "--min-impact low: both count",
        args: &low,
        exit: 1,
        text_has: &["2 with clashes"],
        ..CASE
    });
    let mut alone = vec!["import", one];
    alone.extend(filters);
    t.run(&Case {
        why: "an awareness-only meeting: exit 0",
        args: &alone,
        exit: 0,
        text_has: &["0 with clashes"],
        ..CASE
    });
    t.finish();
}
