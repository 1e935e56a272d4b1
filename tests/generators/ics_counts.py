#!/usr/bin/env python3
"""Generate tests/ics/corpus/expected_counts.csv: the independent reference for the
iCalendar importer (tests/tests/golden/ics.rs).

For every file in tests/ics/corpus/valid/ (sorted by name):

- ``vevents``: VEVENT components (masters and RECURRENCE-ID overrides) found by
  ``icalendar.Calendar.from_ical(data, multiple=True)`` and ``walk("VEVENT")``;
- ``occurrences_2000_2030``: occurrences returned by
  ``recurring_ical_events.of(calendar).between((2000, 1, 1), (2031, 1, 1))``;
- ``occurrences_2025_2030``: the same for ``between((2025, 1, 1), (2031, 1, 1))``, a
  window long after most series began (so an importer that starts a long-running rule
  near the window, rather than at DTSTART, is checked there too);
- ``parse_ok``: both ran without an exception and icalendar recorded no property
  errors;
- ``notes``: kept from the existing CSV where a person wrote them; for a new file, the
  facts this script can see (open-ended rules, TZIDs without a VTIMEZONE,
  X-WR-TIMEZONE, cancelled occurrences that recurring-ical-events still counts).

Sources (used as tools, not linked or copied): icalendar 7.3.0 (BSD-2-Clause),
recurring-ical-events 3.8.2 (LGPL-3.0), x-wr-timezone 2.0.1 (LGPL-3.0),
python-dateutil 2.9.0.post0 (Apache-2.0 / BSD-3-Clause), tzdata 2026.6 (Apache-2.0,
data public domain). Pinned in tests/ics/requirements.txt.

Run: python3 tests/generators/ics_counts.py   (rewrites the CSV in place; review the diff)
"""
import csv
import io
import pathlib
import re
import sys

import icalendar
import recurring_ical_events

ROOT = pathlib.Path(__file__).resolve().parents[1] / "ics" / "corpus"
CSV = ROOT / "expected_counts.csv"
FIELDS = ["file", "vevents", "occurrences_2000_2030", "occurrences_2025_2030", "parse_ok", "notes"]


def unfolded(data: bytes) -> str:
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    return re.sub(r"\r?\n[ \t]", "", text)


def auto_notes(data: bytes, cal_list, occurrences) -> str:
    text = unfolded(data)
    notes = []
    open_ended = False
    for cal in cal_list:
        for ev in cal.walk("VEVENT"):
            for rule in ev.get("RRULE") and (ev.get("RRULE") if isinstance(ev.get("RRULE"), list) else [ev.get("RRULE")]) or []:
                if "COUNT" not in rule and "UNTIL" not in rule:
                    open_ended = True
    if open_ended:
        notes.append("open-ended RRULE: count depends on the 2031-01-01 cut-off")
    defined = set(re.findall(r"(?im)^TZID:(.*)$", text))
    used = set()
    for m in re.finditer(r"(?im)^(?:DTSTART|DTEND|RECURRENCE-ID|EXDATE|RDATE|DUE)((?:;[^:]*)?):", text):
        tz = re.search(r'(?i);TZID=("[^"]*"|[^;:]*)', m.group(1))
        if tz:
            used.add(tz.group(1).strip('"'))
    missing = sorted(t.strip() for t in used - {d.strip() for d in defined})
    if missing:
        notes.append("TZID without VTIMEZONE in file: " + ", ".join(missing))
    if re.search(r"(?im)^X-WR-TIMEZONE:", text):
        notes.append("X-WR-TIMEZONE applied by recurring-ical-events")
    cancelled = sum(1 for o in occurrences if str(o.get("STATUS", "")).upper() == "CANCELLED")
    if cancelled:
        notes.append(f"{cancelled} occurrence(s) with STATUS:CANCELLED included in the count")
    return "; ".join(notes)


def reference(path: pathlib.Path):
    data = path.read_bytes()
    ok = True
    cals = icalendar.Calendar.from_ical(data, multiple=True)
    vevents = sum(len(c.walk("VEVENT")) for c in cals)
    for c in cals:
        for comp in c.walk():
            if getattr(comp, "errors", None):
                ok = False
    counts = []
    wide = []
    for lo in ((2000, 1, 1), (2025, 1, 1)):
        found = []
        for c in cals:
            found.extend(recurring_ical_events.of(c).between(lo, (2031, 1, 1)))
        counts.append(len(found))
        if lo == (2000, 1, 1):
            wide = found
    return vevents, counts, ok, auto_notes(data, cals, wide)


def main() -> int:
    old = {}
    if CSV.exists():
        with CSV.open(newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                old[row["file"]] = row
    rows = []
    for path in sorted((ROOT / "valid").glob("*.ics")):
        name = f"valid/{path.name}"
        try:
            vevents, (wide, late), ok, notes = reference(path)
        except Exception as e:  # a file the reference cannot read belongs in malformed/
            print(f"{name}: the reference fails: {type(e).__name__}: {e}", file=sys.stderr)
            return 1
        if name in old and old[name].get("notes"):
            notes = old[name]["notes"]
        rows.append(
            {
                "file": name,
                "vevents": vevents,
                "occurrences_2000_2030": wide,
                "occurrences_2025_2030": late,
                "parse_ok": "true" if ok else "false",
                "notes": notes,
            }
        )
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    CSV.write_text(out.getvalue(), encoding="utf-8")
    print(f"{len(rows)} files", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
