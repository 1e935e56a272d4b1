#!/usr/bin/env bash
# Side by side, in one run: clash against the tools people use today for
# the same work, printing each time and clash's ratio (clash / other;
# below 1 means clash is faster).
#
#   Jewish holidays 1900-2100: hebcal (Debian package `hebcal`), one
#     process for 201 years (`hebcal --years 201 1900`), against
#     `clash list --from 1900 --to 2100 --tradition jewish` (text, and JSON).
#     The `clash` binary reads these years from the expansion its build
#     baked; the "computed live" row adds `--catalogue` of an empty file,
#     which makes it compute everything, as hebcal does.
#   UK bank holidays 1900-2100, all four nations: Python `holidays` (PyPI,
#     pinned below), as a process and in-process (median of 20 runs of
#     building the four subdivisions' calendars), against `clash list
#     --tradition national,christian --category public-holiday` and the
#     same list built in-process by clash-core (benches/examples/inprocess.rs).
#
# Needs: the Rust toolchain, hyperfine, python3 (a venv is made under
# target/), and hebcal (installed with apt-get when missing and root).
# Usage: benches/compare.sh   (from anywhere; about a minute)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

need() { command -v "$1" >/dev/null || { echo "compare.sh: $1 is needed ($2)" >&2; exit 2; }; }
if ! command -v hebcal >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "compare.sh: installing Debian's hebcal package" >&2
    apt-get install -y -qq hebcal >/dev/null
fi
need hebcal "apt-get install hebcal"
need hyperfine "apt-get install hyperfine"
need python3 "python3 with venv"

holidays_version=0.87
venv=target/compare-venv
if ! "$venv/bin/python" -c "import holidays" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "holidays==$holidays_version"
fi
py="$venv/bin/python"

cargo build --release -q --bin clash
cargo build --release -q -p clash-benches --example inprocess
clash=target/release/clash

: >"$out/empty.toml"
uk_py='import holidays; print(sum(len(holidays.UK(subdiv=s, years=range(1900, 2101))) for s in ("ENG", "NIR", "SCT", "WLS")))'
echo "== counts (same span, each tool's own notion of the set)"
echo "hebcal events:            $(hebcal --years 201 1900 | wc -l)"
echo "clash Jewish occurrences: $("$clash" list --from 1900 --to 2100 --tradition jewish --format csv | tail -n +2 | wc -l)"
echo "holidays UK (4 nations):  $("$py" -c "$uk_py")"
echo "clash UK public holidays: $("$clash" list --from 1900 --to 2100 --tradition national,christian --category public-holiday --format csv | tail -n +2 | wc -l)"

echo "== processes (hyperfine)"
hyperfine -N --warmup 5 --min-runs 30 --style basic --export-json "$out/jewish.json" \
    -n hebcal "hebcal --years 201 1900" \
    -n clash-text "$clash list --from 1900 --to 2100 --tradition jewish" \
    -n clash-json "$clash list --from 1900 --to 2100 --tradition jewish --format json" \
    -n clash-live "$clash list --from 1900 --to 2100 --tradition jewish --catalogue $out/empty.toml" >/dev/null
hyperfine -N --warmup 3 --min-runs 10 --style basic --export-json "$out/uk.json" \
    -n holidays "$py -c '$uk_py'" \
    -n clash "$clash list --from 1900 --to 2100 --tradition national,christian --category public-holiday" >/dev/null

echo "== in-process (median of 20)"
"$py" - >"$out/inproc-py.txt" <<'EOF'
import statistics, time
import holidays
def work():
    return sum(len(holidays.UK(subdiv=s, years=range(1900, 2101))) for s in ("ENG", "NIR", "SCT", "WLS"))
work()  # imports and caches warm, as for the Rust side's loaded catalogue
times = []
for _ in range(20):
    t = time.perf_counter(); n = work(); times.append((time.perf_counter() - t) * 1e6)
print(f"holidays-uk-1900-2100 {statistics.median(times):.1f} {n}")
EOF
target/release/examples/inprocess >"$out/inproc-rs.txt"

"$py" - "$out" "$holidays_version" <<'EOF'
import json, sys
out, version = sys.argv[1], sys.argv[2]
def mean_ms(name):
    data = json.load(open(f"{out}/{name}.json"))["results"]
    return {r["command"]: r["mean"] * 1e3 for r in data}
def inproc(path):
    return {l.split()[0]: float(l.split()[1]) / 1e3 for l in open(path) if l.strip()}
j, u = mean_ms("jewish"), mean_ms("uk")
py, rs = inproc(f"{out}/inproc-py.txt"), inproc(f"{out}/inproc-rs.txt")
rows = [
    ("Jewish 1900-2100, process", "hebcal --years 201 1900", j["hebcal"], "clash list (text)", j["clash-text"]),
    ("Jewish 1900-2100, process", "hebcal --years 201 1900", j["hebcal"], "clash list --format json", j["clash-json"]),
    ("Jewish 1900-2100, process", "hebcal --years 201 1900", j["hebcal"], "clash list, computed live", j["clash-live"]),
    ("UK bank holidays 1900-2100, process", f"python holidays {version}", u["holidays"], "clash list", u["clash"]),
    ("UK bank holidays 1900-2100, in-process", f"python holidays {version}", py["holidays-uk-1900-2100"],
     "clash-core Index::for_filter + list", rs["uk-bank-holidays-1900-2100"]),
]
print(f"{'work':40} {'other':28} {'ms':>9}   {'clash':36} {'ms':>9}  ratio")
for work, other, t_other, ours, t_ours in rows:
    print(f"{work:40} {other:28} {t_other:9.2f}   {ours:36} {t_ours:9.2f}  {t_ours / t_other:5.2f}")
print(f"(clash-core in-process, Jewish 1900-2100 list: {rs['jewish-1900-2100']:.2f} ms; "
      f"loading the embedded catalogue from TOML: {rs['load-catalogue']:.2f} ms)")
EOF
