#!/usr/bin/env python3
"""Generate tests/golden/jewish.csv: Jewish observances 1900..=2150, diaspora customs.

Each row is `id,start,end`: the civil (Gregorian) dates whose DAYTIME the observance covers,
end inclusive (the observance itself begins at sunset the evening before `start`).  A row is
kept when its start date is in 1900..=2150 (yom-hashoah from 1951, yom-haatzmaut from 1949).

Primary source: the `hebcal` command-line program, Debian package hebcal 4.31-1 (GPL-2+;
https://github.com/hebcal/hebcal), run as an external program (`hebcal -g YEAR`, diaspora
schedule, modern holidays on).  Nothing of it is linked or copied.  Event names are mapped to
ids in HEBCAL_IDS; Hanukkah's start is the day after "Chanukah: 1 Candle" (the first candle is
lit on the evening that begins 25 Kislev) and its end is "Chanukah: 8th Day".

Cross-checks (the script prints every disagreement and records them in the header):
  1. literal rules on convertdate 2.5.1 (MIT) `convertdate.hebrew` date conversion, written
     here from the textbook rules (see `rules()`): Tisha B'Av, Gedaliah and 17 Tammuz move to
     Sunday when on Shabbat; the Fast of Esther moves back to Thursday 11 Adar when 13 Adar is
     Shabbat; Yom HaShoah 27 Nisan, to Thursday if Friday, to Monday if Sunday (from 1951);
     Yom HaAtzmaut 5 Iyar, to Thursday if Friday or Saturday, and (from 2004) to Tuesday if
     Monday (from 1949).
  2. pyluach 2.3.0 (MIT) hebrewcal.festival(israel=False) / fast_day() for every day, for all
     ids but the two modern ones, which pyluach does not have.
  3. hdate 1.2.2 (GPL-3.0-or-later, run as a library only to read dates) HolidayDatabase
     (diaspora) for yom-hashoah and yom-haatzmaut.

Run: python3 tests/generators/jewish.py > tests/golden/jewish.csv
"""
import collections
import datetime as dt
import subprocess
import sys

import convertdate
import convertdate.hebrew as heb
import pyluach
from pyluach import dates as pdates
from pyluach import hebrewcal

FIRST, LAST = 1900, 2150
MIN_YEAR = {"yom-hashoah": 1951, "yom-haatzmaut": 1949}
ONE = dt.timedelta(days=1)

HEBCAL_IDS = {  # hebcal name (prefix) -> id
    "Rosh Hashana": "rosh-hashanah", "Yom Kippur": "yom-kippur", "Sukkot": "sukkot",
    "Shmini Atzeret": "shemini-atzeret", "Simchat Torah": "simchat-torah",
    "Tu BiShvat": "tu-bishvat", "Purim": "purim", "Pesach": "passover", "Shavuot": "shavuot",
    "Tish'a B'Av": "tisha-bav", "Yom HaShoah": "yom-hashoah",
    "Yom HaAtzma'ut": "yom-haatzmaut", "Lag BaOmer": "lag-baomer",
    "Tzom Gedaliah": "fast-of-gedaliah", "Asara B'Tevet": "tenth-of-tevet",
    "Ta'anit Esther": "fast-of-esther", "Tzom Tammuz": "seventeenth-of-tammuz",
}
IDS = sorted(set(HEBCAL_IDS.values()) | {"hanukkah"})


def hebcal_version() -> str:
    out = subprocess.run(["hebcal", "--version"], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def from_hebcal():
    """{(id, start): end} from the hebcal program."""
    days = collections.defaultdict(list)  # id -> [dates]
    candle1, day8 = [], []
    for y in range(FIRST - 1, LAST + 2):
        out = subprocess.run(["hebcal", "-g", str(y)], capture_output=True, text=True,
                             check=True, env={"LANG": "C", "PATH": "/usr/bin:/bin"}).stdout
        for line in out.splitlines():
            d, name = line.split(" ", 1)
            d = dt.date.fromisoformat(d)
            if name == "Chanukah: 1 Candle":
                candle1.append(d + ONE)
            elif name == "Chanukah: 8th Day":
                day8.append(d)
            elif name.startswith("Erev ") or name in ("Purim Katan", "Shushan Purim",
                                                       "Pesach Sheni",
                                                       "Rosh Hashana LaBehemot"):
                continue
            else:
                for prefix, i in HEBCAL_IDS.items():
                    if name == prefix or name.startswith(prefix + " "):
                        days[i].append(d)
    spans = {}
    for i, ds in days.items():
        ds = sorted(set(ds))
        start = prev = ds[0]
        for d in ds[1:] + [None]:
            if d is None or d != prev + ONE:
                spans[(i, start)] = prev
                start = d
            prev = d
    assert len(candle1) == len(day8)
    for s, e in zip(sorted(candle1), sorted(day8)):
        assert (e - s).days == 7, (s, e)
        spans[("hanukkah", s)] = e
    return spans


def g(hy, m, d) -> dt.date:
    return dt.date(*heb.to_gregorian(hy, m, d))


def rules():
    """{(id, start): end} from literal rules on convertdate.hebrew (Nisan = 1 ... Adar II = 13)."""
    spans = {}
    SAT, FRI, SUN, MON = 5, 4, 6, 0  # date.weekday()

    def add(i, s, e=None):
        spans[(i, s)] = e or s

    for hy in range(FIRST + 3759, LAST + 3762):
        # Tishrei (7) .. Elul (6) of Hebrew year hy; months 1..6 are in the spring of hy.
        add("rosh-hashanah", g(hy, 7, 1), g(hy, 7, 2))
        d = g(hy, 7, 3)
        add("fast-of-gedaliah", d + ONE if d.weekday() == SAT else d)
        add("yom-kippur", g(hy, 7, 10))
        add("sukkot", g(hy, 7, 15), g(hy, 7, 21))
        add("shemini-atzeret", g(hy, 7, 22))
        add("simchat-torah", g(hy, 7, 23))
        s = g(hy, 9, 25)
        add("hanukkah", s, s + 7 * ONE)
        add("tenth-of-tevet", g(hy, 10, 10))
        add("tu-bishvat", g(hy, 11, 15))
        adar = 13 if heb.leap(hy) else 12
        add("purim", g(hy, adar, 14))
        d = g(hy, adar, 13)
        add("fast-of-esther", d - 2 * ONE if d.weekday() == SAT else d)
        add("passover", g(hy, 1, 15), g(hy, 1, 22))
        d = g(hy, 1, 27)
        d = d - ONE if d.weekday() == FRI else d + ONE if d.weekday() == SUN else d
        add("yom-hashoah", d)
        d = g(hy, 2, 5)
        if d.weekday() == FRI:
            d -= ONE
        elif d.weekday() == SAT:
            d -= 2 * ONE
        elif d.weekday() == MON and d.year >= 2004:
            d += ONE
        add("yom-haatzmaut", d)
        add("lag-baomer", g(hy, 2, 18))
        add("shavuot", g(hy, 3, 6), g(hy, 3, 7))
        d = g(hy, 4, 17)
        add("seventeenth-of-tammuz", d + ONE if d.weekday() == SAT else d)
        d = g(hy, 5, 9)
        add("tisha-bav", d + ONE if d.weekday() == SAT else d)
    return spans


PYLUACH_IDS = {
    "Rosh Hashana": "rosh-hashanah", "Yom Kippur": "yom-kippur", "Succos": "sukkot",
    "Shmini Atzeres": "shemini-atzeret", "Simchas Torah": "simchat-torah",
    "Chanuka": "hanukkah", "Tu B'shvat": "tu-bishvat", "Purim": "purim", "Pesach": "passover",
    "Lag Ba'omer": "lag-baomer", "Shavuos": "shavuot", "Tzom Gedalia": "fast-of-gedaliah",
    "10 of Teves": "tenth-of-tevet", "Taanis Esther": "fast-of-esther",
    "17 of Tamuz": "seventeenth-of-tammuz", "9 of Av": "tisha-bav",
}


def from_pyluach():
    spans, cur = {}, {}
    d = dt.date(FIRST - 1, 12, 1)
    while d <= dt.date(LAST + 1, 1, 31):
        pd = pdates.GregorianDate(d.year, d.month, d.day)
        names = {hebrewcal.festival(pd, israel=False), hebrewcal.fast_day(pd)} - {None}
        ids = {PYLUACH_IDS[n] for n in names if n in PYLUACH_IDS}
        for i in ids:
            if i in cur and cur[i][1] + ONE == d:
                cur[i] = (cur[i][0], d)
            else:
                if i in cur:
                    spans[(i, cur[i][0])] = cur[i][1]
                cur[i] = (d, d)
        d += ONE
    for i, (s, e) in cur.items():
        spans[(i, s)] = e
    return spans


def from_hdate():
    """yom-hashoah / yom-haatzmaut from hdate's HolidayDatabase (diaspora)."""
    from hdate.holidays import HolidayDatabase
    from hdate.hebrew_date import HebrewDate
    db = HolidayDatabase(diaspora=True)
    spans = {}
    d = dt.date(1948, 1, 1)
    while d <= dt.date(LAST, 12, 31):
        for h in db.lookup(HebrewDate.from_gdate(d)):
            name = h.name
            if name in ("yom_hashoah", "yom_haatzmaut"):
                spans[(name.replace("_", "-"), d)] = d
        d += ONE
    return spans


def in_range(spans, ids):
    return {k: v for k, v in spans.items() if k[0] in ids
            and max(FIRST, MIN_YEAR.get(k[0], FIRST)) <= k[1].year <= LAST}


def diff(a, b):
    """Rows of a not in b, and of b not in a, as sorted lists of (id, start, end)."""
    sa = {(i, s, e) for (i, s), e in a.items()}
    sb = {(i, s, e) for (i, s), e in b.items()}
    return sorted(sa - sb, key=lambda r: (r[1], r[0])), sorted(sb - sa, key=lambda r: (r[1], r[0]))


def fmt(rows):
    return "; ".join(f"{i} {s}..{e}" for i, s, e in rows) or "none"


def main():
    primary = in_range(from_hebcal(), IDS)
    notes = []
    for label, other, ids in (
            (f"literal rules on convertdate {convertdate.__version__} convertdate.hebrew",
             rules(), IDS),
            (f"pyluach {pyluach.__version__ if hasattr(pyluach, '__version__') else '2.3.0'}",
             from_pyluach(), [i for i in IDS if i not in MIN_YEAR]),
            ("hdate 1.2.2", from_hdate(), list(MIN_YEAR))):
        a = {k: v for k, v in primary.items() if k[0] in ids}
        only_p, only_o = diff(a, in_range(other, ids))
        print(f"{label}: hebcal-only {len(only_p)}, {label}-only {len(only_o)}", file=sys.stderr)
        for r in only_p[:20]:
            print("  hebcal", r, file=sys.stderr)
        for r in only_o[:20]:
            print("  other ", r, file=sys.stderr)
        notes.append((label, ids, only_p, only_o))
    rows = sorted(((s, i, e) for (i, s), e in primary.items()))
    for yom, base in (("yom-kippur", dt.date(2025, 10, 2)), ("yom-kippur", dt.date(2024, 10, 12))):
        assert primary[(yom, base)] == base  # spot checks from the brief
    assert primary[("rosh-hashanah", dt.date(2024, 10, 3))] == dt.date(2024, 10, 4)
    counts = collections.Counter(i for _, i, _ in rows)
    yrs = LAST - FIRST + 1
    for i in IDS:
        assert abs(counts[i] - (LAST - max(FIRST, MIN_YEAR.get(i, FIRST)) + 1)) <= 1, (i, counts[i])
    emit(rows, notes, yrs)


def emit(rows, notes, yrs):
    import textwrap
    hdr = [
        "Jewish observances, diaspora customs, one row per occurrence whose start date is in "
        "1900..=2150 (yom-hashoah from 1951, yom-haatzmaut from 1949). start/end = the civil "
        "dates whose DAYTIME the observance covers, end inclusive; each begins at sunset the "
        "evening before start (the four minor fasts run dawn to dusk on their date). Sorted "
        "by start, then id.",
        "Spans: rosh-hashanah 1-2 Tishrei; sukkot 15-21 Tishrei; shemini-atzeret 22, "
        "simchat-torah 23 Tishrei (diaspora); hanukkah 25 Kislev + 7 days; purim 14 Adar "
        "(Adar II in leap years); passover 15-22 Nisan; shavuot 6-7 Sivan; tisha-bav 9 Av or "
        "Sunday 10 Av; fast-of-gedaliah and seventeenth-of-tammuz move to Sunday from "
        "Shabbat; fast-of-esther to Thursday 11 Adar when 13 Adar is Shabbat; yom-hashoah 27 "
        "Nisan (Friday -> Thursday, Sunday -> Monday); yom-haatzmaut 5 Iyar (Friday/Saturday "
        "-> Thursday; Monday -> Tuesday from 2004), as hebcal computes them.",
        f"Source: {hebcal_version()} (Debian package hebcal 4.31-1, GPL-2+), run as an "
        "external program: `hebcal -g YEAR` (diaspora, default holidays); names mapped to ids "
        "in the generator; hanukkah from the day after 'Chanukah: 1 Candle' to 'Chanukah: 8th "
        "Day'.",
    ]
    for label, ids, only_p, only_o in notes:
        what = "all ids" if len(ids) == len(IDS) else ("all ids but yom-hashoah and "
                                                       "yom-haatzmaut" if "purim" in ids
                                                       else ", ".join(ids))
        if not only_p and not only_o:
            hdr.append(f"Cross-check ({what}): {label}: identical.")
        else:
            hdr.append(f"Cross-check ({what}): {label}: disagreements, hebcal (kept): "
                       f"{fmt(only_p)}; other: {fmt(only_o)}.")
    hdr += [f"Counts: {len(rows)} rows.",
            "Regenerate: apt-get install hebcal && python3 -m pip install -r "
            "tests/generators/requirements.txt && python3 tests/generators/jewish.py > "
            "tests/golden/jewish.csv"]
    for para in hdr + EXCEPTIONS:
        print(textwrap.fill(para, 92, initial_indent="# ", subsequent_indent="#   ",
                            break_on_hyphens=False))
    print("id,start,end")
    for s, i, e in rows:
        print(f"{i},{s},{e}")


EXCEPTIONS = [
    "Exceptions: none. The only disagreement is hdate's yom-hashoah, which hdate starts in "
    "1959 (the year of Israel's Martyrs' and Heroes' Remembrance Day Law); hebcal and the "
    "spec start it in 1951 (the year of the Knesset resolution that fixed 27 Nisan), so the "
    "1951-1958 rows are kept."]

if __name__ == "__main__":
    main()
