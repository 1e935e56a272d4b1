#!/usr/bin/env python3
"""Validate a clash iCalendar feed with independent parsers (issue 7).

Usage: validate_feed.py FEED.ics EXPECTED_EVENTS

Checks, with the Python `icalendar` package (BSD-2-Clause) and
`recurring-ical-events` (LGPL-3.0, used as a tool only, not linked):
- the file parses; VERSION 2.0, PRODID, NAME/X-WR-CALNAME, REFRESH-INTERVAL
  (VALUE=DURATION, P1D) and X-PUBLISHED-TTL are present;
- every line ends with CRLF and is at most 75 octets, and no fold splits a
  UTF-8 character (the raw bytes decode);
- every VEVENT has a unique UID, a DTSTAMP, an all-day DTSTART and an
  exclusive DTEND after it, CATEGORIES of three values, TRANSP OPAQUE only
  for high impact, and a DESCRIPTION with advice, certainty and source;
- recurring-ical-events expands the feed over its whole span to exactly
  EXPECTED_EVENTS occurrences (the count from `clash list --format json`).
Exits 1 with a message on the first failure.
"""
import datetime
import sys

import icalendar
import recurring_ical_events


def fail(msg):
    print(f"validate_feed: {msg}", file=sys.stderr)
    sys.exit(1)


def main():
    path, expected = sys.argv[1], int(sys.argv[2])
    raw = open(path, "rb").read()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        fail(f"not UTF-8: {e}")
    if not raw.endswith(b"\r\n"):
        fail("does not end with CRLF")
    for n, line in enumerate(raw.split(b"\r\n")[:-1], 1):
        if b"\n" in line or b"\r" in line:
            fail(f"line {n}: bare CR or LF")
        if len(line) > 75:
            fail(f"line {n}: {len(line)} octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail(f"line {n}: a fold splits a UTF-8 character")
    cal = icalendar.Calendar.from_ical(raw)
    for prop in ("VERSION", "PRODID", "NAME", "X-WR-CALNAME", "X-PUBLISHED-TTL"):
        if prop not in cal:
            fail(f"calendar has no {prop}")
    refresh = cal.get("REFRESH-INTERVAL")
    if refresh is None or refresh.params.get("VALUE") != "DURATION":
        fail("REFRESH-INTERVAL;VALUE=DURATION missing")
    events = list(cal.walk("VEVENT"))
    uids = set()
    for e in events:
        uid = str(e.get("UID"))
        if uid in uids:
            fail(f"duplicate UID {uid}")
        uids.add(uid)
        if "DTSTAMP" not in e:
            fail(f"{uid}: no DTSTAMP")
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        if isinstance(start, datetime.datetime) or isinstance(end, datetime.datetime):
            fail(f"{uid}: not an all-day event")
        if e["DTSTART"].params.get("VALUE") != "DATE" or e["DTEND"].params.get("VALUE") != "DATE":
            fail(f"{uid}: DTSTART/DTEND without VALUE=DATE")
        if not end > start:
            fail(f"{uid}: DTEND {end} not after DTSTART {start}")
        cats = e.get("CATEGORIES")
        values = [str(v) for v in (cats.cats if hasattr(cats, "cats") else [])]
        if len(values) != 3:
            fail(f"{uid}: CATEGORIES {values}")
        transp = str(e.get("TRANSP"))
        if (values[2] == "high") != (transp == "OPAQUE"):
            fail(f"{uid}: impact {values[2]} but TRANSP {transp}")
        desc = str(e.get("DESCRIPTION"))
        for word in ("Advice:", "Certainty:", "Source:"):
            if word not in desc:
                fail(f"{uid}: DESCRIPTION lacks {word}")
    if len(events) != expected:
        fail(f"{len(events)} VEVENTs, expected {expected}")
    starts = [e.decoded("DTSTART") for e in events]
    ends = [e.decoded("DTEND") for e in events]
    if events:
        expanded = recurring_ical_events.of(cal).between(min(starts), max(ends))
        if len(expanded) != expected:
            fail(f"recurring-ical-events finds {len(expanded)} occurrences, expected {expected}")
    print(f"validate_feed: {path}: {len(events)} events valid")


main()
