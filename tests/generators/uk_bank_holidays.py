#!/usr/bin/env python3
"""Generate tests/golden/uk-bank-holidays.csv: UK bank holidays 1978..=2035.

Regions gb-eng, gb-wls, gb-sct, gb-nir.  One row per holiday per region, on the
date it is actually taken (weekend dates of substituted holidays are omitted).

Primary source: the ``holidays`` package 0.109 (MIT licence),
``holidays.UnitedKingdom(subdiv=ENG|WLS|SCT|NIR)``.  Its English holiday names are
mapped to stable ids below; an unmapped name aborts the script.

Substitute-day labelling convention (applied here, not taken from ``holidays``):
holidays are processed in order of their natural date; a weekday holiday stays on
its date; a holiday falling on Saturday/Sunday moves to the next weekday that is not
already a holiday.  The *dates* so obtained must equal the weekday dates that
``holidays`` reports, or the script aborts.

Independent cross-checks (literal tables below, with citations):
  * GOVUK: the UK government's published list, https://www.gov.uk/bank-holidays
    (bank-holidays.json; Open Government Licence v3.0), years 2012..=2027, three
    divisions, transcribed as dates + ids.  Written from knowledge of the published
    list and compared with archived copies of bank-holidays.json kept in public
    repositories (2012-2020 England & Wales, 2012-2016 and 2019-2027 all divisions).
  * Statute / proclamation facts: early May bank holiday first held 1 May 1978;
    early May moved to Mon 8 May 1995 (VE Day 50) and Fri 8 May 2020 (VE Day 75);
    spring bank holiday moved to Tue 4 Jun 2002, Mon 4 Jun 2012, Thu 2 Jun 2022;
    St Andrew's Day bank holiday in Scotland only from 2007 (St Andrew's Day Bank
    Holiday (Scotland) Act 2007 asp 2, Royal Assent 15 Jan 2007, in force 16 Jan
    2007); the one-off days listed in ONE_OFF; the Scottish bank holiday of Mon
    15 Jun 2026 (Royal Proclamation of 4 Feb 2026 under s.1(3) Banking and
    Financial Dealings Act 1971, proposed by the First Minister to mark Scotland's
    participation in the 2026 FIFA World Cup finals).

Run: python3 tests/generators/uk_bank_holidays.py > tests/golden/uk-bank-holidays.csv
"""
import datetime as dt
import sys
import textwrap
from collections import defaultdict

import holidays

FIRST, LAST = 1978, 2035
REGIONS = {"gb-eng": "ENG", "gb-wls": "WLS", "gb-sct": "SCT", "gb-nir": "NIR"}

NAME_TO_ID = {
    "New Year's Day": "new-years-day",
    "New Year Holiday": "second-january",  # Scotland, 2 January
    "Good Friday": "good-friday",
    "Easter Monday": "easter-monday",
    "May Day": "early-may-bank-holiday",
    "Spring Bank Holiday": "spring-bank-holiday",
    "Late Summer Bank Holiday": "summer-bank-holiday",  # last Mon Aug (not SCT)
    "Summer Bank Holiday": "summer-bank-holiday",  # first Mon Aug (SCT)
    "Saint Andrew's Day": "st-andrews-day",
    "Saint Patrick's Day": "st-patricks-day",
    "Battle of the Boyne": "battle-of-the-boyne",
    "Christmas Day": "christmas-day",
    "Boxing Day": "boxing-day",
    "Wedding of Charles and Diana": "royal-wedding-1981",
    "Millennium Celebrations": "millennium-day",
    "Golden Jubilee of Elizabeth II": "golden-jubilee",
    "Wedding of William and Catherine": "royal-wedding-2011",
    "Diamond Jubilee of Elizabeth II": "diamond-jubilee",
    "Platinum Jubilee of Elizabeth II": "platinum-jubilee",
    "State Funeral of Queen Elizabeth II": "state-funeral-elizabeth-ii",
    "Coronation of Charles III": "coronation-charles-iii",
    # Not in the id list of the brief: a real, proclaimed one-off Scottish bank
    # holiday (see module docstring); id chosen in the style of the others.
    "Scotland's participation in the FIFA World Cup final": "world-cup-2026",
}
OBSERVED = " (observed)"
SUBSTITUTABLE = {"new-years-day", "second-january", "st-andrews-day", "st-patricks-day",
                 "battle-of-the-boyne", "christmas-day", "boxing-day"}

# One-off days (all UK-wide unless noted): royal proclamations under the Banking
# and Financial Dealings Act 1971.
ONE_OFF = {
    "royal-wedding-1981": ("1981-07-29", set(REGIONS)),
    "millennium-day": ("1999-12-31", set(REGIONS)),
    "golden-jubilee": ("2002-06-03", set(REGIONS)),
    "royal-wedding-2011": ("2011-04-29", set(REGIONS)),
    "diamond-jubilee": ("2012-06-05", set(REGIONS)),
    "platinum-jubilee": ("2022-06-03", set(REGIONS)),
    "state-funeral-elizabeth-ii": ("2022-09-19", set(REGIONS)),
    "coronation-charles-iii": ("2023-05-08", set(REGIONS)),
    "world-cup-2026": ("2026-06-15", {"gb-sct"}),
}
MOVED = {  # (id, year) -> date, all regions
    ("early-may-bank-holiday", 1995): "1995-05-08",
    ("early-may-bank-holiday", 2020): "2020-05-08",
    ("spring-bank-holiday", 2002): "2002-06-04",
    ("spring-bank-holiday", 2012): "2012-06-04",
    ("spring-bank-holiday", 2022): "2022-06-02",
}

# Corrections where `holidays` disagrees with a fact: (region, date, id, reason).
REMOVE = [
    ("gb-sct", "2006-11-30", "st-andrews-day",
     "holidays 0.109 starts Scotland's St Andrew's Day in 2006, but the St Andrew's Day Bank "
     "Holiday (Scotland) Act 2007 received Royal Assent on 15 Jan 2007 (in force 16 Jan 2007); "
     "the first St Andrew's Day bank holiday was 30 Nov 2007"),
]
ADD: list[tuple[str, str, str, str]] = []

# gov.uk/bank-holidays, as published (labels as gov.uk gives them).  Codes:
C = {"ny": "new-years-day", "j2": "second-january", "gf": "good-friday",
     "em": "easter-monday", "may": "early-may-bank-holiday", "spr": "spring-bank-holiday",
     "sum": "summer-bank-holiday", "sta": "st-andrews-day", "stp": "st-patricks-day",
     "boy": "battle-of-the-boyne", "xm": "christmas-day", "box": "boxing-day",
     "dj": "diamond-jubilee", "pj": "platinum-jubilee", "sf": "state-funeral-elizabeth-ii",
     "cor": "coronation-charles-iii", "wc": "world-cup-2026"}
GOVUK_EW = """
2012 01-02:ny 04-06:gf 04-09:em 05-07:may 06-04:spr 06-05:dj 08-27:sum 12-25:xm 12-26:box
2013 01-01:ny 03-29:gf 04-01:em 05-06:may 05-27:spr 08-26:sum 12-25:xm 12-26:box
2014 01-01:ny 04-18:gf 04-21:em 05-05:may 05-26:spr 08-25:sum 12-25:xm 12-26:box
2015 01-01:ny 04-03:gf 04-06:em 05-04:may 05-25:spr 08-31:sum 12-25:xm 12-28:box
2016 01-01:ny 03-25:gf 03-28:em 05-02:may 05-30:spr 08-29:sum 12-26:box 12-27:xm
2017 01-02:ny 04-14:gf 04-17:em 05-01:may 05-29:spr 08-28:sum 12-25:xm 12-26:box
2018 01-01:ny 03-30:gf 04-02:em 05-07:may 05-28:spr 08-27:sum 12-25:xm 12-26:box
2019 01-01:ny 04-19:gf 04-22:em 05-06:may 05-27:spr 08-26:sum 12-25:xm 12-26:box
2020 01-01:ny 04-10:gf 04-13:em 05-08:may 05-25:spr 08-31:sum 12-25:xm 12-28:box
2021 01-01:ny 04-02:gf 04-05:em 05-03:may 05-31:spr 08-30:sum 12-27:xm 12-28:box
2022 01-03:ny 04-15:gf 04-18:em 05-02:may 06-02:spr 06-03:pj 08-29:sum 09-19:sf 12-26:box 12-27:xm
2023 01-02:ny 04-07:gf 04-10:em 05-01:may 05-08:cor 05-29:spr 08-28:sum 12-25:xm 12-26:box
2024 01-01:ny 03-29:gf 04-01:em 05-06:may 05-27:spr 08-26:sum 12-25:xm 12-26:box
2025 01-01:ny 04-18:gf 04-21:em 05-05:may 05-26:spr 08-25:sum 12-25:xm 12-26:box
2026 01-01:ny 04-03:gf 04-06:em 05-04:may 05-25:spr 08-31:sum 12-25:xm 12-28:box
2027 01-01:ny 03-26:gf 03-29:em 05-03:may 05-31:spr 08-30:sum 12-27:xm 12-28:box
"""
GOVUK_SCT = """
2012 01-02:j2 01-03:ny 04-06:gf 05-07:may 06-04:spr 06-05:dj 08-06:sum 11-30:sta 12-25:xm 12-26:box
2013 01-01:ny 01-02:j2 03-29:gf 05-06:may 05-27:spr 08-05:sum 12-02:sta 12-25:xm 12-26:box
2014 01-01:ny 01-02:j2 04-18:gf 05-05:may 05-26:spr 08-04:sum 12-01:sta 12-25:xm 12-26:box
2015 01-01:ny 01-02:j2 04-03:gf 05-04:may 05-25:spr 08-03:sum 11-30:sta 12-25:xm 12-28:box
2016 01-01:ny 01-04:j2 03-25:gf 05-02:may 05-30:spr 08-01:sum 11-30:sta 12-26:box 12-27:xm
2017 01-02:j2 01-03:ny 04-14:gf 05-01:may 05-29:spr 08-07:sum 11-30:sta 12-25:xm 12-26:box
2018 01-01:ny 01-02:j2 03-30:gf 05-07:may 05-28:spr 08-06:sum 11-30:sta 12-25:xm 12-26:box
2019 01-01:ny 01-02:j2 04-19:gf 05-06:may 05-27:spr 08-05:sum 12-02:sta 12-25:xm 12-26:box
2020 01-01:ny 01-02:j2 04-10:gf 05-08:may 05-25:spr 08-03:sum 11-30:sta 12-25:xm 12-28:box
2021 01-01:ny 01-04:j2 04-02:gf 05-03:may 05-31:spr 08-02:sum 11-30:sta 12-27:xm 12-28:box
2022 01-03:ny 01-04:j2 04-15:gf 05-02:may 06-02:spr 06-03:pj 08-01:sum 09-19:sf 11-30:sta 12-26:box 12-27:xm
2023 01-02:ny 01-03:j2 04-07:gf 05-01:may 05-08:cor 05-29:spr 08-07:sum 11-30:sta 12-25:xm 12-26:box
2024 01-01:ny 01-02:j2 03-29:gf 05-06:may 05-27:spr 08-05:sum 12-02:sta 12-25:xm 12-26:box
2025 01-01:ny 01-02:j2 04-18:gf 05-05:may 05-26:spr 08-04:sum 12-01:sta 12-25:xm 12-26:box
2026 01-01:ny 01-02:j2 04-03:gf 05-04:may 05-25:spr 06-15:wc 08-03:sum 11-30:sta 12-25:xm 12-28:box
2027 01-01:ny 01-04:j2 03-26:gf 05-03:may 05-31:spr 08-02:sum 11-30:sta 12-27:xm 12-28:box
"""
GOVUK_NIR = """
2012 01-02:ny 03-19:stp 04-06:gf 04-09:em 05-07:may 06-04:spr 06-05:dj 07-12:boy 08-27:sum 12-25:xm 12-26:box
2013 01-01:ny 03-18:stp 03-29:gf 04-01:em 05-06:may 05-27:spr 07-12:boy 08-26:sum 12-25:xm 12-26:box
2014 01-01:ny 03-17:stp 04-18:gf 04-21:em 05-05:may 05-26:spr 07-14:boy 08-25:sum 12-25:xm 12-26:box
2015 01-01:ny 03-17:stp 04-03:gf 04-06:em 05-04:may 05-25:spr 07-13:boy 08-31:sum 12-25:xm 12-28:box
2016 01-01:ny 03-17:stp 03-25:gf 03-28:em 05-02:may 05-30:spr 07-12:boy 08-29:sum 12-26:box 12-27:xm
2017 01-02:ny 03-17:stp 04-14:gf 04-17:em 05-01:may 05-29:spr 07-12:boy 08-28:sum 12-25:xm 12-26:box
2018 01-01:ny 03-19:stp 03-30:gf 04-02:em 05-07:may 05-28:spr 07-12:boy 08-27:sum 12-25:xm 12-26:box
2019 01-01:ny 03-18:stp 04-19:gf 04-22:em 05-06:may 05-27:spr 07-12:boy 08-26:sum 12-25:xm 12-26:box
2020 01-01:ny 03-17:stp 04-10:gf 04-13:em 05-08:may 05-25:spr 07-13:boy 08-31:sum 12-25:xm 12-28:box
2021 01-01:ny 03-17:stp 04-02:gf 04-05:em 05-03:may 05-31:spr 07-12:boy 08-30:sum 12-27:xm 12-28:box
2022 01-03:ny 03-17:stp 04-15:gf 04-18:em 05-02:may 06-02:spr 06-03:pj 07-12:boy 08-29:sum 09-19:sf 12-26:box 12-27:xm
2023 01-02:ny 03-17:stp 04-07:gf 04-10:em 05-01:may 05-08:cor 05-29:spr 07-12:boy 08-28:sum 12-25:xm 12-26:box
2024 01-01:ny 03-18:stp 03-29:gf 04-01:em 05-06:may 05-27:spr 07-12:boy 08-26:sum 12-25:xm 12-26:box
2025 01-01:ny 03-17:stp 04-18:gf 04-21:em 05-05:may 05-26:spr 07-14:boy 08-25:sum 12-25:xm 12-26:box
2026 01-01:ny 03-17:stp 04-03:gf 04-06:em 05-04:may 05-25:spr 07-13:boy 08-31:sum 12-25:xm 12-28:box
2027 01-01:ny 03-17:stp 03-26:gf 03-29:em 05-03:may 05-31:spr 07-12:boy 08-30:sum 12-27:xm 12-28:box
"""
GOVUK = {"gb-eng": GOVUK_EW, "gb-wls": GOVUK_EW, "gb-sct": GOVUK_SCT, "gb-nir": GOVUK_NIR}
# gov.uk's own labels for Scotland 2023 (1 Jan Sunday) put "New Year's Day
# (substitute day)" on Mon 2 Jan and "2nd January (substitute day)" on Tue 3 Jan,
# whereas for 2012 (same weekday pattern) it put "2nd January" on Mon 2 Jan and the
# New Year's Day substitute on Tue 3 Jan.  Same dates; only the labels differ.  The
# golden file follows the stated convention (the 2012 style), so these two labels
# are allowed to differ.
GOVUK_LABEL_EXCEPTIONS = {("gb-sct", "2023-01-02"), ("gb-sct", "2023-01-03")}


def parse_table(text: str) -> dict[str, str]:
    out = {}
    for line in text.strip().splitlines():
        year, *items = line.split()
        for item in items:
            md, code = item.split(":")
            out[f"{year}-{md}"] = C[code]
    return out


def name_to_id(name: str) -> tuple[str, bool]:
    observed = name.endswith(OBSERVED)
    base = name[: -len(OBSERVED)] if observed else name
    if base not in NAME_TO_ID:
        sys.exit(f"unmapped holidays name: {name!r}")
    return NAME_TO_ID[base], observed


def from_holidays(region: str):
    """Return (rows {date: id}, label_notes) for one region from `holidays`."""
    cal = holidays.UnitedKingdom(subdiv=REGIONS[region], years=range(FIRST, LAST + 1))
    natural: list[tuple[dt.date, str]] = []
    pkg_observed: dict[dt.date, set[str]] = defaultdict(set)
    pkg_weekday_dates: set[dt.date] = set()
    for d in sorted(cal):
        if not FIRST <= d.year <= LAST:
            continue
        for name in cal.get_list(d):
            hid, observed = name_to_id(name)
            if observed:
                pkg_observed[d].add(hid)
            else:
                natural.append((d, hid))
        if d.weekday() < 5:
            pkg_weekday_dates.add(d)

    # Apply the substitution convention.
    taken: dict[dt.date, str] = {}
    for d, hid in natural:
        if d.weekday() < 5:
            assert d not in taken, (region, d, hid, taken.get(d))
            taken[d] = hid
    for d, hid in sorted(natural):
        if d.weekday() >= 5:
            assert hid in SUBSTITUTABLE, (region, d, hid)
            s = d + dt.timedelta(days=1)
            while s.weekday() >= 5 or s in taken:
                s += dt.timedelta(days=1)
            taken[s] = hid
    # The dates must be exactly those `holidays` reports on weekdays.
    assert set(taken) == pkg_weekday_dates, (
        region, sorted(set(taken) ^ pkg_weekday_dates))
    # Note where `holidays` labels a substitute differently from the convention.
    label_notes = []
    for d, ids in sorted(pkg_observed.items()):
        if taken[d] not in ids and not any(n == taken[d] for nd, n in natural if nd == d):
            label_notes.append((d, "/".join(sorted(ids)), taken[d]))
    return taken, label_notes


def check_facts(final: dict[str, dict[str, str]]) -> None:
    for region, rows in final.items():
        by_id_year = defaultdict(list)
        for d, hid in rows.items():
            by_id_year[(hid, d[:4])].append(d)
        # Every year has exactly one of each regular holiday that applies.
        regular = ["new-years-day", "good-friday", "early-may-bank-holiday",
                   "spring-bank-holiday", "summer-bank-holiday", "christmas-day", "boxing-day"]
        regular += {"gb-sct": ["second-january"], "gb-nir": ["easter-monday", "st-patricks-day",
                    "battle-of-the-boyne"]}.get(region, ["easter-monday"])
        for y in range(FIRST, LAST + 1):
            for hid in regular:
                assert len(by_id_year[(hid, str(y))]) == 1, (region, y, hid)
            n_sta = len(by_id_year[("st-andrews-day", str(y))])
            assert n_sta == (1 if region == "gb-sct" and y >= 2007 else 0), (region, y)
            if region == "gb-sct":
                assert not by_id_year[("easter-monday", str(y))], (region, y)
        assert rows["1978-05-01"] == "early-may-bank-holiday", region
        for (hid, y), d in MOVED.items():
            assert by_id_year[(hid, str(y))] == [d], (region, hid, y)
        for hid, (d, regions) in ONE_OFF.items():
            assert (rows.get(d) == hid) == (region in regions), (region, hid, d)
        extra = {hid for hid in rows.values()} - set(C.values()) - set(ONE_OFF)
        assert not extra, (region, extra)
        assert all(dt.date.fromisoformat(d).weekday() < 5 for d in rows), region
        # gov.uk list
        gov = parse_table(GOVUK[region])
        span = {d: h for d, h in rows.items() if "2012" <= d[:4] <= "2027"}
        assert set(span) == set(gov), (region, sorted(set(span) ^ set(gov)))
        for d, hid in gov.items():
            if (region, d) not in GOVUK_LABEL_EXCEPTIONS:
                assert span[d] == hid, (region, d, span[d], hid)
            else:
                assert span[d] != hid, (region, d, "exception no longer needed")


def main() -> None:
    final: dict[str, dict[str, str]] = {}
    label_notes = {}
    for region in REGIONS:
        taken, notes = from_holidays(region)
        label_notes[region] = notes
        final[region] = {d.isoformat(): hid for d, hid in taken.items()}
    for region, d, hid, _ in REMOVE:
        assert final[region].pop(d) == hid, (region, d)
    for region, d, hid, _ in ADD:
        assert d not in final[region]
        final[region][d] = hid
    check_facts(final)

    w = sys.stdout.write
    w("# UK bank holidays 1978..=2035 for gb-eng, gb-wls, gb-sct, gb-nir, one row per holiday per\n"
      "# region on the date it is actually taken; a substitute day is listed on the substitute date\n"
      "# and the Saturday/Sunday date itself is not listed. Sorted by region then date.\n"
      f"# Primary source: holidays {holidays.__version__} (PyPI, MIT licence),\n"
      "#   holidays.UnitedKingdom(subdiv=ENG|WLS|SCT|NIR); names mapped to ids in the generator.\n"
      "# Cross-checked (generator aborts on any mismatch) against literal tables with citations:\n"
      "#   gov.uk/bank-holidays (bank-holidays.json, Open Government Licence v3.0) for 2012..=2027,\n"
      "#   all three divisions; early May bank holiday first held 1978-05-01; early May moved to\n"
      "#   1995-05-08 and 2020-05-08 (VE Day 50/75); spring bank holiday moved to 2002-06-04,\n"
      "#   2012-06-04, 2022-06-02; St Andrew's Day (Scotland) from 2007 (St Andrew's Day Bank\n"
      "#   Holiday (Scotland) Act 2007, Royal Assent 15 Jan 2007); one-off days 1981-07-29,\n"
      "#   1999-12-31, 2002-06-03, 2011-04-29, 2012-06-05, 2022-06-03, 2022-09-19, 2023-05-08\n"
      "#   (all regions) and 2026-06-15 (Scotland only, Royal Proclamation of 4 Feb 2026).\n"
      "# Substitute-day convention for ids: holidays are processed in order of their natural date;\n"
      "#   a weekday holiday keeps its date; a holiday on Saturday/Sunday moves to the next weekday\n"
      "#   that is not already a holiday, and keeps its own id. E.g. Scotland 2017: 1 Jan is a\n"
      "#   Sunday, so 2017-01-02 = second-january and 2017-01-03 = new-years-day; England 2022:\n"
      "#   2022-12-26 = boxing-day, 2022-12-27 = christmas-day.\n"
      "# Exceptions / disagreements between sources (the fact-based value is the one kept):\n")
    def note(text: str) -> None:
        w(textwrap.fill(text, 92, initial_indent="#   - ", subsequent_indent="#     ",
                        break_on_hyphens=False) + "\n")

    note("KEPT gb-sct,2026-06-15,world-cup-2026 (from holidays, verified): the id is new (not "
         "in the requested id list), but this is a proclaimed Scottish bank holiday (Royal "
         "Proclamation of 4 Feb 2026 under s.1(3) Banking and Financial Dealings Act 1971, "
         "for Scotland's first FIFA World Cup finals since 1998). Drop this row if the tool's "
         "id set is meant to be closed.")
    for region, d, hid, reason in REMOVE:
        note(f"REMOVED {region},{d},{hid}: {reason}.")
    note("gov.uk labels Scotland 2023 the other way round (2023-01-02 'New Year's Day "
         "(substitute day)', 2023-01-03 '2nd January (substitute day)'), although for 2012 "
         "(same weekdays) it used 2012-01-02 '2nd January', 2012-01-03 'New Year's Day "
         "(substitute day)'. Dates agree; ids here follow the convention above.")
    n_notes = sum(len(v) for v in label_notes.values())
    notes = " ".join(f"{r}:{d.isoformat()}({pkg}->{ours})"
                     for r, v in sorted(label_notes.items()) for d, pkg, ours in v)
    note(
        f"holidays {holidays.__version__} labels {n_notes} substitute rows differently from the "
        "convention (dates identical; when 1 Jan is a Sunday it names Mon 2 Jan both 'New Year "
        "Holiday' and 'New Year's Day (observed)' and Tue 3 Jan 'New Year Holiday (observed)'); shown as "
        f"region:date(holidays id->golden id): {notes}.")
    w("# Uncertainty: before 2012 (no gov.uk list) rows rest on `holidays` plus the facts above;\n"
      "#   UK-wide scope of the 1981, 1995 and 1999 proclamations is from general knowledge. Dates\n"
      "#   after 2027 are projections of the current rules (future one-off proclamations unknown).\n"
      "# Regenerate: python3 -m pip install -r tests/generators/requirements.txt &&\n"
      "#   python3 tests/generators/uk_bank_holidays.py > tests/golden/uk-bank-holidays.csv\n")
    w("region,date,id\n")
    for region in sorted(final):
        for d in sorted(final[region]):
            w(f"{region},{d},{final[region][d]}\n")


if __name__ == "__main__":
    main()
