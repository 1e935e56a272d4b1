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
    ("jalaram-jayanti", "start", "2009-10-25",
     "DeshGujarat, 25 October 2009 (deshgujarat.com/2009/10/25/jalaram-jayantis-big-celebration-"
     "at-virpurdownload-aarti): Jalaram Bapa's 210th birth anniversary 'is being celebrated "
     "today' across Saurashtra, about 2 lakh people at Virpur"),
    ("jalaram-jayanti", "start", "2024-11-08",
     "Pratap Darpan (Gujarati), 2024 (pratapdarpan.in): the 225th birth anniversary of "
     "Jalaram Bapa celebrated at Virpur on 8 November"),
    ("jalaram-jayanti", "start", "2025-10-29",
     "Gujarat Samachar (Gujarati; gujaratsamachar.com/news/gujarat/a-procession-will-be-taken-"
     "out-in-viramgam-on-the-226th-birth-anniversary-of-jalaram-bapa): the 226th Jalaram "
     "Jayanti (so 2025) kept at Viramgam's Jalaram temple on Wednesday, which in that week is "
     "29 October 2025"),
    ("kali-chaudas", "start", "2017-10-18",
     "drikpanchang.com, '2017 Kali Chaudas date and Puja time for Ujjain' (diwali/kali-chaudas/"
     "kali-chaudas-date-time.html?year=2017): Nishita puja 23:46 to 24:37+, the Chaturdashi "
     "from 00:08 on 18 October to 00:13 on 19 October, so the night of 18 October"),
    ("kali-chaudas", "start", "2023-11-11",
     "LatestLY, 2023 ('Kali Chaudas 2023 Date in Diwali Week'): Kali Chaudas on "
     "Saturday 11 November, muhurat 22:58 to 23:50, the Chaturdashi from 13:57 on 11 November "
     "to 14:44 on 12 November"),
    ("kali-chaudas", "start", "2024-10-30",
     "miamitv.co (kali-chaudas.html): 'Kali Chaudas 2024 is on October 30 Wednesday', Nishita "
     "puja 23:45 to 00:36 at Ujjain, the Chaturdashi from 13:16 on 30 October to 15:53 on 31 "
     "October"),
    ("kali-chaudas", "start", "2025-10-19",
     "The Economic Times, 19 October 2025 ('Horoscope Today, October 19, 2025: Naraka "
     "Chaturdashi Auspicious Timings', listed at economictimes.indiatimes.com/topic/kali-"
     "chaudas): Kali Chaudas / Naraka Chaturdashi 2025 on 19 October"),
    ("ahoi-ashtami", "start", "2019-10-21",
     "News18, October 2019 ('Ahoi Ashtami 2019: Date, Time and Significance'): Ahoi Ashtami on "
     "Monday 21 October, the Ashtami from 11:09 on 21 October to 09:10 on 22 October, puja "
     "17:42 to 19:02"),
    ("ahoi-ashtami", "start", "2020-11-08",
     "India Today, 8 November 2020 (after drikpanchang.com): the Ahoi Ashtami fast on Sunday 8 "
     "November, the Ashtami from 07:29 on 8 November to 06:50 on 9 November, puja 17:31 to "
     "18:50"),
    ("ahoi-ashtami", "start", "2022-10-17",
     "India Today, 16 October 2022: Ahoi Ashtami on Monday 17 October 2022, the Ashtami from "
     "09:29 on 17 October to 11:57 on 18 October; Jagran English, 13 October 2022 (after Drik "
     "Panchang): the same"),
    ("ahoi-ashtami", "start", "2023-11-05",
     "Zee News, 2023: Ahoi Ashtami on 5 November, the Ashtami from 00:59 on 5 November "
     "to 03:18 on 6 November; India TV, 4 November 2023: the fast on 5 November by the udaya "
     "tithi"),
    ("parkash-guru-granth-sahib", "start", "2019-08-31",
     "Hindustan Times (ANI), 1 September 2019 ('Golden Temple illuminates on 415th anniversary "
     "of Shri Guru Granth Sahib Parkash Parv'): the Golden Temple illuminated 'on Saturday' (31 "
     "August 2019), a procession from Gurdwara Ramsar"),
    ("parkash-guru-granth-sahib", "start", "2022-08-28",
     "The Tribune, 28 August 2022 (tribuneindia.com/news/punjab/parkash-purb-of-sri-guru-granth-"
     "sahib-celebrated-with-devotion-in-amritsar-426249): the 418th first Parkash Purb, the "
     "nagar kirtan from Gurdwara Ramsar Sahib to the Golden Temple 'today' with the SGPC "
     "president; The Tribune (Amritsar), 29 August 2022: celebrated on Sunday"),
    ("parkash-guru-granth-sahib", "start", "2024-09-04",
     "GNT (gnttv.com, India Today group), 4 September 2024 (video 1086047-2024-09-04): the "
     "420th Prakash Utsav of Guru Granth Sahib celebrated 'today' in Amritsar with a nagar "
     "kirtan"),
    ("parkash-guru-granth-sahib", "start", "2025-08-24",
     "Government of Punjab holidays 2025 as reported by Punjab Sarokar News "
     "(punjabsarokarnews.com/news/3037): restricted holiday on 24 August, First Parkash Purab "
     "of Guru Granth Sahib Ji (gazetted: Martyrdom Day of Guru Tegh Bahadur Ji on 25 November)"),
    ("martyrdom-guru-tegh-bahadur", "start", "2018-12-12",
     "ANI via Business Standard, 31 December 2017: the Punjab government made 12 December 2018 "
     "a gazetted holiday for the martyrdom day of Guru Teg Bahadur"),
    ("martyrdom-guru-tegh-bahadur", "start", "2022-11-28",
     "LatestLY, 28 November 2022: Prime Minister Narendra Modi's tweet of 28 November 2022 "
     "paying homage to Guru Teg Bahadur 'on the day his martyrdom'"),
    ("martyrdom-guru-tegh-bahadur", "start", "2023-12-17",
     "Nagpur Today, 2023: Shri Kalgidhar Satsang Mandal, Jaripatka, keeps the 348th "
     "martyrdom day on Sunday 17 December 2023, 'the equivalent English date' of Maghar Sudi 5"),
    ("martyrdom-guru-tegh-bahadur", "start", "2024-12-06",
     "Sakshi Post, 2 December 2024: the Punjab government's public holiday for the martyrdom "
     "day of Guru Teg Bahadur on Friday 6 December (Chandigarh too); Nagpur Today, 3 December "
     "2024: Maghar Sudi 5 falls on Friday 6 December 2024"),
    ("mahavir-nirvana", "start", "2012-11-13",
     "The Times of India, Lucknow, 13 November 2012 (as reproduced by jainheritagecentres.com): "
     "on the festival of lights, Mahavir's moksha day, Jain temples in the city saw devotees "
     "offering laddoos"),
    ("mahavir-nirvana", "start", "2020-11-15",
     "Webdunia Hindi, November 2020 (hindi.webdunia.com/jain-religion/mahavir-nirvan-diwas-"
     "2020-120110900074_1.html): Diwali on Saturday 14 November; the nirvan laddu offered in "
     "Jain temples on 15 November"),
    ("mahavir-nirvana", "start", "2022-10-24",
     "Jain Society of Metropolitan Chicago (jsmconline.org/event.php?2448): Shree Mahavir Swami "
     "Nirvan Kalyanak celebration on Monday 24 October 2022, 06:00 to 08:30"),
    ("mahavir-nirvana", "start", "2022-10-25",
     "Shreephal Jain News (Indore; shreephaljainnews.com/jain-samaj-dipawali), 2022: "
     "Digambar texts need the Amavasya at sunrise for the nirvan laddu, so it is offered on "
     "Tuesday 25 October (Digambar Jain Samaj, Guwahati)"),
    ("mahavir-nirvana", "start", "2023-11-12",
     "Mid-day (Sunday Mid-day), Mumbai, 12 November 2023 ('Moksha on their mind'): the Hindu "
     "lunar calendar and the Jain panchang both put Diwali and Dipalika on the same day, 'this "
     "year, it's November 12'"),
    ("mahavir-nirvana", "start", "2023-11-13",
     "Suprabhat News (Ajmer), 2023 (suprabhatnews.com/2550th-nirvana-mahamahotsav-of-"
     "lord-mahavir-will-be-celebrated-with-pomp-in-ajmer): the Digambar Jain Samaj of Ajmer "
     "keeps the 2550th nirvana mahotsav, with the nirvan laddu, on Kartika Krishna Amavasya, 13 "
     "November; pandit.com, 'Jain Important Festivals 2023': Mahavir Nirvana 13 November"),
    ("mahavir-nirvana", "start", "2024-11-01",
     "IANS via eindia.news (eindia.news/?p=34463), November 2024: Jains observed Moksha "
     "Kalyanak 'on Friday' (1 November 2024), the nirvan ladoo in the morning, after the Bihar "
     "government's Pavapuri festival from 30 October; AIMA Media (Dhargaon), November 2024: "
     "Diwali on 31 October, the nirvan laddu on 1 November by the Jain calendar"),
    ("mahavir-nirvana", "start", "2025-10-21",
     "Patrika (Sagar), 17 October 2025: the 2552nd nirvan mahotsav on 21 October, laddus "
     "offered across the country that day; Hindustan (Bijnor), 22 October 2025: the nirvan "
     "kalyanak kept in the morning at the Digambar Jain temple"),
    ("jain-new-year", "start", "2021-11-05",
     "Asianet News Hindi (Ujjain), 5 November 2021: the Jain new year, Vira Nirvana Samvat "
     "2548, on Kartika Shukla Pratipada, Friday 5 November"),
    ("jain-new-year", "start", "2022-10-25",
     "jainsant.com, 24 October 2022 (Rajasthan Jain Yuva Mahasabha, Jaipur): Vira Nirvana "
     "Samvat 2549 begins on Kartika Krishna Amavasya, 25 October"),
    ("jain-new-year", "start", "2023-11-14",
     "pandit.com, 'Jain Important Festivals 2023': Mahavir Nirvana 13 November, Jain Samvat "
     "start 14 November 2023"),
    ("jain-new-year", "start", "2024-11-01",
     "AppNews (Indore), 2024: Vira Nirvana Samvat 2551 began on Kartika Krishna "
     "Amavasya, 1 November, Samvat 2550 having ended on 31 October"),
    ("jain-new-year", "start", "2024-11-02",
     "IANS via eindia.news (eindia.news/?p=34463), November 2024: 'Saturday' (2 November 2024) "
     "is the first day of the Vira Nirvana Samvat, its 2551st year"),
    ("jain-new-year", "start", "2025-10-22",
     "Jain Gazette (jaingazette.com), October 2025 (Rajasthan Jain Yuva Mahasabha, Jaipur): "
     "Vira Nirvana Samvat 2552 began on Kartika Shukla Pratipada, Wednesday 22 October 2025, "
     "after the nirvan laddu; Samvat 2551 ended on the Amavasya, Tuesday 21 October"),
    ("great-lent", "start", "2017-02-27",
     "The Odyssey Online, 2017 ('What Is Kathara Deftera?'): 'This year, Clean Monday falls on "
     "Monday, February 27th, 2017'"),
    ("great-lent", "start", "2018-02-19",
     "python-holidays (MIT; now github.com/vacanza/holidays), tests/countries/test_greece.py "
     "at commit 0b4656bd, test_gr_clean_monday: Greece's Clean Monday (Kathara Deftera) public "
     "holiday 2018-2024 entered by hand: 2018-02-19"),
    ("great-lent", "start", "2019-03-11", "the same test table: 2019-03-11"),
    ("great-lent", "start", "2020-03-02", "the same test table: 2020-03-02"),
    ("great-lent", "start", "2021-03-15", "the same test table: 2021-03-15"),
    ("great-lent", "start", "2022-03-07", "the same test table: 2022-03-07"),
    ("great-lent", "start", "2023-02-27", "the same test table: 2023-02-27"),
    ("great-lent", "start", "2024-03-18",
     "Athens Times, 2024 ('Holidays 2024: When Clean Monday and Easter fall'): Clean Monday on "
     "18 March 2024, Easter on 5 May (the test table above: 2024-03-18)"),
    ("great-lent", "start", "2025-03-03",
     "Pagenews via inewsgr.com, 3 March 2025: Clean Monday, the first day of Great Lent, 'falls "
     "on March 3 this year' (Easter on 20 April)"),
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
