#!/usr/bin/env python3
"""Generate tests/golden/persian.csv: Gregorian date of Nowruz (1 Farvardin), 1900..=2100.

The Solar Hijri (Iranian) calendar, official in Iran since 1925 and applied here
proleptically before that: 1 Farvardin is the day (Iran Standard Time, UTC+3:30, the 52.5 E
meridian) on which the March equinox falls if it falls before noon, otherwise the next day.

Primary source: convertdate 2.5.1 (MIT) `convertdate.persian`, which is astronomical: PyMeeus
0.5.12 (LGPL-3) equinox, converted to apparent solar time at the 52.5 E meridian, with the
noon cut-off (equinox_jd()).
Cross-checks (disagreements are printed and listed in the header):
  * the generator's own astronomical rule on the Skyfield/DE440 equinox of astronomy.py, with
    three readings of "noon": 12:00 IRST (mean time at 52.5 E), apparent noon at 52.5 E, and
    apparent noon at Tehran (51.42 E, Calendrical Calculations' choice);
  * jdatetime 6.1.1 (PSF-2.0; jalali_core 1.0.0, LGPL-2.1, FarsiWeb jalali.c): arithmetic 33-year
    cycle;
  * persiantools 6.2.0 (MIT): arithmetic (25y + 11) mod 33 < 8 rule (its table of exceptions
    starts after 1500 AP, i.e. after this range).

Run: python3 tests/generators/persian.py > tests/golden/persian.csv
"""
import datetime as dt
import os
import sys
import textwrap

import convertdate
import convertdate.persian as cpersian
import jdatetime
import persiantools
from persiantools.jdatetime import JalaliDate

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import astronomy  # noqa: E402

FIRST, LAST = 1900, 2100


def equation_of_time_minutes(t: dt.datetime) -> float:
    """Apparent minus mean solar time (minutes), from Skyfield: 4 * (GMST-based RA offset)."""
    ts, eph = astronomy._sky()
    tt = ts.ut1(t.year, t.month, t.day, t.hour, t.minute, t.second + t.microsecond / 1e6)
    ra, _, _ = eph["earth"].at(tt).observe(eph["sun"]).apparent().radec(epoch=tt)
    # Mean sun's right ascension ~ GMST - UT hour angle; EoT = GMST + 12h - UT - RA (in hours).
    ut_hours = t.hour + t.minute / 60 + (t.second + t.microsecond / 1e6) / 3600
    eot_h = (tt.gast + 12 - ut_hours - ra.hours + 12) % 24 - 12
    return eot_h * 60


def astronomical(equinoxes):
    """{year: {rule: date}} from Skyfield equinox instants (UT)."""
    out = {}
    for y, t in equinoxes.items():
        eot = dt.timedelta(minutes=equation_of_time_minutes(t))
        day = (t + dt.timedelta(hours=3.5)).date()  # the equinox's civil date in IRST
        midnight = dt.datetime(day.year, day.month, day.day)  # 00:00 UT of that date
        noons = {  # UT instant of "noon" on `day`
            "12:00 IRST": midnight + dt.timedelta(hours=8.5),
            "apparent noon 52.5E": midnight + dt.timedelta(hours=12 - 52.5 / 15) - eot,
            "apparent noon Tehran 51.42E": midnight + dt.timedelta(hours=12 - 51.4215 / 15) - eot,
        }
        out[y] = {k: day if t < noon else day + dt.timedelta(days=1) for k, noon in noons.items()}
    return out


def main():
    eq = {ut.year: ut for lon, _, ut in astronomy.solar_terms(FIRST, LAST) if lon == 0}
    astro = astronomical(eq)
    rows, disagreements = [], []
    close = []
    for y in range(FIRST, LAST + 1):
        py = y - 621
        prim = dt.date(*cpersian.to_gregorian(py, 1, 1))
        jd = jdatetime.date(py, 1, 1).togregorian()
        pt = JalaliDate(py, 1, 1).to_gregorian()
        others = {"jdatetime": jd, "persiantools": pt, **astro[y]}
        diff = {k: v for k, v in others.items() if v != prim}
        if diff:
            disagreements.append((y, prim, diff))
            print(y, prim, diff, file=sys.stderr)
        irst = eq[y] + dt.timedelta(hours=3.5)
        if abs((irst - irst.replace(hour=12, minute=0, second=0, microsecond=0))
               .total_seconds()) < 1800:
            close.append(f"{y} {irst:%Y-%m-%d %H:%M} IRST")
        rows.append((y, prim))
    assert dict(rows)[2024] == dt.date(2024, 3, 20) and dict(rows)[2025] == dt.date(2025, 3, 21)

    hdr = [
        f"Nowruz (1 Farvardin of the Solar Hijri calendar, Iran) as a Gregorian date, every "
        f"year {FIRST}..={LAST} (official from 1925; earlier years proleptic).",
        "Rule (astronomical, as Iran's Calendar Center): 1 Farvardin is the IRST (UTC+3:30) day "
        "of the March equinox if the equinox is before noon, else the next day.",
        f"Source: convertdate {convertdate.__version__} (MIT) convertdate.persian.to_gregorian(y "
        "- 621, 1, 1): astronomical, PyMeeus 0.5.12 (LGPL-3) equinox in apparent solar time "
        "at the 52.5 E meridian, noon cut-off.",
        "Cross-checks: (a) this generator's rule on the Skyfield/DE440 equinox of astronomy.py "
        "with noon read as 12:00 IRST, apparent noon at 52.5 E, or apparent noon at Tehran "
        f"51.42 E; (b) jdatetime {jdatetime.__VERSION__} (PSF-2.0; jalali_core 1.0.0, LGPL-2.1): "
        "33-year arithmetic cycle; (c) persiantools "
        f"{getattr(persiantools, '__version__', '6.2.0')} (MIT): (25y + 11) mod 33 < 8 "
        "arithmetic rule.",
    ]
    if disagreements:
        hdr.append("Disagreements (value kept = convertdate's): " + "; ".join(
            f"{y}: kept {p}, " + ", ".join(f"{k} {v}" for k, v in d.items())
            for y, p, d in disagreements) + ".")
    else:
        hdr.append("Disagreements: none; all sources and all three noon readings agree on every "
                   "year.")
    hdr += [f"Equinoxes within 30 min of 12:00 IRST (knife edges): {', '.join(close) or 'none'}.",
            "Regenerate: python3 -m pip install -r tests/generators/requirements.txt && "
            "python3 tests/generators/persian.py > tests/golden/persian.csv",
            "Exceptions: none."]
    for para in hdr:
        print(textwrap.fill(para, 92, initial_indent="# ", subsequent_indent="#   ",
                            break_on_hyphens=False))
    print("year,nowruz")
    for y, d in rows:
        print(f"{y},{d}")


if __name__ == "__main__":
    main()
