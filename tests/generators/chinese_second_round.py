#!/usr/bin/env python3
"""Generate tests/golden/chinese-second-round.csv: the Chinese lunar dates of observances
added in issue 20, one row per occurrence with a Gregorian date in 1950..=2060, reckoned
for UTC+8: qixi (7/7), hungry-ghost-festival (7/15), laba-festival (12/8).

Sources, compared for every row (the script fails on any disagreement):
  A. lunardate 0.3.0 (GPL-3.0-or-later; table for 1900-2099): LunarDate(y, m, d).to_solar_date();
  B. LunarCalendar 0.0.9 (MIT; table for 1900-2100): Converter.Lunar2Solar;
  C. lunar-python 1.4.8 (MIT; 6tail's astronomical algorithm): Lunar.fromYmd().getSolar();
  D. sxtwl 2.0.7 (BSD; Xu Jianwei's algorithm in C++): fromLunar().
The same libraries as tests/generators/chinese.py (without its own astronomical reckoning).

Run: python3 tests/generators/chinese_second_round.py > tests/golden/chinese-second-round.csv
"""
import datetime as dt
import sys
import textwrap

import sxtwl
from lunar_python import Lunar as PyLunar
from lunarcalendar import Converter
from lunarcalendar import Lunar as LcLunar
from lunardate import LunarDate

Y0, Y1 = 1950, 2060
IDS = [("qixi", 7, 7), ("hungry-ghost-festival", 7, 15), ("laba-festival", 12, 8)]


def sources(y, m, d):
    a = LunarDate(y, m, d).to_solar_date()
    s = Converter.Lunar2Solar(LcLunar(y, m, d, isleap=False))
    b = dt.date(s.year, s.month, s.day)
    s = PyLunar.fromYmd(y, m, d).getSolar()
    c = dt.date(s.getYear(), s.getMonth(), s.getDay())
    x = sxtwl.fromLunar(y, m, d, False)
    e = dt.date(x.getSolarYear(), x.getSolarMonth(), x.getSolarDay())
    return [a, b, c, e]


def main():
    rows = []
    for y in range(Y0 - 1, Y1 + 1):
        for id_, m, d in IDS:
            got = sources(y, m, d)
            if len(set(got)) != 1:
                print(f"sources differ: {id_} {y}: {got}", file=sys.stderr)
                sys.exit(1)
            if Y0 <= got[0].year <= Y1:
                rows.append((got[0], id_))
    rows.sort()
    hdr = [
        f"Chinese lunar dates of observances added in issue 20, one row per occurrence in "
        f"{Y0}..={Y1}, reckoned for UTC+8: qixi 7/7, hungry-ghost-festival 7/15, laba-festival "
        "12/8 (of the lunar year that began the Gregorian year before, so in December or "
        "January). Sorted by date, then id.",
        "Sources, all four equal on every row: lunardate 0.3.0 (GPL-3.0-or-later, used as a "
        "tool), LunarCalendar 0.0.9 (MIT), lunar-python 1.4.8 (MIT), sxtwl 2.0.7 (BSD).",
        f"Counts: {len(rows)} rows.",
        "Regenerate: python3 -m pip install -r tests/generators/requirements.txt && python3 "
        "tests/generators/chinese_second_round.py > tests/golden/chinese-second-round.csv",
    ]
    for h in hdr:
        for i, line in enumerate(textwrap.wrap(h, 90)):
            print(("# " if i == 0 else "#   ") + line)
    print("id,date")
    for d, id_ in rows:
        print(f"{id_},{d}")


if __name__ == "__main__":
    main()
