#!/usr/bin/env python3
"""Generate tests/golden/hindu/jyotisha.csv: the festival days that another implementation,
jyotisha (the sanskrit-coders' panchaanga computation, PyPI `jyotisha`, MIT), gives at New Delhi
for issue 20's lunar observances that have no published table in the `holidays` package.

jyotisha computes a civil year's panchaanga (Swiss Ephemeris, Chitra-at-180 ayanamsha, amanta
months with adhika months by the new-moon rule) and applies its own festival rules (the TOML
files of its adyatithi data, shipped in the wheel) to it; nothing of ours is used.  One row per
(id, date); `part` says which day of our occurrence it is.

Needs a separate environment (its dependencies clash with requirements.txt's):
  python3 -m venv /tmp/vjyot && /tmp/vjyot/bin/pip install -r \
    tests/generators/hindu/requirements-jyotisha.txt
  /tmp/vjyot/bin/python tests/generators/hindu/jyotisha_festivals.py
A year takes about half a minute of CPU; results are cached in $JYOTISHA_CACHE (default
/tmp/jyotisha-cache) as one JSON per year.
"""
import datetime as dt
import json
import logging
import os
import sys
from importlib.metadata import version

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import write_csv  # noqa: E402

Y0, Y1 = int(os.environ.get("JY_FIRST", 2001)), int(os.environ.get("JY_LAST", 2035))
CACHE = os.environ.get("JYOTISHA_CACHE", "/tmp/jyotisha-cache")

# id, part <- jyotisha festival ids (the first one present that year), with the rule jyotisha
# applies (its data file's month/tithi and kaala; no kaala = the tithi at sunrise).
MAPPING = [
    ("cheti-chand", "start", ["jhUlElAla~jayantI"], "Chaitra Shukla 2 at sunrise"),
    ("narasimha-jayanti", "start", ["nRsiMha~jayantI"],
     "Vaishakha Shukla 14 at sunset, the earlier day when both (puurvaviddha)"),
    ("devshayani-ekadashi", "start", ["sarva-zayana-EkAdazI", "smArta-zayana-EkAdazI",
                                       "smArta-zayana-EkAdazI_(gRhastha)"],
     "Ashadha Shukla Ekadashi, its Smarta (householder's) day where the days differ"),
    ("radha-ashtami", "start", ["rAdhASTamI"], "Bhadrapada Shukla 8 at sunrise"),
    ("sharad-purnima", "start", ["zarad-pUrNimA"], "Ashvina Purnima at sunrise"),
    ("labh-pancham", "start", ["pANDava~(lAbha)-paJcamI"],
     "Kartika Shukla 5 at midday, the earlier day when both (puurvaviddha)"),
    ("dev-uthi-ekadashi", "start", ["sarva-utthAna-EkAdazI", "smArta-utthAna-EkAdazI",
                                       "smArta-utthAna-EkAdazI_(gRhastha)"],
     "Kartika Shukla Ekadashi, its Smarta (householder's) day where the days differ"),
    ("tulsi-vivah", "start", ["tulasI-vivAhaH"],
     "Kartika Shukla 12 at midday, the earlier day when both (puurvaviddha)"),
    ("gita-jayanti", "start", ["gItA~jayantI"], "Margashirsha Shukla 11 at sunrise"),
]


def festivals(year):
    """jyotisha's festival id -> ISO dates for the civil year at New Delhi (cached)."""
    path = os.path.join(CACHE, f"new-delhi-{year}.json")
    if not os.path.exists(path):
        logging.disable(logging.WARNING)
        from jyotisha.panchaanga.spatio_temporal import City, annual
        from jyotisha.panchaanga.temporal import ComputationSystem

        city = City("New Delhi", "28:36:50", "77:12:30", "Asia/Calcutta")
        p = annual.get_panchaanga_for_civil_year(
            city=city, year=year, computation_system=ComputationSystem.DEFAULT,
            allow_precomputed=False, precomputed_json_dir=CACHE)
        out = {k: sorted(dt.date(d.year, d.month, d.day).isoformat() for d in v)
               for k, v in p.festival_id_to_days.items()}
        os.makedirs(CACHE, exist_ok=True)
        with open(path, "w") as f:
            json.dump(out, f, ensure_ascii=False, sort_keys=True)
    with open(path) as f:
        return json.load(f)


def main():
    rows = []
    for y in range(Y0, Y1 + 1):
        fest = festivals(y)
        for id_, part, names, _rule in MAPPING:
            name = next((n for n in names if n in fest), None)
            for d in fest.get(name, []):
                if d.startswith(str(y)):
                    rows.append((d, id_, part, "JY"))
    rows.sort()
    header = [
        f"Festival days {Y0}..={Y1} at New Delhi (28:36:50 N, 77:12:30 E, Asia/Calcutta) "
        "computed by another implementation, for observances of issue 20 with no published "
        "table: one row per (id, date); part = which day of our occurrence it is. Sorted by "
        "date, then id.",
        f"JY = PyPI jyotisha {version('jyotisha')} (MIT; github.com/jyotisham/jyotisha, the "
        "sanskrit-coders' panchaanga), annual.get_panchaanga_for_civil_year with "
        "ComputationSystem.DEFAULT (amanta months, adhika by the new-moon rule, Chitra-at-180 "
        "ayanamsha, Swiss Ephemeris) and its own festival rules (adyatithi data in the "
        "wheel). Mapping (our id <- jyotisha's id: its rule): "
        + "; ".join(f"{i} {p} <- {' or '.join(n)}: {r}" for i, p, n, r in MAPPING) + ".",
        "Regenerate (own venv): pip install -r tests/generators/hindu/requirements-jyotisha.txt"
        " && python tests/generators/hindu/jyotisha_festivals.py",
    ]
    write_csv("jyotisha.csv", header, "id,date,part,source",
              [f"{i},{d},{p},{s}" for d, i, p, s in rows])


if __name__ == "__main__":
    main()
