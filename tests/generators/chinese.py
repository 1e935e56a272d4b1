#!/usr/bin/env python3
"""Generate tests/golden/chinese.csv: Chinese festivals 1900..=2100, reckoned for UTC+8.

Rows `id,date`: chinese-new-year (1/1), lantern-festival (1/15), dragon-boat-festival (5/5),
mid-autumn-festival (8/15), double-ninth (9/9) of the Chinese lunisolar year that begins in
Gregorian year Y; qingming and dongzhi = the UTC+8 date on which the Sun's apparent longitude
reaches 15 and 270 deg.

Sources, compared for every row (the script prints every disagreement):
  A. lunardate 0.3.0 (GPL-3.0-or-later; table for 1900-2099): LunarDate(y, m, d).to_solar_date();
  B. LunarCalendar 0.0.9 (MIT; table for 1900-2100): Converter.Lunar2Solar;
  C. lunar-python 1.4.8 (MIT; 6tail's astronomical algorithm after Xu Jianwei's 寿星天文历):
     Lunar.fromYmd().getSolar(), and Solar.getLunar().getJieQi() for the terms;
  D. sxtwl 2.0.7 (BSD; Xu Jianwei's 寿星天文历 in C++): fromLunar(), and fromSolar().getJieQi();
  E. this generator's own astronomical reckoning with the Skyfield/DE440 new moons and solar
     terms of astronomy.py in UTC+8 (rules of the 1645 Shixian calendar as used by the
     Purple Mountain Observatory and GB/T 33661-2017: a month starts on the UTC+8 day of the
     new moon; the month containing the winter solstice is month 11; in a sui (solstice to
     solstice) with 13 months the first month without a major solar term (zhongqi) is the
     leap month).
The value written is the one of the majority of the available sources; every row where any
source differs is listed in the header with an explanation.

Run: python3 tests/generators/chinese.py > tests/golden/chinese.csv
"""
import collections
import datetime as dt
import os
import sys
import textwrap
import warnings

import sxtwl
from lunar_python import Lunar as PyLunar
from lunar_python import Solar as PySolar
from lunarcalendar import Converter
from lunarcalendar import Lunar as LcLunar
from lunardate import LunarDate

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import astronomy  # noqa: E402

warnings.filterwarnings("ignore", category=DeprecationWarning)
FIRST, LAST = 1900, 2100
LUNAR_IDS = [("chinese-new-year", 1, 1), ("lantern-festival", 1, 15),
             ("dragon-boat-festival", 5, 5), ("mid-autumn-festival", 8, 15),
             ("double-ninth", 9, 9)]
CST = dt.timedelta(hours=8)
D = dt.timedelta(days=1)


# ---------------------------------------------------------------- E. own reckoning

def reckon():
    """({(year, month, leap): first day (date)}, {(year, lon): date}) in UTC+8."""
    nms = sorted((ut + CST).date() for k, _, ut in astronomy.moon_phases(FIRST - 2, LAST + 1)
                 if k == "new")
    terms = [(lon, (ut + CST).date(), ut) for lon, _, ut in
             astronomy.solar_terms(FIRST - 2, LAST + 1)]
    term_day = {(d.year, lon): d for lon, d, _ in terms}
    solstices = sorted(d for lon, d, _ in terms if lon == 270)
    zhongqi = sorted(d for lon, d, _ in terms if lon % 30 == 0)

    def month_start(day):  # start of the month containing `day`
        return max(n for n in nms if n <= day)

    months = {}
    for ws0, ws1 in zip(solstices, solstices[1:]):
        m11, m11_next = month_start(ws0), month_start(ws1)
        starts = [n for n in nms if m11 <= n < m11_next]
        leap_sui = len(starts) == 13
        num, leap_done = 11, False
        for i, s in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else m11_next
            has_zq = any(s <= z < end for z in zhongqi)
            if i > 0 and leap_sui and not leap_done and not has_zq:
                leap_done = True
                key = (num, True)
            else:
                if i > 0:
                    num = num % 12 + 1
                key = (num, False)
            # Months 1-10 start in their lunar year's Gregorian year; 11 and 12 may start in
            # January of the next one.
            ly = s.year if key[0] <= 10 or s.month >= 10 else s.year - 1
            months[(ly, key[0], key[1])] = s
        assert not leap_sui or leap_done, ws0
    return months, term_day


def reckon_date(months, y, m, d):
    return months[(y, m, False)] + (d - 1) * D


# ---------------------------------------------------------------- library sources

def src_lunardate(y, m, d):
    return LunarDate(y, m, d).to_solar_date() if y <= 2099 else None


def src_lunarcalendar(y, m, d):
    s = Converter.Lunar2Solar(LcLunar(y, m, d, isleap=False))
    return dt.date(s.year, s.month, s.day)


def src_lunar_python(y, m, d):
    s = PyLunar.fromYmd(y, m, d).getSolar()
    return dt.date(s.getYear(), s.getMonth(), s.getDay())


def src_sxtwl(y, m, d):
    x = sxtwl.fromLunar(y, m, d, False)
    return dt.date(x.getSolarYear(), x.getSolarMonth(), x.getSolarDay())


def term_lunar_python(y, name, window):
    hits = [day for day in window
            if PySolar.fromYmd(day.year, day.month, day.day).getLunar().getJieQi() == name]
    return hits[0] if len(hits) == 1 else None


SXTWL_INDEX = {15: 7, 270: 0}  # sxtwl jieqi index: 0 = 冬至 (dongzhi), 7 = 清明 (qingming)


def term_sxtwl(y, lon, window):
    hits = [day for day in window
            for x in [sxtwl.fromSolar(day.year, day.month, day.day)]
            if x.hasJieQi() and x.getJieQi() == SXTWL_INDEX[lon]]
    return hits[0] if len(hits) == 1 else None


# ---------------------------------------------------------------- main

NAMES = ["lunardate", "LunarCalendar", "lunar-python", "sxtwl", "computed"]


def main():
    months, term_day = reckon()
    rows, notes = [], []
    for y in range(FIRST, LAST + 1):
        cands = []
        for i, m, d in LUNAR_IDS:
            vals = [src_lunardate(y, m, d), src_lunarcalendar(y, m, d),
                    src_lunar_python(y, m, d), src_sxtwl(y, m, d),
                    reckon_date(months, y, m, d)]
            cands.append((i, vals))
        for i, lon, (mo, lo, hi) in (("qingming", 15, (4, 3, 6)), ("dongzhi", 270, (12, 20, 23))):
            window = [dt.date(y, mo, k) for k in range(lo, hi + 1)]
            name = "清明" if lon == 15 else "冬至"
            mine = term_day[(y, lon)] if (y, lon) in term_day else None
            vals = [None, None, term_lunar_python(y, name, window), term_sxtwl(y, lon, window),
                    mine]
            cands.append((i, vals))
        for i, vals in cands:
            present = [v for v in vals if v is not None]
            value, n = collections.Counter(present).most_common(1)[0]
            assert n > len(present) / 2, (y, i, vals)
            rows.append((value, i))
            if n != len(present):
                notes.append((y, i, value, {NAMES[k]: v for k, v in enumerate(vals)
                                            if v is not None and v != value}))
    for y, i, v, others in notes:
        print(y, i, v, others, file=sys.stderr)
    assert {(y, i) for y, i, _, _ in notes} == set(EXPLAIN), notes
    emit(sorted(rows), notes)


def emit(rows, notes):
    assert ("2024-02-10", "chinese-new-year") in {(str(d), i) for d, i in rows}
    hdr = [
        f"Chinese festivals {FIRST}..={LAST}, reckoned for China (UTC+8). chinese-new-year 1/1, "
        "lantern-festival 1/15, dragon-boat-festival 5/5, mid-autumn-festival 8/15, "
        "double-ninth 9/9 of the lunar year starting in that Gregorian year; qingming and "
        "dongzhi = the UTC+8 date on which the Sun's apparent longitude reaches 15 / 270 deg. "
        "Sorted by date, then id.",
        "Sources, all compared on every row: lunardate 0.3.0 (GPL-3.0-or-later, its table ends "
        "2099; lunar dates only), LunarCalendar 0.0.9 (MIT; lunar dates only), lunar-python "
        "1.4.8 (MIT, astronomical), sxtwl 2.0.7 (BSD, astronomical), and this generator's own "
        "reckoning on the Skyfield/DE440 new moons and solar terms of astronomy.py in UTC+8 "
        "(month starts on the UTC+8 day of the new moon; winter-solstice month = 11; leap "
        "month = first month without a major term in a 13-month sui). The value written is "
        "the majority's (never fewer than 3 of 5 for lunar dates, 2 of 3 for the terms).",
        "Disagreements (year id: value kept; differing sources): " + ("; ".join(
            f"{y} {i}: {v}; " + ", ".join(f"{k} {d}" for k, d in o.items())
            for y, i, v, o in notes) or "none") + ".",
    ]
    hdr += EXPLANATIONS
    hdr += [f"Counts: {len(rows)} rows.",
            "Regenerate: python3 -m pip install -r tests/generators/requirements.txt && "
            "python3 tests/generators/chinese.py > tests/golden/chinese.csv"]
    for para in hdr:
        print(textwrap.fill(para, 92, initial_indent="# ", subsequent_indent="#   ",
                            break_on_hyphens=False))
    print("id,date")
    for d, i in rows:
        print(f"{i},{d}")


BEIJING_1916 = (
    "new moon 1916-02-03T16:05:15Z is 00:05 on 4 Feb in UTC+8 but 23:51 on 3 Feb in Beijing "
    "local mean time (116.4 E), the meridian of the Chinese calendar until 1928 (120 E, i.e. "
    "UTC+8, from 1929); the historical calendar, lunardate, LunarCalendar, lunar-python and "
    "sxtwl have the new year on 3 Feb, which is kept; a strict UTC+8 computation gives "
    "1916-02-04 and lantern-festival 1916-02-18")
EXPLAIN = {  # every disagreement must be explained here, or the script aborts
    (1916, "chinese-new-year"): BEIJING_1916,
    (1916, "lantern-festival"): "see chinese-new-year 1916",
    (1978, "mid-autumn-festival"):
        "new moon 1978-09-03T00:08:53 UTC+8 (8 min after midnight) starts month 8 on 3 Sep, so "
        "the 15th is 17 Sep (kept); lunardate's table has 16 Sep. 1978 is the year of Hong "
        "Kong's 'double Mid-Autumn' dispute (HK Chronicles, hkchronicles.org.hk, "
        "'1978年中秋節鬧雙胞'), which this near-midnight new moon explains",
    (2057, "double-ninth"):
        "knife edge: the new moon that starts month 9 is 2057-09-29 00:00:39 in UTC+8 with "
        "Skyfield's Delta T but 2057-09-28 23:59:50 with PyEphem's; 2057-10-07 (LunarCalendar, "
        "lunar-python, computed) is kept, 2057-10-06 (lunardate, sxtwl) is equally possible",
    (2089, "mid-autumn-festival"):
        "knife edge: the new moon that starts month 8 is 2089-09-04 23:59:05 UTC+8 (Skyfield; "
        "23:57:13 with PyEphem), so the 15th is 18 Sep (kept); LunarCalendar has 19 Sep",
}
EXPLANATIONS = ["Exceptions (explanations of the disagreements): " + "; ".join(
    f"{y} {i}: {t}" for (y, i), t in EXPLAIN.items()) + ". Qingming and dongzhi agree in "
    "all sources (lunar-python, sxtwl, computed) for every year."]

if __name__ == "__main__":
    main()
