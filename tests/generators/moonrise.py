"""Moonrise golden data: every day of 2024-2026 at Leicester and New Delhi.

Definition (as the US Naval Observatory): the Moon's upper limb on the
horizon, standard refraction of 34 arcminutes, observer at sea level,
topocentric. Source: PyEphem 4.2.1 (MIT licence): Observer with pressure=0,
horizon='-0:34', elevation 0; Moon().rise with use_center=False, searched
from local midnight; the first rise before the next local midnight, else
'none'. Times in UTC, rounded to the second.

Regenerate: python3 -m pip install ephem==4.2.1 &&
  python3 tests/generators/moonrise.py > tests/golden/astronomy/moonrise.csv
"""
import datetime
import zoneinfo

import ephem

PLACES = [
    ("leicester", 52.6369, -1.1398, "Europe/London"),
    ("delhi", 28.6139, 77.2090, "Asia/Kolkata"),
]


def main():
    print(__doc__.strip().replace("\n", "\n# ").join(["# ", ""]))
    print("place,date,moonrise_utc")
    for name, lat, lon, tz in PLACES:
        zone = zoneinfo.ZoneInfo(tz)
        obs = ephem.Observer()
        obs.lat, obs.lon = str(lat), str(lon)
        obs.elevation, obs.pressure, obs.horizon = 0, 0, "-0:34"
        day = datetime.date(2024, 1, 1)
        while day.year <= 2026:
            start = datetime.datetime.combine(day, datetime.time(), zone)
            end = start + datetime.timedelta(days=1)
            start_utc = start.astimezone(datetime.timezone.utc).replace(tzinfo=None)
            end_utc = end.astimezone(datetime.timezone.utc).replace(tzinfo=None)
            obs.date = ephem.Date(start_utc)
            rise = obs.next_rising(ephem.Moon(), use_center=False).datetime()
            value = "none"
            if rise < end_utc:
                value = (rise + datetime.timedelta(microseconds=500_000)).strftime("%H:%M:%S")
            print(f"{name},{day.isoformat()},{value}")
            day += datetime.timedelta(days=1)


if __name__ == "__main__":
    main()
