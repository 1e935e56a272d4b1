#!/usr/bin/env python3
"""Generate tests/golden/sun/<place>.csv: daily sunrise/sunset in UTC.

Definition: sunrise/sunset is when the centre of the Sun is at -0.833 deg (-50')
altitude, i.e. the upper limb on the horizon with standard refraction, observer at
sea level.

Primary source: PyEphem (``ephem`` 4.2.1, MIT licence; libastro by Elwood Downey,
Python package by Brandon Rhodes).  Observer elevation 0, pressure 0 (no built-in
refraction), horizon '-0:50', ``use_center=True``.  For each UTC date the script
calls next_rising / next_setting from 00:00 UTC of that date and keeps the event
only if it falls on that date, otherwise writes ``none``.  If the Sun neither rises
nor sets during the UTC date, both fields are ``polar-day`` or ``polar-night``
(only expected at Tromso).  Times are rounded to the nearest second.

Checks (the script aborts on failure):
  * an independent scan of PyEphem's computed altitude (every 2 min at Tromso,
    10 min elsewhere) must find a crossing on that date exactly when an event is
    written, within one sampling step of it, and must agree on polar day/night;
  * astral 3.2 (Apache-2.0; NOAA solar calculator algorithm), evaluated with the
    same -0.833 deg definition (astral.sun.time_of_transit at zenith 90.833 deg,
    with_refraction=False): the maximum |difference| over all events found by both
    is reported in each header; it must be under 60 s except for grazing crossings
    (Sun's vertical speed < 1 arcmin/min: Tromso near polar day/night), where ephem
    must put the Sun within 60 arcsec of the horizon line at astral's instant.
    Events on which the two disagree (by date or by >= 60 s) are listed in the
    header as model-sensitive.

Run: python3 tests/generators/sun.py   (writes every file in tests/golden/sun/)
"""
import datetime as dt
import math
import os
import sys
import textwrap

import astral
import astral.sun
import ephem

PLACES = {  # name: (latitude, longitude) in degrees, east/north positive
    "leicester": (52.6369, -1.1398),
    "glasgow": (55.8642, -4.2518),
    "delhi": (28.6139, 77.2090),
    "new-york": (40.7128, -74.0060),
    "quito": (-0.1807, -78.4678),
    "cape-town": (-33.9249, 18.4241),
    "reykjavik": (64.1466, -21.9426),
    "tromso": (69.6492, 18.9553),
}
YEARS = {name: [2024, 2026] for name in PLACES}
YEARS["leicester"] = YEARS["delhi"] = [1950, 2024, 2026, 2100]
HORIZON_DEG = -50 / 60
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden", "sun")


def utc(d: dt.date) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day)


def observer(lat: float, lon: float) -> ephem.Observer:
    o = ephem.Observer()
    o.lat, o.lon = str(lat), str(lon)
    o.elevation = 0
    o.pressure = 0
    o.horizon = "-0:50"
    return o


def ephem_event(o: ephem.Observer, day: dt.date, rising: bool):
    """Datetime (UTC, naive) of the first rising/setting on `day`, or None."""
    o.date = ephem.Date(utc(day))
    fn = o.next_rising if rising else o.next_setting
    try:
        t = fn(ephem.Sun(), use_center=True).datetime()
    except (ephem.AlwaysUpError, ephem.NeverUpError):
        return None
    return t if t.date() == day else None


def altitude_scan(o: ephem.Observer, day: dt.date, step_min: int):
    """Altitudes (deg, minus horizon) of the Sun's centre sampled across the day."""
    sun = ephem.Sun()
    out = []
    for k in range(0, 24 * 60 + 1, step_min):
        t = utc(day) + dt.timedelta(minutes=k)
        o.date = ephem.Date(t)
        sun.compute(o)
        out.append((t, math.degrees(sun.alt) - HORIZON_DEG))
    return out


def first_crossing(scan, rising: bool):
    for (t0, a0), (t1, a1) in zip(scan, scan[1:]):
        if (a0 < 0 <= a1) if rising else (a0 >= 0 > a1):
            return t0, t1
    return None


def astral_event(lat: float, lon: float, day: dt.date, rising: bool):
    obs = astral.Observer(latitude=lat, longitude=lon, elevation=0.0)
    direction = astral.SunDirection.RISING if rising else astral.SunDirection.SETTING
    for d in (day - dt.timedelta(days=1), day, day + dt.timedelta(days=1)):
        try:
            t = astral.sun.time_of_transit(obs, d, 90.0 - HORIZON_DEG, direction,
                                           with_refraction=False)
        except ValueError:  # no crossing on that (solar) day
            continue
        t = t.replace(tzinfo=None)
        if t.date() == day:
            return t
    return None


def fmt(t: dt.datetime, day: dt.date) -> str:
    r = (t + dt.timedelta(microseconds=500_000)).replace(microsecond=0)
    assert r.date() == day, ("rounding crossed midnight", t)
    return r.strftime("%H:%M:%S")


def altitude(o: ephem.Observer, t: dt.datetime) -> float:
    o.date = ephem.Date(t)
    return math.degrees(ephem.Sun(o).alt)


def hms(t) -> str:
    return "none" if t is None else t.strftime("%H:%M:%S")


def place_rows(name: str):
    """Rows plus cross-check statistics for one place."""
    lat, lon = PLACES[name]
    o = observer(lat, lon)
    step = 2 if name == "tromso" else 10
    rows = []
    diffs = []      # (|astral - ephem| s, altitude offset at astral's instant ", day, kind)
    sensitive = []  # events where ephem and astral disagree on the date or by >= 60 s
    for year in YEARS[name]:
        day = dt.date(year, 1, 1)
        while day.year == year:
            rise, sett = ephem_event(o, day, True), ephem_event(o, day, False)
            scan = altitude_scan(o, day, step)
            for ev, rising in ((rise, True), (sett, False)):
                kind = "sunrise" if rising else "sunset"
                c = first_crossing(scan, rising)
                assert (ev is None) == (c is None), (name, day, rising, ev, c)
                if ev is not None:
                    slack = dt.timedelta(seconds=1)
                    assert c[0] - slack <= ev <= c[1] + slack, (name, day, rising, ev, c)
                a = astral_event(lat, lon, day, rising)
                if ev is not None and a is not None:
                    alt_off = abs(altitude(o, a) - HORIZON_DEG) * 3600
                    d = abs((a - ev).total_seconds())
                    # Vertical speed of the Sun at the event, arcmin per minute.
                    speed = abs(altitude(o, ev + dt.timedelta(seconds=30))
                                - altitude(o, ev - dt.timedelta(seconds=30))) * 60
                    grazing = speed < 1.0
                    diffs.append((d, alt_off, day, kind, grazing))
                    # Non-grazing: times must agree within 60 s.  Grazing: astral's
                    # instant must be within NOAA's ~1' accuracy of the horizon line.
                    assert (alt_off < 60) if grazing else (d < 60), (name, day, kind, d)
                    if d >= 60:
                        sensitive.append((day, kind, hms(ev), hms(a)))
                elif (ev is None) != (a is None):
                    sensitive.append((day, kind, hms(ev), hms(a)))
            if rise is None and sett is None:
                assert name == "tromso", (name, day)
                signs = {alt >= 0 for _, alt in scan}
                assert len(signs) == 1, (name, day)
                f = "polar-day" if signs.pop() else "polar-night"
                rows.append((day, f, f))
            else:
                rows.append((day, fmt(rise, day) if rise else "none",
                             fmt(sett, day) if sett else "none"))
            day += dt.timedelta(days=1)
    return rows, diffs, sensitive


def main() -> None:
    os.makedirs(OUT_DIR, exist_ok=True)
    for name, (lat, lon) in PLACES.items():
        rows, diffs, sensitive = place_rows(name)
        worst = max(diffs)
        normal = max(d for d in diffs if not d[4])
        n_graze = sum(d[4] for d in diffs)
        years = ", ".join(str(y) for y in YEARS[name])
        n_none = sum(r[1] == "none" for r in rows) + sum(r[2] == "none" for r in rows)
        n_polar = sum(r[1].startswith("polar") for r in rows)
        hdr = [
            f"Sunrise and sunset (UTC) at {name}, latitude {lat}, longitude {lon} (degrees, "
            f"north/east positive), sea level, every day of {years}.",
            "Definition: centre of the Sun at -0.833 deg (-50') altitude, i.e. upper limb on "
            "the horizon with standard refraction. A row gives the first sunrise and the first "
            "sunset whose UTC instant falls on that UTC date, HH:MM:SS rounded to the nearest "
            "second (UT; UTC-UT1 < 0.9 s ignored); 'none' if there is none that date"
            + ("; 'polar-day'/'polar-night' in both fields if the Sun stays above/below all "
               "day." if name == "tromso" else "."),
            f"Source: PyEphem (ephem {ephem.__version__}, MIT licence): Observer elevation=0, "
            "pressure=0, horizon='-0:50'; next_rising/next_setting(Sun(), use_center=True) "
            "from 00:00 UTC of each date. Every event, 'none' and polar row is also confirmed by "
            "sampling PyEphem's altitude through the day.",
            f"Cross-check: astral {astral.__version__} (Apache-2.0, NOAA algorithm) with the same "
            "-0.833 deg definition (time_of_transit, zenith 90.833, with_refraction=False). "
            f"Max |astral - ephem| = {worst[0]:.1f} s ({worst[2]} {worst[3]})"
            + (f"; excluding the {n_graze} grazing crossings (Sun's vertical speed < 1 arcmin/min, "
               f"near polar day/night): {normal[0]:.1f} s ({normal[2]} {normal[3]})"
               if n_graze else "") + ". Max offset of "
            "the Sun from -0.833 deg at astral's instants, per ephem: "
            f"{max(d[1] for d in diffs):.1f} arcsec.",
            f"Counts: {len(rows)} rows, {n_none} 'none' fields, {n_polar} polar rows.",
        ]
        if sensitive:
            hdr.append(
                "Model-sensitive events (ephem and astral disagree on the UTC date or by >= 60 s; "
                "the crossing is grazing or within seconds of midnight UTC), as date kind "
                "ephem/astral: " + "; ".join(f"{d} {k} {e}/{a}" for d, k, e, a in sensitive)
                + ". The ephem value is the one written.")
        hdr += ["Regenerate: python3 -m pip install -r tests/generators/requirements.txt && "
                "python3 tests/generators/sun.py", "Exceptions: none."]
        with open(os.path.join(OUT_DIR, f"{name}.csv"), "w", newline="\n") as f:
            for para in hdr:
                f.write(textwrap.fill(para, 92, initial_indent="# ", subsequent_indent="#   ",
                                      break_on_hyphens=False) + "\n")
            f.write("date,sunrise_utc,sunset_utc\n")
            for day, r, s in rows:
                f.write(f"{day.isoformat()},{r},{s}\n")
        print(f"{name}: rows={len(rows)} worst={worst[:2]} normal={normal[0]:.1f}s graze={n_graze} "
              f"sensitive={len(sensitive)} none={n_none} polar={n_polar}", file=sys.stderr)


if __name__ == "__main__":
    main()
