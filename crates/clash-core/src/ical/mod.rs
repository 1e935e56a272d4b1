//! iCalendar (SPEC §8): the subscribable feed of observances.
//!
//! A feed must look the same to every client and change only when the data
//! does, so that Outlook, Google Calendar, Apple Calendar and Thunderbird do
//! not see phantom updates on each refresh. Hence: every value is derived
//! from the occurrence (the UID from the observance id and date, DTSTAMP
//! from the date), properties are written in a fixed order, and nothing
//! comes from the clock. Observances are all-day events (`DTSTART;VALUE=DATE`
//! with an exclusive `DTEND`); one that begins at sunset says so, with the
//! time at the feed's location, in its description. High-impact days are
//! `OPAQUE` (busy), the rest `TRANSPARENT`; dates that depend on moon
//! sighting are `TENTATIVE`.
//!
//! The text is written by the `icalendar` crate, which escapes text values,
//! folds lines at 75 octets without splitting a UTF-8 character, and ends
//! lines with CRLF.

pub(crate) mod import;
mod windows;
mod windows_zones;

pub use import::{
    BadEvents, CapNote, EventOccurrence, Expansion, IcsCalendar, ReadNote, SkippedEvent, Tally,
    When, MAX_COMPONENTS, MAX_ICS_BYTES, MAX_NESTING, MAX_OCCURRENCES, MAX_PER_EVENT,
};

use chrono::{Duration, NaiveDate};
use icalendar::{Calendar, Component, Event, Property};

use crate::location::Location;
use crate::model::{Certainty, Impact};
use crate::occurrence::OccurrenceRef;

/// The `PRODID` of our feeds.
pub const PRODID: &str = "-//clash//clash observance calendar//EN";

/// A calendar name as one plain line: commas and semicolons (which the
/// `icalendar` crate does not escape in `NAME`) become middle dots.
fn plain(s: &str) -> String {
    s.replace([',', ';'], " ·")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// The event of one occurrence.
fn event(o: &OccurrenceRef<'_>, location: &Location) -> Event {
    let obs = o.observance();
    let occ = o.occurrence();
    let (start, end) = (occ.start(), occ.end());
    let mut lines = vec![
        obs.summary().to_string(),
        format!("Advice: {}", obs.advice()),
    ];
    if let Some(t) = o.starts_at(location) {
        let what = match &obs.timing().early {
            Some(e) => format!("{} ({} minutes before sunset)", e.what, e.minutes),
            None => "sunset".to_string(),
        };
        lines.push(format!(
            "Begins at {what} on the evening before: {} at {}.",
            t.format("%a %Y-%m-%d %H:%M %Z"),
            location
        ));
    }
    let certainty = match (o.announced(), o.certainty()) {
        (Some(a), _) => format!("announced ({})", a.source),
        (None, _) if o.not_yet_announced() => crate::NOT_YET_ANNOUNCED.to_string(),
        (None, Certainty::Fixed) => "fixed".to_string(),
        (None, Certainty::Computed) => "computed".to_string(),
        _ => "estimated (depends on moon sighting or an announcement)".to_string(),
    };
    let mut certainty = format!("Certainty: {certainty}");
    match o.expected_dates() {
        Some(dates) => certainty = format!("{certainty}; {dates}"),
        None => {
            if let Some(note) = o.note() {
                certainty = format!("{certainty}. {note}");
            }
        }
    }
    lines.push(certainty);
    if !occ.regions().is_empty() {
        let local = occ.regions().iter().all(|r| !r.is_nation());
        lines.push(format!(
            "{}: {}.",
            if local {
                "Local to"
            } else {
                "Public holiday in"
            },
            occ.regions().english_names()
        ));
    }
    lines.push(format!("Impact: {}.", obs.impact()));
    lines.push(format!("Source: {}", obs.source()));
    let mut e = Event::new();
    e.uid(&format!("{}-{}@clash", obs.id(), ymd(start)))
        .summary(&o.name())
        .description(&lines.join("\n"));
    e.append_property(Property::new("DTSTAMP", format!("{}T000000Z", ymd(start))));
    let mut dtstart = Property::new("DTSTART", ymd(start));
    dtstart.add_parameter("VALUE", "DATE");
    e.append_property(dtstart);
    let mut dtend = Property::new("DTEND", ymd(end + Duration::days(1)));
    dtend.add_parameter("VALUE", "DATE");
    e.append_property(dtend);
    e.append_property(Property::new(
        "CATEGORIES",
        format!("{},{},{}", obs.tradition(), occ.category(), obs.impact()),
    ));
    e.append_property(Property::new(
        "TRANSP",
        if obs.impact() == Impact::High {
            "OPAQUE"
        } else {
            "TRANSPARENT"
        },
    ));
    e.append_property(Property::new(
        "STATUS",
        if o.certainty() == Certainty::Estimated {
            "TENTATIVE"
        } else {
            "CONFIRMED"
        },
    ));
    e.done()
}

/// A feed (RFC 5545 with the RFC 7986 calendar properties) of
/// `occurrences`, named `name` (which should say what the filters chose),
/// with sunset times at `location`. The same occurrences always give the
/// same bytes. Each of `notes` (a feed cut at a cap, say) ends its
/// description.
pub fn feed(
    name: &str,
    location: &Location,
    occurrences: &[OccurrenceRef<'_>],
    notes: &[String],
) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", PRODID));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(Property::new("METHOD", "PUBLISH"));
    cal.name(&plain(name));
    let mut description = format!(
        "Religious, cultural, national and international observances that matter when planning meetings (clash). Sunset times are for {location}."
    );
    for note in notes {
        description.push_str(" Note: ");
        description.push_str(note);
        description.push('.');
    }
    cal.description(&description);
    let mut refresh = Property::new("REFRESH-INTERVAL", "P1D");
    refresh.add_parameter("VALUE", "DURATION");
    cal.append_property(refresh);
    cal.append_property(Property::new("X-PUBLISHED-TTL", "P1D"));
    for o in occurrences {
        cal.push(event(o, location));
    }
    let mut text = cal.to_string();
    if occurrences.is_empty() {
        // RFC 5545 §3.6: a calendar holds at least one component. A feed
        // whose filters and window hold no event (a subscription can
        // still be to one) carries a VTIMEZONE for UTC, which every
        // client reads and none shows.
        if let Some(at) = text.rfind("END:VCALENDAR") {
            text.insert_str(at, UTC_TIMEZONE);
        }
    }
    refold(&text)
}

/// The component of an otherwise empty feed: the UTC time zone.
const UTC_TIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:UTC\r\nBEGIN:STANDARD\r\n\
    DTSTART:19700101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\nTZNAME:UTC\r\n\
    END:STANDARD\r\nEND:VTIMEZONE\r\n";

/// Unfolds `text` and folds every content line again so that no line,
/// counting a continuation line's leading space, exceeds 75 octets (RFC
/// 5545 §3.1; the `icalendar` crate's continuation lines reach 76), never
/// inside a UTF-8 character. Lines end with CRLF.
fn refold(text: &str) -> String {
    let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 70 * 3);
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let mut width = 0;
        for c in line.chars() {
            let n = c.len_utf8();
            if width + n > 75 {
                out.push_str("\r\n ");
                width = 1;
            }
            out.push(c);
            width += n;
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_dates_words() {
        use crate::{DateDoubt, ExpectedDates};
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let two = [d("2026-03-19"), d("2026-03-21")];
        let three = [d("2026-03-18"), d("2026-03-19"), d("2026-03-21")];
        let cases: &[(&[NaiveDate], bool, DateDoubt, &str)] = &[
            (&two, false, DateDoubt::MoonSighting, "expected Fri 2026-03-20; may be Thu 2026-03-19 or Sat 2026-03-21 (moon sighting)"),
            (&two[..1], false, DateDoubt::Reckoning, "expected Fri 2026-03-20; may be Thu 2026-03-19 (some communities reckon it on another day)"),
            (&three, true, DateDoubt::MoonSighting, "expected to begin Fri 2026-03-20; may begin Wed 2026-03-18, Thu 2026-03-19 or Sat 2026-03-21 (moon sighting)"),
        ];
        for (others, several_days, why, words) in cases {
            let e = ExpectedDates {
                expected: d("2026-03-20"),
                others,
                several_days: *several_days,
                why: *why,
            };
            assert_eq!(e.to_string(), *words);
        }
    }

    #[test]
    fn folds_at_75_octets_on_character_boundaries() {
        let long = format!("SUMMARY:{}\r\n", "दीपावली ".repeat(20));
        let folded = refold(&long);
        assert!(folded.ends_with("\r\n"));
        for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), long);
        // Already folded input (as the crate writes it) is unfolded first.
        assert_eq!(refold("A:b\r\n c\r\n"), "A:bc\r\n");
    }

    #[test]
    fn a_feed_without_events_still_holds_a_component() {
        let place = crate::Location::leicester();
        let empty = feed("clash: nothing", &place, &[], &[]);
        assert!(empty.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(empty.ends_with("END:VTIMEZONE\r\nEND:VCALENDAR\r\n"));
        assert_eq!(empty.matches("BEGIN:VTIMEZONE").count(), 1);
        assert!(!empty.contains("BEGIN:VEVENT"));
    }

    #[test]
    fn plain_names() {
        assert_eq!(plain("a, b; c"), "a · b · c");
    }
}
