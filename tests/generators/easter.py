#!/usr/bin/env python3
"""Generate tests/golden/easter.txt: Western and Orthodox Easter Sunday, 1583..=2299.

Primary source: python-dateutil 2.9.0.post0, ``dateutil.easter.easter`` with
EASTER_WESTERN (Gregorian computus) and EASTER_ORTHODOX (Julian computus, result
converted to the Gregorian calendar).  Licence: Apache-2.0 / BSD-3-Clause (dual).

Independent cross-checks (every year must agree, or the script aborts):
  * convertdate 2.5.1 (MIT): ``convertdate.holidays.easter(y, "western")`` (US Naval
    Observatory formula) and ``easter(y, "orthodox")`` (Meeus's Julian algorithm,
    converted with ``convertdate.julian.to_gregorian``).
  * Gauss's Easter algorithm in the form corrected by H. Lichtenberg ("Zur
    Interpretation der Gaussschen Osterformel und ihrer Ausnahmeregeln",
    Historia Mathematica 24 (1997) 441-444), written out below; for the Julian
    computus the same formula with M=15, S=0 (no solar/lunar correction), then the
    Julian date is turned into a Gregorian one via the Julian Day Number
    (Fliegel & Van Flandern-style integer formula), not via either package.
  * Well-known published dates (asserted literally).

Run: python3 tests/generators/easter.py > tests/golden/easter.txt
"""
import datetime as dt
import sys

import convertdate
import convertdate.holidays
import dateutil
from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

FIRST, LAST = 1583, 2299


def gauss_lichtenberg(year: int, julian: bool) -> tuple[int, int]:
    """(month, day) of Easter Sunday in the calendar of the computus used."""
    a = year % 19
    if julian:
        m, s = 15, 0
        d = (19 * a + m) % 30
        r = 0
    else:
        k = year // 100
        m = 15 + (3 * k + 3) // 4 - (8 * k + 13) // 25
        s = 2 - (3 * k + 3) // 4
        d = (19 * a + m) % 30
        r = (d + a // 11) // 29
    og = 21 + d - r                       # Easter full moon, as a March date
    sz = 7 - (year + year // 4 + s) % 7   # first Sunday in March
    oe = 7 - (og - sz) % 7                # distance from full moon to Sunday
    os_ = og + oe                         # Easter Sunday, as a March date
    return (3, os_) if os_ <= 31 else (4, os_ - 31)


def julian_to_gregorian(year: int, month: int, day: int) -> dt.date:
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return dt.date.fromordinal(jdn - 1721425)  # ordinal 1 == JDN 1721426


def main() -> None:
    rows = []
    for y in range(FIRST, LAST + 1):
        w = easter(y, EASTER_WESTERN)
        o = easter(y, EASTER_ORTHODOX)
        # convertdate
        assert dt.date(*convertdate.holidays.easter(y, "western")) == w, y
        assert dt.date(*convertdate.holidays.easter(y, "orthodox")) == o, y
        # Gauss / Lichtenberg
        assert dt.date(y, *gauss_lichtenberg(y, julian=False)) == w, y
        assert julian_to_gregorian(y, *gauss_lichtenberg(y, julian=True)) == o, y
        assert w.weekday() == 6 and o.weekday() == 6, y
        rows.append((y, w, o))

    by_year = {y: (w, o) for y, w, o in rows}
    # Published dates (Western: e.g. Church of England / USNO tables; Orthodox:
    # Ecumenical Patriarchate calendars).  1818 and 2285 are the only years in
    # range with the earliest possible date, 22 March.
    known_w = {2024: "2024-03-31", 2025: "2025-04-20", 2000: "2000-04-23",
               1818: "1818-03-22", 2285: "2285-03-22"}
    known_o = {2024: "2024-05-05", 2025: "2025-04-20", 2023: "2023-04-16"}
    for y, s in known_w.items():
        assert by_year[y][0].isoformat() == s, (y, by_year[y][0])
    for y, s in known_o.items():
        assert by_year[y][1].isoformat() == s, (y, by_year[y][1])
    earliest = [y for y, w, _ in rows if (w.month, w.day) == (3, 22)]
    assert earliest == [1598, 1693, 1761, 1818, 2285], earliest

    out = sys.stdout
    out.write(
        "# Easter Sunday per year: YEAR WESTERN ORTHODOX (ISO 8601 dates, Gregorian calendar).\n"
        "# WESTERN = Gregorian computus; ORTHODOX = Julian computus Easter Sunday expressed as a\n"
        "# Gregorian calendar date. One row per year, 1583..=2299.\n"
        f"# Source: python-dateutil {dateutil.__version__} dateutil.easter.easter(y, EASTER_WESTERN)\n"
        "#   and easter(y, EASTER_ORTHODOX). Licence: Apache-2.0 / BSD-3-Clause (dual licence).\n"
        f"# Cross-checked, every year identical: convertdate {convertdate.__version__} (MIT)\n"
        "#   convertdate.holidays.easter(y, 'western'|'orthodox'), and Gauss's Easter algorithm with\n"
        "#   Lichtenberg's corrections (Historia Mathematica 24 (1997) 441-444) implemented in the\n"
        "#   generator, Julian->Gregorian via Julian Day Number. Also asserted: Western 2024-03-31,\n"
        "#   2025-04-20, 2000-04-23, 1818-03-22, 2285-03-22; Orthodox 2024-05-05, 2025-04-20, 2023-04-16.\n"
        "# Regenerate: python3 -m pip install -r tests/generators/requirements.txt &&\n"
        "#   python3 tests/generators/easter.py > tests/golden/easter.txt\n"
        "# Exceptions: none.\n"
    )
    for y, w, o in rows:
        out.write(f"{y} {w.isoformat()} {o.isoformat()}\n")


if __name__ == "__main__":
    main()
