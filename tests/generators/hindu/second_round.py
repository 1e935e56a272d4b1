#!/usr/bin/env python3
"""Generate tests/golden/hindu/second-round.csv: published dates of the Hindu, Sikh and Jain
observances added in issue 20 (the second round of OBSERVANCES.md), one row per (id, date).

Sources (a key per row, explained in the header):
  HP  the `holidays` PyPI package (pinned, MIT; github.com/vacanza/holidays), the per-year
      tables of holidays.calendars.hindu._HinduLunisolar (India, taken from timeanddate.com,
      drikpanchang.com and Government of India lists, as cited in that file), 2001..=2035;
  PRESS dated reports, each cited below (the SGPC's own calendar, Indian press).
`part` says which day of our occurrence the published date is: `start` or `end`.

Run: python3 tests/generators/hindu/second_round.py
"""
import datetime as dt
import os
import sys

from holidays.calendars.hindu import _HinduLunisolar as H
from holidays.calendars.sinhala import _SinhalaLunar as SL
from holidays.calendars.thai import _ThaiLunisolar as TH
from holidays.calendars.tibetan import _TibetanLunisolar as BT

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import write_csv  # noqa: E402

Y0, Y1 = 2001, 2035
HOLIDAYS_VERSION = "0.109"

# id, part <- holidays table (attribute <NAME>_DATES)
TABLES = [
    ("gujarati-new-year", "start", "VIKRAM_SAMVAT_NEW_YEAR"),
    ("maha-navami", "start", "MAHA_NAVAMI"),
    ("navaratri", "end", "MAHA_NAVAMI"),
    ("chaitra-navaratri", "start", "CHAITRA_NAVRATRI"),
    ("guru-purnima", "start", "GURU_PURNIMA"),
    ("ratha-yatra", "start", "RATH_YATRA"),
    ("anant-chaturdashi", "start", "ANANT_CHATURDASHI"),
    ("das-lakshana", "end", "ANANT_CHATURDASHI"),
    ("pitru-paksha", "end", "PITRA_MOKSH_AMAVASYA"),
    ("mahalaya-amavasya", "start", "PITRA_MOKSH_AMAVASYA"),
    ("martyrdom-guru-arjan-dev", "start", "GURU_ARJUN_DEV_MARTYRDOM"),
    ("pongal", "start", "PONGAL"),
    # Added later in issue 20.
    ("hola-mohalla", "end", "HOLA_MOHOLLA"),
    ("nag-panchami", "start", "NAAG_PANCHAMI"),
    ("nirjala-ekadashi", "start", "NIRJALA_EKADASHI"),
    ("hartalika-teej", "start", "HARTALIKA_TEEJ"),
    ("kartik-purnima", "start", "DEV_DIWALI"),
    ("vishu", "start", "VISHU"),
    ("puthandu", "start", "PUTHANDU"),
    ("pohela-boishakh", "start", "POHELA_BOISHAKH"),
    # Added with the golden data for the rest of issue 20: Maghi (1 Magh) is the day of the
    # Makara sankranti.
    ("maghi", "start", "MAKAR_SANKRANTI"),
]
# id, part, days after the date <- holidays table: the package's own derived holidays
# (holidays/groups/hindu.py): Lohri, the eve of Makar Sankranti (_add_lohri, listed by the
# package for Punjab, e.g. as its optional holiday of 2020-2022 and 2024).
DERIVED = [
    ("lohri", "start", -1, "MAKAR_SANKRANTI"),
]
# Buddhist observances (issue 20) against other countries' published calendars:
# id, part <- Sri Lanka's Poya table (holidays.calendars.sinhala._SinhalaLunar, <NAME>_DATES)
SINHALA = [
    ("magha-puja", "start", "NAWAM_POYA"),
    ("poson", "start", "POSON_POYA"),
    ("asalha-puja", "start", "ESALA_POYA"),
    ("pavarana", "start", "VAP_POYA"),
    ("kathina", "end", "IL_POYA"),
]
# id, part <- Thailand's lunar calendar (holidays.calendars.thai._ThaiLunisolar, <name>_date)
THAI = [
    ("magha-puja", "start", "makha_bucha"),
    ("asalha-puja", "start", "asarnha_bucha"),
    ("vassa", "start", "khao_phansa"),
    ("vassa", "end", "ok_phansa"),
    ("pavarana", "start", "ok_phansa"),
    ("kathina", "end", "loy_krathong"),
]
PRESS = [  # id, part, date, source
    ("bandi-chhor-divas", "start", "2024-11-01",
     "SGPC Nanakshahi calendar Samvat 556 as reported by garimatimes.in ('Bandi Chhor Divas "
     "will be celebrated on 1st November at Sri Darbar Sahib'; Diwali holiday 31 October)"),
    ("bandi-chhor-divas", "start", "2025-10-21",
     "IANS, 20 October 2025 (thehawk.in): religious organisations observe it on 21 October, "
     "the Punjab government's Diwali holiday on 20 October"),
    ("bandi-chhor-divas", "start", "2022-10-24",
     "ETV Bharat, 24 October 2022: Diwali and Bandi Chhor Divas at the Golden Temple, SGPC "
     "member's greetings"),
    ("hola-mohalla", "end", "2021-03-29",
     "Amar Ujala video report (wideo.ovh/video/x805msr): the mohalla (procession) at "
     "Anandpur Sahib on 29 March 2021"),
    ("hola-mohalla", "end", "2022-03-19",
     "The Tribune, 15 March 2022 (tribuneindia.com/news/punjab/hola-mohalla-kicks-off-377892):"
     " the festival concludes with the mohalla on 19 March"),
    ("martyrdom-guru-tegh-bahadur", "start", "2025-11-25",
     "The Indian Express, November 2025 ('From SGPC to RSS to Punjab government: nationwide "
     "observances to mark 350th martyrdom anniversary of Guru Tegh Bahadur'): the martyrdom "
     "day falls on 25 November; Delhi's public holiday on 25 November (MENAFN, 22 November "
     "2025)"),
    # Added with the golden data for the rest of issue 20.
    ("cheti-chand", "start", "2017-03-28",
     "Government of Gujarat, General Administration Department notification of 14 December "
     "2016, public holidays 2017 (as transcribed by geod.in): Chetichand 28 March 2017"),
    ("cheti-chand", "start", "2019-04-07",
     "astroscience.com, 'Cheti Chand, Jhulelal Jayanti, Sindhi New Year, 7 April 2019'"),
    ("cheti-chand", "start", "2021-04-13",
     "India Today, 13 April 2021 (after drikpanchang.com): Cheti Chand on Tuesday 13 April "
     "2021"),
    ("cheti-chand", "start", "2023-03-22",
     "LatestLY, 20 March 2023: Cheti Chand on Wednesday 22 March 2023"),
    ("cheti-chand", "start", "2024-04-10",
     "Government of Gujarat, public holidays 2024 (notification of 20 November 2023, as "
     "reported by Sanj Samachar and Webdunia Gujarati): Chetichand 10 April 2024"),
    ("parkash-guru-granth-sahib", "start", "2018-09-10",
     "LatestLY after The Tribune, Amritsar, 10 September 2018 (a Monday): the nagar kirtan "
     "of the first Parkash Purab from Gurdwara Ramsar to the Golden Temple"),
    ("parkash-guru-granth-sahib", "start", "2020-08-19",
     "ANI, 19 August 2020 (via LatestLY): nagar kirtan in Amritsar on the first Prakash Parv "
     "of Guru Granth Sahib 'today'"),
    ("parkash-guru-granth-sahib", "start", "2021-09-07",
     "The Statesman, 7 September 2021: the Prime Minister's greetings 'on Tuesday' on the "
     "Parkash Purab; SGPC's announcement of 6 September 2021 (Kaumimarg)"),
    ("parkash-guru-granth-sahib", "start", "2023-09-16",
     "The Tribune, 15 September 2023: the first Parkash Purb 'falls on September 16' (SGPC "
     "president and Akal Takht Jathedar)"),
    ("ahoi-ashtami", "start", "2021-10-28",
     "Jagran English, 26 October 2021 (New Delhi): Ahoi Ashtami on Thursday 28 October 2021"),
    ("ahoi-ashtami", "start", "2024-10-24",
     "FabHotels blog and GHdays.in: Ahoi Ashtami on Thursday 24 October 2024"),
    ("ahoi-ashtami", "start", "2025-10-13",
     "Live Hindustan, October 2025: the Ahoi Ashtami fast on 13 October (the Ashtami from "
     "00:24 on 13 October to 11:09 on 14 October)"),
    ("jalaram-jayanti", "start", "2016-11-07",
     "DeshGujarat, 7 November 2016: Virpur 'celebrating 217th birth anniversary of Jalaram "
     "Bapa today'"),
    ("jalaram-jayanti", "start", "2021-11-11",
     "Republic World, 11 November 2021: Jalaram Jayanti 'this year' on 11 November; "
     "DeshGujarat, 11 November 2021: Virpur celebrating the 222nd anniversary 'today on 11th "
     "November'"),
    ("jalaram-jayanti", "start", "2023-11-19",
     "eAstroHelp, 'Shri Jalaram Bapa Jayanti 2023': Sunday 19 November 2023"),
    ("radha-ashtami", "start", "2022-09-04",
     "Republic World, 3 September 2022: Radha Ashtami on 4 September 2022 (the Ashtami from "
     "12:28 on 3 September to 10:39 on 4 September); Punjab Alerts web story: Sunday 4 "
     "September 2022"),
    ("kali-chaudas", "start", "2021-11-03",
     "Free Press Journal, 2 November 2021 (after drikpanchang.com): Kali Chaudas on Wednesday "
     "3 November, the Chaturdashi from 09:02 on 3 November to 06:03 on 4 November, its muhurat "
     "at midnight; HinduPad (tag kali-chaudas-2021) the same"),
]


def main():
    rows = []
    for id_, part, table in TABLES:
        t = getattr(H, table + "_DATES")
        for y in range(Y0, Y1 + 1):
            if y in t:
                m, d = t[y]
                rows.append((dt.date(y, m, d).isoformat(), id_, part, "HP"))
    for id_, part, delta, table in DERIVED:
        t = getattr(H, table + "_DATES")
        for y in range(Y0, Y1 + 1):
            if y in t:
                m, d = t[y]
                day = dt.date(y, m, d) + dt.timedelta(days=delta)
                rows.append((day.isoformat(), id_, part, "HP"))
    for id_, part, table in SINHALA:
        t = getattr(SL, table + "_DATES")
        for y in range(Y0, Y1 + 1):
            if y in t:
                m, d = t[y]
                rows.append((dt.date(y, m, d).isoformat(), id_, part, "SL"))
    thai = TH()
    for id_, part, name in THAI:
        for y in range(Y0, Y1 + 1):
            d = getattr(thai, name + "_date")(y)
            if d is not None:
                rows.append((d.isoformat(), id_, part, "TH"))
    for y in range(Y0, Y1 + 1):
        if y in BT.LOSAR_DATES:
            m, d = BT.LOSAR_DATES[y]
            rows.append((dt.date(y, m, d).isoformat(), "losar", "start", "BT"))
    for i, (id_, part, date, _src) in enumerate(PRESS):
        rows.append((date, id_, part, f"PRESS{i + 1}"))
    rows.sort()
    header = [
        f"Published dates {Y0}..={Y1} of observances added in issue 20 (the second round): "
        "one row per (id, published date); part = which day of our occurrence it is (start "
        "or end). Sorted by date, then id.",
        f"HP = PyPI holidays {HOLIDAYS_VERSION} (MIT; github.com/vacanza/holidays), per-year "
        "tables in holidays/calendars/hindu.py (class _HinduLunisolar), which cite archived "
        "timeanddate.com, drikpanchang.com and Government of India pages (India, New Delhi). "
        "Mapping: " + "; ".join(f"{i} {p} <- {t}_DATES" for i, p, t in TABLES) + "; derived "
        "by the package (holidays/groups/hindu.py): "
        + "; ".join(f"{i} {p} <- {t}_DATES {d:+d} day" for i, p, d, t in DERIVED)
        + " (the package's Lohri, the eve of Makar Sankranti; its MAKAR_SANKRANTI_DATES cite "
        "timeanddate.com's Makar Sankranti page, so lohri and maghi are one source, not two).",
        "SL = the same package's Sri Lankan Poya tables (holidays/calendars/sinhala.py, class "
        "_SinhalaLunar, 2003-2026, from the Sri Lankan government's published holiday lists): "
        + "; ".join(f"{i} {p} <- {t}_DATES" for i, p, t in SINHALA) + ".",
        "TH = the same package's Thai lunar calendar (holidays/calendars/thai.py, class "
        "_ThaiLunisolar, computed by the Thai rules: 3rd/8th/11th/12th month full moons, the "
        "month later in an athikamat year): "
        + "; ".join(f"{i} {p} <- {t}_date" for i, p, t in THAI) + ".",
        "BT = the same package's Tibetan-calendar table as Bhutan keeps it (holidays/calendars/"
        "tibetan.py, class _TibetanLunisolar, LOSAR_DATES): losar start.",
        "PRESS keys: " + "; ".join(f"PRESS{i + 1} = {id_} {d}: {src}"
                                    for i, (id_, _p, d, src) in enumerate(PRESS)) + ".",
        "Regenerate: python3 -m pip install -r tests/generators/hindu/requirements.txt && "
        "python3 tests/generators/hindu/second_round.py",
    ]
    write_csv("second-round.csv", header, "id,date,part,source",
              [f"{i},{d},{p},{s}" for d, i, p, s in rows])


if __name__ == "__main__":
    main()
