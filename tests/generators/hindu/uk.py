#!/usr/bin/env python3
"""Generate tests/golden/hindu/uk.csv: dates published by UK Hindu, Sikh and Jain organisations
(and a few UK public bodies reporting their events), one row per (id, date, source).

The data are transcribed by hand from the stored copies of the pages cited in SOURCES (found with
the search tool); nothing is computed.  The script only validates, sorts, compares each row with
india.csv and writes the header.

Run: python3 tests/generators/hindu/uk.py   (after india.py)
"""
import csv
import datetime as dt
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import OUT_DIR, write_csv  # noqa: E402

SOURCES = {
    "baps-neasden": "BAPS Shri Swaminarayan Mandir, Neasden, London: event pages "
                    "londonmandir.baps.org/forthcoming-events/diwali-2012/ (Diwali Tuesday 13 November "
                    "2012), .../diwali-2013/ (Sunday 3 November 2013), news "
                    "londonmandir.baps.org/2018/11/hindu-new-year-celebrations-6 (Hindu New Year/Annakut "
                    "8 November 2018), baps.org/News/2024/Diwali--Annakut-Celebrations-2024-27220.aspx "
                    "(Diwali Thursday 31 October 2024, Hindu New Year/Annakut Saturday 2 November 2024); "
                    "reports of the Mandir's celebrations: Asian Voice (Diwali Sunday 30 October 2016, "
                    "New Year Monday 31 October 2016) and Eastern Eye 2019 (Diwali Sunday 27 October, New "
                    "Year Monday 28 October 2019). Annakut / Hindu New Year is recorded as govardhan-puja "
                    "(Kartika Shukla Pratipada).",
    "leicester": "Leicester's Diwali Day (Leicester City Council with the Leicester Hindu Festival "
                 "Council), as reported by BBC News 2016-10-31 ('on Sunday evening', 30 October 2016), "
                 "Eastern Eye 2021 quoting the council ('Diwali Day festivities' on 4 November 2021) and "
                 "ITV News Central 2022-10-24 ('Monday 24 October is Diwali day').",
    "wmhf": "wmhf.org.uk 'Hindu Festivals' page (West Midlands Hindu forum site): 'In Britain the most "
            "popular dates include' Holi 25 Mar 2024, Raksha Bandhan 19 Aug 2024, Janmashtami 26 Aug "
            "2024, Navaratri 3-12 Oct 2024, Diwali 1 Nov 2024.",
    "avanti": "Avanti Schools Trust (Hindu-faith schools), Avanti Fields School message 2020-08-11: "
              "Janmashtami 'falling on Wednesday 12th August 2020'.",
    "reonline": "RE Online (reonline.org.uk, UK religious-education resource of Culham St Gabriel's), "
                "Hindu festival entry: Navaratri '11th - 20th October 2026'.",
    "sgss-southall": "Gurdwara Sri Guru Singh Sabha Southall, as reported by British Asia News "
                     "2019-11-13: Guru Nanak's 550th Gurpurab 'Tuesday, 12th November'.",
    "gravesend-gndg": "Guru Nanak Darbar Gurdwara, Gravesend: Bandi Chhor Divas and Diwali celebrations "
                      "on Sunday 27 October 2019 (Gravesend Reporter), Sunday 12 November 2023 (Des "
                      "Pardes Weekly; also Bracknell Forest Council 2023: 'Bandi Chor Diwas is on Sunday, "
                      "12 November'), and Friday 1 November 2024 (KentOnline 2024-10-31: Diwali 'today "
                      "(October 31), though some may be observing it tomorrow'; celebrations inside the "
                      "gurdwara 'on Friday').",
    "jsm-manchester": "Jain Samaj Manchester: Paryushan Parva 2018 event page (Thursday 6 - Friday 14 "
                      "September 2018, Samvatsari 13 September) and its 2014 report via jainology.org "
                      "(22 - 29 August 2014).",
    "oshwal-nw": "Oshwal Association of the UK, North West Area (Harrow): Paryushan 22 - 29 August 2006 "
                 "(herenow4u.net report).",
    "mahavir-foundation": "Mahavir Foundation, Kenton, London: Paryushan 2025 programme, Wednesday 20 - "
                          "Wednesday 27 August 2025 (Samvatsari 27 August).",
}

ROWS = [
    ("diwali", "2012-11-13", "baps-neasden"),
    ("diwali", "2013-11-03", "baps-neasden"),
    ("diwali", "2016-10-30", "baps-neasden"),
    ("govardhan-puja", "2016-10-31", "baps-neasden"),
    ("diwali", "2016-10-30", "leicester"),
    ("govardhan-puja", "2018-11-08", "baps-neasden"),
    ("diwali", "2019-10-27", "baps-neasden"),
    ("govardhan-puja", "2019-10-28", "baps-neasden"),
    ("bandi-chhor-divas", "2019-10-27", "gravesend-gndg"),
    ("guru-nanak-gurpurab", "2019-11-12", "sgss-southall"),
    ("janmashtami", "2020-08-12", "avanti"),
    ("diwali", "2021-11-04", "leicester"),
    ("diwali", "2022-10-24", "leicester"),
    ("bandi-chhor-divas", "2023-11-12", "gravesend-gndg"),
    ("holi", "2024-03-25", "wmhf"),
    ("raksha-bandhan", "2024-08-19", "wmhf"),
    ("janmashtami", "2024-08-26", "wmhf"),
    ("navaratri", "2024-10-03", "wmhf"),
    ("diwali", "2024-10-31", "baps-neasden"),
    ("diwali", "2024-11-01", "wmhf"),
    ("bandi-chhor-divas", "2024-11-01", "gravesend-gndg"),
    ("govardhan-puja", "2024-11-02", "baps-neasden"),
    ("navaratri", "2026-10-11", "reonline"),
    ("paryushana", "2006-08-22", "oshwal-nw"),
    ("paryushana", "2014-08-22", "jsm-manchester"),
    ("paryushana", "2018-09-06", "jsm-manchester"),
    ("paryushana", "2025-08-20", "mahavir-foundation"),
]
# bandi-chhor-divas is Diwali for the comparison with India
SAME_AS = {"bandi-chhor-divas": "diwali"}


def main():
    india = {}
    with open(os.path.join(OUT_DIR, "india.csv")) as f:
        for r in csv.reader(line for line in f if not line.startswith("#")):
            if r[0] != "id":
                india.setdefault((r[0], r[1][:4]), r[1])
    cmp, differ = [], []
    for fid, d, src in ROWS:
        assert src in SOURCES, src
        dt.date.fromisoformat(d)
        ind = india.get((SAME_AS.get(fid, fid), d[:4]))
        if ind is None:
            continue
        (cmp if ind == d else differ).append(f"{fid} {d} ({src}; India {ind})")
    rows = sorted(set(ROWS), key=lambda r: (r[1], r[0], r[2]))
    header = [
        "Dates published by UK Hindu, Sikh and Jain organisations (and UK public bodies reporting "
        "their events) for the observances of OBSERVANCES.md: one row per (id, date, source); "
        "sorted by date, id, source. paryushana = first day of the (Shvetambara) Paryushan; "
        "bandi-chhor-divas = the Sikh observance on Diwali; govardhan-puja = Annakut / Hindu New "
        "Year (Kartika Shukla Pratipada). Transcribed by hand from stored copies of the pages below "
        "(found with a search tool in 2026); not computed.",
        "Sources (short name = citation): " + " ".join(f"{k} = {v}" for k, v in SOURCES.items()),
        f"Comparison with india.csv (same id and year): {len(cmp)} rows agree with the India "
        f"(New Delhi) date; {len(differ)} differ: " + ("; ".join(differ) or "none") + ". In 2024 "
        "the new moon (Amavasya) spanned 31 Oct - 1 Nov: BAPS Neasden kept 31 Oct (the India date) "
        "while wmhf.org.uk lists 1 Nov and the Gravesend gurdwara held Bandi Chhor Divas on 1 Nov "
        "(KentOnline noted 'some may be observing it tomorrow'): both days are published UK "
        "dates, so both rows are kept.",
        "Not found (no dated UK-organisation source in the stored pages): dhanteras, bhai-dooj, "
        "holika-dahan, maha-shivaratri, ganesh-chaturthi, ram-navami, dussehra, karva-chauth, "
        "vasant-panchami, makar-sankranti, pongal, ugadi, hanuman-jayanti, akshaya-tritiya, "
        "chhath-puja, onam, mahavir-jayanti (the Institute of Jainology's annual Mahavir Janma "
        "Kalyanak at the House of Commons, e.g. 24 April 2024, is an event, not the festival day), "
        "buddha-purnima, and vaisakhi (Sikh Council UK and UK gurdwaras follow the Nanakshahi "
        "calendar, Vaisakh 1 = 14 April every year, but no dated page was found). Sources "
        "rejected: ritualroots.co.uk (gives Guru Nanak Jayanti 2025 in the UK as 24 November, the "
        "Guru Tegh Bahadur martyrdom day); iptu.co.uk (dates and weekdays of different years "
        "mixed); Bhaktivedanta Manor Janmashtami festival weekends (28-30 Aug 2021, 25-26 Aug "
        "2024) are public events held on bank-holiday weekends, not the festival day.",
        "Regenerate: python3 tests/generators/hindu/india.py && python3 tests/generators/hindu/uk.py",
    ]
    write_csv("uk.csv", header, "id,date,source", [",".join(r) for r in rows])


if __name__ == "__main__":
    main()
