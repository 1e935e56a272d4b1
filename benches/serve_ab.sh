#!/usr/bin/env bash
# Two builds of `clash serve` under the same load, alternating, so that the
# machine's drift (a quarter or more between runs on a shared VM) falls on
# both: for each round and each binary, a fresh server on a loopback port,
# wrk with 2 threads and 32 keep-alive connections for $SECS seconds, each
# request another day (benches/wrk/new-day-each-request.lua), then the
# server's CPU time per request (from /proc) and its resident memory.
#
#   benches/serve_ab.sh OLD_BIN NEW_BIN [ROUNDS] [SECS] [PATH]
#
# PATH is the request with {day} in it (default: an 18:00 meeting). To
# build an older revision beside this one:
#   git worktree add /tmp/clash-old REV && cargo build --release \
#       --manifest-path /tmp/clash-old/Cargo.toml --target-dir /tmp/clash-old/target
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 2 ] || { echo "usage: benches/serve_ab.sh OLD_BIN NEW_BIN [ROUNDS] [SECS] [PATH]"; exit 2; }
command -v wrk >/dev/null || { echo "serve_ab.sh needs wrk (apt-get install wrk)"; exit 2; }
old=$1 new=$2 rounds=${3:-3} secs=${4:-8}
path=${5:-'/api/v1/check?date={day}T18:00&duration=2h'}
script="$root/benches/wrk/new-day-each-request.lua"
ticks=$(getconf CLK_TCK)
run() { # binary
    local log addr pid t0 t1 out n
    log=$(mktemp)
    "$1" serve --listen 127.0.0.1:0 >/dev/null 2>"$log" &
    pid=$!
    for _ in $(seq 100); do grep -q "listening on" "$log" && break; sleep 0.05; done
    addr=$(sed -n 's/^clash serve: listening on //p' "$log" | head -n 1)
    t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    out=$(wrk -t2 -c32 -d"${secs}s" --latency -s "$script" "$addr$path")
    t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rm -f "$log"
    n=$(echo "$out" | awk '/requests in/ {print $1}')
    printf '%-40s %10s req/s  p50 %8s  p99 %8s  CPU %6s µs/req  RSS %4s MiB\n' "$1" \
        "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
        "$(echo "$out" | awk '$1 == "50%" {print $2}')" \
        "$(echo "$out" | awk '$1 == "99%" {print $2}')" \
        "$(python3 -c "print(round(($t1 - $t0) * 1e6 / $ticks / $n, 1))")" "$rss"
}
echo "$path, $secs s a run, $rounds rounds"
for _ in $(seq "$rounds"); do
    run "$old"
    run "$new"
done
