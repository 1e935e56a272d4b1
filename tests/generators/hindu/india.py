#!/usr/bin/env python3
"""Generate tests/golden/hindu/india.csv: published India (New Delhi) dates 2001..=2035 of the
Hindu, Sikh, Jain and Buddhist observances in OBSERVANCES.md.

Primary source: the `holidays` PyPI package (pinned, MIT): the per-year tables of
holidays.calendars.hindu._HinduLunisolar (taken from timeanddate.com, drikpanchang.com and
Government of India lists, as cited in that file) and holidays.India's optional (restricted)
holidays.  Ids the package lacks (dhanteras, akshaya-tritiya) come from dated news items that
quote Drik Panchang (EXTRA below); a few package values are replaced (OVERRIDES) or dropped (DROP)
where they are demonstrably wrong.  Every row is cross-checked against an independent
astronomical reckoning (reckon.py); the script aborts if a kept date is more than one day from it.

Run: python3 tests/generators/hindu/india.py     (takes a few minutes)
"""
import datetime as dt
import os
import sys

import holidays
from holidays.calendars.hindu import _HinduLunisolar as H

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import write_csv  # noqa: E402

Y0, Y1 = 2001, 2035
HOLIDAYS_VERSION = "0.109"

# id -> holidays table (holidays/calendars/hindu.py, class _HinduLunisolar, attribute <NAME>_DATES)
TABLES = {
    "diwali": "DIWALI_INDIA", "govardhan-puja": "GOVARDHAN_PUJA", "holi": "HOLI",
    "maha-shivaratri": "MAHA_SHIVARATRI", "raksha-bandhan": "RAKSHA_BANDHAN",
    "janmashtami": "JANMASHTAMI", "ganesh-chaturthi": "GANESH_CHATURTHI",
    "ram-navami": "RAM_NAVAMI", "navaratri": "SHARAD_NAVRATRI", "dussehra": "DUSSEHRA",
    "karva-chauth": "KARWA_CHAUTH", "vasant-panchami": "BASANT_PANCHAMI",
    "makar-sankranti": "MAKAR_SANKRANTI", "pongal": "PONGAL", "ugadi": "GUDI_PADWA",
    "hanuman-jayanti": "HANUMAN_JAYANTI", "chhath-puja": "CHHATH_PUJA", "onam": "ONAM",
    "vaisakhi": "VAISAKHI", "guru-nanak-gurpurab": "GURU_NANAK_JAYANTI",
    "mahavir-jayanti": "MAHAVIR_JAYANTI", "buddha-purnima": "BUDDHA_PURNIMA",
}
# ids holidays.India derives from those tables (holidays/groups/hindu.py):
# _add_holika_dahan = holi_date - 1 day ("Holika Dahan", optional category);
# _add_bhai_dooj = govardhan_puja_date + 1 day ("Bhai Duj", optional category).
DERIVED = {"holika-dahan": ("HOLI", -1, "Holika Dahan"),
           "bhai-dooj": ("GOVARDHAN_PUJA", +1, "Bhai Duj")}

SRC = {
    "DNA19": "DNA India 2019-10-22, 'according to Drik Panchang' (dnaindia.com/india/report-dhanteras-2019-...-2798193)",
    "IT20": "India Today 2020-11-06, 'According to drikpancahng' (indiatoday.in ... diwali-2020-complete-calendar-of-five-days-celebration-1738486)",
    "FPJ21": "Free Press Journal 2021-10-26, drikpanchang (freepressjournal.in/spirituality/dhanteras-2021-date-...)",
    "JAG22": "Jagran English 2022-10-19, 'according to Drik Panchang' (english.jagran.com/lifestyle/diwali-2022-dhanteras-to-bhai-dooj-...-10052148)",
    "QUINT23": "The Quint 2023 Diwali calendar (thequint.com/lifestyle/diwali-2023-calendar-when-is-dhanteras-deepavali-bhai-dooj-govardhan-puja); NDTV Hindi 2023 festival list",
    "BS24": "Business Standard 2024-10-24, 'According to the Drik Panchang' (business-standard.com/india-news/diwali-2024-calendar-...-124102400599_1.html)",
    "NDTVP25": "NDTV Profit 2025-10-16 (ndtvprofit.com/trending/when-is-dhanteras-diwali-bhai-dooj-...); Prabhat Khabar 2025",
    "STATES18": "The Statesman 2018 (thestatesman.com/lifestyle/diwali-2018-know-dates-dhanteras-deepawali-bhai-dooj-1502687101.html); rudraksha-center.com/diwali.html",
    "ASTRO17": "astrorashifal.com/festivals/diwali/ (Diwali 2017 five days); happydeepavali2016.in; navratridiwalicelebration.com",
    "REP16": "thereportertimes.com/news/diwali-calendar-2016/ (Drik-style list); travelbrandindia.com",
    "HB15": "hindu-blog.com 'Diwali 2015 date'; nrigujarati.co.in Diwali holidays 2015",
    "ZEE20": "Zee News 2020, '(according to drikpanchang.com)' (zeenews.india.com/culture/akshaya-tritiya-2020-puja-muhurat-gold-purchasing-time-2278929.html); News18 2020-04-25",
    "OI19": "OneIndia 2019, 'According to the Drik Panchang' (oneindia.com/india/akshaya-tritiya-2019-...-2887127.html)",
    "IT21": "India Today 2021-05-12 (indiatoday.in ... akshaya-tritiya-2021-date-city-wise-puja-timings-and-importance-1801741), which also lists 2022-05-03, 2023-04-22, 2024-05-10, 2025-04-30",
    "HT22": "Hindustan Times 2022-04-30, 'according to drikpanchang.com' (hindustantimes.com/lifestyle/festivals/akshaya-tritiya-2022-...-101651327406752.html)",
    "HT23": "Hindustan Times 2023-04-20 and Zee News 2023-04-21, 'According to Drik Panchang'",
    "HANS24": "The Hans India 2024 (thehansindia.com/life-style/akshaya-tritiya-2024-date-and-significance-873624); Lokmat Times 2024-05-06",
    "ASIA25": "Asianet Newsable 2025 web story (Tritiya at sunrise on 30 April)",
    "INDIACOM18": "india.com 2018, 'As per Drikpanchang.com' (india.com/buzz/akshaya-tritiya-2018-...-3005210/); Financial Express 2018-04-17",
    "TECH17": "techfactslive.com Akshaya Tritiya 2017 (Drik-format muhurat 10:29-12:18); indiamarks.com; pujadatetime.in",
    "PORTAL7": "portalseven.com/static/holidays/India/Mahavir_Jayanthi.jsp (table 2008-2015: 2010 March 28); blog.jainee.com 2010-03-27 ('This day falls on March 28, Sunday, this year 2010')",
    "GOI09": "Delhi 2009 holiday list (Government of India circular as reproduced at scribd.com/doc/19690810/Holiday-List-2009): Buddha Purnima May 09",
    "DRIK23": "Drik Panchang 2023 calendar export, GitHub Prashanthmn166/hamara-calendar calendar.js @db551b55 (Makara Sankranti and Pongal on 15 Jan 2023)",
    "MINT24": "Mint via MENAFN 2024-01-13: 'as per Drik Panchang, this year the festival will be celebrated on January 15'",
}

# Ids the package lacks: {id: {year: (date, source keys)}}
EXTRA = {
    "dhanteras": {
        2015: ("2015-11-09", ["HB15"]), 2016: ("2016-10-28", ["REP16"]),
        2017: ("2017-10-17", ["ASTRO17"]), 2018: ("2018-11-05", ["STATES18"]),
        2019: ("2019-10-25", ["DNA19"]), 2020: ("2020-11-13", ["IT20"]),
        2021: ("2021-11-02", ["FPJ21"]), 2022: ("2022-10-22", ["JAG22"]),
        2023: ("2023-11-10", ["QUINT23"]), 2024: ("2024-10-29", ["BS24"]),
        2025: ("2025-10-18", ["NDTVP25"]),
    },
    "akshaya-tritiya": {
        2017: ("2017-04-28", ["TECH17"]), 2018: ("2018-04-18", ["INDIACOM18"]),
        2019: ("2019-05-07", ["OI19"]), 2020: ("2020-04-26", ["ZEE20"]),
        2021: ("2021-05-14", ["IT21"]), 2022: ("2022-05-03", ["HT22", "IT21"]),
        2023: ("2023-04-22", ["HT23", "IT21"]), 2024: ("2024-05-10", ["HANS24", "IT21"]),
        2025: ("2025-04-30", ["ASIA25", "IT21"]),
    },
}
# Package values replaced: (id, year): (kept date, package date, sources, reason)
OVERRIDES = {
    ("mahavir-jayanti", 2010): ("2010-03-28", ["PORTAL7"],
                                "the package's 2010-04-28 is a Purnima (Chaitra Shukla 13 was 28 March): a typo"),
    ("buddha-purnima", 2009): ("2009-05-09", ["GOI09"],
                               "the Delhi 2009 list has 9 May, which is also the day Purnima prevails at sunrise"),
    ("makar-sankranti", 2023): ("2023-01-15", ["DRIK23"],
                                "the package (and the GoI restricted-holiday list) have the civil holiday 14 Jan; "
                                "the sankranti was at 20:45 IST on 14 Jan, after sunset, so Drik Panchang keeps it on 15 Jan"),
    ("makar-sankranti", 2024): ("2024-01-15", ["MINT24"],
                                "the package (and the GoI restricted-holiday list, e.g. ICAR-CRIDA's copy) have 14 Jan; "
                                "the sankranti was at 02:44 IST on 15 Jan, so Drik Panchang keeps it on 15 Jan"),
}
DROP = {("buddha-purnima", y): "the package's date is a Saptami (not a full moon); no other source found"
        for y in (2001, 2002, 2003, 2004)}

# Published confirmations / disagreements found while searching (for the header only).
NOTES = [
    "holika-dahan (package = Holi - 1) is confirmed by Drik-attributed news for 2017 (Indian Express), "
    "2019, 2020 (Zee News), 2021 (exbulletin), 2022 (Jagran), 2023 (Livemint; GoI RH list), 2024 "
    "(Lokmat Times), 2018 (NewsX; GoI RH list via IIT Kanpur), 2025 (newstvlive; GoI RH list via ATARI "
    "Hyderabad), 2026 (LatestLY: 3 March). DISAGREEMENT 2026: Patrika (2026-03-02) puts Holika Dahan on 2 "
    "March because of the lunar eclipse on 3 March; 2026-03-03 kept (package, LatestLY, and Holi on 4 "
    "March per the GoI 2026 list).",
    "bhai-dooj (package = Govardhan Puja + 1) is confirmed for 2015-2025 by the sources of the dhanteras "
    "rows (same articles) plus Jagran English 2020-11-14 (Drik) for 2020 and HT Syndication 2025-10-21 "
    "(Drik) for 2025, and the GoI 2018 RH list (9 Nov).",
    "govardhan-puja 2022: the package has 25 Oct (Jagran 'according to Drik Panchang', 2022-10-19); "
    "webmorcha.com has 26 Oct (the solar eclipse of 25 Oct moved it in some panchangs); 25 Oct kept "
    "(package). Bhai Dooj 2022 is 26 Oct in both.",
    "dhanteras 2020: India Today (Drik) 13 Nov kept; OneIndia 2020-09-28 (timeanddate-style) says 12 Nov. "
    "dhanteras 2025: gaurbrahmansamaj.com says 'two days, 18 and 19 Oct'; 18 Oct kept (NDTV Profit, "
    "Prabhat Khabar).",
    "akshaya-tritiya 2017: hindu-blog.com says 29 April (28 April in western India); 28 April kept "
    "(Drik-format sources).",
    "makar-sankranti: a Delhi 2009 list has 'Makara Samkranti (N.India)' on 13 Jan 2009 and (Bengal) "
    "14 Jan; the package's 14 Jan kept. For 2016 the GoI Delhi list has 14 Jan (= package).",
    "buddha-purnima 2008: the package has 20 May; the reckoning gives 19 May; no other source found, "
    "package kept.",
]


def pkg_date(table, year):
    m, d = getattr(H, table + "_DATES")[year]
    return dt.date(year, m, d)


def india_optional(year):
    h = holidays.India(years=year, categories=("optional",))
    return {n: d for d, names in h.items() for n in names.split("; ")}


def build():
    rows = {}  # (id, year) -> (date, origin)
    for fid, table in TABLES.items():
        for y in range(Y0, Y1 + 1):
            rows[(fid, y)] = (pkg_date(table, y), "holidays")
    for fid, (table, delta, name) in DERIVED.items():
        for y in range(Y0, Y1 + 1):
            d = pkg_date(table, y) + dt.timedelta(days=delta)
            opt = india_optional(y)
            assert opt.get(name) == d, (fid, y, opt.get(name), d)
            rows[(fid, y)] = (d, "holidays.India")
    for fid, years in EXTRA.items():
        for y, (d, _) in years.items():
            rows[(fid, y)] = (dt.date.fromisoformat(d), "search")
    for key, (d, _, _) in OVERRIDES.items():
        rows[key] = (dt.date.fromisoformat(d), "override")
    for key in DROP:
        del rows[key]
    return rows


def main():
    assert holidays.__version__ == HOLIDAYS_VERSION, holidays.__version__
    rows = build()
    import reckon
    rk = reckon.Reckoner(Y0, Y1)
    diffs = {}
    for (fid, y), (d, _) in sorted(rows.items()):
        comp = rk.festival(fid, y)
        if d in comp:
            continue
        near = min((abs((c - d).days) for c in comp), default=99)
        if fid != "onam":
            assert near <= 1, (fid, y, d, comp)
        diffs.setdefault(fid, []).append(
            f"{y} {d:%m-%d}/{','.join(c.strftime('%m-%d') for c in comp) or '-'}")
    # make sure the overrides fix what they claim to fix
    for (fid, y), (d, _, _) in OVERRIDES.items():
        assert dt.date.fromisoformat(d) in rk.festival(fid, y), (fid, y)

    ids = list(TABLES) + list(DERIVED) + list(EXTRA)
    counts = {fid: sum(1 for k in rows if k[0] == fid) for fid in ids}
    gaps = {fid: [y for y in range(Y0, Y1 + 1) if (fid, y) not in rows] for fid in ids}

    def span(ys):
        out, s = [], None
        for i, y in enumerate(ys):
            if s is None:
                s = y
            if i + 1 == len(ys) or ys[i + 1] != y + 1:
                out.append(f"{s}" if s == y else f"{s}-{y}")
                s = None
        return ",".join(out)

    header = [
        f"Published India (New Delhi) dates {Y0}..={Y1} of the Hindu, Sikh, Jain and Buddhist "
        "observances: one row per (id, year) that could be sourced; sorted by date, then id. "
        "navaratri = first day (Sharad Navratri Ghatasthapana); onam = Thiruvonam day; chhath-puja "
        "= the main evening-arghya day (Kartika Shukla Shashthi); holi = Rangwali Holi (Dhulandi), "
        "the day after holika-dahan; ugadi = Gudi Padwa; guru-nanak-gurpurab = Guru Nanak Jayanti "
        "(Kartika Purnima); vaisakhi = Baisakhi.",
        f"Primary source: PyPI holidays {holidays.__version__} (MIT; github.com/vacanza/holidays), "
        "per-year tables in holidays/calendars/hindu.py (class _HinduLunisolar), which cite "
        "archived timeanddate.com India pages for most of these (and drikpanchang.com for Hanuman "
        "Jayanti). Mapping id <- table: " + ", ".join(f"{k} <- {v}_DATES" for k, v in TABLES.items())
        + ". holika-dahan and bhai-dooj <- holidays.India optional (restricted) holidays 'Holika "
        "Dahan' and 'Bhai Duj', which the package derives as HOLI - 1 day and GOVARDHAN_PUJA + 1 "
        "day (holidays/groups/hindu.py); the script checks holidays.India returns exactly these.",
        "Ids the package lacks: dhanteras and akshaya-tritiya (it has NARAKA_CHATURDASHI and "
        "PARSHURAM_JAYANTI, which are different days). They come from dated news items found by "
        "search, most quoting Drik Panchang for New Delhi: dhanteras "
        + "; ".join(f"{y} ({', '.join(v[1])})" for y, v in EXTRA["dhanteras"].items())
        + "; akshaya-tritiya " + "; ".join(f"{y} ({', '.join(v[1])})" for y, v in EXTRA["akshaya-tritiya"].items())
        + ". Source keys: " + "; ".join(f"{k} = {v}" for k, v in SRC.items()) + ".",
        "Gaps (no row): " + "; ".join(f"{fid} {span(g)}" for fid, g in gaps.items() if g)
        + " (dhanteras/akshaya-tritiya: no published list found for those years; buddha-purnima: "
        "see below). Row counts: " + ", ".join(f"{k} {v}" for k, v in counts.items()) + ".",
        "Values replaced (kept / package): " + "; ".join(
            f"{fid} {y}: {d} ({', '.join(s)}) / {pkg_date(TABLES[fid], y)}: {why}"
            for (fid, y), (d, s, why) in OVERRIDES.items())
        + ". Dropped: " + "; ".join(f"{fid} {y} (package {pkg_date(TABLES[fid], y)}): {why}"
                                     for (fid, y), why in DROP.items()) + ".",
        "Other disagreements between published sources, and the value kept: " + " ".join(NOTES),
        "Cross-check (not a source): every row is compared with an independent simplified "
        "reckoning (reckon.py: Skyfield + DE440, Lahiri amanta months, New Delhi sunrise/sunset, "
        "karmakala windows of SPEC.md section 5, no Bhadra rule); the script aborts if a kept date "
        "is more than one day from it (onam exempt: the reckoning's Thiruvonam rule is crude). "
        "Rows that differ by one day (kept/reckoned): " + "; ".join(
            f"{fid}: {' '.join(v)}" for fid, v in diffs.items())
        + ". Most of these are rule differences, not errors: janmashtami (the package follows the "
        "Vaishnava/ISKCON day, usually the day after the Smarta nishita day), chhath-puja, "
        "govardhan-puja (Drik uses Pratipada in the morning or evening), vaisakhi (kept on the "
        "civil day of Mesha Sankranti even when it falls after sunset), raksha-bandhan and "
        "holika-dahan (Bhadra rule), pongal (Tamil sunset rule).",
        "Regenerate: python3 -m pip install -r tests/generators/hindu/requirements.txt && "
        "python3 tests/generators/hindu/india.py",
    ]
    out = sorted((d, fid) for (fid, _), (d, _) in rows.items())
    write_csv("india.csv", header, "id,date", [f"{fid},{d}" for d, fid in out])


if __name__ == "__main__":
    main()
