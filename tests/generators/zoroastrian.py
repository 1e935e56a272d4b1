#!/usr/bin/env python3
"""Generate tests/golden/zoroastrian.csv: the Parsi (Shahenshahi) New Year, Khordad Sal and the
Muktad days, 2001..=2035, one row per id per Gregorian year (`id,start,end`).

Source: the `holidays` PyPI package (pinned in requirements.txt, MIT;
github.com/vacanza/holidays): India's "Parsi New Year (Shahenshahi)" holiday of Maharashtra
(holidays.India(subdiv="MH")), which the package derives from 28 August 1972 (Y.Z. 1341) and the
Shahenshahi year of 365 days, citing the Zoroastrian Association of Northern California's
calendar (zanc.org/zcal) and calendarr.com.  The other days are fixed days of the same
calendar: Khordad Sal is Khordad roz (day 6) of Farvardin, Navroz + 5 days; the Muktad
(Farvardigan) days are the last five days of Spendarmad and the five Gatha days, the 10 days
before Navroz.
Cross-checks: dated reports (REPORTS below) of single years, each asserted.

Run: python3 tests/generators/zoroastrian.py > tests/golden/zoroastrian.csv
"""
import datetime as dt
import textwrap

import holidays

FIRST, LAST = 2001, 2035  # the package gives India's holidays for 2001..=2035
D = dt.timedelta(days=1)
# (id, date, report): published dates of single years.
REPORTS = [
    ("khordad-sal", "2014-08-23", "bms.co.in, 'Khordad Sal - Zarathustra's birthday': the "
     "sixth day of Farvardin, 23 August 2014"),
    ("parsi-new-year", "2022-08-16", "New Delhi Times, 12 August 2022, 'Parsi New Year to be "
     "celebrated in Maharashtra and Gujarat': on 16th August"),
]


def navroz(year: int) -> dt.date:
    h = holidays.India(subdiv="MH", years=year)
    (day,) = [d for d, n in h.items() if "Parsi New Year (Shahenshahi)" in n.split("; ")]
    return day


def main():
    rows = []
    for y in range(FIRST, LAST + 1):
        n = navroz(y)
        rows.append((n, "parsi-new-year", n))
        rows.append((n + 5 * D, "khordad-sal", n + 5 * D))
        rows.append((n - 10 * D, "muktad", n - D))
    rows.sort()
    have = {(i, s.isoformat()) for s, i, _ in rows}
    for i, d, _src in REPORTS:
        assert (i, d) in have, (i, d)
    hdr = [
        f"Parsi (Shahenshahi) New Year, Khordad Sal and the Muktad days {FIRST}..={LAST}, one "
        "row per id per Gregorian year; start/end = civil dates. Sorted by start, then id.",
        f"Source: PyPI holidays {holidays.__version__} (MIT; github.com/vacanza/holidays), "
        "India's 'Parsi New Year (Shahenshahi)' holiday of Maharashtra (holidays/countries/"
        "india.py, holidays/groups/hindu.py _add_parsi_new_year: 28 August 1972 = Y.Z. 1341 and "
        "a 365-day year, citing zanc.org/zcal and calendarr.com). Khordad Sal = Khordad roz "
        "(day 6) of Farvardin = Navroz + 5 days; muktad = the Farvardigan days, 26 Spendarmad "
        "to the fifth Gatha day = Navroz - 10 to Navroz - 1.",
        "Reports asserted: " + "; ".join(f"{i} {d}: {s}" for i, d, s in REPORTS) + ".",
        f"Counts: {len(rows)} rows.",
        "Regenerate: python3 -m pip install -r tests/generators/requirements.txt && python3 "
        "tests/generators/zoroastrian.py > tests/golden/zoroastrian.csv",
    ]
    for para in hdr:
        print(textwrap.fill(para, 92, initial_indent="# ", subsequent_indent="#   ",
                            break_on_hyphens=False))
    print("id,start,end")
    for s, i, e in rows:
        print(f"{i},{s},{e}")


if __name__ == "__main__":
    main()
