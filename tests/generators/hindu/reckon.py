"""An independent, simplified Drik-style reckoning of the festival days in india.csv.

Used only as a CROSS-CHECK of the published dates (india.py reports every year in which a published
date differs from it); it never supplies a value to the golden files.  Rules (SPEC.md section 5):
amanta months named by the Lahiri-sidereal sign of the Sun at the new moon that starts the lunation
(Mina -> Chaitra ... Kumbha -> Phalguna); a lunation without a sankranti is adhika and the festival
is kept in the following nija month; the festival day is the civil day (New Delhi, IST) on which
the tithi overlaps its karmakala window most (point windows: the tithi must prevail at that
instant; if two days qualify the earlier is taken; if none, the civil day -- sunrise to sunrise --
holding most of the tithi).  Windows: sunrise; purvahna = sunrise..midday; madhyahna = 3rd fifth
of daytime; aparahna = 4th fifth; pradosh = sunset..sunset+144 min; nishita = 8th of 15 night
muhurtas; sunset; moonrise.  Sankranti days: the civil day of the ingress if it is before sunset,
else the next day.  Onam: the day whose sunrise falls in Shravana (Thiruvonam) nakshatra
(Moon's sidereal longitude 280..293.33 deg) while the Sun is in sidereal Simha.  Holi is the day
after Holika Dahan.  No Bhadra rule, no regional variant.
"""
import bisect
import datetime as dt
import functools

import numpy as np
from skyfield import almanac
from skyfield.api import wgs84
from skyfield.searchlib import find_discrete

import hindu_astro as ha

MONTHS = ["chaitra", "vaishakha", "jyeshtha", "ashadha", "shravana", "bhadrapada", "ashvina",
          "kartika", "margashirsha", "pausha", "magha", "phalguna"]
K = 15  # add to a Krishna-paksha tithi number

# id: (amanta month, tithi 1..30, window)
LUNAR = {
    "diwali": ("ashvina", 30, "pradosh"),
    "dhanteras": ("ashvina", K + 13, "pradosh"),
    "govardhan-puja": ("kartika", 1, "sunrise"),
    "bhai-dooj": ("kartika", 2, "aparahna"),
    "holika-dahan": ("phalguna", 15, "pradosh"),
    "maha-shivaratri": ("magha", K + 14, "nishita"),
    "raksha-bandhan": ("shravana", 15, "aparahna"),
    "janmashtami": ("shravana", K + 8, "nishita"),
    "ganesh-chaturthi": ("bhadrapada", 4, "madhyahna"),
    "ram-navami": ("chaitra", 9, "madhyahna"),
    "navaratri": ("ashvina", 1, "sunrise"),
    "dussehra": ("ashvina", 10, "aparahna"),
    "karva-chauth": ("ashvina", K + 4, "moonrise"),
    "vasant-panchami": ("magha", 5, "purvahna"),
    "ugadi": ("chaitra", 1, "sunrise"),
    "hanuman-jayanti": ("chaitra", 15, "sunrise"),
    "akshaya-tritiya": ("vaishakha", 3, "purvahna"),
    "chhath-puja": ("kartika", 6, "sunset"),
    "guru-nanak-gurpurab": ("kartika", 15, "sunrise"),
    "mahavir-jayanti": ("chaitra", 13, "sunrise"),
    "buddha-purnima": ("vaishakha", 15, "sunrise"),
}
SOLAR = {"makar-sankranti": 9, "pongal": 9, "vaisakhi": 0}
IDS = list(LUNAR) + ["holi"] + list(SOLAR) + ["onam"]


class Reckoner:
    def __init__(self, y0, y1, lat=ha.DELHI[0], lon=ha.DELHI[1], tz=ha.IST):
        self.ts, self.eph = ha.sky()
        self.tz = tz
        ts = self.ts
        start, end = ts.utc(y0 - 1, 10, 1), ts.utc(y1 + 1, 3, 1)
        rises, sets = ha.rise_set(lat, lon, start, end)
        self.rise = [t.utc_datetime() for t in rises]
        self.set = [t.utc_datetime() for t in sets]
        obs = self.eph["earth"] + wgs84.latlon(lat, lon)
        mr, ok = almanac.find_risings(obs, self.eph["moon"], start, end)
        self.moonrise = [t.utc_datetime() for t, o in zip(mr, ok) if o]
        # every tithi boundary in the span, once; new moons are the boundaries into tithi 1
        changes = ha.tithi_changes(start, end)
        self.ch_k = [k for k, _ in changes]
        self.ch_t = [t.utc_datetime() for _, t in changes]
        nm = [t for k, t in changes if k == 1]
        signs = [int(ha.sidereal_sun_lon(t) // 30) for t in nm]
        self.lunations = []  # (start utc, end utc, month name, adhika)
        for i in range(len(nm) - 1):
            adhika = signs[i] == signs[i + 1]
            self.lunations.append((nm[i], nm[i + 1], MONTHS[(signs[i] + 1) % 12], adhika))
        self.sank = {(t.utc_datetime().year, s): t.utc_datetime()
                     for s, t in ha.sankrantis(y0 - 1, y1 + 1)}

    def local_date(self, u):
        return u.astimezone(self.tz).date()

    def day_of(self, events, date):
        """The event (UTC datetime) whose local date is `date`."""
        for e in events[bisect.bisect_left(events, dt.datetime.combine(
                date - dt.timedelta(days=1), dt.time(), self.tz)):]:
            d = self.local_date(e)
            if d == date:
                return e
            if d > date:
                return None
        return None

    def window(self, date, kind):
        sr = self.day_of(self.rise, date)
        ss = self.day_of(self.set, date)
        sr2 = self.day_of(self.rise, date + dt.timedelta(days=1))
        day = ss - sr
        if kind == "sunrise":
            return sr, sr
        if kind == "sunset":
            return ss, ss
        if kind == "purvahna":
            return sr, sr + day / 2
        if kind == "madhyahna":
            return sr + day * 2 / 5, sr + day * 3 / 5
        if kind == "aparahna":
            return sr + day * 3 / 5, sr + day * 4 / 5
        if kind == "pradosh":
            return ss, ss + dt.timedelta(minutes=144)
        if kind == "nishita":
            night = sr2 - ss
            return ss + night * 7 / 15, ss + night * 8 / 15
        if kind == "moonrise":
            i = bisect.bisect_left(self.moonrise, sr)
            m = self.moonrise[i]
            return (m, m) if m < sr2 else (None, None)
        raise ValueError(kind)

    def tithi_interval(self, lun, tithi):
        """[start, end) (UTC datetimes) of tithi 1..30 of the lunation; None if it is skipped."""
        s = lun[0].utc_datetime()
        i = bisect.bisect_left(self.ch_t, s - dt.timedelta(seconds=1))
        assert self.ch_k[i] == 1
        a = None
        for j in range(i, i + 31):
            if self.ch_k[j] == tithi:
                a = self.ch_t[j]
                return a, self.ch_t[j + 1]
        raise ValueError("tithi %d not found" % tithi)

    def pick(self, a, b, kind):
        d = self.local_date(a) - dt.timedelta(days=1)
        best = None
        cands = []
        while d <= self.local_date(b) + dt.timedelta(days=1):
            w0, w1 = self.window(d, kind)
            if w0 is not None:
                if w0 == w1:
                    ov = 1.0 if a <= w0 < b else 0.0
                else:
                    ov = max(0.0, (min(w1, b) - max(w0, a)).total_seconds())
                cands.append((ov, d))
            d += dt.timedelta(days=1)
        pos = [c for c in cands if c[0] > 0]
        if pos:
            m = max(c[0] for c in pos)
            return min(d for ov, d in pos if ov == m)
        # fallback: civil day (sunrise to sunrise) holding most of the tithi
        best = None
        for _, d in cands:
            s0, _ = self.window(d, "sunrise")
            s1, _ = self.window(d + dt.timedelta(days=1), "sunrise")
            ov = max(0.0, (min(s1, b) - max(s0, a)).total_seconds())
            if best is None or ov > best[0]:
                best = (ov, d)
        return best[1]

    @functools.lru_cache(maxsize=None)
    def _lunar_all(self, fid):
        month, tithi, kind = LUNAR[fid]
        out = {}
        for lun in self.lunations:
            if lun[2] != month or lun[3]:
                continue
            a, b = self.tithi_interval(lun, tithi)
            d = self.pick(a, b, kind)
            out.setdefault(d.year, []).append(d)
        return out

    def lunar(self, fid, year):
        return self._lunar_all(fid).get(year, [])

    def solar(self, fid, year):
        u = self.sank[(year, SOLAR[fid])]
        d = self.local_date(u)
        ss = self.day_of(self.set, d)
        return [d if u < ss else d + dt.timedelta(days=1)]

    def onam(self, year):
        out = []
        d = dt.date(year, 8, 1)
        while d < dt.date(year, 10, 1):
            sr = self.day_of(self.rise, d)
            t = self.ts.from_datetime(sr)
            sun = ha.sidereal_sun_lon(t)
            moon = (ha.moon_lon(t) - ha.true_ayanamsa_deg(t)) % 360
            if 120 <= sun < 150 and 280 <= moon < 280 + 40 / 3:
                out.append(d)
            d += dt.timedelta(days=1)
        return out

    def festival(self, fid, year):
        if fid in LUNAR:
            return self.lunar(fid, year)
        if fid == "holi":
            return [d + dt.timedelta(days=1) for d in self.lunar("holika-dahan", year)]
        if fid in SOLAR:
            return self.solar(fid, year)
        if fid == "onam":
            return self.onam(year)
        raise KeyError(fid)
