//! CSV output (RFC 4180), one header line then one row per record.

use clash_core::{Clash, Location, OccurrenceRef, Verdict};

use super::region_codes;

/// Quotes a field when it needs it.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub fn row<I: IntoIterator<Item = S>, S: AsRef<str>>(out: &mut String, fields: I) {
    let mut first = true;
    for f in fields {
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(&field(f.as_ref()));
    }
    out.push_str("\r\n");
}

/// Timed clashes: one row per clash of each meeting.
pub fn timed(meetings: &[crate::report::Meeting<'_>]) -> String {
    let mut out = String::new();
    row(
        &mut out,
        [
            "meeting_start",
            "meeting_end",
            "id",
            "name",
            "tradition",
            "clash_impact",
            "overlap_from",
            "overlap_to",
            "possible",
            "reason",
            "kind",
            "verdict",
        ],
    );
    for m in meetings {
        let rows = m
            .found
            .clashes
            .iter()
            .map(|c| (c, "clash"))
            .chain(m.found.also.iter().map(|c| (c, "also")));
        for (c, verdict) in rows {
            let obs = c.occurrence.observance();
            row(
                &mut out,
                [
                    m.start.to_rfc3339(),
                    m.end.to_rfc3339(),
                    obs.id().to_string(),
                    c.occurrence.name(),
                    obs.tradition().to_string(),
                    c.impact.to_string(),
                    c.overlap.0.to_rfc3339(),
                    c.overlap.1.to_rfc3339(),
                    c.possible.to_string(),
                    c.reason.to_string(),
                    c.kind.to_string(),
                    verdict.to_string(),
                ],
            );
        }
    }
    out
}

pub const OCCURRENCE_HEADER: [&str; 15] = [
    "id",
    "name",
    "tradition",
    "category",
    "impact",
    "start",
    "end",
    "begins",
    "starts_at",
    "certainty",
    "uncertainty_days",
    "possible_dates",
    "regions",
    "summary",
    "advice",
];

pub fn occurrence_fields(o: &OccurrenceRef<'_>, location: &Location) -> Vec<String> {
    let obs = o.observance();
    let occ = o.occurrence();
    let dates: Vec<String> = occ.possible_dates().iter().map(|d| d.to_string()).collect();
    vec![
        obs.id().to_string(),
        o.name(),
        obs.tradition().to_string(),
        occ.category().to_string(),
        obs.impact().to_string(),
        occ.start().to_string(),
        occ.end().to_string(),
        obs.begins().to_string(),
        o.starts_at(location)
            .as_ref()
            .map(super::rfc3339)
            .unwrap_or_default(),
        obs.certainty().to_string(),
        o.uncertainty_days().to_string(),
        dates.join(";"),
        region_codes(occ.regions()).join(";"),
        obs.summary().to_string(),
        obs.advice().to_string(),
    ]
}

pub fn occurrences(list: &[OccurrenceRef<'_>], location: &Location) -> String {
    let mut out = String::new();
    row(&mut out, OCCURRENCE_HEADER.iter().chain(&["source"]));
    for o in list {
        let mut f = occurrence_fields(o, location);
        f.push(o.observance().source().to_string());
        row(&mut out, f);
    }
    out
}

/// A whole-day check: the clashes, then the "also" rows (`verdict`
/// column `clash` or `also`).
pub fn clashes(found: &Verdict<Clash<'_>>, location: &Location) -> String {
    let mut out = String::new();
    row(
        &mut out,
        OCCURRENCE_HEADER.iter().chain(&[
            "source",
            "overlap_from",
            "overlap_to",
            "possible",
            "kind",
            "clash_impact",
            "verdict",
        ]),
    );
    let rows = found
        .clashes
        .iter()
        .map(|c| (c, "clash"))
        .chain(found.also.iter().map(|c| (c, "also")));
    for (c, verdict) in rows {
        let mut f = occurrence_fields(&c.occurrence, location);
        f.push(c.occurrence.observance().source().to_string());
        f.push(c.overlap.0.to_string());
        f.push(c.overlap.1.to_string());
        f.push(c.possible.to_string());
        f.push(c.kind.to_string());
        f.push(c.impact.to_string());
        f.push(verdict.to_string());
        row(&mut out, f);
    }
    out
}

/// Suggestions: one row each, with the clashes' ids joined by `;`.
pub fn suggestions(found: &clash_core::Suggestions<'_>) -> String {
    let mut out = String::new();
    row(
        &mut out,
        [
            "rank",
            "date",
            "start",
            "end",
            "score",
            "high_impact",
            "clashes",
            "avoids",
        ],
    );
    for (i, s) in found.suggestions.iter().enumerate() {
        let c = &s.candidate;
        let ids = |it: &mut dyn Iterator<Item = String>| it.collect::<Vec<_>>().join(";");
        row(
            &mut out,
            [
                (i + 1).to_string(),
                c.date.to_string(),
                c.meeting.map(|m| m.0.to_rfc3339()).unwrap_or_default(),
                c.meeting.map(|m| m.1.to_rfc3339()).unwrap_or_default(),
                c.score.to_string(),
                c.high.as_str().to_string(),
                ids(&mut c
                    .clashes
                    .iter()
                    .map(|k| k.occurrence.observance().id().to_string())),
                ids(&mut s
                    .avoids
                    .iter()
                    .map(|(d, o)| format!("{}@{d}", o.observance().id()))),
            ],
        );
    }
    out
}

/// Imported events: one row per clash of each occurrence.
pub fn imported(found: &[crate::report::Imported<'_>]) -> String {
    let mut out = String::new();
    row(
        &mut out,
        [
            "uid",
            "summary",
            "start",
            "end",
            "all_day",
            "id",
            "name",
            "clash_impact",
            "possible",
            "reason",
        ],
    );
    for f in found {
        let (start, end) = match (f.days, f.times) {
            (Some((a, b)), _) => (a.to_string(), b.to_string()),
            (_, Some((s, e))) => (s.to_rfc3339(), e.to_rfc3339()),
            _ => (String::new(), String::new()),
        };
        let head = [
            f.event.uid.clone(),
            f.event.summary.clone(),
            start,
            end,
            f.event.all_day().to_string(),
        ];
        let rows: Vec<[String; 5]> = match &f.found {
            crate::report::Found::Days(v) => v
                .clashes
                .iter()
                .map(|c| {
                    let o = c.occurrence.observance();
                    [
                        o.id().to_string(),
                        c.occurrence.name(),
                        c.impact.to_string(),
                        c.possible.to_string(),
                        String::new(),
                    ]
                })
                .collect(),
            crate::report::Found::Timed(v) => v
                .clashes
                .iter()
                .map(|c| {
                    [
                        c.occurrence.observance().id().to_string(),
                        c.occurrence.name(),
                        c.impact.to_string(),
                        c.possible.to_string(),
                        c.reason.to_string(),
                    ]
                })
                .collect(),
        };
        for r in rows {
            row(&mut out, head.iter().chain(r.iter()));
        }
    }
    out
}

/// `observances`: one row per observance, with its rule.
pub fn observances(list: &[&clash_core::Observance]) -> String {
    let mut out = String::new();
    row(
        &mut out,
        [
            "id",
            "name",
            "tradition",
            "category",
            "impact",
            "begins",
            "certainty",
            "uncertainty_days",
            "regions",
            "summary",
            "advice",
            "source",
            "rule",
        ],
    );
    for o in list {
        let j = super::json::ObservanceJson::new(o);
        row(
            &mut out,
            [
                j.id,
                j.name,
                j.tradition,
                j.category,
                j.impact,
                j.begins,
                j.certainty,
                &j.uncertainty_days.to_string(),
                &j.regions.join(";"),
                j.summary,
                j.advice,
                j.source,
                &j.rule,
            ],
        );
    }
    out
}

/// `sun`: one row per day, local RFC 3339 times.
pub fn sun(days: &[clash_core::SunDay]) -> String {
    let mut out = String::new();
    row(&mut out, ["date", "sunrise", "sunset"]);
    for d in days.iter().map(super::json::SunDayJson::new) {
        row(
            &mut out,
            [
                d.date,
                d.sunrise.unwrap_or_default(),
                d.sunset.unwrap_or_default(),
            ],
        );
    }
    out
}

/// `locations`: one row per preset.
pub fn locations(r: &crate::report::LocationsReport) -> String {
    let mut out = String::new();
    row(&mut out, ["name", "latitude", "longitude", "timezone"]);
    for p in &r.locations {
        row(
            &mut out,
            [
                p.name.to_string(),
                p.latitude.to_string(),
                p.longitude.to_string(),
                p.timezone.to_string(),
            ],
        );
    }
    out
}
