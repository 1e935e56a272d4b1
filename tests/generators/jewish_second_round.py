#!/usr/bin/env python3
"""Generate tests/golden/jewish-second-round.csv: the Jewish observances added in issue 20,
one row per occurrence with start in 1950..=2060 (diaspora customs).

Sources (used as tools; nothing copied):
  hdate 1.2.2 (PyPI, MIT; github.com/py-libhdate/py-libhdate): HDateInfo(date,
      diaspora=True).holidays, day by day: hoshana_raba, shushan_purim, tu_bav,
      yom_hazikaron, yom_yerushalayim (its rules for moving Yom HaZikaron are its own
      code, written from the Israeli laws);
  pyluach 2.3.0 (PyPI, MIT): hebrewcal.festival(..., include_working_days=True): Pesach Sheni,
      and a cross-check of Shushan Purim and Tu B'av;
  convertdate 2.5.1 (PyPI, MIT) hebrew.to_jd: fast-of-the-firstborn = 14 Nisan, or Thursday
      12 Nisan when 14 Nisan is Shabbat (Shulchan Aruch, Orach Chaim 470:2; hebcal's
      'Ta'anit Bechorot'), the rule written out here, so an implementation check only.

Run: python3 tests/generators/jewish_second_round.py > tests/golden/jewish-second-round.csv
"""
import datetime as dt
import sys

import pyluach.dates as pd
import pyluach.hebrewcal as ph
from convertdate import hebrew
from hdate import HDateInfo

Y0, Y1 = 1950, 2060
HDATE = {"hoshana_raba": "hoshana-raba", "shushan_purim": "shushan-purim",
         "tu_bav": "tu-bav", "yom_hazikaron": "yom-hazikaron",
         "yom_yerushalayim": "yom-yerushalayim"}
PYLUACH = {"Pesach Sheni": "pesach-sheni", "Shushan Purim": "shushan-purim",
           "Tu B'av": "tu-bav"}


def main():
    rows, check = set(), set()
    day = dt.date(Y0, 1, 1)
    while day <= dt.date(Y1, 12, 31):
        for h in HDateInfo(day, diaspora=True).holidays:
            if h.name in HDATE:
                rows.add((HDATE[h.name], day))
        f = ph.festival(pd.GregorianDate(day.year, day.month, day.day).to_heb(),
                        include_working_days=True)
        if f in PYLUACH:
            (rows if f == "Pesach Sheni" else check).add((PYLUACH[f], day))
        day += dt.timedelta(days=1)
    for hy in range(5710, 5822):
        jd = hebrew.to_jd(hy, 1, 14)  # convertdate: month 1 = Nisan
        d = dt.date.fromordinal(int(jd - 1721424.5))
        if d.weekday() == 5:
            d -= dt.timedelta(days=2)
        if Y0 <= d.year <= Y1:
            rows.add(("fast-of-the-firstborn", d))
    differ = sorted(r for r in check if r not in rows) + sorted(
        r for r in rows if r[0] in ("shushan-purim", "tu-bav") and r not in check)
    if differ:
        print("hdate and pyluach differ:", differ, file=sys.stderr)
        sys.exit(1)
    hdr = [
        f"Jewish observances added in issue 20, one row per occurrence with start in "
        f"{Y0}..={Y1} (diaspora). start = end = the civil date whose daytime it covers (each "
        "begins at sunset the evening before). Sorted by start, then id.",
        "Ids: hoshana-raba 21 Tishrei; shushan-purim 15 Adar (Adar II in leap years); tu-bav "
        "15 Av; pesach-sheni 14 Iyar; yom-yerushalayim 28 Iyar from 1968; yom-hazikaron 4 "
        "Iyar, the day before Yom HaAtzmaut (Wednesday when 4 Iyar is Thursday or Friday; "
        "Monday when Sunday, from 2004); fast-of-the-firstborn 14 Nisan (Thursday when "
        "Shabbat).",
        "Source: hdate 1.2.2 (PyPI, MIT; github.com/py-libhdate/py-libhdate), "
        "HDateInfo(day, diaspora=True).holidays, for hoshana-raba, shushan-purim, tu-bav, "
        "yom-hazikaron, yom-yerushalayim; pyluach 2.3.0 (PyPI, MIT) "
        "hebrewcal.festival(include_working_days=True) for pesach-sheni.",
        "Cross-check: pyluach's Shushan Purim and Tu B'av equal hdate's in every year.",
        "fast-of-the-firstborn: convertdate 2.5.1 (PyPI, MIT) Hebrew dates with the rule "
        "written out in the generator (Shulchan Aruch, Orach Chaim 470:2: on Shabbat the fast "
        "moves back to Thursday), an implementation check; Hebcal lists the same days as "
        "'Ta'anit Bechorot' (hebcal.com/holidays/taanit-bechorot, 2025-04-10, 2026-04-01).",
        f"Counts: {len(rows)} rows.",
        "Regenerate: python3 -m pip install hdate==1.2.2 pyluach==2.3.0 convertdate==2.5.1 && "
        "python3 tests/generators/jewish_second_round.py > tests/golden/jewish-second-round.csv",
    ]
    import textwrap
    for h in hdr:
        for i, line in enumerate(textwrap.wrap(h, 90)):
            print(("# " if i == 0 else "#   ") + line)
    print("id,start,end")
    for id_, d in sorted(rows, key=lambda r: (r[1], r[0])):
        print(f"{id_},{d},{d}")


if __name__ == "__main__":
    main()
